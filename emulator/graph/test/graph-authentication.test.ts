// Graph's bearer token checks and permission enforcement, against tokens from the emulator's real token endpoint
// and tokens signed with its own key but with claims Graph must refuse.
// 401: https://learn.microsoft.com/graph/errors (401 Unauthorized, InvalidAuthenticationToken) and
//      https://learn.microsoft.com/entra/identity-platform/access-tokens ("Validate tokens": signature, aud, iss, lifetime).
// 403: https://learn.microsoft.com/graph/errors (403 Forbidden) and https://learn.microsoft.com/graph/permissions-overview
//      ("the app must have one of the permissions the API lists"); /me: https://learn.microsoft.com/graph/api/user-get.
import assert from 'node:assert/strict';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { SignJWT } from 'jose';
import { createTrustingFetch } from '../../client/trusting-fetch.js';
import { startEmulatorServer, type RunningEmulator } from '../../server/emulator-server.js';
import { appToken, assertGraphError, graphGet } from './graph-test-client.js';

let running: RunningEmulator;
let client: { url: string; fetch: ReturnType<typeof createTrustingFetch>['fetch'] };
let agent: ReturnType<typeof createTrustingFetch>['agent'];
let dataDir: string;
let tid: string;
let demoToken: string;

before(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'm365hub-graph-auth-'));
  running = await startEmulatorServer({ host: '127.0.0.1', port: 0, dataDir, seed: 'demo' });
  const trusting = createTrustingFetch(running.caPem);
  agent = trusting.agent;
  client = { url: running.url, fetch: trusting.fetch };
  const seed = running.ctx.seed!;
  tid = seed.tenant.id;
  demoToken = await appToken(client, tid, seed.application.appId, seed.application.clientSecret);
});
after(async () => {
  agent?.destroy();
  await running?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** A token signed by the emulator's own key (so only the claim under test is wrong). */
function emulatorSigned(claims: Record<string, unknown>): string {
  const iat = nowSeconds();
  return running.ctx.signer.sign(
    { aud: 'https://graph.microsoft.com', iss: `https://sts.windows.net/${tid}/`, iat, nbf: iat, exp: iat + 3600, appid: running.ctx.seed!.application.appId, idtyp: 'app', roles: ['User.Read.All'], tid, ver: '1.0', ...claims },
    'v1',
  );
}

describe('401 InvalidAuthenticationToken (Graph errors: 401 Unauthorized)', () => {
  test('no Authorization header: "Access token is empty." with the WWW-Authenticate Bearer challenge naming Graph', async () => {
    const result = await graphGet(client, '/users', undefined);
    assertGraphError(result, 401, 'InvalidAuthenticationToken', 'Access token is empty.');
    assert.equal(result.headers.get('www-authenticate'), `Bearer realm="", authorization_uri="${client.url}/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"`);
  });

  test('a token that is not a JWS compact serialization is refused', async () => {
    assertGraphError(await graphGet(client, '/users', 'not-a-jwt'), 401, 'InvalidAuthenticationToken', /CompactToken parsing failed/);
  });

  test('a token whose payload was altered fails signature validation (access-tokens: validate the signature)', async () => {
    const [header, payload, signature] = demoToken.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    claims.roles = ['Directory.ReadWrite.All'];
    const forged = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    assertGraphError(await graphGet(client, '/users', forged), 401, 'InvalidAuthenticationToken', /Invalid signature/);
  });

  test('a token signed by a key the emulator never published is refused, even with its kid', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const kid = running.ctx.keys.active.kid;
    const forged = await new SignJWT({ aud: 'https://graph.microsoft.com', iss: `https://sts.windows.net/${tid}/`, tid, roles: ['User.Read.All'], idtyp: 'app', appid: randomUUID() })
      .setProtectedHeader({ alg: 'RS256', kid, x5t: kid, typ: 'JWT' })
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);
    assertGraphError(await graphGet(client, '/users', forged), 401, 'InvalidAuthenticationToken', /Invalid signature/);
  });

  test('alg "none" is refused', async () => {
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${demoToken.split('.')[1]}.`;
    assertGraphError(await graphGet(client, '/users', unsigned), 401, 'InvalidAuthenticationToken');
  });

  test('a token for another resource (aud not Microsoft Graph) is refused', async () => {
    assertGraphError(await graphGet(client, '/users', emulatorSigned({ aud: 'api://some-other-api' })), 401, 'InvalidAuthenticationToken', /Invalid audience/);
  });

  test('both audience spellings Graph accepts work: the URI and the app id 00000003-…', async () => {
    assert.equal((await graphGet(client, '/users', emulatorSigned({ aud: 'https://graph.microsoft.com' }))).status, 200);
    assert.equal((await graphGet(client, '/users', emulatorSigned({ aud: '00000003-0000-0000-c000-000000000000' }))).status, 200);
  });

  test('a tid that is no tenant, or an issuer of another tenant, is refused', async () => {
    const ghost = randomUUID();
    assertGraphError(await graphGet(client, '/users', emulatorSigned({ tid: ghost, iss: `https://sts.windows.net/${ghost}/` })), 401, 'InvalidAuthenticationToken', /Invalid issuer/);
    const other = running.ctx.seed!.otherTenant.id;
    assertGraphError(await graphGet(client, '/users', emulatorSigned({ iss: `https://sts.windows.net/${other}/` })), 401, 'InvalidAuthenticationToken', /Invalid issuer/);
  });

  test('a token not yet valid (nbf in the future) is refused', async () => {
    const future = nowSeconds() + 3600;
    assertGraphError(await graphGet(client, '/users', emulatorSigned({ nbf: future, iat: future, exp: future + 3600 })), 401, 'InvalidAuthenticationToken', 'Access token has expired or is not yet valid.');
  });

  test('a real token expires by the emulator clock: valid now, refused once the clock passes exp', async () => {
    assert.equal((await graphGet(client, '/organization', demoToken)).status, 200);
    running.ctx.clock.advance(3601);
    try {
      assertGraphError(await graphGet(client, '/organization', demoToken), 401, 'InvalidAuthenticationToken', 'Access token has expired or is not yet valid.');
    } finally {
      running.ctx.clock.advance(-3601);
    }
  });
});

