// Operations: readiness (and its flip at shutdown), metrics, the OpenAPI document, and the console's static files.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Ajv } from 'ajv';
import { dialects, skipReason } from '../support/stores.js';
import { fakeJobs, startHub, workspaceWithPeople, type Hub } from './hub-fixture.js';

for (const dialect of dialects) {
  describe(`operations routes (${dialect})`, { skip: skipReason(dialect) }, () => {
    let hub: Hub;
    const jobs = fakeJobs();
    before(async () => {
      hub = await startHub(dialect, { jobs });
    });
    after(async () => hub?.close());

    it('is alive, and ready after migrations', async () => {
      assert.equal((await hub.call(null, 'GET', '/healthz')).statusCode, 200);
      assert.equal((await hub.call(null, 'GET', '/readyz')).statusCode, 200);
    });

    it('counts requests by route pattern and status and reports job queue depth', async () => {
      const w = await workspaceWithPeople(hub, 'm');
      jobs.add(w.workspaceId);
      jobs.add(w.workspaceId);
      await hub.call(w.apiKey, 'GET', `/api/v1/workspaces/${w.workspaceId}`);
      await hub.call(null, 'GET', '/api/v1/nope');
      const metrics = (await hub.call(null, 'GET', '/metrics')).body;
      assert.match(metrics, /m365hub_http_requests_total\{method="GET",route="\/api\/v1\/workspaces\/:workspaceId",status="200"\} 1/);
      assert.match(metrics, /m365hub_http_requests_total\{method="POST",route="\/api\/v1\/auth\/sign-in",status="200"\} 2/);
      assert.match(metrics, /m365hub_http_request_duration_seconds_bucket\{le="0\.005",method="GET",route="\/api\/v1\/workspaces\/:workspaceId",status="200"\}/);
      assert.match(metrics, /m365hub_jobs\{status="running"\} 2/);
      assert.match(metrics, /m365hub_process_cpu_user_seconds_total/);
      assert.ok(!metrics.includes(w.workspaceId), 'ids never become label values');
    });

    it('publishes an OpenAPI 3.1 document listing every /api/v1 route with its schemas', async () => {
      const doc = (await hub.call(null, 'GET', '/openapi.json')).json() as {
        openapi: string;
        info: { title: string; version: string };
        paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: object }> }; responses: Record<string, { content?: Record<string, { schema: object }> }>; parameters?: { name: string; in: string }[] }>>;
      };
      assert.match(doc.openapi, /^3\.1\./);
      assert.ok(doc.info.title && doc.info.version);
      const ajv = new Ajv({ strict: false, validateFormats: false });
      const apiRoutes = hub.server.registeredRoutes.filter((r) => r.url.startsWith('/api/v1'));
      assert.ok(apiRoutes.length >= 15);
      for (const route of apiRoutes) {
        // A wildcard route (the Graph pass-through) is documented with `{*}`, as @fastify/swagger writes it.
        const openApiPath = route.url.replace(/:(\w+)/g, '{$1}').replace(/\/\*$/, '/{*}');
        const operation = doc.paths[openApiPath]?.[route.method.toLowerCase()];
        assert.ok(operation, `${route.method} ${openApiPath} is documented`);
        for (const param of route.url.match(/:(\w+)/g) ?? []) {
          assert.ok(operation.parameters?.some((p) => p.in === 'path' && p.name === param.slice(1)), `${openApiPath} documents ${param}`);
        }
        if (route.hasBody) {
          const schema = operation.requestBody?.content['application/json']?.schema;
          assert.ok(schema, `${route.method} ${openApiPath} documents its body`);
          ajv.compile(schema);
        }
        const success = Object.entries(operation.responses).find(([status]) => status.startsWith('2'));
        assert.ok(success, `${route.method} ${openApiPath} documents its success answer`);
        const responseSchema = success[1].content?.['application/json']?.schema;
        if (responseSchema) ajv.compile(responseSchema);
      }
    });

    it('answers /readyz 503 once shutdown has begun', async () => {
      hub.server.markShuttingDown();
      const response = await hub.call(null, 'GET', '/readyz');
      assert.equal(response.statusCode, 503);
      assert.equal((response.json() as { code: string }).code, 'not_ready');
    });
  });
}

describe('readiness without a database', () => {
  it('answers /readyz 503 not_ready when the store is not ready', async () => {
    const hub = await startHub('pglite', { isReady: async () => false });
    try {
      const response = await hub.call(null, 'GET', '/readyz');
      assert.equal(response.statusCode, 503);
      assert.match(String(response.headers['content-type']), /problem\+json/);
    } finally {
      await hub.close();
    }
  });
});

describe('the console', () => {
  let hub: Hub;
  let dir: string;
  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'm365hub-console-'));
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>m365hub console</title><script type="module" src="/assets/app.js"></script>');
    writeFileSync(path.join(dir, 'assets', 'app.js'), 'console.log("app")');
    hub = await startHub('pglite', { consoleDir: dir });
  });
  after(async () => {
    await hub?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the built console with security headers, and index.html for console paths', async () => {
    const html = { accept: 'text/html,application/xhtml+xml' };
    for (const url of ['/', '/workspaces/ws_abc/members']) {
      const page = await hub.call(null, 'GET', url, undefined, html);
      assert.equal(page.statusCode, 200, url);
      assert.match(page.body, /m365hub console/);
      assert.match(String(page.headers['content-security-policy']), /frame-ancestors 'none'/);
      assert.match(String(page.headers['content-security-policy']), /script-src 'self'/);
      assert.equal(page.headers['x-content-type-options'], 'nosniff');
      assert.equal(page.headers['referrer-policy'], 'no-referrer');
    }
    const asset = await hub.call(null, 'GET', '/assets/app.js');
    assert.equal(asset.statusCode, 200);
    assert.match(String(asset.headers['content-type']), /javascript/);
    assert.match(String(asset.headers['cache-control']), /immutable/);
  });

  it('answers API-like paths with problems, never the console page', async () => {
    for (const url of ['/api/v1/nope', '/healthz/extra', '/assets/missing.js']) {
      const response = await hub.call(null, 'GET', url, undefined, { accept: 'text/html' });
      assert.equal(response.statusCode, 404, url);
      assert.match(String(response.headers['content-type']), /problem\+json/, url);
    }
  });

  it('explains itself when the console is not built', async () => {
    const bare = await startHub('pglite', { consoleDir: path.join(dir, 'missing') });
    try {
      const page = await bare.call(null, 'GET', '/', undefined, { accept: 'text/html' });
      assert.equal(page.statusCode, 503);
      assert.match(page.body, /npm run build/);
    } finally {
      await bare.close();
    }
  });
});
