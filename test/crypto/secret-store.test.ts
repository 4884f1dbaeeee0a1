import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { KeyRing } from '../../src/platform/crypto/key-ring.js';
import { deleteSecret, putSecret, readSecret, replaceSecret } from '../../src/platform/crypto/secret-store.js';
import { dialects, openTestStore, skipReason, type TestStore } from '../support/stores.js';

const ring = new KeyRing([{ id: 'k1', key: randomBytes(32) }]);

for (const dialect of dialects) {
  describe(`secret store on ${dialect}`, { skip: skipReason(dialect) }, () => {
    let store: TestStore;
    before(async () => {
      store = await openTestStore(dialect);
      await store.db.insertInto('workspaces').values([
        { id: 'ws_a', name: 'A', updated_at: new Date() },
        { id: 'ws_b', name: 'B', updated_at: new Date() },
      ]).execute();
    });
    after(() => store?.close());

    it('stores only the sealed form and reads the value back in its own workspace only', async () => {
      const id = await putSecret(store.db, ring, { workspaceId: 'ws_a', purpose: 'integration.client_secret', value: 'hunter2-secret' });
      const row = await store.db.selectFrom('sealed_secrets').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      assert.ok(!row.sealed.includes('hunter2'));
      assert.equal(await readSecret(store.db, ring, 'ws_a', id), 'hunter2-secret');
      assert.equal(await readSecret(store.db, ring, 'ws_b', id), undefined);
      assert.equal(await readSecret(store.db, ring, null, id), undefined);
      assert.equal(await replaceSecret(store.db, ring, 'ws_b', id, 'stolen'), false);
      assert.equal(await deleteSecret(store.db, 'ws_b', id), false);
      assert.equal(await replaceSecret(store.db, ring, 'ws_a', id, 'rotated-secret'), true);
      assert.equal(await readSecret(store.db, ring, 'ws_a', id), 'rotated-secret');
      assert.equal(await deleteSecret(store.db, 'ws_a', id), true);
      assert.equal(await readSecret(store.db, ring, 'ws_a', id), undefined);
    });

    it('keeps instance-level secrets (no workspace) apart from every workspace', async () => {
      const id = await putSecret(store.db, ring, { workspaceId: null, purpose: 'webhook.signing_key', value: 'instance-value' });
      assert.equal(await readSecret(store.db, ring, null, id), 'instance-value');
      assert.equal(await readSecret(store.db, ring, 'ws_a', id), undefined);
      assert.equal(await deleteSecret(store.db, 'ws_a', id), false);
      assert.equal(await deleteSecret(store.db, null, id), true);
    });

    it('refuses a sealed value copied onto another secret row', async () => {
      const a = await putSecret(store.db, ring, { workspaceId: 'ws_a', purpose: 'p', value: 'value of a' });
      const b = await putSecret(store.db, ring, { workspaceId: 'ws_a', purpose: 'p', value: 'value of b' });
      const { sealed } = await store.db.selectFrom('sealed_secrets').select('sealed').where('id', '=', a).executeTakeFirstOrThrow();
      await store.db.updateTable('sealed_secrets').set({ sealed }).where('id', '=', b).execute();
      await assert.rejects(readSecret(store.db, ring, 'ws_a', b), { code: 'sealed_blob_tampered' });
    });
  });
}