describe('token lifetime on the emulator clock', () => {
  // A token's iat/nbf/exp are real time (client libraries check them against their own clock), yet after
  // POST /_emulator/clock a token issued after the advance must live its whole lifetime (3599 s, as Entra's samples
  // show), and one whose lifetime has passed in emulator time is refused with Graph's 401 body.
  test('a token issued after the clock moved works for its whole lifetime; one issued before is refused', async () => {
    const seed = running.ctx.seed!;
    let advanced = 0;
    const advance = (seconds: number) => {
      running.ctx.clock.advance(seconds);
      advanced += seconds;
    };
    try {
      advance(7200);
      assertGraphError(await graphGet(client, '/organization', demoToken), 401, 'InvalidAuthenticationToken', 'Access token has expired or is not yet valid.');
      const fresh = await appToken(client, tid, seed.application.appId, seed.application.clientSecret);
      assert.equal((await graphGet(client, '/organization', fresh)).status, 200, 'issued after the advance: valid');
      advance(3000);
      assert.equal((await graphGet(client, '/organization', fresh)).status, 200, '3000 s into its 3599 s');
      advance(700);
      assertGraphError(await graphGet(client, '/organization', fresh), 401, 'InvalidAuthenticationToken', 'Access token has expired or is not yet valid.');
    } finally {
      running.ctx.clock.advance(-advanced);
    }
  });
});

describe('request and response headers (Graph: request-id, client-request-id, Date)', () => {
  test('client-request-id is echoed; request-id is a fresh GUID; Date is set; the JSON is OData', async () => {
    const clientRequestId = randomUUID();
    const result = await graphGet(client, '/organization', demoToken, { 'client-request-id': clientRequestId });
    assert.equal(result.status, 200);
    assert.equal(result.headers.get('client-request-id'), clientRequestId);
    assert.match(result.headers.get('request-id') ?? '', /^[0-9a-f-]{36}$/);
    assert.notEqual(result.headers.get('request-id'), clientRequestId);
    assert.ok(!Number.isNaN(Date.parse(result.headers.get('date') ?? '')));
    assert.match(result.headers.get('content-type') ?? '', /^application\/json;odata\.metadata=minimal/);
  });

  test('errors carry the same ids in innerError as in the headers', async () => {
    const clientRequestId = randomUUID();
    const result = await graphGet(client, '/nothing-here', demoToken, { 'client-request-id': clientRequestId });
    assertGraphError(result, 400, 'BadRequest', "Resource not found for the segment 'nothing-here'.");
    assert.equal(result.body.error.innerError['client-request-id'], clientRequestId);
  });
});

