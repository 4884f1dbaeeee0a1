// A Graph answer whose JSON body stops before its end reaches Test Connection named as what it is (a cut-short
// body, code graph_response_truncated), not as Microsoft Graph "not answering normally (200)".
import { INTEGRATION_LISTENERS } from '../../src/app/integration-listeners.js';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startEmulator, type EmulatorHandle } from '../../emulator/harness.js';
import { testConnection } from '../../src/features/health/test-connection.js';
import { IntegrationStore } from '../../src/features/integrations/integration-store.js';
import { KeyRing } from '../../src/platform/crypto/key-ring.js';
import { createEntraClient } from '../../src/microsoft/identity/index.js';
import { createLogger } from '../../src/platform/logging/logger.js';
import { ManualClock } from '../../src/platform/time/clock.js';
import { openTestStore, type TestStore } from '../support/stores.js';

describe('Test Connection when Graph answers 200 with a cut-short body', () => {
  let emulator: EmulatorHandle;
  let store: TestStore;
  const clock = new ManualClock(new Date());
  const logger = createLogger({ level: 'silent' });
  const workspaceId = `ws_${'trunc'.padEnd(26, 'a')}`;

  before(async () => {
    emulator = await startEmulator();
    store = await openTestStore('pglite');
  });
  after(async () => {
    await store?.close();
    await emulator?.close();
  });

  it('reports graph_response_truncated with words that name the fault', async () => {
    const tenant = emulator.tenantId!;
    await store.db.insertInto('workspaces').values({ id: workspaceId, name: 'trunc', created_at: clock.now(), updated_at: clock.now() }).execute();
    const keyRing = new KeyRing([{ id: 'k1', key: Buffer.alloc(32, 3) }]);
    const integrations = new IntegrationStore({ db: store.db, keyRing, clock, redirectDefaults: { backendUrl: 'https://hub.example.test' }, listeners: INTEGRATION_LISTENERS });
    const app = await emulator.createApplication(tenant, { displayName: 'Truncation', signInAudience: 'AzureADMyOrg', requiredPermissions: { application: ['User.Read.All'] } });
    const secret = (await emulator.addSecret(tenant, app.appId)).secretText;
    await emulator.grant(tenant, { appId: app.appId, roles: ['User.Read.All', 'GroupMember.Read.All'] });
    await integrations.put(workspaceId, { clientId: app.appId, azureTenantId: tenant, services: [{ service: 'directory', modes: ['application'] }], credential: { kind: 'secret', clientSecret: secret } }, { actor: { type: 'user', id: null, label: 'admin@example.test' }, ip: null, at: clock.now() });

    // Between the hub and Graph, something cuts the users list off half-way (a proxy, a dropped TLS record).
    const cutting: typeof emulator.fetch = async (input, init) => {
      const response = await emulator.fetch(input, init);
      const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
      if (!url.pathname.startsWith('/v1.0/users')) return response;
      const text = await response.text();
      return new Response(text.slice(0, Math.floor(text.length / 2)), { status: response.status, headers: { 'content-type': 'application/json' } });
    };
    const report = await testConnection(
      { integrations, entra: createEntraClient({ loginUrl: emulator.url, fetch: emulator.fetch, clock, logger, sleep: async () => {} }), graphUrl: emulator.url, fetch: cutting, sleep: async () => {}, clock, logger },
      workspaceId,
    );
    const step = report.steps.find((s) => s.name === 'service:directory')!;
    assert.equal(step.status, 'failed', JSON.stringify(report.steps));
    assert.equal(step.code, 'graph_response_truncated');
    assert.match(step.message ?? '', /cut short/);
    assert.doesNotMatch(step.message ?? '', /not answering normally/);
  });
});
