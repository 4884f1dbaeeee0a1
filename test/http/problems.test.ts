// Every bad request answers application/problem+json with a stable code, a request id and no stack: never a 500.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { dialects, skipReason } from '../support/stores.js';
import { startHub, workspaceWithPeople, type Hub } from './hub-fixture.js';

function assertProblem(response: LightMyRequestResponse, status: number, code: string): Record<string, unknown> {
  assert.equal(response.statusCode, status, response.body);
  assert.match(String(response.headers['content-type']), /^application\/problem\+json/);
  const body = response.json() as Record<string, unknown>;
  assert.equal(body.code, code);
  assert.equal(body.status, status);
  assert.equal(body.type, `https://m365hub.dev/problems/${code}`);
  assert.equal(typeof body.title, 'string');
  assert.ok(typeof body.detail === 'string' && body.detail.length > 10);
  assert.equal(body.requestId, response.headers['x-request-id']);
  assert.ok(!/\bat .+\.(ts|js):\d+/.test(response.body) && !response.body.includes('stack'), `no stack trace: ${response.body}`);
  return body;
}

for (const dialect of dialects) {
  describe(`problem+json on bad input (${dialect})`, { skip: skipReason(dialect) }, () => {
    let hub: Hub;
    let w: Awaited<ReturnType<typeof workspaceWithPeople>>;
    const secretInError = 'internal-detail-that-must-not-leak';

    before(async () => {
      hub = await startHub(dialect, {
        beforeReady(server) {
          server.get('/test/boom', { config: { access: 'public' } }, async () => {
            throw new Error(secretInError);
          });
        },
      });
      w = await workspaceWithPeople(hub, 'p');
    });
    after(async () => hub?.close());

    it('answers unknown routes and methods with route_not_found', async () => {
      assertProblem(await hub.call(null, 'GET', '/api/v1/nothing-here'), 404, 'route_not_found');
      assertProblem(await hub.call(w.admin, 'POST', '/api/v1/workspaces/x/y/z', {}), 404, 'route_not_found');
      assertProblem(await hub.call(null, 'PUT', '/healthz'), 404, 'route_not_found');
    });

    it('answers invalid JSON, a wrong content type and a body over 1 MiB', async () => {
      const url = '/api/v1/workspaces';
      const send = (payload: string, contentType: string) =>
        hub.server.inject({ method: 'POST', url, payload, headers: { ...w.admin.headers, 'content-type': contentType } });
      assertProblem(await send('{"name": ', 'application/json'), 400, 'invalid_json');
      assertProblem(await send('name=x', 'application/x-www-form-urlencoded'), 415, 'unsupported_media_type');
      assertProblem(await send('{"name":"x"}', 'text/plain'), 415, 'unsupported_media_type');
      assertProblem(await send(JSON.stringify({ name: 'x'.repeat(1024 * 1024) }), 'application/json'), 413, 'payload_too_large');
    });

    it('rejects unknown and missing fields, bad path parameters, bad queries and bad cursors, naming the field', async () => {
      const unknown = assertProblem(await hub.call(w.admin, 'POST', '/api/v1/workspaces', { name: 'x', color: 'red' }), 400, 'validation_failed');
      assert.deepEqual(unknown.errors, [{ pointer: '/body/color', detail: 'is not a known field; remove it' }]);
      const missing = assertProblem(await hub.call(w.admin, 'POST', '/api/v1/workspaces', {}), 400, 'validation_failed');
      assert.deepEqual(missing.errors, [{ pointer: '/body/name', detail: 'is required' }]);
      assertProblem(await hub.call(w.admin, 'POST', '/api/v1/workspaces'), 400, 'validation_failed');
      assertProblem(await hub.call(w.admin, 'POST', `/api/v1/workspaces/${w.workspaceId}/members`, { email: 'not-an-email', role: 'member' }), 400, 'validation_failed');
      assertProblem(await hub.call(w.admin, 'PATCH', `/api/v1/workspaces/${w.workspaceId}/members/not-a-user-id`, { role: 'admin' }), 400, 'validation_failed');
      assertProblem(await hub.call(w.admin, 'GET', `/api/v1/workspaces/${w.workspaceId}/members?limit=lots`), 400, 'validation_failed');
      assertProblem(await hub.call(w.admin, 'GET', `/api/v1/workspaces/${w.workspaceId}/members?limit=5000`), 400, 'validation_failed');
      assertProblem(await hub.call(w.admin, 'GET', `/api/v1/workspaces/${w.workspaceId}/members?sort=name`), 400, 'validation_failed');
      assertProblem(await hub.call(w.admin, 'GET', `/api/v1/workspaces/${w.workspaceId}/members?cursor=bm9wZQ`), 400, 'validation_failed');
      assertProblem(await hub.call(w.admin, 'GET', `/api/v1/workspaces/${w.workspaceId}/audit-log?cursor=%7B%7D`), 400, 'validation_failed');
      // A workspace id of the wrong shape is simply not a workspace of the caller.
      assertProblem(await hub.call(w.admin, 'GET', '/api/v1/workspaces/not-a-workspace'), 404, 'not_found');
      assertProblem(await hub.call(w.admin, 'POST', '/api/v1/auth/sign-in', { email: 'a@example.com' }), 400, 'validation_failed');
    });

    it('answers missing or bad credentials with unauthenticated', async () => {
      assertProblem(await hub.call(null, 'GET', '/api/v1/workspaces'), 401, 'unauthenticated');
      assertProblem(await hub.call({ headers: { authorization: 'Bearer m365k_nope' } }, 'GET', '/api/v1/workspaces'), 401, 'unauthenticated');
      assertProblem(await hub.call({ headers: { authorization: 'Basic abc' } }, 'GET', '/api/v1/workspaces'), 401, 'unauthenticated');
      assertProblem(await hub.call({ headers: { cookie: 'm365hub_session=forged' } }, 'GET', '/api/v1/auth/session'), 401, 'unauthenticated');
    });

    it('turns an unexpected error into internal_error with the request id, logged only on the server', async () => {
      const response = await hub.call(null, 'GET', '/test/boom');
      const body = assertProblem(response, 500, 'internal_error');
      assert.ok(String(body.detail).includes(String(body.requestId)));
      assert.ok(!response.body.includes(secretInError));
      assert.ok(hub.logText().includes(secretInError), 'the server log keeps the cause');
    });

    it('keeps a sane X-Request-Id and replaces an odd one', async () => {
      const kept = await hub.call(null, 'GET', '/api/v1/nope', undefined, { 'x-request-id': 'host-product.trace-123' });
      assert.equal(kept.headers['x-request-id'], 'host-product.trace-123');
      assert.equal((kept.json() as { requestId: string }).requestId, 'host-product.trace-123');
      const replaced = await hub.call(null, 'GET', '/healthz', undefined, { 'x-request-id': 'bad id\u0007<script>' });
      assert.match(String(replaced.headers['x-request-id']), /^req_[0-9a-f-]{36}$/);
    });
  });
}
