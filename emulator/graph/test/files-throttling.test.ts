// Throttling budgets per app and tenant (https://learn.microsoft.com/graph/throttling): past the budget, 429 with
// Retry-After and the documented body, only for that app in that tenant; SharePoint-style 503 on request; counted in
// the request log; the window runs on the emulator clock.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startEmulator, type EmulatorHandle } from '../../harness.js';
import { appToken, graphGet } from './graph-test-client.js';

let emulator: EmulatorHandle;
let contoso: string;
let fabrikam: string;

const control = (method: string, body?: unknown) =>
  emulator.fetch(`${emulator.url}/_emulator/throttling`, { method, ...(body ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}) });

before(async () => {
  emulator = await startEmulator();
  const seed = emulator.seed!;
  contoso = await appToken(emulator, seed.tenant.id, seed.application.appId, seed.application.clientSecret);
  const fabrikamTenant = (await emulator.fetch(`${emulator.url}/_emulator/tenants`).then((r) => r.json()) as { value: { id: string; displayName: string }[] }).value.find((t) => t.id !== seed.tenant.id)!;
  await emulator.grant(fabrikamTenant.id, { appId: seed.application.appId, roles: ['Files.Read.All', 'User.Read.All'] });
  fabrikam = await appToken(emulator, fabrikamTenant.id, seed.application.appId, seed.application.clientSecret);
});
after(async () => {
  await emulator?.close();
});

describe('throttling budgets', () => {
  test('past its budget an app gets 429 + Retry-After in that tenant only; the next window lets it through', async () => {
    assert.equal((await control('PUT', { tenantId: emulator.tenantId, limit: 2, windowSeconds: 60 })).status, 204);
    assert.equal((await graphGet(emulator, '/users', contoso)).status, 200);
    assert.equal((await graphGet(emulator, '/users', contoso)).status, 200);
    const throttled = await graphGet(emulator, '/users', contoso);
    assert.equal(throttled.status, 429);
    assert.equal(throttled.body.error.code, 'TooManyRequests');
    const retryAfter = Number(throttled.headers.get('retry-after'));
    assert.ok(retryAfter >= 1 && retryAfter <= 60, String(retryAfter));
    assert.equal((await graphGet(emulator, '/users', fabrikam)).status, 200, 'another tenant keeps its pace');
    const logged = await emulator.requests(5);
    assert.ok(logged.some((r) => r.status === 429 && r.tenant === emulator.tenantId));
    await emulator.advanceClock(retryAfter);
    assert.equal((await graphGet(emulator, '/users', contoso)).status, 200);
    await control('DELETE');
  });

  test('a 503 budget answers serviceNotAvailable with Retry-After, as SharePoint does under load', async () => {
    await control('PUT', { limit: 0, windowSeconds: 30, status: 503 });
    const refused = await graphGet(emulator, '/users', contoso);
    assert.equal(refused.status, 503);
    assert.equal(refused.body.error.code, 'serviceNotAvailable');
    assert.ok(Number(refused.headers.get('retry-after')) >= 1);
    await emulator.reset();
    assert.equal((await graphGet(emulator, '/users', contoso)).status, 200, 'reset removes budgets');
  });
});
