// The Entra client against the real emulator over HTTPS: the connect flow end to end, and every AADSTS outcome
// produced by a real emulator answer (wrong / expired secret, unknown app, consent withdrawn, revoked sessions,
// code reuse, 90-day inactivity through the emulator's clock), certificate credentials, and retry on faults.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
// AADSTS50105 (user not assigned) is not here: Microsoft, and the emulator, show it on their own error page
// instead of redirecting back, so the product never receives it at the callback; aadsts-catalogue.test.ts maps it.
import { startEmulator, type EmulatorHandle } from '../../emulator/harness.js';
import { createClientCertificate } from '../../emulator/test/support/test-certificate.js';
import {
  createEntraClient,
  createPkce,
  decodeGrantedPermissions,
  delegatedScopes,
  IdentityError,
  parseAdminConsentCallback,
  parseAuthorizationCallback,
  randomNonce,
  randomState,
  type EntraClient,
} from '../../src/microsoft/identity/index.js';

let emulator: EmulatorHandle;
let client: EntraClient;
const sleeps: number[] = [];
const redirectUri = 'https://hub.example.com/auth/m365/callback';
const scopes = delegatedScopes(['onedrive', 'mail']);

before(async () => {
  emulator = await startEmulator();
  client = createEntraClient({
    loginUrl: emulator.url,
    fetch: emulator.fetch,
    // Backoff waits are recorded, not slept; the jitter's draw is fixed at one half.
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
  });
});
after(async () => {
  await emulator?.close();
});

const tenant = () => emulator.tenantId!;
const user = (local: string) => emulator.seed!.users.find((u) => u.userPrincipalName.startsWith(`${local}@`))!;

/** A multi-tenant app of our own per test, so grants and secrets of one test never leak into another. */
async function newApp(options: { appRoleAssignmentRequired?: boolean } = {}) {
  const app = await emulator.createApplication(tenant(), {
    displayName: 'identity test app',
    signInAudience: 'AzureADMultipleOrgs',
    redirectUris: [redirectUri],
    ...options,
  });
  const secret = await emulator.addSecret(tenant(), app.appId);
  return { appId: app.appId, credentials: { clientId: app.appId, clientSecret: secret.secretText } };
}

async function authorize(appId: string, local = 'dana', consent: 'accept' | 'cancel' = 'accept') {
  const pkce = await createPkce();
  const state = randomState();
  const nonce = randomNonce();
  const url = client.buildAuthorizationUrl({ tenant: 'organizations', clientId: appId, redirectUri, scopes, state, nonce, codeChallenge: pkce.codeChallenge });
  const flow = await emulator.signIn(url.toString(), { username: user(local).userPrincipalName, password: emulator.seed!.password, consent });
  return { flow, pkce, state, nonce };
}

async function connect(app: Awaited<ReturnType<typeof newApp>>, local = 'dana') {
  const { flow, pkce, state, nonce } = await authorize(app.appId, local);
  const callback = parseAuthorizationCallback(flow.params);
  assert.equal(callback.state, state);
  const tokens = await client.redeemAuthorizationCode({ tenant: 'organizations', credentials: app.credentials, code: callback.code, redirectUri, codeVerifier: pkce.codeVerifier, expectedNonce: nonce });
  return { tokens, code: callback.code, pkce, nonce };
}

async function rejects(promise: Promise<unknown>, code: string, permanent = true): Promise<IdentityError> {
  let caught: unknown;
  await promise.catch((e: unknown) => {
    caught = e;
  });
  assert.ok(caught instanceof IdentityError, `expected IdentityError ${code}, got ${String(caught)}`);
  assert.equal(caught.code, code, caught.message);
  assert.equal(caught.permanent, permanent);
  return caught;
}

