// Sites.Selected end to end against the emulator: the grant helper resolves each allowed site URL and grants the
// app (site-post-permissions, with a Sites.FullControl.All token), says which sites it could not grant and why, and
// Test Connection then reports, per allowed site, whether the app reaches it.
import { INTEGRATION_LISTENERS } from '../../src/app/integration-listeners.js';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { startEmulator, type EmulatorHandle } from '../../emulator/harness.js';
import { appWithRoles, graphGet } from '../../emulator/graph/test/graph-test-client.js';
import { createGraphClient } from '../../src/microsoft/graph/graph-client.js';
import { grantSites } from '../../src/microsoft/graph/sharepoint-sites.js';
import { KeyRing } from '../../src/platform/crypto/key-ring.js';
import { testConnection, type TestConnectionDeps } from '../../src/features/health/test-connection.js';
import { emulatorTestConnectionDeps } from './support/emulator-test-connection-deps.js';
import { IntegrationStore } from '../../src/features/integrations/integration-store.js';
import { createLogger } from '../../src/platform/logging/logger.js';
import { ManualClock } from '../../src/platform/time/clock.js';
import { openTestStore, type TestStore } from '../support/stores.js';

describe('Sites.Selected: grant helper and Test Connection per allowed site (emulator)', () => {
  let emulator: EmulatorHandle;
  let store: TestStore;
  let integrations: IntegrationStore;
  let deps: TestConnectionDeps;
  let tenant: string;
  let app: { appId: string; secret: string };
  let sites: { id: string; webUrl: string }[];
  let admin: ReturnType<typeof createGraphClient>;
  const clock = new ManualClock(new Date());
  const logger = createLogger({ level: 'silent', destination: new Writable({ write: (_c, _e, done) => done() }) });
  const audit = () => ({ actor: { type: 'user' as const, id: null, label: 'admin@example.test' }, ip: null, at: clock.now() });
  const ws = `ws_${'sites'.padEnd(26, 'a')}`;

  before(async () => {
    emulator = await startEmulator();
    tenant = emulator.tenantId!;
    store = await openTestStore('pglite');
    await store.db.insertInto('workspaces').values({ id: ws, name: ws, created_at: clock.now(), updated_at: clock.now() }).execute();
    integrations = new IntegrationStore({ db: store.db, keyRing: new KeyRing([{ id: 'k1', key: Buffer.alloc(32, 5) }]), clock, redirectDefaults: { backendUrl: 'https://hub.example.test' }, listeners: INTEGRATION_LISTENERS });
    const created = await emulator.createApplication(tenant, { displayName: 'Acme files', signInAudience: 'AzureADMyOrg', requiredPermissions: { application: ['Sites.Selected'] } });
    app = { appId: created.appId, secret: (await emulator.addSecret(tenant, created.appId)).secretText };
    await emulator.grant(tenant, { appId: app.appId, roles: ['Sites.Selected'] });
    const fullControl = await appWithRoles(emulator, tenant, ['Sites.FullControl.All', 'Sites.Read.All']);
    admin = createGraphClient({ graphUrl: emulator.url, accessToken: async () => fullControl.token, fetch: emulator.fetch, logger, sleep: async () => {} });
    sites = ((await graphGet(emulator, '/sites?search=*', fullControl.token)).body.value as { id: string; webUrl: string; root?: object }[]).filter((s) => !s.root);
    deps = emulatorTestConnectionDeps(emulator, integrations, clock, logger);
  });
  after(async () => {
    await store?.close();
    await emulator?.close();
  });

  it('before any grant Test Connection names the sites not granted; after the grant each allowed site is reachable', async () => {
    const [granted, notGranted] = sites;
    const host = new URL(granted!.webUrl).hostname;
    const unknown = `https://${host}/sites/no-such-site`;
    await integrations.put(ws, { clientId: app.appId, azureTenantId: tenant, services: [{ service: 'sharepoint', modes: ['application'] }], allowedSites: [granted!.webUrl, notGranted!.webUrl], credential: { kind: 'secret', clientSecret: app.secret } }, audit());

    const before = await testConnection(deps, ws);
    const step = before.steps.find((s) => s.name === 'service:sharepoint')!;
    assert.equal(step.status, 'failed');
    assert.equal(step.code, 'sites_not_granted');
    assert.equal(before.health, 'permission_error');
    assert.deepEqual((step.details!.sites as { status: string }[]).map((s) => s.status), ['denied', 'denied']);

    const results = await grantSites(admin, { appId: app.appId, displayName: 'Acme files' }, [granted!.webUrl, unknown]);
    assert.deepEqual(results.map((r) => [r.url, r.status]), [[granted!.webUrl, 'granted'], [unknown, 'not_found']]);
    assert.equal(results[0]!.status === 'granted' && results[0]!.siteId, granted!.id);

    const after = await testConnection(deps, ws);
    const sitesAfter = after.steps.find((s) => s.name === 'service:sharepoint')!;
    assert.deepEqual((sitesAfter.details!.sites as { url: string; status: string }[]).map((s) => [s.url, s.status]), [[granted!.webUrl, 'reachable'], [notGranted!.webUrl, 'denied']]);
    assert.match(sitesAfter.message!, /1 of 2/);
    assert.match(sitesAfter.message!, new RegExp(notGranted!.webUrl));

    await grantSites(admin, { appId: app.appId, displayName: 'Acme files' }, [notGranted!.webUrl]);
    const connected = await testConnection(deps, ws);
    assert.equal(connected.health, 'connected', JSON.stringify(connected.steps));
    assert.equal(connected.steps.find((s) => s.name === 'service:sharepoint')!.status, 'passed');
  });

  it('granting again adds no second permission; a token without Sites.FullControl.All is refused per site; a site on another host is not found', async () => {
    const site = sites[0]!;
    const again = await grantSites(admin, { appId: app.appId, displayName: 'Acme files' }, [site.webUrl]);
    assert.equal(again[0]!.status, 'already_granted');
    const listed = (await admin.get<{ value: { grantedToIdentitiesV2: { application: { id: string } }[] }[] }>(`/sites/${site.id}/permissions`)).value;
    assert.equal(listed.filter((p) => p.grantedToIdentitiesV2[0]!.application.id === app.appId).length, 1);

    const readOnly = await appWithRoles(emulator, tenant, ['Sites.Read.All']);
    const weak = createGraphClient({ graphUrl: emulator.url, accessToken: async () => readOnly.token, fetch: emulator.fetch, logger, sleep: async () => {} });
    const refused = await grantSites(weak, { appId: app.appId, displayName: 'Acme files' }, [sites[1]!.webUrl]);
    assert.equal(refused[0]!.status, 'refused');
    assert.equal(refused[0]!.status === 'refused' && refused[0]!.graphCode, 'Authorization_RequestDenied');

    const elsewhere = await grantSites(admin, { appId: app.appId, displayName: 'Acme files' }, ['https://fabrikam.sharepoint.com/sites/finance']);
    assert.equal(elsewhere[0]!.status, 'not_found');
  });
});
