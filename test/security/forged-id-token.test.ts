// Attack: a token response whose ID token is forged (another issuer or tenant, another audience, a wrong nonce,
// `alg: none`, an attacker's key). Served by a fake Microsoft behind the hub's injected fetch, through the real
// /auth/m365/callback: each is refused as id_token_invalid and nothing is stored. The honest token connects,
// which proves the fake is faithful enough for the refusals to mean something.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { exportJWK, generateKeyPair, SignJWT, UnsecuredJWT, type JWTPayload } from 'jose';
import { startTestHub, type TestHub } from '../support/hub.js';
import { Browser } from '../connect/support/connect-kit.js';
import { fakeMicrosoftIdentity } from '../support/fake-microsoft-identity.js';
import { dialects, skipReason } from '../support/stores.js';

const LOGIN = 'https://login.fake.test';
const TID = 'c0a7e5a0-5e3d-4b7a-9a65-7c0e2f4d1a01';
const OTHER_TID = 'fab71ca0-2d4e-4c1b-8e3f-6a9b0c1d2e02';
const CLIENT_ID = '5d3a6c1e-8f2b-4e7d-a9c0-1b2c3d4e5f60';

const trusted = await generateKeyPair('RS256');
const attacker = await generateKeyPair('RS256');
const jwks = { keys: [{ ...(await exportJWK(trusted.publicKey)), kid: 'k1', use: 'sig', alg: 'RS256' }] };
const sign = (claims: JWTPayload, key = trusted.privateKey) => new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'k1', typ: 'JWT' }).sign(key);

/** What the fake token endpoint answers next: an ID token made from the nonce the hub sent to /authorize. */
let forge: (nonce: string) => Promise<string>;
let lastNonce = '';

function honest(nonce: string): JWTPayload {
  const now = Math.floor(Date.now() / 1000);
  return { iss: `${LOGIN}/${TID}/v2.0`, aud: CLIENT_ID, tid: TID, oid: '7d6b4b4e-0000-4000-8000-000000000001', sub: 'pairwise', nonce, iat: now, nbf: now, exp: now + 3600, ver: '2.0', preferred_username: 'dana@contoso.onmicrosoft.com' };
}

const fakeMicrosoft = fakeMicrosoftIdentity({ loginUrl: LOGIN, jwks, idToken: () => forge(lastNonce) });

for (const dialect of dialects) {
  describe(`forged ID tokens through the callback route (${dialect})`, { skip: skipReason(dialect) }, () => {
    let hub: TestHub;
    let user: Browser;
    let workspaceId: string;

    before(async () => {
      hub = await startTestHub({ dialect, fetch: fakeMicrosoft, env: { M365HUB_LOGIN_URL: LOGIN } });
      user = new Browser(hub.url);
      const signIn = await user.request('POST', '/api/v1/auth/sign-in', { email: hub.admin.email, password: hub.admin.password });
      const csrf = { 'x-csrf-token': ((await signIn.json()) as { csrfToken: string }).csrfToken };
      workspaceId = ((await (await user.request('POST', '/api/v1/workspaces', { name: 'Forgery' }, csrf)).json()) as { id: string }).id;
      const put = await user.request('PUT', `/api/v1/workspaces/${workspaceId}/integrations/m365`, {
        clientId: CLIENT_ID,
        clientSecret: 'fake-secret-value',
        services: [{ service: 'onedrive', modes: ['delegated'] }],
        redirectUri: `${hub.url}/auth/m365/callback`,
      }, csrf);
      assert.equal(put.status, 201);
    });
    after(async () => hub?.close());

    const connections = () => hub.hub.store.db.selectFrom('m365_connections').select('id').where('workspace_id', '=', workspaceId).execute();

    async function callbackWith(make: (nonce: string) => Promise<string>) {
      forge = make;
      const start = await user.get(`/auth/m365/connect?workspaceId=${workspaceId}`);
      assert.equal(start.status, 302);
      const authorize = new URL(start.headers.get('location')!);
      lastNonce = authorize.searchParams.get('nonce')!;
      return user.get(`/auth/m365/callback?code=fake-code&state=${authorize.searchParams.get('state')}`);
    }

    const refusals: [string, (nonce: string) => Promise<string>][] = [
      ['issued by another tenant than its tid', (n) => sign({ ...honest(n), iss: `${LOGIN}/${OTHER_TID}/v2.0` })],
      ['tid of another tenant than its issuer', (n) => sign({ ...honest(n), tid: OTHER_TID })],
      ['another issuer altogether', (n) => sign({ ...honest(n), iss: `https://evil.example.com/${TID}/v2.0` })],
      ['another audience', (n) => sign({ ...honest(n), aud: '11111111-2222-4333-8444-555555555555' })],
      ['a wrong nonce', (n) => sign({ ...honest(n), nonce: `${n}x` })],
      ['alg: none', async (n) => new UnsecuredJWT(honest(n)).encode()],
      ["an attacker's signing key", (n) => sign(honest(n), attacker.privateKey)],
    ];

    for (const [name, make] of refusals) {
      it(`refuses an ID token with ${name}, storing nothing`, async () => {
        const response = await callbackWith(make);
        assert.equal(response.status, 400);
        assert.match(await response.text(), /id_token_invalid/);
        assert.equal((await connections()).length, 0);
      });
    }

    it('accepts the honest ID token (the fake is faithful)', async () => {
      const response = await callbackWith(async (n) => sign(honest(n)));
      assert.equal(response.status, 200, await response.clone().text());
      assert.match(await response.text(), /Microsoft 365 connected/);
      assert.equal((await connections()).length, 1);
    });
  });
}
