// The Graph client factory: "a Graph client for (workspace, user | app[, tenant])" over the one outbound transport,
// fed by the token service (against the emulator).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startEmulator, type EmulatorHandle } from '../../emulator/harness.js';
import { createGraphClientFactory } from '../../src/features/tokens/graph-clients.js';
import { createMicrosoftTransport } from '../../src/microsoft/transport/index.js';
import { ManualClock } from '../../src/platform/time/clock.js';
import { openTestStore, type TestStore } from '../support/stores.js';
import { connectUser, createFixture, expireStoredToken, newApp, seedUser, tokenService, workspaceWithApp, type Fixture } from '../tokens/support/token-kit.js';

describe('Graph client factory', () => {
  let emulator: EmulatorHandle;
  let store: TestStore;
  let f: Fixture;
  const clock = new ManualClock(new Date());

  before(async () => {
    emulator = await startEmulator();
    store = await openTestStore('pglite');
    f = await createFixture(emulator, store, clock);
  });
  after(async () => {
    await store?.close();
    await emulator?.close();
  });

  it("gives Graph clients acting as a workspace's user and as its application, through one transport, with tokens from the token service", async () => {
    const app = await newApp(emulator);
    await emulator.grant(emulator.tenantId!, { appId: app.appId, roles: ['User.Read.All'] });
    const ws = await workspaceWithApp(f, app, { services: [{ service: 'onedrive', modes: ['delegated'] }, { service: 'directory', modes: ['application'] }] });
    await f.integrations.recordAdminConsent(store.db, ws, emulator.tenantId!, f.audit);
    const { connection } = await connectUser(emulator, f, app, ws, 'user-graph', 'dana');
    await expireStoredToken(f, connection.id);

    const paths: string[] = [];
    const transport = createMicrosoftTransport({ fetch: (input, init) => (paths.push(new URL(String(input instanceof Request ? input.url : input)).pathname), emulator.fetch(input, init)) });
    const graph = createGraphClientFactory({ graphUrl: emulator.url, transport, tokens: tokenService(f) });

    const drive = await graph.forUser(ws, 'user-graph').get<{ id: string; owner?: { user?: { id?: string } } }>('/me/drive');
    assert.ok(drive.id);
    assert.equal(drive.owner?.user?.id, seedUser(emulator, 'dana').id);
    const users = await graph.forApp(ws).get<{ value: unknown[] }>('/users', { query: { $top: 2 } });
    assert.ok(users.value.length > 0);
    const tenantUsers = await graph.forApp(ws, emulator.tenantId!).get<{ value: unknown[] }>('/users', { query: { $top: 1 } });
    assert.equal(tenantUsers.value.length, 1);
    assert.deepEqual(paths.filter((p) => p.startsWith('/v1.0/')), ['/v1.0/me/drive', '/v1.0/users', '/v1.0/users']);
  });
});
