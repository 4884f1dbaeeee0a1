// Token redemption by a single-page application (https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow
// "Redirect URIs for single-page apps (SPAs)"): the token endpoint answers a browser's CORS preflight; a code issued
// to an SPA redirect URI is redeemed cross-origin with PKCE and no secret; a web-platform code redeemed cross-origin
// is AADSTS9002326 and an SPA code redeemed without Origin AADSTS9002327, each readable by the page (CORS headers).
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { startEmulator, type EmulatorHandle } from '../harness.js';
import { assertAadstsError } from './support/aadsts-assert.js';

let emulator: EmulatorHandle;
let appId: string;
const spaOrigin = 'http://localhost:5173';
const spaRedirect = `${spaOrigin}/redirect.html`;
const webRedirect = 'https://web.example.com/callback';

before(async () => {
  emulator = await startEmulator();
  const app = await emulator.createApplication(emulator.tenantId!, { displayName: 'SPA and web', redirectUris: [webRedirect] });
  appId = app.appId;
  await emulator.updateApplication(emulator.tenantId!, appId, { spaRedirectUris: [spaRedirect] });
});
after(async () => {
  await emulator?.close();
});

const verifier = randomBytes(32).toString('base64url');
const challenge = createHash('sha256').update(verifier).digest('base64url');

async function codeFor(redirectUri: string, scope = 'openid User.Read'): Promise<string> {
  const query = new URLSearchParams({ client_id: appId, response_type: 'code', redirect_uri: redirectUri, scope, code_challenge: challenge, code_challenge_method: 'S256' });
  const result = await emulator.signIn(`${emulator.authority()}/oauth2/v2.0/authorize?${query}`, { username: 'dana@contoso.onmicrosoft.com', password: emulator.seed!.password });
  return result.params.code!;
}

const redeem = (code: string, redirectUri: string, origin?: string) =>
  emulator.fetch(`${emulator.authority()}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(origin ? { origin } : {}) },
    body: new URLSearchParams({ grant_type: 'authorization_code', client_id: appId, code, redirect_uri: redirectUri, code_verifier: verifier }).toString(),
  });

describe('single-page application token redemption', () => {
  test('a CORS preflight of the token endpoint is allowed for POST with the headers asked for', async () => {
    const response = await emulator.fetch(`${emulator.authority()}/oauth2/v2.0/token`, {
      method: 'OPTIONS',
      headers: { origin: spaOrigin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('access-control-allow-origin'), spaOrigin);
    assert.match(response.headers.get('access-control-allow-methods') ?? '', /POST/);
    assert.match(response.headers.get('access-control-allow-headers') ?? '', /content-type/);
  });

  test('an SPA code redeemed cross-origin with PKCE and no secret: tokens the page may read', async () => {
    const response = await redeem(await codeFor(spaRedirect), spaRedirect, spaOrigin);
    assert.equal(response.status, 200, await response.clone().text());
    assert.equal(response.headers.get('access-control-allow-origin'), spaOrigin);
    const body = (await response.json()) as Record<string, string>;
    assert.ok(body.access_token && body.id_token);
  });

  test('a web-platform code redeemed cross-origin: AADSTS9002326 naming the origin, readable by the page', async () => {
    const response = await redeem(await codeFor(webRedirect), webRedirect, spaOrigin);
    assert.equal(response.headers.get('access-control-allow-origin'), spaOrigin);
    await assertAadstsError(response, { status: 400, error: 'invalid_request', code: 9002326, messageIncludes: `Cross-origin token redemption is permitted only for the 'Single-Page Application' client-type. Request origin: '${spaOrigin}'.` });
  });

  test('an SPA code redeemed from a server (no Origin): AADSTS9002327', async () => {
    const response = await redeem(await codeFor(spaRedirect), spaRedirect);
    await assertAadstsError(response, { status: 400, error: 'invalid_request', code: 9002327 });
  });

  test('an SPA refresh token: renewed cross-origin without a secret; from a server (no Origin) AADSTS9002327', async () => {
    const first = await redeem(await codeFor(spaRedirect, 'openid offline_access User.Read'), spaRedirect, spaOrigin);
    const { refresh_token: refreshToken } = (await first.json()) as Record<string, string>;
    assert.ok(refreshToken, 'offline_access gives the SPA a refresh token');
    const refresh = (origin?: string) =>
      emulator.fetch(`${emulator.authority()}/oauth2/v2.0/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...(origin ? { origin } : {}) },
        body: new URLSearchParams({ grant_type: 'refresh_token', client_id: appId, refresh_token: refreshToken, scope: 'openid offline_access User.Read' }).toString(),
      });
    const renewed = await refresh(spaOrigin);
    assert.equal(renewed.status, 200, await renewed.clone().text());
    assert.equal(renewed.headers.get('access-control-allow-origin'), spaOrigin);
    await assertAadstsError(await refresh(), { status: 400, error: 'invalid_request', code: 9002327 });
  });
});
