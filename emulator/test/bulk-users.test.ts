// POST /_emulator/tenants/{tid}/users/bulk (NDJSON, the emulator's own control API): many users in one call, then
// visible to Graph's /users paging (https://learn.microsoft.com/graph/paging) in creation order; a bad line is a 400
// naming it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startEmulator, type EmulatorHandle } from '../harness.js';
import { appToken, graphGet, graphGetUrl } from '../graph/test/graph-test-client.js';

let emulator: EmulatorHandle;

before(async () => {
  emulator = await startEmulator();
});
after(async () => {
  await emulator?.close();
});

const bulk = (body: string, type = 'application/x-ndjson') =>
  emulator.fetch(`${emulator.url}/_emulator/tenants/${emulator.tenantId}/users/bulk`, { method: 'POST', headers: { 'content-type': type }, body });

describe('bulk users', () => {
  test('3,000 users in one NDJSON call; Graph pages through all of them with $top=999', async () => {
    const lines = Array.from({ length: 3000 }, (_, i) => JSON.stringify({ userPrincipalName: `bulk${i}@contoso.onmicrosoft.com`, displayName: `Bulk ${i}` }));
    const response = await bulk(`${lines.join('\n')}\n`);
    assert.equal(response.status, 201, await response.clone().text());
    assert.deepEqual(await response.json(), { created: 3000 });

    const seed = emulator.seed!;
    const token = await appToken(emulator, emulator.tenantId!, seed.application.appId, seed.application.clientSecret);
    let page = await graphGet(emulator, '/users?$top=999&$select=userPrincipalName', token);
    const seen: string[] = [];
    for (;;) {
      assert.equal(page.status, 200);
      seen.push(...(page.body.value as { userPrincipalName: string }[]).map((u) => u.userPrincipalName));
      const next = page.body['@odata.nextLink'] as string | undefined;
      if (!next) break;
      page = await graphGetUrl(emulator, next, token);
    }
    const bulkSeen = seen.filter((u) => u.startsWith('bulk'));
    assert.equal(bulkSeen.length, 3000);
    assert.equal(new Set(seen).size, seen.length, 'no user twice across pages');
    assert.deepEqual(bulkSeen.slice(0, 3), ['bulk0@contoso.onmicrosoft.com', 'bulk1@contoso.onmicrosoft.com', 'bulk2@contoso.onmicrosoft.com']);
  });

  test('a bad line stops the import with a 400 naming the line and how many were added before it', async () => {
    const response = await bulk(`${JSON.stringify({ userPrincipalName: 'ok1@contoso.onmicrosoft.com' })}\nnot json\n`);
    assert.equal(response.status, 400);
    const body = (await response.json()) as { error: { message: string } };
    assert.match(body.error.message, /line 2 \(the 1 user\(s\) before it were added\) is not JSON/);
    const duplicate = await bulk(`${JSON.stringify({ userPrincipalName: 'ok1@contoso.onmicrosoft.com' })}\n`);
    assert.equal(duplicate.status, 409);
    const wrongType = await bulk('{}', 'application/json');
    assert.equal(wrongType.status, 400);
  });
});
