// Proof that a real, unmodified msal-node ConfidentialClientApplication works against the emulator: client
// credentials with a secret and with certificates (thumbprintSha256 → PS256 + x5t#S256, thumbprint → RS256 +
// x5t; msal-node src/client/ClientAssertion.ts), the auth code flow and acquireTokenSilent renewing through the
// refresh token. Authority on the emulator host, knownAuthorities set, the CA trusted through networkClient.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ConfidentialClientApplication, InteractionRequiredAuthError, ServerError, type AuthenticationResult } from '@azure/msal-node';
import { startEmulator, type EmulatorHandle } from '../harness.js';
import { msalConfig } from './support/msal-config.js';
import { claimsOf, verifyWithJwks } from './support/jwt.js';
import { createClientCertificate } from './support/test-certificate.js';

let emulator: EmulatorHandle;
const redirectUri = 'http://localhost:3000/auth/m365/callback';

before(async () => {
  emulator = await startEmulator();
});
after(async () => {
  await emulator?.close();
});

describe('msal-node ConfidentialClientApplication', () => {
  test('acquireTokenByClientCredential with a client secret returns a Graph app-only token with granted roles', async () => {
    const cca = new ConfidentialClientApplication(msalConfig(emulator, { clientSecret: emulator.seed!.application.clientSecret }));
    const result = await cca.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] });
    assert.ok(result?.accessToken);
    const { payload } = await verifyWithJwks(emulator, result.accessToken);
    assert.equal(payload.iss, `https://sts.windows.net/${emulator.tenantId}/`);
    assert.equal(payload.aud, 'https://graph.microsoft.com');
    assert.equal(payload.appid, emulator.seed!.application.appId);
    assert.equal(payload.appidacr, '1');
    assert.equal(payload.idtyp, 'app');
    assert.equal(payload.ver, '1.0');
    assert.ok((payload.roles as string[]).includes('User.Read.All'));
  });

  test('after POST /_emulator/clock, a token msal-node acquires then works at Graph for its lifetime; the one from before is refused', async () => {
    const cca = new ConfidentialClientApplication(msalConfig(emulator, { clientSecret: emulator.seed!.application.clientSecret }));
    const graph = (token: string) => emulator.fetch(`${emulator.url}/v1.0/organization`, { headers: { authorization: `Bearer ${token}` } });
    const before = await cca.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] });
    await emulator.advanceClock(7200);
    try {
      assert.equal((await graph(before!.accessToken)).status, 401, 'its lifetime passed in emulator time');
      const after = await cca.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'], skipCache: true });
      assert.equal((await graph(after!.accessToken)).status, 200);
      await emulator.advanceClock(3000);
      assert.equal((await graph(after!.accessToken)).status, 200, 'still inside its 3599 s');
    } finally {
      await emulator.advanceClock(-10200);
    }
  });

  for (const variant of ['thumbprintSha256', 'thumbprint'] as const) {
    test(`acquireTokenByClientCredential with a certificate (${variant})`, async () => {
      const app = await emulator.createApplication(emulator.tenantId!, { displayName: `cert app ${variant}` });
      const { certificatePem, privateKeyPem } = await createClientCertificate();
      const registered = await emulator.addCertificate(emulator.tenantId!, app.appId, certificatePem);
      await emulator.grant(emulator.tenantId!, { appId: app.appId, roles: ['Sites.Read.All'] });
      const clientCertificate =
        variant === 'thumbprintSha256' ? { thumbprintSha256: registered.thumbprintSha256, privateKey: privateKeyPem } : { thumbprint: registered.thumbprint, privateKey: privateKeyPem };
      const cca = new ConfidentialClientApplication(msalConfig(emulator, { clientId: app.appId, clientCertificate }));
      const result = await cca.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] });
      const claims = claimsOf(result!.accessToken);
      assert.equal(claims.appidacr, '2', 'appidacr 2 = certificate');
      assert.deepEqual(claims.roles, ['Sites.Read.All']);
    });
  }

  test('auth code flow: getAuthCodeUrl → sign in → acquireTokenByCode, then acquireTokenSilent renews with the refresh token', async () => {
    const cca = new ConfidentialClientApplication(msalConfig(emulator, { clientSecret: emulator.seed!.application.clientSecret }));
    const scopes = ['User.Read', 'offline_access'];
    const url = await cca.getAuthCodeUrl({ scopes, redirectUri, state: 'st-1', nonce: 'n-1' });
    const flow = await emulator.signIn(url, { username: 'dana@contoso.onmicrosoft.com', password: emulator.seed!.password });
    assert.equal(flow.params.state, 'st-1');
    assert.ok(flow.params.code);
    // msal-node checks the id token's nonce against the request's (ResponseHandler.handleServerTokenResponse).
    const result = await cca.acquireTokenByCode({ code: flow.params.code!, scopes, redirectUri, nonce: 'n-1', state: 'st-1' }, { code: flow.params.code!, state: flow.params.state! });
    assert.equal(result.account?.username, 'dana@contoso.onmicrosoft.com');
    // client_info makes MSAL's home account id `oid.tid`.
    assert.equal(result.account?.homeAccountId, `${result.account?.localAccountId}.${emulator.tenantId}`);
    assert.equal(result.account?.tenantId, emulator.tenantId);
    assert.equal((result.idTokenClaims as Record<string, unknown>).nonce, 'n-1');
    assert.match(String(claimsOf(result.accessToken).scp), /User\.Read/);

    const before = (await emulator.requests(200)).filter((r) => r.grant_type === 'refresh_token').length;
    const silent = await cca.acquireTokenSilent({ account: result.account!, scopes: ['User.Read'], forceRefresh: true });
    const afterCount = (await emulator.requests(200)).filter((r) => r.grant_type === 'refresh_token' && r.status === 200).length;
    assert.equal(afterCount, before + 1, 'one refresh_token grant was redeemed');
    assert.notEqual(silent.accessToken, result.accessToken);
    assert.equal(silent.account?.homeAccountId, result.account?.homeAccountId);
  });

  test('a refresh token unused for 90 days (AADSTS700082, suberror bad_token) makes msal-node raise InteractionRequiredAuthError', async () => {
    const cca = new ConfidentialClientApplication(msalConfig(emulator, { clientSecret: emulator.seed!.application.clientSecret }));
    const scopes = ['User.Read', 'offline_access'];
    const url = await cca.getAuthCodeUrl({ scopes, redirectUri, state: 'st-2', nonce: 'n-2' });
    const flow = await emulator.signIn(url, { username: 'dana@contoso.onmicrosoft.com', password: emulator.seed!.password });
    const result = await cca.acquireTokenByCode({ code: flow.params.code!, scopes, redirectUri, nonce: 'n-2', state: 'st-2' }, { code: flow.params.code!, state: flow.params.state! });
    await emulator.advanceClock(90 * 86_400 + 60);
    try {
      const error = await cca.acquireTokenSilent({ account: result.account!, scopes: ['User.Read'], forceRefresh: true }).catch((e: unknown) => e);
      assert.ok(error instanceof InteractionRequiredAuthError, `got ${(error as Error)?.name}: ${(error as Error)?.message}`);
      assert.equal(error.subError, 'bad_token');
      assert.match(error.errorMessage, /AADSTS700082/);
    } finally {
      await emulator.advanceClock(-(90 * 86_400 + 60));
    }
  });

  // One test per refused refresh: what msal-node raises decides whether an app re-prompts (InteractionRequiredAuthError,
  // isInteractionRequiredError in msal-common) or reports a fault it cannot fix by signing in again (ServerError).
  async function signedInDana(cca: ConfidentialClientApplication, clientId: string, state: string): Promise<AuthenticationResult> {
    const scopes = ['User.Read', 'offline_access'];
    const url = await cca.getAuthCodeUrl({ scopes, redirectUri, state, nonce: `n-${state}` });
    const flow = await emulator.signIn(url, { username: 'dana@contoso.onmicrosoft.com', password: emulator.seed!.password });
    assert.ok(flow.params.code, `sign-in to ${clientId} gave a code`);
    return cca.acquireTokenByCode({ code: flow.params.code!, scopes, redirectUri, nonce: `n-${state}`, state }, { code: flow.params.code!, state: flow.params.state! });
  }
  const refused = (cca: ConfidentialClientApplication, result: AuthenticationResult) =>
    cca.acquireTokenSilent({ account: result.account!, scopes: ['User.Read'], forceRefresh: true }).catch((e: unknown) => e);
  const dana = () => emulator.seed!.users.find((u) => u.userPrincipalName.startsWith('dana@'))!;

  test('revoked sign-in sessions (AADSTS50173, suberror bad_token) make msal-node raise InteractionRequiredAuthError', async () => {
    const cca = new ConfidentialClientApplication(msalConfig(emulator, { clientSecret: emulator.seed!.application.clientSecret }));
    const result = await signedInDana(cca, emulator.seed!.application.appId, 'st-50173');
    await emulator.advanceClock(1);
    await emulator.revokeSignInSessions(emulator.tenantId!, dana().id);
    const error = await refused(cca, result);
    assert.ok(error instanceof InteractionRequiredAuthError, `got ${(error as Error)?.name}: ${(error as Error)?.message}`);
    assert.equal(error.subError, 'bad_token');
    assert.match(error.errorMessage, /AADSTS50173/);
  });

  test('an unusable refresh token (AADSTS9002313, suberror bad_token) makes acquireTokenByRefreshToken raise InteractionRequiredAuthError', async () => {
    const cca = new ConfidentialClientApplication(msalConfig(emulator, { clientSecret: emulator.seed!.application.clientSecret }));
    const error = await cca.acquireTokenByRefreshToken({ refreshToken: '0.AAAA-never-issued', scopes: ['User.Read'] }).catch((e: unknown) => e);
    assert.ok(error instanceof InteractionRequiredAuthError, `got ${(error as Error)?.name}: ${(error as Error)?.message}`);
    assert.equal(error.subError, 'bad_token');
    assert.match(error.errorMessage, /AADSTS9002313/);
  });

  test('withdrawn consent (AADSTS65001, suberror consent_required) makes msal-node raise InteractionRequiredAuthError', async () => {
    const app = await emulator.createApplication(emulator.tenantId!, { displayName: 'msal consent withdrawn', redirectUris: [redirectUri] });
    const secret = await emulator.addSecret(emulator.tenantId!, app.appId);
    const cca = new ConfidentialClientApplication(msalConfig(emulator, { clientId: app.appId, clientSecret: secret.secretText }));
    const result = await signedInDana(cca, app.appId, 'st-65001');
    await emulator.revokeGrant(emulator.tenantId!, app.appId);
    const error = await refused(cca, result);
    assert.ok(error instanceof InteractionRequiredAuthError, `got ${(error as Error)?.name}: ${(error as Error)?.message}`);
    assert.equal(error.subError, 'consent_required');
    assert.match(error.errorMessage, /AADSTS65001/);
  });

  test('a user unassigned from an app that requires assignment (AADSTS50105, no suberror) is a ServerError, not a re-prompt', async () => {
    const app = await emulator.createApplication(emulator.tenantId!, { displayName: 'msal assigned only', redirectUris: [redirectUri], appRoleAssignmentRequired: true });
    const secret = await emulator.addSecret(emulator.tenantId!, app.appId);
    await emulator.assignUser(emulator.tenantId!, app.appId, dana().id);
    const cca = new ConfidentialClientApplication(msalConfig(emulator, { clientId: app.appId, clientSecret: secret.secretText }));
    const result = await signedInDana(cca, app.appId, 'st-50105');
    await emulator.unassignUser(emulator.tenantId!, app.appId, dana().id);
    const error = await refused(cca, result);
    assert.ok(error instanceof ServerError && !(error instanceof InteractionRequiredAuthError), `got ${(error as Error)?.name}: ${(error as Error)?.message}`);
    assert.equal(error.errorCode, 'invalid_grant');
    assert.match(error.errorMessage, /AADSTS50105/);
  });
});