describe('delegated connect against the emulator', () => {
  it('redeems the code: tokens, granted scopes, and the validated identity keyed by tid + oid', async () => {
    const app = await newApp();
    const { tokens } = await connect(app);
    assert.ok(tokens.accessToken && tokens.refreshToken);
    assert.ok(tokens.expiresAt.getTime() > Date.now());
    assert.equal(tokens.idTokenClaims.tid, tenant());
    assert.equal(tokens.idTokenClaims.oid, user('dana').id);
    assert.equal(tokens.idTokenClaims.preferredUsername, user('dana').userPrincipalName);
    const granted = decodeGrantedPermissions(tokens.accessToken);
    assert.ok(granted.scp.includes('Files.Read') && granted.scp.includes('Mail.Send'), granted.scp.join(' '));
  });

  it('refresh returns a new access token and the rotated refresh token', async () => {
    const app = await newApp();
    const { tokens } = await connect(app);
    const refreshed = await client.refreshAccessToken({ tenant: 'organizations', credentials: app.credentials, refreshToken: tokens.refreshToken, scopes: scopes.slice(3) });
    assert.notEqual(refreshed.accessToken, tokens.accessToken);
    assert.notEqual(refreshed.refreshToken, tokens.refreshToken);
  });

  it('a code used twice is authorization_code_redeemed (AADSTS54005)', async () => {
    const app = await newApp();
    const { code, pkce, nonce } = await connect(app);
    const e = await rejects(client.redeemAuthorizationCode({ tenant: 'organizations', credentials: app.credentials, code, redirectUri, codeVerifier: pkce.codeVerifier, expectedNonce: nonce }), 'authorization_code_redeemed');
    assert.equal(e.aadsts, 54005);
    assert.ok(e.traceId && e.correlationId);
  });

  it('a wrong nonce fails ID token validation', async () => {
    const app = await newApp();
    const { flow, pkce } = await authorize(app.appId);
    const { code } = parseAuthorizationCallback(flow.params);
    await rejects(client.redeemAuthorizationCode({ tenant: 'organizations', credentials: app.credentials, code, redirectUri, codeVerifier: pkce.codeVerifier, expectedNonce: randomNonce() }), 'id_token_invalid');
  });

  it('a wrong PKCE verifier is refused by Microsoft', async () => {
    const app = await newApp();
    const { flow, nonce } = await authorize(app.appId);
    const { code } = parseAuthorizationCallback(flow.params);
    const other = await createPkce();
    await rejects(client.redeemAuthorizationCode({ tenant: 'organizations', credentials: app.credentials, code, redirectUri, codeVerifier: other.codeVerifier, expectedNonce: nonce }), 'pkce_verifier_mismatch');
  });

  it('a redirect URI different from the one used at /authorize is redirect_uri_mismatch, naming what to register', async () => {
    const app = await newApp();
    const { flow, pkce, nonce } = await authorize(app.appId);
    const { code } = parseAuthorizationCallback(flow.params);
    const other = 'https://other.example.com/cb';
    const e = await rejects(client.redeemAuthorizationCode({ tenant: 'organizations', credentials: app.credentials, code, redirectUri: other, codeVerifier: pkce.codeVerifier, expectedNonce: nonce }), 'redirect_uri_mismatch');
    assert.match(e.fix, /other\.example\.com/);
  });

  it('the user pressing Cancel on the consent page is consent_declined: "The connection was cancelled or not approved"', async () => {
    const app = await newApp();
    const { flow } = await authorize(app.appId, 'lee', 'cancel');
    assert.throws(
      () => parseAuthorizationCallback(flow.params),
      (e: unknown) => e instanceof IdentityError && e.code === 'consent_declined' && e.userMessage === 'The connection was cancelled or not approved.',
    );
  });

  it('consent withdrawn is consent_required on refresh (AADSTS65001), permanent', async () => {
    const app = await newApp();
    const { tokens } = await connect(app);
    await emulator.revokeGrant(tenant(), app.appId);
    const e = await rejects(client.refreshAccessToken({ tenant: 'organizations', credentials: app.credentials, refreshToken: tokens.refreshToken, scopes: scopes.slice(3) }), 'consent_required');
    assert.equal(e.aadsts, 65001);
  });

  it('revoked sign-in sessions are session_revoked on refresh (AADSTS50173)', async () => {
    const app = await newApp();
    const { tokens } = await connect(app, 'jordan');
    await emulator.revokeSignInSessions(tenant(), user('jordan').id);
    const e = await rejects(client.refreshAccessToken({ tenant: 'organizations', credentials: app.credentials, refreshToken: tokens.refreshToken, scopes: scopes.slice(3) }), 'session_revoked');
    assert.equal(e.aadsts, 50173);
  });

  it('admin consent: the URL leads to the callback with admin_consent=True, the tenant and the state', async () => {
    const app = await newApp();
    const state = randomState();
    const url = client.adminConsentUrl({ tenant: 'organizations', clientId: app.appId, redirectUri, state });
    assert.equal(url.searchParams.get('scope'), 'https://graph.microsoft.com/.default');
    const flow = await emulator.signIn(url.toString(), { username: emulator.seed!.admin.userPrincipalName, password: emulator.seed!.admin.password });
    assert.deepEqual(parseAdminConsentCallback(flow.params), { tenant: tenant(), state, scope: flow.params.scope });
  });
});

