// The Graph client against a local HTTP server that answers the way Microsoft Graph does (error bodies from
// https://learn.microsoft.com/en-us/graph/errors, throttling from https://learn.microsoft.com/en-us/graph/throttling).
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { after, before, beforeEach, describe, it } from 'node:test';
import { createGraphClient, parseRetryAfter, type GraphClientOptions } from '../../src/microsoft/graph/graph-client.js';
import { GraphError } from '../../src/microsoft/graph/graph-error.js';
import { createLogger } from '../../src/platform/logging/logger.js';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;
const TOKEN = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.graph-token-value.sig';

describe('Graph client', () => {
  let server: Server;
  let url: string;
  let handlers: Handler[];
  let seen: IncomingMessage[];
  let sleeps: number[];

  before(async () => {
    server = createServer((request, response) => {
      seen.push(request);
      const handler = handlers.length > 1 ? handlers.shift()! : handlers[0];
      if (!handler) return json(response, 500, {});
      handler(request, response);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    handlers = [];
    seen = [];
    sleeps = [];
  });

  const client = (extra: Partial<GraphClientOptions> = {}) =>
    createGraphClient({ graphUrl: url, accessToken: async () => TOKEN, sleep: async (ms) => void sleeps.push(ms), ...extra });

  it('sends the bearer token, a client-request-id and the OData query to /v1.0', async () => {
    handlers = [(_req, res) => json(res, 200, { value: [{ id: 'u1' }] })];
    const body = await client().get<{ value: { id: string }[] }>('/users', { query: { $top: 1, $select: 'id,displayName' } });
    assert.deepEqual(body, { value: [{ id: 'u1' }] });
    const request = seen[0]!;
    assert.equal(request.url, '/v1.0/users?%24top=1&%24select=id%2CdisplayName');
    assert.equal(request.headers.authorization, `Bearer ${TOKEN}`);
    assert.match(String(request.headers['client-request-id']), /^[0-9a-f-]{36}$/);
  });

  it("turns Microsoft's error body into a typed GraphError with the request ids", async () => {
    handlers = [
      (_req, res) =>
        json(res, 403, {
          error: {
            code: 'Authorization_RequestDenied',
            message: 'Insufficient privileges to complete the operation.',
            innerError: { date: '2026-01-01T00:00:00', 'request-id': 'ms-request-1', 'client-request-id': 'x' },
          },
        }),
    ];
    const error = await client().get('/users').then(() => undefined, (e: unknown) => e);
    assert.ok(error instanceof GraphError);
    assert.equal(error.code, 'Authorization_RequestDenied');
    assert.equal(error.status, 403);
    assert.equal(error.message, 'Insufficient privileges to complete the operation.');
    assert.equal(error.requestId, 'ms-request-1');
    assert.equal(error.clientRequestId, seen[0]!.headers['client-request-id']);
    assert.equal(seen.length, 1, 'a 403 is not retried');
    assert.ok(!JSON.stringify(error).includes(TOKEN) && !String(error.stack).includes(TOKEN));
  });

  it('retries 429 after Retry-After (fractional seconds) and 503/504 with backoff, then succeeds', async () => {
    handlers = [
      (_req, res) => json(res, 429, { error: { code: 'TooManyRequests', message: 'Please retry again later.' } }, { 'retry-after': '2.128' }),
      (_req, res) => json(res, 503, { error: { code: 'serviceNotAvailable', message: 'down' } }),
      (_req, res) => json(res, 504, { error: { code: 'UnknownError', message: '' } }),
      (_req, res) => json(res, 200, { id: 'org' }),
    ];
    // Full jitter: each wait is the random draw times the exponential ceiling (100, 200, 400 ms …).
    assert.deepEqual(await client({ retry: { baseDelayMs: 100 }, random: draws(0.5, 0.25) }).get('/organization'), { id: 'org' });
    assert.deepEqual(sleeps, [2128, 100, 100]);
    assert.equal(new Set(seen.map((r) => r.headers['client-request-id'])).size, 1, 'one client-request-id across the retries of one call');
  });

  it('backs off with bounded full jitter, not a fixed 500/1000/2000 ms schedule (Microsoft: https://learn.microsoft.com/en-us/graph/throttling)', async () => {
    handlers = [(_req, res) => json(res, 503, { error: { code: 'serviceNotAvailable', message: 'down' } })];
    await client({ retry: { maxAttempts: 6, baseDelayMs: 500, maxDelayMs: 3000 }, random: draws(0.9, 0.1, 0.5, 0.999, 0) }).get('/organization').catch(() => undefined);
    // Ceilings 500, 1000, 2000, 3000 (capped), 3000: the draws pick a point below each.
    assert.deepEqual(sleeps, [450, 100, 1000, 2997, 0]);
    sleeps = [];
    // Two callers throttled together do not come back in step.
    const a = client({ retry: { maxAttempts: 2 }, random: draws(0.13) }).get('/organization').catch(() => undefined);
    const b = client({ retry: { maxAttempts: 2 }, random: draws(0.71) }).get('/organization').catch(() => undefined);
    await Promise.all([a, b]);
    assert.equal(new Set(sleeps).size, 2, `different waits: ${sleeps.join(', ')}`);
    assert.ok(sleeps.every((ms) => ms >= 0 && ms <= 500));
  });

  it('honours Retry-After given as an HTTP-date, against the injected clock', async () => {
    const now = new Date('2026-03-01T10:00:00Z');
    handlers = [
      (_req, res) => json(res, 503, { error: { code: 'serviceNotAvailable', message: 'later' } }, { 'retry-after': new Date(now.getTime() + 7_000).toUTCString() }),
      (_req, res) => json(res, 200, { id: 'org' }),
    ];
    assert.deepEqual(await client({ clock: { now: () => now }, random: draws(0.5) }).get('/organization'), { id: 'org' });
    assert.deepEqual(sleeps, [7000]);
  });

  it('names a truncated JSON body as cut short (response_truncated), not as Graph "not answering normally"', async () => {
    handlers = [(_req, res) => void res.writeHead(200, { 'content-type': 'application/json' }).end('{"value":[{"id":"u1","displayName":"Da')];
    const error = (await client().get('/users').catch((e: unknown) => e)) as GraphError;
    assert.ok(error instanceof GraphError);
    assert.equal(error.code, 'response_truncated');
    assert.equal(error.status, 200);
    assert.match(error.message, /cut short/);
    assert.ok(!error.message.includes('u1'), 'the body itself is not repeated');
    assert.equal(seen.length, 1);
  });

  it('names a body that breaks off mid-way (connection dropped) as response_truncated', async () => {
    handlers = [
      (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '500' });
        res.write('{"value":[');
        setImmediate(() => res.socket?.destroy());
      },
    ];
    const error = (await client().get('/users').catch((e: unknown) => e)) as GraphError;
    assert.ok(error instanceof GraphError, String(error));
    assert.equal(error.code, 'response_truncated');
    assert.match(error.message, /broke off/);
  });

  it('names a 200 whose body is not JSON at all as response_not_json', async () => {
    handlers = [(_req, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end('<html>proxy login</html>')];
    const error = (await client().get('/users').catch((e: unknown) => e)) as GraphError;
    assert.equal(error.code, 'response_not_json');
    assert.match(error.message, /not valid JSON.*text\/html/);
  });

  it('gives up after the bounded attempts with the last error', async () => {
    handlers = [(_req, res) => json(res, 503, { error: { code: 'serviceNotAvailable', message: 'Service unavailable' } })];
    const error = await client({ retry: { maxAttempts: 3 } }).get('/organization').then(() => undefined, (e: unknown) => e);
    assert.ok(error instanceof GraphError);
    assert.equal(error.code, 'serviceNotAvailable');
    assert.equal(error.transient, true);
    assert.equal(seen.length, 3);
  });

  it('does not wait for a Retry-After longer than the longest wait allowed; it reports it', async () => {
    handlers = [(_req, res) => json(res, 429, { error: { code: 'TooManyRequests', message: 'later' } }, { 'retry-after': '3600' })];
    const error = (await client().get('/users').catch((e: unknown) => e)) as GraphError;
    assert.equal(error.status, 429);
    assert.equal(error.retryAfterSeconds, 3600);
    assert.equal(seen.length, 1);
    assert.deepEqual(sleeps, []);
  });

  it('does not retry a POST on 504 (it may have been carried out), but does on 429', async () => {
    handlers = [(_req, res) => json(res, 504, { error: { code: 'UnknownError', message: 'gateway' } })];
    await assert.rejects(client().post('/me/sendMail', { message: {} }), (e: GraphError) => e.status === 504);
    assert.equal(seen.length, 1);
    seen = [];
    handlers = [(_req, res) => json(res, 429, { error: { code: 'TooManyRequests', message: 'x' } }, { 'retry-after': '1' }), (_req, res) => void res.writeHead(202).end()];
    assert.equal(await client().post('/me/sendMail', { message: {} }), undefined);
    assert.equal(seen.length, 2);
  });

  it('times out a request that does not answer and reports `timeout`', async () => {
    // A fetch that never answers and only ends when its signal aborts: the count of attempts does not depend on
    // how fast a loaded machine gets a socket to a local server within the timeout.
    let attempts = 0;
    const silent = (_input: string | URL | Request, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        attempts += 1;
        init?.signal?.addEventListener('abort', () => reject(init.signal!.reason), { once: true });
      });
    const error = (await client({ timeoutMs: 50, retry: { maxAttempts: 2 }, fetch: silent }).get('/users').catch((e: unknown) => e)) as GraphError;
    assert.equal(error.code, 'timeout');
    assert.equal(error.status, 0);
    assert.equal(attempts, 2);
  });

  it('attack: a @odata.deltaLink or Location on a foreign host is refused and never receives the bearer token', async () => {
    handlers = [(_req, res) => json(res, 200, { value: [] })];
    for (const link of ['https://evil.example/v1.0/me/drive/root/delta?token=x', `${url.replace('127.0.0.1', 'localhost')}/v1.0/me/drive/root/delta`, '//evil.example/v1.0/users']) {
      await assert.rejects(client().followLink(link), (e: GraphError) => e.code === 'unexpected_response' && !e.message.includes(TOKEN));
    }
    assert.equal(seen.length, 0);
    // The same link on the configured Graph origin is followed with the token.
    assert.deepEqual(await client().followLink(`${url}/v1.0/me/drive/root/delta?token=abc`), { value: [] });
    assert.equal(seen[0]!.url, '/v1.0/me/drive/root/delta?token=abc');
    assert.equal(seen[0]!.headers.authorization, `Bearer ${TOKEN}`);
  });

  it('follows @odata.nextLink on the Graph host and refuses one on another host', async () => {
    handlers = [
      (_req, res) => json(res, 200, { value: [1, 2], '@odata.nextLink': `${url}/v1.0/users?$skiptoken=abc` }),
      (_req, res) => json(res, 200, { value: [3], '@odata.nextLink': 'https://evil.example/v1.0/users?$skiptoken=def' }),
    ];
    const items: unknown[] = [];
    await assert.rejects(
      (async () => {
        for await (const item of client().paginate('/users')) items.push(item);
      })(),
      (e: GraphError) => e.code === 'unexpected_response',
    );
    assert.deepEqual(items, [1, 2, 3]);
    assert.equal(seen[1]!.url, '/v1.0/users?$skiptoken=abc');
  });

  it('tells the caller of each page as it arrives, before its items (sync progress counts pages, not lists)', async () => {
    handlers = [
      (_req, res) => json(res, 200, { value: [1, 2], '@odata.nextLink': `${url}/v1.0/users?$skiptoken=abc` }),
      (_req, res) => json(res, 200, { value: [3], '@odata.nextLink': `${url}/v1.0/users?$skiptoken=def` }),
      (_req, res) => json(res, 200, { value: [] }),
    ];
    const seenAt: number[] = [];
    const items: unknown[] = [];
    for await (const item of client().paginate('/users', { onPage: () => seenAt.push(items.length) })) items.push(item);
    assert.deepEqual(items, [1, 2, 3]);
    assert.deepEqual(seenAt, [0, 2, 3], 'three pages, each counted before its items are handed out');
  });

  it('never logs the token or the query string', async () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'debug', destination: new Writable({ write: (chunk, _e, done) => (lines.push(String(chunk)), done()) }) });
    handlers = [(_req, res) => json(res, 503, { error: { code: 'serviceNotAvailable', message: 'x' } }), (_req, res) => json(res, 200, {})];
    await client({ logger }).get('/users', { query: { $filter: "mail eq 'dana@contoso.onmicrosoft.com'" } });
    const text = lines.join('');
    assert.ok(text.includes('/v1.0/users'));
    assert.ok(!text.includes(TOKEN) && !text.includes('graph-token-value'));
    assert.ok(!text.includes('dana@contoso'));
  });

  it('parses Retry-After as seconds or an HTTP date', () => {
    assert.equal(parseRetryAfter('10'), 10);
    assert.equal(parseRetryAfter('2.5'), 2.5);
    assert.equal(parseRetryAfter(new Date(Date.parse('2026-01-01T00:01:00Z')).toUTCString(), Date.parse('2026-01-01T00:00:00Z')), 60);
    assert.equal(parseRetryAfter(null), undefined);
    assert.equal(parseRetryAfter('soon'), undefined);
    assert.equal(parseRetryAfter('12 soon'), undefined);
    assert.equal(parseRetryAfter(new Date(Date.parse('2025-12-31T23:59:00Z')).toUTCString(), Date.parse('2026-01-01T00:00:00Z')), 0, 'a date in the past: now');
  });
});

/** A random source that returns the given draws in turn (then the last one again). */
function draws(...values: number[]): () => number {
  let i = 0;
  return () => values[Math.min(i++, values.length - 1)]!;
}

function json(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}
