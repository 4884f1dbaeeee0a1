// The users collector against the bundled Microsoft 365 emulator over HTTPS with an app-only token: the full
// round equals the tenant's users, and after a user is created the next sync reads only that change through the
// kept delta link and ends with the same set a full sync reads (no duplicates, no loss).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startEmulator, type EmulatorHandle } from '../../emulator/harness.js';
import { appToken } from '../../emulator/graph/test/graph-test-client.js';
import { createGraphClient, type GraphClient } from '../../src/microsoft/graph/graph-client.js';
import { collectByDelta } from '../../src/features/compliance/directory-delta-collector.js';

let emulator: EmulatorHandle;
let graph: GraphClient;
const select = ['id', 'displayName', 'userPrincipalName', 'accountEnabled'];

before(async () => {
  emulator = await startEmulator({ autoSignIn: true, autoConsent: true });
  const demo = emulator.seed!.application;
  const token = await appToken(emulator, emulator.tenantId!, demo.appId, demo.clientSecret);
  graph = createGraphClient({ graphUrl: emulator.url, accessToken: async () => token, fetch: emulator.fetch });
});
after(async () => {
  await emulator?.close();
});

describe('directory delta collector on the emulator', () => {
  it('syncs incrementally after the first full round and ends equal to a fresh full sync', async () => {
    const tenantUsers = emulator.seed!.users.filter((u) => u.tenantId === emulator.tenantId).length;
    const first = await collectByDelta(graph, 'users', select, { objects: [] });
    assert.equal(first.mode, 'full');
    assert.equal(first.objects.length, tenantUsers);

    const added = await emulator.createUser(emulator.tenantId!, { userPrincipalName: 'delta.hire@contoso.onmicrosoft.com', displayName: 'Delta Hire' });
    const second = await collectByDelta(graph, 'users', select, first);
    assert.equal(second.mode, 'delta');
    assert.equal(second.fetched, 1);
    assert.equal(second.objects.length, tenantUsers + 1);
    assert.equal(second.objects.find((u) => u.id === added.id)?.displayName, 'Delta Hire');

    const fresh = await collectByDelta(graph, 'users', select, { objects: [] });
    const byId = (list: Record<string, unknown>[]) => [...list].sort((a, b) => String(a.id).localeCompare(String(b.id)));
    assert.deepEqual(byId(second.objects), byId(fresh.objects));
  });
});
