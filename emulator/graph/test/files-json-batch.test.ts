// JSON batching (https://learn.microsoft.com/graph/json-batching) over the emulator's Graph: per-item statuses,
// dependsOn with 424, the 20-request limit, and an item-level 429 with Retry-After from an injected fault.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startEmulator, type EmulatorHandle } from '../../harness.js';
import { assertGraphError, userToken, type GraphResult } from './graph-test-client.js';

let emulator: EmulatorHandle;
let dana: string;

before(async () => {
  emulator = await startEmulator({ autoSignIn: true, autoConsent: true });
  dana = await userToken(emulator, 'dana@contoso.onmicrosoft.com', 'Files.ReadWrite');
});
after(async () => {
  await emulator?.close();
});

async function batch(requests: unknown[]): Promise<GraphResult> {
  const response = await emulator.fetch(`${emulator.url}/v1.0/$batch`, {
    method: 'POST',
    headers: { authorization: `Bearer ${dana}`, 'content-type': 'application/json' },
    body: JSON.stringify({ requests }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, any> };
}

const byId = (result: GraphResult) => Object.fromEntries(result.body.responses.map((r: { id: string }) => [r.id, r]));

describe('$batch', () => {
  test('each request answers with its own status, headers and body; a dependent of a failed request is 424', async () => {
    const result = await batch([
      { id: '1', method: 'GET', url: '/me/drive/root:/Notes.txt' },
      { id: '2', method: 'GET', url: '/me/drive/root:/missing.txt' },
      { id: '3', method: 'GET', url: '/me/drive/root/children?$top=1', dependsOn: ['1'] },
      { id: '4', method: 'GET', url: '/me/drive/root/children', dependsOn: ['2'] },
      { id: '5', method: 'POST', url: '/me/drive/root/children', headers: { 'Content-Type': 'application/json' }, body: { name: 'From batch', folder: {} } },
    ]);
    assert.equal(result.status, 200);
    const r = byId(result);
    assert.equal(r['1'].status, 200);
    assert.equal(r['1'].body.name, 'Notes.txt');
    assert.equal(r['2'].status, 404);
    assert.equal(r['2'].body.error.code, 'itemNotFound');
    assert.equal(r['3'].status, 200);
    assert.equal(r['3'].body.value.length, 1);
    assert.equal(r['4'].status, 424);
    assert.equal(r['5'].status, 201);
    assert.equal(r['5'].body.name, 'From batch');
  });

  test('an injected 429 on one item answers that item with 429 and Retry-After; the others succeed', async () => {
    await emulator.addFault({ pathPattern: 'Budget', status: 429, retryAfter: 7, count: 1 });
    const result = await batch([
      { id: 'a', method: 'GET', url: '/me/drive/root:/Budget 2026.xlsx' },
      { id: 'b', method: 'GET', url: '/me/drive/root:/Notes.txt' },
    ]);
    const r = byId(result);
    assert.equal(r.a.status, 429);
    assert.equal(r.a.headers['retry-after'], '7');
    assert.equal(r.b.status, 200);
  });

  test('more than 20 requests, duplicate ids or a forward dependsOn are a 400 for the whole batch', async () => {
    const many = Array.from({ length: 21 }, (_, i) => ({ id: String(i), method: 'GET', url: '/me/drive' }));
    assertGraphError(await batch(many), 400, 'BadRequest');
    assertGraphError(await batch([{ id: '1', method: 'GET', url: '/me/drive' }, { id: '1', method: 'GET', url: '/me/drive' }]), 400, 'BadRequest');
    assertGraphError(await batch([{ id: '1', method: 'GET', url: '/me/drive', dependsOn: ['2'] }, { id: '2', method: 'GET', url: '/me/drive' }]), 400, 'BadRequest');
  });
});
