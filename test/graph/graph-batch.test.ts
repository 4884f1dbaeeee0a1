// $batch through the Graph client against the emulator's JSON batching (https://learn.microsoft.com/graph/json-batching):
// at most 20 requests per batch, per-item Retry-After (https://learn.microsoft.com/graph/throttling#throttling-and-batching),
// dependsOn order and 424 for a dependent of a failed request.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startEmulator, type EmulatorHandle } from '../../emulator/harness.js';
import { userToken } from '../../emulator/graph/test/graph-test-client.js';
import { sendBatch, type BatchRequest } from '../../src/microsoft/graph/graph-batch.js';
import { createGraphClient, type GraphClient } from '../../src/microsoft/graph/graph-client.js';

describe('Graph client $batch on the emulator', () => {
  let emulator: EmulatorHandle;
  let client: GraphClient;
  let sent: Array<{ requests: BatchRequest[] }>;
  let sleeps: number[];

  before(async () => {
    emulator = await startEmulator({ autoSignIn: true, autoConsent: true });
    const token = await userToken(emulator, 'dana@contoso.onmicrosoft.com', 'Files.ReadWrite');
    client = createGraphClient({
      graphUrl: emulator.url,
      accessToken: async () => token,
      fetch: async (input, init) => {
        if (String(input).endsWith('/$batch') && typeof init?.body === 'string') sent.push(JSON.parse(init.body));
        return emulator.fetch(input, init);
      },
    });
  });
  after(async () => {
    await emulator?.close();
  });
  beforeEach(() => {
    sent = [];
    sleeps = [];
  });
  const sleep = async (ms: number) => void sleeps.push(ms);

  it('splits 45 requests into batches of 20, 20 and 5 and answers each in the order given', async () => {
    const requests: BatchRequest[] = Array.from({ length: 45 }, (_, i) => ({ id: `r${i}`, method: 'GET', url: '/me/drive' }));
    const answers = await sendBatch(client, requests, { sleep });
    assert.deepEqual(sent.map((batch) => batch.requests.length), [20, 20, 5]);
    assert.deepEqual(answers.map((a) => a.id), requests.map((r) => r.id));
    assert.ok(answers.every((a) => a.status === 200));
    assert.deepEqual(sleeps, []);
  });

  it("sends again only the throttled item, after its own Retry-After, never the items that succeeded", async () => {
    await emulator.addFault({ pathPattern: 'Budget', status: 429, retryAfter: 7, count: 1 });
    const answers = await sendBatch(client, [
      { id: 'a', method: 'GET', url: '/me/drive/root:/Budget 2026.xlsx' },
      { id: 'b', method: 'GET', url: '/me/drive/root:/Notes.txt' },
    ], { sleep });
    assert.deepEqual(answers.map((a) => [a.id, a.status]), [['a', 200], ['b', 200]]);
    assert.deepEqual(sleeps, [7000]);
    assert.deepEqual(sent.map((batch) => batch.requests.map((r) => r.id)), [['a', 'b'], ['a']]);
  });

  it('keeps dependsOn order: a dependent of a throttled request goes again with it; one of a missing item is 424', async () => {
    await emulator.addFault({ pathPattern: 'Budget', status: 429, retryAfter: 2, count: 1 });
    const answers = await sendBatch(client, [
      { id: '1', method: 'GET', url: '/me/drive/root:/Budget 2026.xlsx' },
      { id: '2', method: 'GET', url: '/me/drive/root:/Notes.txt', dependsOn: ['1'] },
      { id: '3', method: 'GET', url: '/me/drive/root:/missing.txt' },
      { id: '4', method: 'GET', url: '/me/drive', dependsOn: ['3'] },
    ], { sleep });
    assert.deepEqual(answers.map((a) => [a.id, a.status]), [['1', 200], ['2', 200], ['3', 404], ['4', 424]]);
    assert.deepEqual(sent[1]!.requests.map((r) => [r.id, r.dependsOn ?? []]), [['1', []], ['2', ['1']]]);
  });

  it('a dependency answered in an earlier batch of 20 is dropped from dependsOn (Graph accepts only ids of its own batch)', async () => {
    const requests: BatchRequest[] = Array.from({ length: 21 }, (_, i) => ({ id: `r${i}`, method: 'GET', url: '/me/drive' }));
    requests[20] = { ...requests[20]!, dependsOn: ['r0'] };
    const answers = await sendBatch(client, requests, { sleep });
    assert.equal(answers[20]!.status, 200);
    assert.equal(sent[1]!.requests[0]!.dependsOn, undefined);
  });

  it('refuses duplicate ids and a dependsOn on a later request before calling Microsoft', async () => {
    await assert.rejects(sendBatch(client, [{ id: '1', method: 'GET', url: '/me' }, { id: '1', method: 'GET', url: '/me' }]), /unique/);
    await assert.rejects(sendBatch(client, [{ id: '1', method: 'GET', url: '/me', dependsOn: ['2'] }, { id: '2', method: 'GET', url: '/me' }]), /must come before/);
    assert.equal(sent.length, 0);
  });
});