describe('paths Graph does not have, and what the emulator does not implement', () => {
  test('an unknown segment: 400 BadRequest "Resource not found for the segment" naming it', async () => {
    assertGraphError(await graphGet(client, '/users/x/nonsense', demoToken), 400, 'BadRequest', "Resource not found for the segment 'nonsense'.");
  });

  for (const path of ['/me', '/v1.0None', '/v2.0/users']) {
    test(`a path without a Graph version (${path}): 400 BadRequest "Invalid version." as Graph's host answers (msgraph-sample-blazor-clientside#94)`, async () => {
      const response = await client.fetch(`${client.url}${path}`, { headers: { authorization: `Bearer ${demoToken}` } });
      const text = await response.text();
      assertGraphError({ status: response.status, headers: response.headers, body: JSON.parse(text) }, 400, 'BadRequest', 'Invalid version.');
    });
  }

  test("a path under a tenant keeps the identity platform's answer, not Graph's", async () => {
    const response = await client.fetch(`${client.url}/common/oauth2/v2.0/nothing-here`);
    assert.equal(response.status, 404);
    assert.equal(((await response.json()) as { error: string }).error, 'not_found');
  });

  test('a write Graph serves but the emulator does not: 501 emulator_unsupported naming it, never a silent success', async () => {
    const response = await client.fetch(`${client.url}/v1.0/users`, { method: 'POST', headers: { authorization: `Bearer ${demoToken}`, 'content-type': 'application/json' }, body: '{}' });
    assert.equal(response.status, 501);
    const body = (await response.json()) as { error: { code: string; message: string } };
    assert.equal(body.error.code, 'emulator_unsupported');
    assert.match(body.error.message, /POST \/v1\.0\/users/);
  });

  // Microsoft's permission table lists these v1.0 paths, which the emulator does not serve (yet). None may look like a
  // missing object (404) or an unknown path (400).
  for (const [method, requestPath, named] of [
    ['GET', '/me/drives', '/me/drives'],
    ['GET', '/applications/x/owners/$ref', '/applications/{id}/owners/$ref'],
    ['GET', '/me/contacts', '/me/contacts'],
  ] as const) {
    test(`a real Graph path the emulator lacks: ${method} ${requestPath} → 501 emulator_unsupported naming ${named}`, async () => {
      const response = await client.fetch(`${client.url}/v1.0${requestPath}`, { method, headers: { authorization: `Bearer ${demoToken}` } });
      const text = await response.text();
      assertGraphError({ status: response.status, headers: response.headers, body: JSON.parse(text) }, 501, 'emulator_unsupported', `The emulator does not implement ${method} /v1.0${named} yet.`);
    });
  }

  test('a segment Microsoft does not have after a real one: 400 naming that segment, not a 404 for a missing object', async () => {
    assertGraphError(await graphGet(client, '/users/delta/nonsense', demoToken), 400, 'BadRequest', "Resource not found for the segment 'nonsense'.");
    assertGraphError(await graphGet(client, '/usersx', demoToken), 400, 'BadRequest', "Resource not found for the segment 'usersx'.");
  });

  test('/users/$count: the number as text/plain with ConsistencyLevel eventual, narrowed by $filter; Graph\'s 400 without the header', async () => {
    const users = await graphGet(client, '/users?$top=999', demoToken);
    const count = async (query: string, headers: Record<string, string>) => {
      const response = await client.fetch(`${client.url}/v1.0/users/$count${query}`, { headers: { authorization: `Bearer ${demoToken}`, ...headers } });
      return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
    };
    const all = await count('', { consistencylevel: 'eventual' });
    assert.equal(all.status, 200, all.text);
    assert.match(all.type ?? '', /^text\/plain/);
    assert.equal(all.text, String(users.body.value.length));
    const first = users.body.value[0] as { userPrincipalName: string };
    const one = await count(`?$filter=userPrincipalName eq '${first.userPrincipalName}'`, { consistencylevel: 'eventual' });
    assert.equal(one.text, '1');
    const missing = await graphGet(client, '/users/$count', demoToken);
    assertGraphError(missing, 400, 'Request_UnsupportedQuery', /ConsistencyLevel:eventual' header is missing/);
  });

  test('the beta endpoint answers emulator_unsupported', async () => {
    const response = await client.fetch(`${client.url}/beta/users`, { headers: { authorization: `Bearer ${demoToken}` } });
    assert.equal(response.status, 501);
  });

  test('query options the emulator does not implement are refused by name ($orderby)', async () => {
    const result = await graphGet(client, '/users?$orderby=displayName', demoToken);
    assert.equal(result.status, 501);
    assert.match(result.body.error.message, /\$orderby/);
  });
});

describe('faults on Graph paths (POST /_emulator/faults; Graph throttling: https://learn.microsoft.com/graph/throttling)', () => {
  test('429 with Retry-After and the documented TooManyRequests body, then the next request succeeds; both are in /_emulator/requests', async () => {
    running.ctx.faults.add({ pathPattern: '^/v1\\.0/organization$', status: 429, count: 1, retryAfter: 7 });
    const throttled = await graphGet(client, '/organization', demoToken);
    assert.equal(throttled.status, 429);
    assert.equal(throttled.headers.get('retry-after'), '7');
    assert.equal(throttled.body.error.code, 'TooManyRequests');
    assert.equal(throttled.body.error.message, 'Please retry again later.');
    assert.deepEqual(Object.keys(throttled.body.error.innerError).sort(), ['code', 'date', 'message', 'request-id', 'status']);
    assert.equal(throttled.body.error.innerError.code, '429');
    assert.equal(throttled.body.error.innerError['request-id'], throttled.headers.get('request-id'));
    assert.equal((await graphGet(client, '/organization', demoToken)).status, 200);
    const log = running.ctx.requestLog.recent(2);
    assert.deepEqual(log.map((r) => [r.path, r.status]), [['/v1.0/organization', 429], ['/v1.0/organization', 200]]);
    assert.equal(log[1]!.client_id, running.ctx.seed!.application.appId);
    assert.equal(log[1]!.tenant, tid);
  });

  test('503 answers serviceNotAvailable in Graph shape', async () => {
    running.ctx.faults.add({ pathPattern: '^/v1\\.0/users$', status: 503, count: 1, retryAfter: 1 });
    const result = await graphGet(client, '/users', demoToken);
    assertGraphError(result, 503, 'serviceNotAvailable');
    assert.equal(result.headers.get('retry-after'), '1');
  });
});
