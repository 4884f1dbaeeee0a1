// The workspace's integration settings and credentials: write-only secrets, validation against the permission
// catalogue, rotation without a moment lacking a working credential, and audit entries that never hold a secret.
import { INTEGRATION_LISTENERS } from '../../src/app/integration-listeners.js';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { AuditContext } from '../../src/features/audit/audit-log.js';
import { createConsoleUser } from '../../src/features/console-auth/console-users.js';
import { DomainError } from '../../src/platform/errors/domain-error.js';
import { KeyRing } from '../../src/platform/crypto/key-ring.js';
import { IntegrationStore, type PutIntegrationInput } from '../../src/features/integrations/integration-store.js';
import { resolveRedirectUri } from '../../src/features/integrations/redirect-uri.js';
import { createWorkspace } from '../../src/features/workspaces/workspaces.js';
import { ManualClock } from '../../src/platform/time/clock.js';
import { IdentityError } from '../../src/microsoft/identity/index.js';
import { createClientCertificate } from '../../emulator/test/support/test-certificate.js';
import { dialects, openTestStore, skipReason, type TestStore } from '../support/stores.js';

const SECRET = 'Abc8Q~integration-store-test-secret-value-0001';
const NEW_SECRET = 'Xyz8Q~integration-store-rotated-secret-value-0002';
const CLIENT_ID = '5d3a6c1e-8f2b-4e7d-a9c0-1b2c3d4e5f60';

const settings = (overrides: Partial<PutIntegrationInput> = {}): PutIntegrationInput => ({
  clientId: CLIENT_ID,
  azureTenantId: '',
  services: [
    { service: 'onedrive', modes: ['delegated'] },
    { service: 'directory', modes: ['application', 'delegated'] },
  ],
  credential: { kind: 'secret', clientSecret: SECRET, expiresAt: new Date('2027-01-01T00:00:00Z') },
  ...overrides,
});

