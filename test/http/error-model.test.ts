// One error model: every problem code has one owner and one definition, and the errors of the layers below HTTP
// (token service, connect flow, domain rules) reach the client through the one problem+json mapper.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { hubProblemCatalogue } from '../../src/app/problem-catalogue.js';
import { ConnectError } from '../../src/features/connect/index.js';
import { TokenError } from '../../src/features/tokens/index.js';
import { DomainError } from '../../src/platform/errors/domain-error.js';
import { ProblemCatalogue } from '../../src/platform/http/problem-catalogue.js';
import { GraphError } from '../../src/microsoft/graph/graph-error.js';
import { startHub, type Hub } from './hub-fixture.js';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

describe('one error model', () => {
  let hub: Hub;
  before(async () => {
    hub = await startHub('pglite', {
      beforeReady(server) {
        const throwing = (url: string, error: () => Error) =>
          server.get(url, { config: { access: 'public' } }, async () => {
            throw error();
          });
        throwing('/test/token-reconnect', () => new TokenError('connection_needs_reconnect', { reason: 'session_revoked' }));
        throwing('/test/token-unavailable', () => new TokenError('token_service_unavailable'));
        throwing('/test/connect-not-configured', () => new ConnectError('integration_not_configured'));
        throwing('/test/domain-last-admin', () => new DomainError('last_admin', 'Make another member admin first.'));
        throwing('/test/graph', () => new GraphError({ code: 'forbidden', status: 403, message: 'Microsoft said no', clientRequestId: 'c' }));
      },
    });
  });
  after(async () => hub?.close());

  it('renders a token service error as its problem, with what happened and how to fix it', async () => {
    const response = await hub.call(null, 'GET', '/test/token-reconnect');
    assert.equal(response.statusCode, 409);
    assert.match(String(response.headers['content-type']), /^application\/problem\+json/);
    const body = response.json() as Record<string, unknown>;
    assert.equal(body.code, 'connection_needs_reconnect');
    assert.equal(body.type, 'https://m365hub.dev/problems/connection_needs_reconnect');
    assert.match(String(body.detail), /must be reconnected\. Ask the user to reconnect/);
    assert.equal((await hub.call(null, 'GET', '/test/token-unavailable')).statusCode, 503);
  });

  it('renders connect and domain errors through the same mapper', async () => {
    const notConfigured = await hub.call(null, 'GET', '/test/connect-not-configured');
    assert.equal(notConfigured.statusCode, 409);
    assert.equal((notConfigured.json() as { code: string }).code, 'integration_not_configured');
    const lastAdmin = await hub.call(null, 'GET', '/test/domain-last-admin');
    assert.equal(lastAdmin.statusCode, 409);
    assert.deepEqual([(lastAdmin.json() as { code: string }).code, (lastAdmin.json() as { detail: string }).detail], ['last_admin', 'Make another member admin first.']);
  });

  it("never turns Microsoft's own Graph error code into a problem of ours", async () => {
    const response = await hub.call(null, 'GET', '/test/graph');
    assert.equal(response.statusCode, 500);
    assert.equal((response.json() as { code: string }).code, 'internal_error');
  });

  it('refuses a problem code defined twice', () => {
    assert.throws(() => new ProblemCatalogue([{ not_found: { status: 404, title: 'x', detail: 'y' } }]), /not_found is defined twice/);
  });

  it('defines every code the product throws, exactly once', () => {
    const catalogue = hubProblemCatalogue();
    const thrown = new Set<string>();
    for (const file of sourceFiles(path.resolve('src'))) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/new (?:HttpProblem|DomainError)\('([a-z_]+)'/g)) thrown.add(match[1]!);
    }
    assert.ok(thrown.size > 10);
    const missing = [...thrown].filter((code) => !catalogue.get(code));
    assert.deepEqual(missing, []);
    for (const code of ['integration_not_configured', 'connection_needs_reconnect', 'connection_not_found', 'token_service_unavailable']) {
      assert.ok(catalogue.get(code), code);
    }
  });
});
