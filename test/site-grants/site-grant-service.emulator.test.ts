// Granting allowed sites against the emulator, on both stores: a console admin whose own connection holds
// Sites.FullControl.All grants the integration's Sites.Selected app each allowed site (site-post-permissions,
// https://learn.microsoft.com/graph/api/site-post-permissions); a connection without it is refused with the
// permission named; unknown sites and sites on another host come back per site, not as a failure of the whole run.
import { INTEGRATION_LISTENERS } from '../../src/app/integration-listeners.js';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { startEmulator, type EmulatorHandle } from '../../emulator/harness.js';
import { appToken, graphGet, userToken } from '../../emulator/graph/test/graph-test-client.js';
import { grantAllowedSites, type SiteGrantDeps } from '../../src/features/site-grants/index.js';
import { IntegrationStore } from '../../src/features/integrations/integration-store.js';
import { KeyRing } from '../../src/platform/crypto/key-ring.js';
import { HttpProblem } from '../../src/platform/http/http-problem.js';
import { createLogger } from '../../src/platform/logging/logger.js';
import { ManualClock } from '../../src/platform/time/clock.js';
import { dialects, openTestStore, skipReason, type TestStore } from '../support/stores.js';

const clock = new ManualClock(new Date());
const logger = createLogger({ level: 'silent', destination: new Writable({ write: (_c, _e, done) => done() }) });
const audit = () => ({ actor: { type: 'user' as const, id: null, label: 'admin@example.test' }, ip: null, at: clock.now() });
const admin = { kind: 'console_user' as const, id: 'user_admin' };

let emulator: EmulatorHandle;
let tenant: string;
let app: { appId: string; secret: string };
let sites: { id: string; webUrl: string }[];
let fullControlToken: string;
let readOnlyToken: string;

before(async () => {
  emulator = await startEmulator({ autoSignIn: true, autoConsent: true });
  tenant = emulator.tenantId!;
  const created = await emulator.createApplication(tenant, { displayName: 'Acme files', signInAudience: 'AzureADMyOrg', requiredPermissions: { application: ['Sites.Selected'] } });
  app = { appId: created.appId, secret: (await emulator.addSecret(tenant, created.appId)).secretText };
  await emulator.grant(tenant, { appId: app.appId, roles: ['Sites.Selected'] });
  // Two users: consent is kept per user and app, so one user's later token would carry both scopes.
  const [first, second] = emulator.seed!.users;
  fullControlToken = await userToken(emulator, first!.userPrincipalName, 'https://graph.microsoft.com/Sites.FullControl.All');
  readOnlyToken = await userToken(emulator, second!.userPrincipalName, 'https://graph.microsoft.com/Sites.Read.All');
  sites = ((await graphGet(emulator, '/sites?search=*', readOnlyToken)).body.value as { id: string; webUrl: string; root?: object }[]).filter((s) => !s.root);
});
after(async () => {
  await emulator?.close();
});

for (const dialect of dialects) {
  describe(`granting allowed sites (${dialect})`, { skip: skipReason(dialect) }, () => {
    let store: TestStore;
    let integrations: IntegrationStore;
    const ws = `ws_${dialect.padEnd(26, 'g')}`;
    const deps = (token: string | undefined): SiteGrantDeps => ({
      integrations,
      delegatedToken: async () => token,
      graphUrl: emulator.url,
      fetch: emulator.fetch,
      logger,
      adminConsentLink: (workspaceId) => `https://hub.example.test/auth/m365/admin-consent?workspaceId=${workspaceId}`,
    });
    const configure = (allowedSites: string[]) =>
      integrations.put(ws, { clientId: app.appId, azureTenantId: tenant, services: [{ service: 'sharepoint', modes: ['application'] }], allowedSites, credential: { kind: 'secret', clientSecret: app.secret } }, audit());

    before(async () => {
      store = await openTestStore(dialect);
      await store.db.insertInto('workspaces').values({ id: ws, name: ws, created_at: clock.now(), updated_at: clock.now() }).execute();
      integrations = new IntegrationStore({ db: store.db, keyRing: new KeyRing([{ id: 'k1', key: Buffer.alloc(32, 5) }]), clock, redirectDefaults: { backendUrl: 'https://hub.example.test' }, listeners: INTEGRATION_LISTENERS });
    });
    after(async () => {
      await store?.close();
    });

    it('grants each allowed site to the app, which then reaches it; unknown sites and other hosts are reported per site', async () => {
      const site = sites[0]!;
      const unknown = `https://${new URL(site.webUrl).hostname}/sites/no-such-site-${dialect}`;
      await configure([site.webUrl, unknown, 'https://fabrikam.sharepoint.com/sites/finance']);
      const results = await grantAllowedSites(deps(fullControlToken), ws, admin);
      assert.deepEqual(results.map((r) => r.status), [results[0]!.status === 'already_granted' ? 'already_granted' : 'granted', 'not_found', 'not_found']);
      const appOnly = await appToken(emulator, tenant, app.appId, app.secret);
      assert.equal((await graphGet(emulator, `/sites/${site.id}/drive`, appOnly)).status, 200, 'the app reaches the granted site');
      assert.equal((await graphGet(emulator, `/sites/${sites[1]!.id}/drive`, appOnly)).status, 403, 'and only that one');
    });

    it('without Sites.FullControl.All, or without a connection, it stops with the permission named and the consent link', async () => {
      await configure([sites[1]!.webUrl]);
      for (const token of [readOnlyToken, undefined]) {
        await assert.rejects(grantAllowedSites(deps(token), ws, admin), (error: unknown) => {
          assert.ok(error instanceof HttpProblem);
          assert.equal(error.code, 'sites_full_control_required');
          assert.match(error.message, /Sites\.FullControl\.All/);
          assert.match(error.message, /admin-consent\?workspaceId=/);
          assert.ok(!error.message.includes(readOnlyToken), 'never the token');
          return true;
        });
      }
      await assert.rejects(grantAllowedSites(deps(fullControlToken), ws, null), (error: unknown) => error instanceof HttpProblem && error.code === 'sites_full_control_required' && /X-M365Hub-Acting-User/.test(error.message));
    });

    it('no allowed sites, or no integration, is a problem saying what to set', async () => {
      await configure([]);
      await assert.rejects(grantAllowedSites(deps(fullControlToken), ws, admin), (error: unknown) => error instanceof HttpProblem && error.code === 'allowed_sites_missing');
      await assert.rejects(grantAllowedSites(deps(fullControlToken), 'ws_nointegrationxxxxxxxxxxxxxx', admin), (error: unknown) => error instanceof HttpProblem && error.code === 'integration_not_configured');
    });
  });
}
