// Weakness: a credential retired by Update Credentials (promote), or replaced by a new one on update, kept its sealed
// client secret or private key in the database, where a stolen backup plus a key could still open it. Retired
// material is wiped in the same transaction; a deleted integration takes its credentials' rows with it.
import { INTEGRATION_LISTENERS } from '../../src/app/integration-listeners.js';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { AuditContext } from '../../src/features/audit/audit-log.js';
import { createConsoleUser } from '../../src/features/console-auth/console-users.js';
import { KeyRing } from '../../src/platform/crypto/key-ring.js';
import { IntegrationStore, type PutIntegrationInput } from '../../src/features/integrations/integration-store.js';
import { createWorkspace } from '../../src/features/workspaces/workspaces.js';
import { ManualClock } from '../../src/platform/time/clock.js';
import { createClientCertificate } from '../../emulator/test/support/test-certificate.js';
import { openTestStore, type TestStore, dialects, skipReason } from '../support/stores.js';

const settings = (credential: PutIntegrationInput['credential']): PutIntegrationInput => ({
  clientId: '5d3a6c1e-8f2b-4e7d-a9c0-1b2c3d4e5f60',
  services: [{ service: 'directory', modes: ['application'] }],
  credential,
});

for (const dialect of dialects) {
  describe(`retired credentials (${dialect})`, { skip: skipReason(dialect) }, () => {
    let store: TestStore;
    let integrations: IntegrationStore;
    let audit: AuditContext;
    const clock = new ManualClock(new Date('2026-03-01T09:00:00Z'));

    before(async () => {
      store = await openTestStore(dialect);
      const admin = await createConsoleUser(store.db, { email: 'admin@example.test', password: 'correct horse battery staple' });
      audit = { actor: { type: 'user', id: admin.id, label: admin.email }, ip: null, at: clock.now() };
      integrations = new IntegrationStore({ db: store.db, keyRing: new KeyRing([{ id: 'k1', key: Buffer.alloc(32, 3) }]), clock, redirectDefaults: {}, listeners: INTEGRATION_LISTENERS });
    });
    after(async () => store?.close());

    const rows = (ws: string) =>
      store.db.selectFrom('m365_credentials').select(['id', 'status', 'secret_sealed', 'private_key_sealed', 'thumbprint_sha256']).where('workspace_id', '=', ws).orderBy('created_at').orderBy('id').execute();

    it('wipes the sealed secret of a credential retired by promote', async () => {
      const ws = (await createWorkspace(store.db, { name: 'promote', adminUserId: audit.actor.id! }, audit)).id;
      await integrations.put(ws, settings({ kind: 'secret', clientSecret: 'Old8Q~secret-value-to-be-retired-000001' }), audit);
      await integrations.addPendingCredential(ws, { kind: 'secret', clientSecret: 'New8Q~secret-value-now-active-0000002' }, audit);
      await integrations.promotePendingCredential(ws, audit);
      const retired = (await rows(ws)).filter((r) => r.status === 'retired');
      assert.equal(retired.length, 1);
      assert.equal(retired[0]!.secret_sealed, null);
    });

    it('wipes the sealed private key of a certificate replaced on update, keeping its thumbprint for the record', async () => {
      const ws = (await createWorkspace(store.db, { name: 'replace', adminUserId: audit.actor.id! }, audit)).id;
      const certificate = await createClientCertificate();
      await integrations.put(ws, settings({ kind: 'certificate', certificatePem: certificate.certificatePem, privateKeyPem: certificate.privateKeyPem }), audit);
      await integrations.put(ws, settings({ kind: 'secret', clientSecret: 'Rep8Q~secret-value-replacing-cert-0003' }), audit);
      const retired = (await rows(ws)).find((r) => r.status === 'retired')!;
      assert.equal(retired.private_key_sealed, null);
      assert.ok(retired.thumbprint_sha256);
    });

    it('removes every credential with a deleted integration', async () => {
      const ws = (await createWorkspace(store.db, { name: 'delete', adminUserId: audit.actor.id! }, audit)).id;
      await integrations.put(ws, settings({ kind: 'secret', clientSecret: 'Del8Q~secret-value-of-deleted-int-0004' }), audit);
      await integrations.delete(ws, audit);
      assert.deepEqual(await rows(ws), []);
    });
  });
}
