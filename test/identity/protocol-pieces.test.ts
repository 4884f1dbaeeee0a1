// The pure pieces of the protocol: URLs, PKCE, callbacks, the client assertion, granted permissions, and the
// transport's retry / timeout / logging behaviour (fake fetch, recorded sleeps: nothing waits).
import assert from 'node:assert/strict';
import { createHash, createPublicKey, X509Certificate } from 'node:crypto';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import { createLocalJWKSet, decodeProtectedHeader, exportJWK, jwtVerify } from 'jose';
import { createClientCertificate } from '../../emulator/test/support/test-certificate.js';
import { createLogger } from '../../src/platform/logging/logger.js';
import { ManualClock } from '../../src/platform/time/clock.js';
import {
  adminConsentUrl,
  buildAuthorizationUrl,
  createClientAssertion,
  createIdentityFetch,
  createPkce,
  decodeGrantedPermissions,
  IdentityError,
  parseAuthorizationCallback,
  prepareCertificate,
} from '../../src/microsoft/identity/index.js';

describe('authorization and admin consent URLs', () => {
  it('carries PKCE S256, state, nonce, query response mode and the tenant segment', async () => {
    const pkce = await createPkce();
    assert.equal(pkce.codeChallenge, createHash('sha256').update(pkce.codeVerifier).digest('base64url'));
    const url = buildAuthorizationUrl({
      loginUrl: 'https://login.microsoftonline.com', tenant: '', clientId: 'app', redirectUri: 'https://h/cb', scopes: ['openid', 'offline_access'],
      state: 's', nonce: 'n', codeChallenge: pkce.codeChallenge, prompt: 'select_account', loginHint: 'dana@contoso.com',
    });
    assert.equal(url.origin + url.pathname, 'https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize');
    const q = Object.fromEntries(url.searchParams);
    assert.deepEqual(q, {
      client_id: 'app', response_type: 'code', redirect_uri: 'https://h/cb', response_mode: 'query', scope: 'openid offline_access', state: 's', nonce: 'n',
      code_challenge: pkce.codeChallenge, code_challenge_method: 'S256', prompt: 'select_account', login_hint: 'dana@contoso.com',
    });
    assert.ok(!url.toString().includes(pkce.codeVerifier));
  });

  it('refuses a tenant that is not a GUID, domain or alias, and a missing redirect URI', () => {
    const base = { loginUrl: 'https://l', graphResource: 'https://graph.microsoft.com', clientId: 'a', state: 's' };
    assert.throws(() => adminConsentUrl({ ...base, tenant: '../evil?x=', redirectUri: 'https://h/cb' }), (e: unknown) => e instanceof IdentityError && e.code === 'tenant_not_found');
    assert.throws(() => adminConsentUrl({ ...base, redirectUri: '' }), (e: unknown) => e instanceof IdentityError && e.code === 'redirect_uri_not_configured');
  });

  it('parses the callback: code and state, a repeated parameter is refused, a missing one is callback_invalid', () => {
    assert.deepEqual(parseAuthorizationCallback(new URLSearchParams('code=c&state=s&session_state=x')), { code: 'c', state: 's' });
    assert.throws(() => parseAuthorizationCallback(new URLSearchParams('code=c&code=d&state=s')), (e: unknown) => e instanceof IdentityError && e.code === 'callback_invalid');
    assert.throws(() => parseAuthorizationCallback({ code: 'c' }), (e: unknown) => e instanceof IdentityError && e.code === 'callback_invalid');
    assert.throws(
      () => parseAuthorizationCallback({ error: 'access_denied', error_description: 'AADSTS90094: Admin consent is required.', state: 's' }),
      (e: unknown) => e instanceof IdentityError && e.code === 'admin_approval_required',
    );
  });
});

