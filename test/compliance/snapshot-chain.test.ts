// Snapshots as a hash chain per tenant: stored compressed, read back as written, secrets never kept, and an edit
// in the database named as the first broken link.
import assert from 'node:assert/strict';
import { gunzipSync, gzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { canonicalise } from '../../src/features/compliance/canonical-json.js';
import { appendSnapshot, listSnapshots, loadSnapshot, verifyChain } from '../../src/features/compliance/snapshot-store.js';
import { dialects, openTestStore, skipReason, type TestStore } from '../support/stores.js';
import { compliantSnapshot } from './snapshot-fixtures.js';

const TENANT = '11111111-2222-3333-4444-555555555555';

for (const dialect of dialects) {
  describe(`compliance snapshot chain on ${dialect}`, { skip: skipReason(dialect) }, () => {
    let store: TestStore;
    let n = 0;
    const workspace = async () => {
      const id = `ws_chain${++n}`;
      await store.db.insertInto('workspaces').values({ id, name: id, updated_at: new Date() }).execute();
      return id;
    };
    const append = (workspaceId: string, minute: number, edit: (s: ReturnType<typeof compliantSnapshot>) => void = () => {}) => {
      const snapshot = compliantSnapshot();
      edit(snapshot);
      return appendSnapshot(store.db, { workspaceId, tenantId: TENANT, collectedAt: new Date(Date.UTC(2026, 11, 5, 10, minute)), snapshot });
    };

    before(async () => {
      store = await openTestStore(dialect);
    });
    after(async () => {
      await store.close();
    });

    it('links each snapshot to the previous one and reads each back as written', async () => {
      const ws = await workspace();
      const first = await append(ws, 0);
      const second = await append(ws, 5, (s) => (s.areas.sharePoint!.settings!.sharingCapability = 'externalUserAndGuestSharing'));
      assert.deepEqual([first.sequence, first.previousHash], [1, null]);
      assert.deepEqual([second.sequence, second.previousHash], [2, first.hash]);
      const loaded = await loadSnapshot(store.db, ws, second.id);
      assert.equal(loaded!.snapshot.areas.sharePoint!.settings!.sharingCapability, 'externalUserAndGuestSharing');
      // Read back in canonical order (objects by id), otherwise as written.
      assert.deepEqual(loaded!.snapshot.areas.conditionalAccess, canonicalise(compliantSnapshot().areas.conditionalAccess));
      assert.deepEqual((await listSnapshots(store.db, ws, TENANT)).map((s) => s.id), [first.id, second.id]);
      assert.deepEqual(await verifyChain(store.db, ws, TENANT), { valid: true, snapshots: 2, headHash: second.hash });
    });

    it('the same tenant state hashes the same whatever order Graph listed the objects in', async () => {
      const a = await workspace();
      const b = await workspace();
      const one = await append(a, 0);
      const other = await append(b, 0, (s) => s.areas.conditionalAccess!.policies!.reverse());
      assert.equal(one.hash, other.hash);
    });

    it('never stores secret material a snapshot carries', async () => {
      const ws = await workspace();
      const stored = await append(ws, 0, (s) => {
        s.areas.directory!.users![0]!.passwordProfile = { password: 'Hunter2!', forceChangePasswordNextSignIn: false };
        s.areas.directory!.groups![0]!.passwordCredentials = [{ keyId: 'k1', displayName: 'ci', secretText: 'abc~very-secret', hint: 'abc' }];
      });
      const rows = await store.db.selectFrom('compliance_snapshot_areas').select('body').where('snapshot_id', '=', stored.id).execute();
      const text = rows.map((r) => Buffer.from(r.body).toString('latin1')).join('');
      const loaded = JSON.stringify((await loadSnapshot(store.db, ws, stored.id))!.snapshot);
      for (const secret of ['Hunter2!', 'abc~very-secret']) assert.ok(!loaded.includes(secret) && !text.includes(secret), secret);
      assert.match(loaded, /"keyId":"k1"/, 'the rest of the credential metadata stays');
    });

    it('a body compressed at another level (snapshots stored before bodies were compressed at the fastest) reads back and verifies', async () => {
      const ws = await workspace();
      const stored = await append(ws, 0);
      const rows = await store.db.selectFrom('compliance_snapshot_areas').select(['area', 'body']).where('snapshot_id', '=', stored.id).execute();
      for (const row of rows) {
        const text = gunzipSync(Buffer.from(row.body));
        await store.db.updateTable('compliance_snapshot_areas').set({ body: gzipSync(text, { level: 9 }) }).where('snapshot_id', '=', stored.id).where('area', '=', row.area).execute();
      }
      assert.deepEqual(await verifyChain(store.db, ws, TENANT), { valid: true, snapshots: 1, headHash: stored.hash });
      assert.deepEqual((await loadSnapshot(store.db, ws, stored.id))!.snapshot.areas.conditionalAccess, canonicalise(compliantSnapshot().areas.conditionalAccess));
    });

    it('bodies are kept as they are (gzip already), not compressed again by the database', async () => {
      const { rows } = await sql<{ attstorage: string }>`select attstorage from pg_attribute where attrelid = 'compliance_snapshot_areas'::regclass and attname = 'body'`.execute(store.db);
      assert.deepEqual(rows, [{ attstorage: 'e' }]);
    });

    it('names the first broken link when an area is edited in the database', async () => {
      const ws = await workspace();
      await append(ws, 0);
      const second = await append(ws, 5);
      await append(ws, 10);
      const forged = gzipSync(JSON.stringify({ settings: { sharingCapability: 'disabled' } }));
      await store.db.updateTable('compliance_snapshot_areas').set({ body: forged }).where('snapshot_id', '=', second.id).where('area', '=', 'sharePoint').execute();
      const verification = await verifyChain(store.db, ws, TENANT);
      assert.equal(verification.valid, false);
      assert.ok(!verification.valid);
      assert.deepEqual([verification.firstBrokenLink.snapshotId, verification.firstBrokenLink.sequence], [second.id, 2]);
      assert.match(verification.firstBrokenLink.reason, /sharePoint area's content does not match its sha256/);
    });

    it('names a snapshot whose faults were rewritten, and the next one once the edited row hash is restored', async () => {
      const ws = await workspace();
      const first = await append(ws, 0);
      const second = await append(ws, 5);
      // Rewrite the first snapshot's faults consistently with nothing else: its own manifest hash breaks.
      await store.db.updateTable('compliance_snapshots').set({ faults: '{"roles":{"status":"error","message":"x"}}' }).where('id', '=', first.id).execute();
      let v = await verifyChain(store.db, ws, TENANT);
      assert.ok(!v.valid && v.firstBrokenLink.snapshotId === first.id);
      // Recompute the first row's hash too: the second snapshot's link to it now breaks.
      await store.db.updateTable('compliance_snapshots').set({ hash: 'f'.repeat(64) }).where('id', '=', first.id).execute();
      v = await verifyChain(store.db, ws, TENANT);
      assert.ok(!v.valid);
      assert.equal(v.firstBrokenLink.snapshotId, first.id);
      await store.db.updateTable('compliance_snapshots').set({ previous_hash: 'f'.repeat(64) }).where('id', '=', second.id).execute();
      await store.db.updateTable('compliance_snapshots').set({ faults: '{}', hash: first.hash }).where('id', '=', first.id).execute();
      v = await verifyChain(store.db, ws, TENANT);
      assert.ok(!v.valid);
      assert.equal(v.firstBrokenLink.snapshotId, second.id);
      assert.match(v.firstBrokenLink.reason, /previous_hash/);
    });

    it('names a deleted snapshot as a gap in the chain', async () => {
      const ws = await workspace();
      await append(ws, 0);
      const second = await append(ws, 5);
      const third = await append(ws, 10);
      await store.db.deleteFrom('compliance_snapshots').where('id', '=', second.id).execute();
      const v = await verifyChain(store.db, ws, TENANT);
      assert.ok(!v.valid);
      assert.equal(v.firstBrokenLink.snapshotId, third.id);
      assert.match(v.firstBrokenLink.reason, /snapshot 2 is missing/);
    });

    it('another workspace cannot read a snapshot by id, and concurrent appends keep one chain', async () => {
      const ws = await workspace();
      const other = await workspace();
      const stored = await append(ws, 0);
      assert.equal(await loadSnapshot(store.db, other, stored.id), undefined);
      await Promise.all([append(ws, 1), append(ws, 2), append(ws, 3)]);
      const v = await verifyChain(store.db, ws, TENANT);
      assert.deepEqual([v.valid, v.snapshots], [true, 4]);
    });
  });
}
