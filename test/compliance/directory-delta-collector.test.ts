// The users collector through the real Graph client against a small in-test Graph: a full delta round first,
// then only changes through the kept delta link, and a full round again when the link answers 410 Gone
// (learn.microsoft.com/graph/delta-query-overview: expired sync state → synchronise again).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createGraphClient } from '../../src/microsoft/graph/graph-client.js';
import { collectByDelta } from '../../src/features/compliance/directory-delta-collector.js';

const BASE = 'https://graph.test';

function fakeGraph(routes: Record<string, { status?: number; body: unknown }>, seen: string[]) {
  const fetch = async (input: string | URL | Request): Promise<Response> => {
    const url = new URL(String(input instanceof Request ? input.url : input));
    const key = `${url.pathname}${decodeURIComponent(url.search)}`;
    seen.push(key);
    const route = routes[key];
    if (!route) return new Response(JSON.stringify({ error: { code: 'Request_ResourceNotFound', message: key } }), { status: 404, headers: { 'content-type': 'application/json' } });
    return new Response(JSON.stringify(route.body), { status: route.status ?? 200, headers: { 'content-type': 'application/json' } });
  };
  return createGraphClient({ graphUrl: BASE, accessToken: async () => 'token', fetch: fetch as never, retry: { maxAttempts: 1 } });
}

const full = {
  '/v1.0/users/delta?$select=id,displayName': { body: { value: [{ id: 'u1', displayName: 'Ada' }], '@odata.nextLink': `${BASE}/v1.0/users/delta?$skiptoken=p2` } },
  '/v1.0/users/delta?$skiptoken=p2': { body: { value: [{ id: 'u2', displayName: 'Bob' }], '@odata.deltaLink': `${BASE}/v1.0/users/delta?$deltatoken=d1` } },
};

describe('directory delta collector', () => {
  it('walks every page on the first sync and keeps the delta link', async () => {
    const seen: string[] = [];
    const result = await collectByDelta(fakeGraph(full, seen), 'users', ['id', 'displayName'], { objects: [] });
    assert.equal(result.mode, 'full');
    assert.deepEqual(result.objects.map((u) => u.id), ['u1', 'u2']);
    assert.equal(result.deltaLink, `${BASE}/v1.0/users/delta?$deltatoken=d1`);
    assert.deepEqual([result.pages, result.fetched], [2, 2]);
  });

  it('then fetches only the changes through the delta link', async () => {
    const seen: string[] = [];
    const routes = { '/v1.0/users/delta?$deltatoken=d1': { body: { value: [{ id: 'u2', '@removed': { reason: 'deleted' } }, { id: 'u3', displayName: 'Cy' }], '@odata.deltaLink': `${BASE}/v1.0/users/delta?$deltatoken=d2` } } };
    const result = await collectByDelta(fakeGraph(routes, seen), 'users', ['id', 'displayName'], { objects: [{ id: 'u1', displayName: 'Ada' }, { id: 'u2', displayName: 'Bob' }], deltaLink: `${BASE}/v1.0/users/delta?$deltatoken=d1` });
    assert.equal(result.mode, 'delta');
    assert.deepEqual(seen, ['/v1.0/users/delta?$deltatoken=d1']);
    assert.deepEqual(result.objects, [{ id: 'u1', displayName: 'Ada' }, { id: 'u3', displayName: 'Cy' }]);
    assert.equal(result.deltaLink, `${BASE}/v1.0/users/delta?$deltatoken=d2`);
  });

  it('starts a full round from nothing when the delta link answers 410 Gone, so no stale object survives', async () => {
    const seen: string[] = [];
    const routes = { ...full, '/v1.0/users/delta?$deltatoken=old': { status: 410, body: { error: { code: 'syncStateNotFound', message: 'The sync state generation is not found.' } } } };
    const result = await collectByDelta(fakeGraph(routes, seen), 'users', ['id', 'displayName'], { objects: [{ id: 'gone', displayName: 'Stale' }, { id: 'u1', displayName: 'Ada' }], deltaLink: `${BASE}/v1.0/users/delta?$deltatoken=old` });
    assert.equal(result.mode, 'full_after_expiry');
    assert.deepEqual(result.objects.map((u) => u.id), ['u1', 'u2']);
    assert.equal(result.deltaLink, `${BASE}/v1.0/users/delta?$deltatoken=d1`);
  });
});
