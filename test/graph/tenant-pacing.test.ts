// Per-tenant pacing inside the Graph client. Microsoft throttles per app and tenant
// (https://learn.microsoft.com/en-us/graph/throttling: "throttling limits … per app per tenant"), so a 429 with
// Retry-After for one tenant pauses that tenant's calls only, and the pause is shared with the pass-through (one
// pacer per process).
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import { createGraphClient } from '../../src/microsoft/graph/graph-client.js';
import { GraphError } from '../../src/microsoft/graph/graph-error.js';
import { TenantPacer, tenantPacingKey } from '../../src/microsoft/graph/tenant-pacer.js';
import { createGraphClientFactory } from '../../src/features/tokens/graph-clients.js';
import { createMicrosoftTransport } from '../../src/microsoft/transport/index.js';
import { ManualClock } from '../../src/platform/time/clock.js';

describe('Graph client: per-tenant pacing', () => {
  let server: Server;
  let url: string;
  let seen: IncomingMessage[];
  // The tenant (by its bearer token) Microsoft throttles, and for how many seconds.
  let throttledToken: string | undefined;

  before(async () => {
    server = createServer((request, response) => {
      seen.push(request);
      if (throttledToken && request.headers.authorization === `Bearer ${throttledToken}`) {
        response.writeHead(429, { 'content-type': 'application/json', 'retry-after': '30' });
        response.end(JSON.stringify({ error: { code: 'TooManyRequests', message: 'Too many requests' } }));
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ id: 'ok' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    seen = [];
    throttledToken = undefined;
  });

  function clients(clock: ManualClock) {
    const pacer = new TenantPacer(clock);
    // No retries inside the client: the pause itself is what is under test.
    const make = (tenantId: string) =>
      createGraphClient({ graphUrl: url, clock, accessToken: async () => `token-${tenantId}`, retry: { maxAttempts: 1 }, pacing: { pacer, tenantKey: tenantPacingKey('ws1', { kind: 'application', tenantId }) } });
    return { pacer, throttled: make('tenant-a'), other: make('tenant-b') };
  }

  it("a 429 with Retry-After pauses the throttled tenant's calls without calling Microsoft again, while another tenant keeps its pace", async () => {
    const clock = new ManualClock();
    const { throttled, other } = clients(clock);
    throttledToken = 'token-tenant-a';

    await assert.rejects(throttled.get('/sites/root'), (error: GraphError) => error.status === 429);
    assert.equal(seen.length, 1);

    // Microsoft no longer throttles, but the tenant waits out its Retry-After: answered at once, Microsoft not called.
    throttledToken = undefined;
    clock.advance(10_000);
    await assert.rejects(throttled.get('/sites/root'), (error: GraphError) => error.status === 429 && error.code === 'TooManyRequests' && error.retryAfterSeconds === 20);
    assert.equal(seen.length, 1, 'a paused tenant does not add to Microsoft’s count');

    // The other tenant of the same workspace is not held back.
    assert.deepEqual(await other.get('/sites/root'), { id: 'ok' });
    assert.deepEqual(await other.get('/sites/root'), { id: 'ok' });
    assert.equal(seen.length, 3);
    assert.ok(seen.slice(1).every((request) => request.headers.authorization === 'Bearer token-tenant-b'));

    // After the Retry-After has passed the throttled tenant is called again.
    clock.advance(20_000);
    assert.deepEqual(await throttled.get('/sites/root'), { id: 'ok' });
    assert.equal(seen.length, 4);
  });

  it('the pass-through and the Graph clients share the pause: a tenant paused by either waits in both (one pacer per process)', async () => {
    const clock = new ManualClock();
    const { pacer, throttled, other } = clients(clock);
    // The pass-through saw Microsoft's 429 for tenant-a's app (it keys tenants the same way).
    pacer.throttled(tenantPacingKey('ws1', { kind: 'application', tenantId: 'tenant-a' }), 5);
    await assert.rejects(throttled.get('/me'), (error: GraphError) => error.status === 429 && error.retryAfterSeconds === 5);
    assert.deepEqual(await other.get('/me'), { id: 'ok' });
    assert.equal(seen.length, 1);
    // And the client's own 429 is seen by the pass-through's check.
    throttledToken = 'token-tenant-b';
    await assert.rejects(other.get('/me'));
    assert.equal(pacer.waitSeconds(tenantPacingKey('ws1', { kind: 'application', tenantId: 'tenant-b' })), 30);
  });

  it("the hub's Graph clients pace a tenant by the id its token is for, whether it was named by id, by a domain or left to the integration's default", async () => {
    const clock = new ManualClock();
    const pacer = new TenantPacer(clock);
    // What the token service answers: a domain and the default both resolve to tenant-a; the token says which.
    const tenantOf = (named: string | undefined) => (named === 'tenant-b' ? 'tenant-b' : 'tenant-a');
    const factory = createGraphClientFactory({
      graphUrl: url,
      transport: createMicrosoftTransport(),
      retry: { maxAttempts: 1 },
      pacer,
      tokens: {
        getAccessToken: async ({ principal }) => {
          const tenantId = tenantOf(principal.kind === 'application' ? principal.tenantId : undefined);
          return { accessToken: `token-${tenantId}`, expiresAt: new Date(Date.now() + 3600_000), scopes: [], tenantId };
        },
      },
    });
    pacer.throttled(tenantPacingKey('ws1', { kind: 'application', tenantId: 'tenant-a' }), 30);
    for (const named of ['tenant-a', 'a.onmicrosoft.com', undefined]) {
      await assert.rejects(factory.forApp('ws1', named).get('/me'), (error: GraphError) => error.status === 429 && error.retryAfterSeconds === 30, `tenant named ${named ?? 'by nothing'}`);
    }
    assert.equal(seen.length, 0, 'a paused tenant does not add to Microsoft’s count');
    assert.deepEqual(await factory.forApp('ws1', 'tenant-b').get('/me'), { id: 'ok' });
    assert.equal(seen.length, 1);
  });

  it('the delegated users of a workspace and its app are paced apart, as are two workspaces', () => {
    const keys = new Set([
      tenantPacingKey('ws1', { kind: 'user' }),
      tenantPacingKey('ws1', { kind: 'application' }),
      tenantPacingKey('ws1', { kind: 'application', tenantId: 't1' }),
      tenantPacingKey('ws2', { kind: 'user' }),
    ]);
    assert.equal(keys.size, 4);
  });
});
