// The pass-through's streamed exchange with Microsoft, production's (node:http) and the one over an injected fetch
// (tests, fault injection), held to one contract: Microsoft's answer handed back as it streams, a stalled Microsoft
// ended by the timeout (before or during the answer's body), an unreachable one named as such.
import assert from 'node:assert/strict';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createMicrosoftTransport, exchangeOverFetch, ExchangeTimeoutError, nodeExchange } from '../../src/microsoft/transport/index.js';

const exchanges = [
  ['node:http exchange (production)', nodeExchange()],
  ['exchange over an injected fetch', exchangeOverFetch((input, init) => fetch(input, init))],
] as const;

for (const [name, exchange] of exchanges) {
  describe(`streamed exchange: ${name}`, () => {
    let microsoft: Server;
    let base: string;
    const stalled: ServerResponse[] = [];
    const transport = createMicrosoftTransport({ exchange });

    before(async () => {
      microsoft = createServer((req, res) => {
        if (req.url === '/answer') return void res.writeHead(200, { 'content-type': 'application/json', 'request-id': 'r-1' }).end('{"ok":true}');
        if (req.url === '/silent') return void stalled.push(res);
        // Headers, the first bytes, then nothing more.
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        res.write(Buffer.alloc(1024));
        stalled.push(res);
      });
      await new Promise<void>((resolve) => microsoft.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(microsoft.address() as AddressInfo).port}`;
    });
    after(() => {
      for (const res of stalled) res.destroy();
      microsoft.close();
    });

    it("hands back Microsoft's status, headers and body", async () => {
      const outcome = await transport.stream(new URL(`${base}/answer`), { method: 'GET', headers: {} }, { service: 'test', timeoutMs: 5000 });
      assert.equal(outcome.kind, 'response');
      if (outcome.kind !== 'response') return;
      assert.equal(outcome.response.status, 200);
      assert.equal(outcome.response.headers['request-id'], 'r-1');
      const chunks: Buffer[] = [];
      for await (const chunk of outcome.response.body) chunks.push(chunk as Buffer);
      assert.deepEqual(JSON.parse(Buffer.concat(chunks).toString()), { ok: true });
    });

    it('a Microsoft that never answers is a timeout, not a hang', async () => {
      const outcome = await transport.stream(new URL(`${base}/silent`), { method: 'GET', headers: {} }, { service: 'test', timeoutMs: 200 });
      assert.equal(outcome.kind, 'failed');
      assert.equal(outcome.kind === 'failed' && outcome.failure, 'timeout');
    });

    it('an answer whose body stalls ends with a timeout error on the body', async () => {
      const outcome = await transport.stream(new URL(`${base}/stall-body`), { method: 'GET', headers: {} }, { service: 'test', timeoutMs: 300 });
      assert.equal(outcome.kind, 'response');
      if (outcome.kind !== 'response') return;
      await assert.rejects(async () => {
        for await (const chunk of outcome.response.body) void chunk;
      }, ExchangeTimeoutError);
    });

    it('an unreachable Microsoft is a network error', async () => {
      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const port = (closed.address() as AddressInfo).port;
      await new Promise((resolve) => closed.close(resolve));
      const outcome = await transport.stream(new URL(`http://127.0.0.1:${port}/x`), { method: 'GET', headers: {} }, { service: 'test', timeoutMs: 5000 });
      assert.equal(outcome.kind === 'failed' && outcome.failure, 'network_error');
    });
  });
}