for (const dialect of dialects) {
  describe(`integration store (${dialect})`, { skip: skipReason(dialect) }, () => {
    let store: TestStore;
    let integrations: IntegrationStore;
    let audit: AuditContext;
    const clock = new ManualClock(new Date('2026-03-01T09:00:00Z'));
    const keyRing = new KeyRing([{ id: 'k1', key: Buffer.alloc(32, 3) }]);

    const newWorkspace = async (name: string) => (await createWorkspace(store.db, { name, adminUserId: audit.actor.id! }, audit)).id;
    const auditText = async (workspaceId: string) =>
      JSON.stringify(await store.db.selectFrom('audit_log').selectAll().where('workspace_id', '=', workspaceId).execute());

    before(async () => {
      store = await openTestStore(dialect);
      const admin = await createConsoleUser(store.db, { email: 'admin@example.test', password: 'correct horse battery staple' });
      audit = { actor: { type: 'user', id: admin.id, label: admin.email }, ip: '127.0.0.1', at: clock.now() };
      integrations = new IntegrationStore({ db: store.db, keyRing, clock, redirectDefaults: { backendUrl: 'https://hub.example.com/' }, listeners: INTEGRATION_LISTENERS });
    });
    after(async () => store?.close());

    it('stores the secret sealed and shows only that it is set', async () => {
      const ws = await newWorkspace('secret');
      const { integration, created } = await integrations.put(ws, settings(), audit);
      assert.equal(created, true);
      assert.equal(integration.tenant, 'organizations');
      assert.equal(integration.effectiveRedirectUri, 'https://hub.example.com/auth/m365/callback');
      assert.deepEqual(integration.services, [
        { service: 'onedrive', modes: ['delegated'] },
        { service: 'directory', modes: ['delegated', 'application'] },
      ]);
      assert.equal(integration.credential?.kind, 'secret');
      assert.equal(integration.credential?.secretSet, true);
      assert.equal(integration.credential?.expiresAt?.toISOString(), '2027-01-01T00:00:00.000Z');
      assert.ok(!JSON.stringify(integration).includes(SECRET), 'the view never holds the secret');
      const raw = JSON.stringify(await store.db.selectFrom('m365_credentials').selectAll().execute());
      assert.ok(!raw.includes(SECRET), 'the database row holds it sealed only');
      const auth = await integrations.loadIntegrationAuth(ws);
      assert.deepEqual(auth?.credentials, { clientId: CLIENT_ID, clientSecret: SECRET });
      assert.ok(!(await auditText(ws)).includes(SECRET));
    });

    it('stores a certificate with its thumbprint and expiry, the private key sealed', async () => {
      const ws = await newWorkspace('certificate');
      const certificate = await createClientCertificate();
      const { integration } = await integrations.put(ws, settings({ credential: { kind: 'certificate', ...certificate } }), audit);
      assert.equal(integration.credential?.kind, 'certificate');
      assert.match(integration.credential?.thumbprint ?? '', /^[0-9A-F]{40}$/, 'SHA-1 hex, as the Entra admin center shows it');
      assert.equal(integration.credential?.expirySource, 'certificate');
      const keyBody = certificate.privateKeyPem.split('\n')[1]!;
      assert.ok(!JSON.stringify(integration).includes(keyBody));
      assert.ok(!JSON.stringify(await store.db.selectFrom('m365_credentials').selectAll().execute()).includes(keyBody));
      const auth = await integrations.loadIntegrationAuth(ws);
      assert.deepEqual(auth?.credentials, { clientId: CLIENT_ID, ...certificate });
    });

    it('refuses a certificate whose key does not belong to it, without echoing either', async () => {
      const ws = await newWorkspace('mismatch');
      const one = await createClientCertificate();
      const two = await createClientCertificate();
      await assert.rejects(
        integrations.put(ws, settings({ credential: { kind: 'certificate', certificatePem: one.certificatePem, privateKeyPem: two.privateKeyPem } }), audit),
        (error: DomainError) => error.code === 'validation_failed' && !error.message.includes('PRIVATE KEY'),
      );
      assert.equal(await integrations.get(ws), undefined, 'nothing was saved');
    });

    it('validates settings against the permission catalogue', async () => {
      const ws = await newWorkspace('validation');
      const refused = async (overrides: Partial<PutIntegrationInput>, field: string) =>
        assert.rejects(integrations.put(ws, settings(overrides), audit), (e: DomainError) => e.code === 'validation_failed' && e.message.startsWith(field), field);
      await refused({ clientId: 'not-a-guid' }, 'clientId');
      await refused({ services: [{ service: 'fax', modes: ['delegated'] }] }, 'services');
      await refused({ services: [] }, 'services');
      await refused({ services: [{ service: 'dynamics', modes: ['application'] }] }, 'dynamicsOrg');
      await refused({ services: [{ service: 'dynamics', modes: ['delegated'] }], dynamicsOrg: 'contoso' }, 'services');
      await refused({ allowedSites: ['https://evil.example.com/sites/x'] }, 'allowedSites');
      await refused({ allowedSites: ['http://contoso.sharepoint.com/sites/x'] }, 'allowedSites');
      await refused({ redirectUri: 'http://hub.example.com/auth/m365/callback' }, 'redirectUri');
      await refused({ returnOrigins: ['https://app.example.com/path'] }, 'returnOrigins');
      await refused({ credential: undefined }, 'credential');
      const { integration } = await integrations.put(
        ws,
        settings({
          services: [{ service: 'dynamics', modes: ['application'] }, { service: 'sharepoint', modes: ['application'] }],
          dynamicsOrg: 'Contoso',
          allowedSites: ['https://Contoso.sharepoint.com/sites/Finance/', 'https://contoso.sharepoint.com/sites/finance'],
          azureTenantId: 'C0A7E5A0-5E3D-4B7A-9A65-7C0E2F4D1A01',
        }),
        audit,
      );
      assert.equal(integration.dynamicsOrg, 'contoso');
      assert.deepEqual(integration.allowedSites, ['https://contoso.sharepoint.com/sites/finance']);
      assert.equal(integration.tenant, 'c0a7e5a0-5e3d-4b7a-9a65-7c0e2f4d1a01');
    });

    it('rotates: pending beside active, promote swaps them in one step, the old one retired', async () => {
      const ws = await newWorkspace('rotation');
      await integrations.put(ws, settings(), audit);
      const pending = await integrations.addPendingCredential(ws, { kind: 'secret', clientSecret: NEW_SECRET }, audit);
      assert.equal(pending.status, 'pending');
      assert.deepEqual((await integrations.loadIntegrationAuth(ws))?.credentials, { clientId: CLIENT_ID, clientSecret: SECRET }, 'active unchanged');
      assert.deepEqual((await integrations.loadIntegrationAuth(ws, { credential: 'pending' }))?.credentials, { clientId: CLIENT_ID, clientSecret: NEW_SECRET });
      const view = await integrations.get(ws);
      assert.equal(view?.pendingCredential?.id, pending.id);
      const promoted = await integrations.promotePendingCredential(ws, audit);
      assert.equal(promoted.credential?.id, pending.id);
      assert.equal(promoted.pendingCredential, null);
      assert.deepEqual((await integrations.loadIntegrationAuth(ws))?.credentials, { clientId: CLIENT_ID, clientSecret: NEW_SECRET });
      assert.equal(await integrations.loadIntegrationAuth(ws, { credential: 'pending' }), undefined);
      const statuses = (await store.db.selectFrom('m365_credentials').select('status').where('workspace_id', '=', ws).execute()).map((r) => r.status).sort();
      assert.deepEqual(statuses, ['active', 'retired']);
      await assert.rejects(integrations.promotePendingCredential(ws, audit), (e: DomainError) => e.code === 'conflict');
      const actions = (await store.db.selectFrom('audit_log').select('action').where('workspace_id', '=', ws).orderBy('seq').execute()).map((r) => r.action);
      assert.deepEqual(actions.slice(1), ['integration.created', 'integration.credential_added', 'integration.credential_retired', 'integration.credential_promoted']);
      const text = await auditText(ws);
      assert.ok(!text.includes(SECRET) && !text.includes(NEW_SECRET));
    });

    it('audits which fields an update changed, and forgets admin consent when the app changes', async () => {
      const ws = await newWorkspace('update');
      await integrations.put(ws, settings(), audit);
      await integrations.recordAdminConsent(store.db, ws, 'c0a7e5a0-5e3d-4b7a-9a65-7c0e2f4d1a01', audit);
      assert.equal((await integrations.get(ws))?.adminConsent?.tenant, 'c0a7e5a0-5e3d-4b7a-9a65-7c0e2f4d1a01');
      const { created, integration } = await integrations.put(ws, settings({ credential: undefined, redirectUri: 'https://hub.example.com/cb' }), audit);
      assert.equal(created, false);
      assert.equal(integration.effectiveRedirectUri, 'https://hub.example.com/cb');
      assert.ok(integration.adminConsent, 'consent kept: same app');
      const last = await store.db.selectFrom('audit_log').select(['action', 'data']).where('workspace_id', '=', ws).orderBy('seq', 'desc').executeTakeFirstOrThrow();
      assert.equal(last.action, 'integration.updated');
      assert.deepEqual((last.data as { fields: string[] }).fields, ['redirectUri']);
      const changedApp = await integrations.put(ws, settings({ credential: undefined, clientId: '11111111-2222-4333-8444-555555555555' }), audit);
      assert.equal(changedApp.integration.adminConsent, null);
    });

    it('deletes the integration and its credentials; a second delete is not found', async () => {
      const ws = await newWorkspace('delete');
      await integrations.put(ws, settings(), audit);
      await integrations.delete(ws, audit);
      assert.equal(await integrations.get(ws), undefined);
      assert.equal(await integrations.loadIntegrationAuth(ws), undefined);
      assert.equal((await store.db.selectFrom('m365_credentials').select('id').where('workspace_id', '=', ws).execute()).length, 0);
      await assert.rejects(integrations.delete(ws, audit), (e: DomainError) => e.code === 'not_found');
    });

    it('tells the features that follow it: cached app tokens go when the credential is replaced and when the integration is deleted', async () => {
      const ws = await newWorkspace('listeners');
      await integrations.put(ws, settings(), audit);
      const cacheAppToken = () =>
        store.db.insertInto('m365_app_tokens').values({ id: `${ws}:t1`, workspace_id: ws, tenant_id: 't1', credential_id: 'cred_x', access_token_sealed: 'sealed', expires_at: new Date('2030-01-01T00:00:00Z'), updated_at: new Date() }).execute();
      const cached = async () => (await store.db.selectFrom('m365_app_tokens').select('id').where('workspace_id', '=', ws).execute()).length;
      await cacheAppToken();
      await integrations.put(ws, settings({ credential: { kind: 'secret', clientSecret: NEW_SECRET, expiresAt: new Date('2027-06-01T00:00:00Z') } }), audit);
      assert.equal(await cached(), 0, 'a token obtained with the old credential is not handed out');
      await cacheAppToken();
      await integrations.delete(ws, audit);
      assert.equal(await cached(), 0);
    });

    it("never returns one workspace's integration for another", async () => {
      const a = await newWorkspace('iso-a');
      const b = await newWorkspace('iso-b');
      await integrations.put(a, settings(), audit);
      assert.equal(await integrations.get(b), undefined);
      assert.equal(await integrations.loadIntegrationAuth(b), undefined);
      await assert.rejects(integrations.addPendingCredential(b, { kind: 'secret', clientSecret: NEW_SECRET }, audit), (e: DomainError) => e.code === 'not_found');
    });
  });
}

describe('redirect URI resolution', () => {
  it('prefers the integration, then M365_REDIRECT_URI, then BACKEND_URL + /auth/m365/callback', () => {
    assert.equal(resolveRedirectUri({ integrationRedirectUri: 'https://a/cb', m365RedirectUri: 'https://b/cb', backendUrl: 'https://c' }), 'https://a/cb');
    assert.equal(resolveRedirectUri({ m365RedirectUri: 'https://b/cb', backendUrl: 'https://c' }), 'https://b/cb');
    assert.equal(resolveRedirectUri({ backendUrl: 'https://c/' }), 'https://c/auth/m365/callback');
  });
  it('without any, fails with redirect_uri_not_configured saying where to set it', () => {
    assert.throws(
      () => resolveRedirectUri({}),
      (e: IdentityError) => e.code === 'redirect_uri_not_configured' && e.userMessage === 'Redirect URI not configured.' && e.fix.includes('M365_REDIRECT_URI'),
    );
  });
});