describe('certificate client assertion', () => {
  it('is a PS256 JWT naming the certificate by x5t#S256, for the token endpoint, short-lived, with a jti', async () => {
    const { certificatePem, privateKeyPem } = await createClientCertificate();
    const certificate = prepareCertificate(certificatePem, privateKeyPem);
    const clock = new ManualClock(new Date());
    const audience = 'https://login.microsoftonline.com/tid/oauth2/v2.0/token';
    const jwt = await createClientAssertion({ clientId: 'app-id', certificate, audience, clock });
    const header = decodeProtectedHeader(jwt);
    const der = new X509Certificate(certificatePem).raw;
    assert.equal(header.alg, 'PS256');
    assert.equal(header['x5t#S256'], createHash('sha256').update(der).digest('base64url'));
    const jwk = await exportJWK(createPublicKey(certificatePem));
    const { payload } = await jwtVerify(jwt, createLocalJWKSet({ keys: [{ ...jwk, alg: 'PS256' }] }), { audience, issuer: 'app-id', subject: 'app-id', currentDate: clock.now() });
    assert.ok(payload.jti);
    assert.ok(payload.exp! - payload.iat! <= 600);
  });

  it('refuses a private key that does not belong to the certificate', async () => {
    const one = await createClientCertificate();
    const two = await createClientCertificate();
    assert.throws(() => prepareCertificate(one.certificatePem, two.privateKeyPem), (e: unknown) => e instanceof IdentityError && e.code === 'client_assertion_invalid');
  });
});

describe('granted permissions', () => {
  it('reads scp and roles from a Graph token without trusting it, and nothing from an opaque one', () => {
    const token = (claims: object) => `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;
    assert.deepEqual(decodeGrantedPermissions(token({ scp: 'Files.Read Mail.Send' })), { scp: ['Files.Read', 'Mail.Send'], roles: [] });
    assert.deepEqual(decodeGrantedPermissions(token({ roles: ['User.Read.All'] })), { scp: [], roles: ['User.Read.All'] });
    assert.deepEqual(decodeGrantedPermissions('opaque'), { scp: [], roles: [] });
  });
});

describe('identity transport', () => {
  it('retries network failures with jittered exponential backoff, then throws a transient network_error', async () => {
    const sleeps: number[] = [];
    let calls = 0;
    const http = createIdentityFetch({
      fetch: async () => {
        calls++;
        throw new TypeError('fetch failed');
      },
      sleep: async (ms) => void sleeps.push(ms),
      random: () => 0.75,
      retry: { maxAttempts: 3, baseDelayMs: 100 },
    });
    await assert.rejects(http('https://l/t/oauth2/v2.0/token', { method: 'POST' }), (e: unknown) => e instanceof IdentityError && e.code === 'network_error' && !e.permanent);
    assert.equal(calls, 3);
    // Full jitter: the draw (0.75) times the ceilings 100 and 200 ms.
    assert.deepEqual(sleeps, [75, 150]);
  });

  it('does not retry a 400 (permanent answers go straight back)', async () => {
    let calls = 0;
    const http = createIdentityFetch({ fetch: async () => (calls++, new Response('{}', { status: 400 })), sleep: async () => {} });
    assert.equal((await http('https://l/x')).status, 400);
    assert.equal(calls, 1);
  });

  it('does not wait a Retry-After longer than the policy allows; the answer is returned for the caller to report', async () => {
    const sleeps: number[] = [];
    const http = createIdentityFetch({ fetch: async () => new Response('{}', { status: 429, headers: { 'retry-after': '3600' } }), sleep: async (ms) => void sleeps.push(ms) });
    assert.equal((await http('https://l/x')).status, 429);
    assert.deepEqual(sleeps, []);
  });

  it('times out a request that never answers, as a transient timeout', async () => {
    const http = createIdentityFetch({
      timeoutMs: 20,
      retry: { maxAttempts: 1 },
      // A request that never answers. The pending handle stands in for its open socket: AbortSignal.timeout's timer
      // is unref'd, so without it the event loop would end before the timeout fires.
      fetch: (_input, init) =>
        new Promise((_resolve, reject) => {
          const socket = setInterval(() => {}, 60_000);
          init!.signal!.addEventListener('abort', () => {
            clearInterval(socket);
            reject(init!.signal!.reason);
          });
        }),
    });
    await assert.rejects(http('https://l/x'), (e: unknown) => e instanceof IdentityError && e.code === 'timeout' && !e.permanent);
  });

  it('logs the endpoint without query strings or secrets', async () => {
    const lines: string[] = [];
    const destination = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
    const logger = createLogger({ level: 'debug', destination });
    let first = true;
    const http = createIdentityFetch({
      logger,
      sleep: async () => {},
      fetch: async () => (first ? ((first = false), new Response('{}', { status: 503 })) : new Response('{}', { status: 200 })),
    });
    await http('https://l/t/oauth2/v2.0/token?code=SECRET-CODE', { method: 'POST', body: 'client_secret=SECRET-VALUE&refresh_token=SECRET-RT' });
    const text = lines.join('');
    assert.match(text, /https:\/\/l\/t\/oauth2\/v2\.0\/token/);
    assert.ok(!/SECRET/.test(text), text);
  });
});
