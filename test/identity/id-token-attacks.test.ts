// ID tokens the emulator would never issue: forged with jose and served by a fake Microsoft (discovery, JWKS and
// token endpoint) behind an injected fetch. Each must be refused as id_token_invalid; the honest one passes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exportJWK, generateKeyPair, SignJWT, UnsecuredJWT, type JWTPayload } from 'jose';
import { createEntraClient, IdentityError } from '../../src/microsoft/identity/index.js';
import { fakeMicrosoftIdentity } from '../support/fake-microsoft-identity.js';

const LOGIN = 'https://login.fake.test';
const TID = 'c0a7e5a0-5e3d-4b7a-9a65-7c0e2f4d1a01';
const OTHER_TID = 'fab71ca0-2d4e-4c1b-8e3f-6a9b0c1d2e02';
const CLIENT_ID = '5d3a6c1e-8f2b-4e7d-a9c0-1b2c3d4e5f60';
const NONCE = 'expected-nonce';

const trusted = await generateKeyPair('RS256');
const attacker = await generateKeyPair('RS256');
const jwks = { keys: [{ ...(await exportJWK(trusted.publicKey)), kid: 'k1', use: 'sig', alg: 'RS256' }] };

function honestClaims(): JWTPayload {
  const now = Math.floor(Date.now() / 1000);
  return { iss: `${LOGIN}/${TID}/v2.0`, aud: CLIENT_ID, tid: TID, oid: '7d6b4b4e-0000-4000-8000-000000000001', sub: 'pairwise-sub', nonce: NONCE, iat: now, nbf: now, exp: now + 3600, ver: '2.0' };
}

const sign = (claims: JWTPayload, key = trusted.privateKey, kid = 'k1') => new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' }).sign(key);

const fakeMicrosoft = (idToken: string) => fakeMicrosoftIdentity({ loginUrl: LOGIN, jwks, idToken: () => idToken, scope: 'Files.Read' });

async function redeemWith(idToken: string) {
  const client = createEntraClient({ loginUrl: LOGIN, fetch: fakeMicrosoft(idToken) });
  return client.redeemAuthorizationCode({
    tenant: 'organizations',
    credentials: { clientId: CLIENT_ID, clientSecret: 'secret' },
    code: 'code',
    redirectUri: 'https://hub.example.com/cb',
    codeVerifier: 'v'.repeat(43),
    expectedNonce: NONCE,
  });
}

const refused = async (idToken: string) =>
  assert.rejects(redeemWith(idToken), (e: unknown) => e instanceof IdentityError && e.code === 'id_token_invalid' && e.permanent);

describe('ID token validation', () => {
  it('accepts an honest token: issuer from its own tid, our audience, our nonce, signed by the tenant key', async () => {
    const tokens = await redeemWith(await sign(honestClaims()));
    assert.equal(tokens.idTokenClaims.tid, TID);
    assert.equal(tokens.refreshToken, 'opaque-refresh');
  });

  it('refuses a wrong nonce', async () => refused(await sign({ ...honestClaims(), nonce: 'replayed' })));
  it('refuses another audience', async () => refused(await sign({ ...honestClaims(), aud: '99999999-8888-7777-6666-555555555555' })));
  it('refuses an issuer of another tenant than the token tid', async () => refused(await sign({ ...honestClaims(), iss: `${LOGIN}/${OTHER_TID}/v2.0` })));
  it('refuses an issuer on another host', async () => refused(await sign({ ...honestClaims(), iss: `https://evil.test/${TID}/v2.0` })));
  it('refuses a token without tid', async () => refused(await sign({ ...honestClaims(), tid: undefined })));
  it('refuses a signature by a key the tenant does not publish', async () => refused(await sign(honestClaims(), attacker.privateKey)));
  it('refuses alg: none', async () => refused(new UnsecuredJWT(honestClaims()).encode()));
  it('refuses an expired token', async () => {
    const now = Math.floor(Date.now() / 1000);
    await refused(await sign({ ...honestClaims(), iat: now - 7200, nbf: now - 7200, exp: now - 3600 }));
  });
});
