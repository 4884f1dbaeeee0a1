// Proof that openid-client (v6, unmodified; the CA trusted through its [customFetch]) works against the emulator:
// discovery on the tenant issuer, authorization code grant with PKCE (S256) and nonce, refresh grant, and jose
// verifying every token against the published JWKS
// (https://learn.microsoft.com/entra/identity-platform/v2-protocols-oidc).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import * as client from 'openid-client';
import { startEmulator, type EmulatorHandle } from '../harness.js';
import { verifyWithJwks } from './support/jwt.js';

let emulator: EmulatorHandle;
let config: client.Configuration;
const redirectUri = 'http://127.0.0.1:3000/auth/m365/callback';

before(async () => {
  emulator = await startEmulator();
  config = await client.discovery(new URL(emulator.issuer()), emulator.seed!.application.appId, emulator.seed!.application.clientSecret, undefined, {
    [client.customFetch]: emulator.fetch as unknown as client.CustomFetch,
  });
});
after(async () => {
  await emulator?.close();
});

describe('openid-client', () => {
  test('discovery yields the tenant issuer and endpoints on the emulator host', () => {
    const metadata = config.serverMetadata();
    assert.equal(metadata.issuer, `${emulator.url}/${emulator.tenantId}/v2.0`);
    assert.equal(metadata.token_endpoint, `${emulator.url}/${emulator.tenantId}/oauth2/v2.0/token`);
    assert.equal(metadata.jwks_uri, `${emulator.url}/${emulator.tenantId}/discovery/v2.0/keys`);
  });

  test('authorization code grant with PKCE and nonce, then refresh; jose verifies every token', async () => {
    const verifier = client.randomPKCECodeVerifier();
    const nonce = client.randomNonce();
    const state = client.randomState();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: 'openid profile email offline_access User.Read',
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      nonce,
      state,
    });
    const flow = await emulator.signIn(url.href, { username: 'lee@contoso.onmicrosoft.com', password: emulator.seed!.password });
    const tokens = await client.authorizationCodeGrant(config, new URL(flow.url), { pkceCodeVerifier: verifier, expectedNonce: nonce, expectedState: state });
    assert.equal(tokens.token_type.toLowerCase(), 'bearer');
    assert.ok(tokens.refresh_token);
    const idClaims = tokens.claims()!;
    assert.equal(idClaims.preferred_username, 'lee@contoso.onmicrosoft.com');
    assert.equal(idClaims.tid, emulator.tenantId);
    assert.equal(idClaims.ver, '2.0');

    const id = await verifyWithJwks(emulator, tokens.id_token!);
    assert.equal(id.payload.aud, emulator.seed!.application.appId);
    const access = await verifyWithJwks(emulator, tokens.access_token);
    assert.equal(access.payload.upn, 'lee@contoso.onmicrosoft.com');
    assert.equal(access.payload.tid, emulator.tenantId);

    const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token!);
    assert.ok(refreshed.refresh_token, 'a new refresh token every time');
    assert.notEqual(refreshed.refresh_token, tokens.refresh_token);
    await verifyWithJwks(emulator, refreshed.access_token);
    await verifyWithJwks(emulator, refreshed.id_token!);
    // The old refresh token stays valid until it lapses, as Microsoft's does (refresh-tokens.md).
    const again = await client.refreshTokenGrant(config, tokens.refresh_token!);
    assert.ok(again.access_token);
  });

  test('client_secret_basic works as well as client_secret_post', async () => {
    const basic = await client.discovery(new URL(emulator.issuer()), emulator.seed!.application.appId, undefined, client.ClientSecretBasic(emulator.seed!.application.clientSecret), {
      [client.customFetch]: emulator.fetch as unknown as client.CustomFetch,
    });
    const tokens = await client.clientCredentialsGrant(basic, { scope: 'https://graph.microsoft.com/.default' });
    const { payload } = await verifyWithJwks(emulator, tokens.access_token);
    assert.equal(payload.idtyp, 'app');
  });

  test('tokens signed before a key rollover stay verifiable; new ones use the new kid', async () => {
    const before = await client.clientCredentialsGrant(config, { scope: 'https://graph.microsoft.com/.default' });
    const { kid } = await emulator.rolloverSigningKey();
    const after = await client.clientCredentialsGrant(config, { scope: 'https://graph.microsoft.com/.default' });
    const verified = await verifyWithJwks(emulator, after.access_token);
    assert.equal(verified.protectedHeader.kid, kid);
    const old = await verifyWithJwks(emulator, before.access_token);
    assert.notEqual(old.protectedHeader.kid, kid);
  });
});