describe('application tokens against the emulator', () => {
  it('client credentials with a secret return a Graph token with the granted roles', async () => {
    const app = await newApp();
    await emulator.grant(tenant(), { appId: app.appId, roles: ['User.Read.All'] });
    const token = await client.acquireAppToken({ tenant: tenant(), credentials: app.credentials });
    assert.deepEqual(decodeGrantedPermissions(token.accessToken), { scp: [], roles: ['User.Read.All'] });
  });

  it('a certificate credential (PS256 assertion with x5t#S256) is accepted', async () => {
    const app = await newApp();
    const { certificatePem, privateKeyPem } = await createClientCertificate();
    await emulator.addCertificate(tenant(), app.appId, certificatePem);
    await emulator.grant(tenant(), { appId: app.appId, roles: ['Sites.Read.All'] });
    const token = await client.acquireAppToken({ tenant: tenant(), credentials: { clientId: app.appId, certificatePem, privateKeyPem } });
    assert.deepEqual(decodeGrantedPermissions(token.accessToken).roles, ['Sites.Read.All']);
  });

  it('an unregistered certificate is client_assertion_invalid', async () => {
    const app = await newApp();
    const { certificatePem, privateKeyPem } = await createClientCertificate('CN=not registered');
    await rejects(client.acquireAppToken({ tenant: tenant(), credentials: { clientId: app.appId, certificatePem, privateKeyPem } }), 'client_assertion_invalid');
  });

  it('a wrong secret is invalid_client_secret (AADSTS7000215)', async () => {
    const app = await newApp();
    const e = await rejects(client.acquireAppToken({ tenant: tenant(), credentials: { clientId: app.appId, clientSecret: 'not-the-secret' } }), 'invalid_client_secret');
    assert.ok(!JSON.stringify(e).includes('not-the-secret') && !e.message.includes('not-the-secret'));
  });

  it('an expired secret is secret_expired (AADSTS7000222)', async () => {
    const app = await emulator.createApplication(tenant(), { displayName: 'expired secret app' });
    const expired = await emulator.addSecret(tenant(), app.appId, { endDateTime: '2020-01-01T00:00:00Z' });
    await rejects(client.acquireAppToken({ tenant: tenant(), credentials: { clientId: app.appId, clientSecret: expired.secretText } }), 'secret_expired');
  });

  it('an unknown client id is application_not_found (AADSTS700016)', async () => {
    await rejects(client.acquireAppToken({ tenant: tenant(), credentials: { clientId: '11111111-2222-3333-4444-555555555555', clientSecret: 'x' } }), 'application_not_found');
  });

  it('an unknown tenant is tenant_not_found', async () => {
    const app = await newApp();
    await rejects(client.acquireAppToken({ tenant: 'no-such-tenant.onmicrosoft.com', credentials: app.credentials }), 'tenant_not_found');
  });

  it('retries 503 and 429 (waiting what Retry-After says) and then succeeds', async () => {
    const app = await newApp();
    await emulator.grant(tenant(), { appId: app.appId, roles: ['User.Read.All'] });
    await client.acquireAppToken({ tenant: tenant(), credentials: app.credentials }); // warm the discovery cache
    sleeps.length = 0;
    await emulator.addFault({ method: 'POST', pathPattern: '/oauth2/v2\\.0/token$', status: 503, count: 1 });
    await emulator.addFault({ method: 'POST', pathPattern: '/oauth2/v2\\.0/token$', status: 429, count: 1, retryAfter: 7 });
    const token = await client.acquireAppToken({ tenant: tenant(), credentials: app.credentials });
    assert.ok(token.accessToken);
    assert.deepEqual(sleeps, [125, 7000]);
  });

  it('gives up after the attempts allowed with a transient service_unavailable', async () => {
    const app = await newApp();
    await client.acquireAppToken({ tenant: tenant(), credentials: app.credentials }).catch(() => {});
    await emulator.addFault({ method: 'POST', pathPattern: '/oauth2/v2\\.0/token$', status: 500, count: 4 });
    await rejects(client.acquireAppToken({ tenant: tenant(), credentials: app.credentials }), 'service_unavailable', false);
    await emulator.clearFaults();
  });
});

// Last: moving the emulator's clock 91 days ages every token the file issued.
describe('inactivity', () => {
  it('a refresh token unused for 90 days is refresh_token_expired (AADSTS700082)', async () => {
    const app = await newApp();
    const { tokens } = await connect(app, 'lee');
    await emulator.advanceClock(91 * 24 * 3600);
    const e = await rejects(client.refreshAccessToken({ tenant: 'organizations', credentials: app.credentials, refreshToken: tokens.refreshToken, scopes: scopes.slice(3) }), 'refresh_token_expired');
    assert.equal(e.aadsts, 700082);
  });
});
