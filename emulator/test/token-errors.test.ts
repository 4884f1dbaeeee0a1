// Each token endpoint AADSTS case, asserted field by field against Microsoft's documented error body.
// Codes and meanings: https://learn.microsoft.com/entra/identity-platform/reference-error-codes; grant rules:
// v2-oauth2-auth-code-flow.md, v2-oauth2-client-creds-grant-flow.md, refresh-tokens.md, certificate-credentials.md.
import assert from 'node:assert/strict';
import { createHash, createPrivateKey, randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { SignJWT } from 'jose';
import { startEmulator, type EmulatorHandle } from '../harness.js';
import { assertAadstsError } from './support/aadsts-assert.js';
import { createClientCertificate } from './support/test-certificate.js';

let emulator: EmulatorHandle;
let tid: string;
const redirectUri = 'http://localhost:3000/auth/m365/callback';
const graphDefault = 'https://graph.microsoft.com/.default';

before(async () => {
  emulator = await startEmulator({ autoSignIn: true, autoConsent: true });
  tid = emulator.tenantId!;
});
after(async () => {
  await emulator?.close();
});

const demo = () => emulator.seed!.application;

function token(tenant: string, form: Record<string, string>, headers: Record<string, string> = {}) {
  return emulator.fetch(`${emulator.url}/${tenant}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form).toString(),
  });
}

async function authorizationCode(options: { user?: string; scope?: string; verifier?: string; clientId?: string } = {}) {
  const params = new URLSearchParams({
    client_id: options.clientId ?? demo().appId,
    response_type: 'code',
    redirect_uri: redirectUri,
    scope: options.scope ?? 'openid profile offline_access User.Read',
    login_hint: options.user ?? 'dana@contoso.onmicrosoft.com',
    state: 's',
  });
  if (options.verifier) {
    params.set('code_challenge', createHash('sha256').update(options.verifier).digest('base64url'));
    params.set('code_challenge_method', 'S256');
  }
  const flow = await emulator.signIn(`${emulator.url}/${tid}/oauth2/v2.0/authorize?${params}`);
  assert.ok(flow.params.code, JSON.stringify(flow.params));
  return flow.params.code!;
}

const redeem = (code: string, extra: Record<string, string> = {}) =>
  token(tid, { grant_type: 'authorization_code', client_id: demo().appId, client_secret: demo().clientSecret, code, redirect_uri: redirectUri, ...extra });

async function refreshToken(user = 'dana@contoso.onmicrosoft.com') {
  const response = await redeem(await authorizationCode({ user }));
  const body = (await response.json()) as Record<string, string>;
  assert.ok(body.refresh_token);
  return body.refresh_token!;
}

const refresh = (refresh_token: string, extra: Record<string, string> = {}) =>
  token(tid, { grant_type: 'refresh_token', client_id: demo().appId, client_secret: demo().clientSecret, refresh_token, ...extra });

describe('client authentication errors', () => {
  test('AADSTS7000215 invalid_client 401: wrong client secret', async () => {
    await assertAadstsError(await token(tid, { grant_type: 'client_credentials', client_id: demo().appId, client_secret: 'wrong', scope: graphDefault }), {
      status: 401,
      error: 'invalid_client',
      code: 7000215,
      messageIncludes: 'Invalid client secret provided',
    });
  });

  test('AADSTS7000222 invalid_client 401: expired secret (created expired, or expired by the emulator clock)', async () => {
    const app = await emulator.createApplication(tid, { displayName: 'expiring secrets' });
    const past = await emulator.addSecret(tid, app.appId, { endDateTime: '2020-01-01T00:00:00Z' });
    await assertAadstsError(await token(tid, { grant_type: 'client_credentials', client_id: app.appId, client_secret: past.secretText, scope: graphDefault }), { status: 401, error: 'invalid_client', code: 7000222 });
    const soon = await emulator.addSecret(tid, app.appId, { endDateTime: new Date(Date.now() + 3600_000).toISOString() });
    assert.equal((await token(tid, { grant_type: 'client_credentials', client_id: app.appId, client_secret: soon.secretText, scope: graphDefault })).status, 200);
    await emulator.advanceClock(7200);
    try {
      await assertAadstsError(await token(tid, { grant_type: 'client_credentials', client_id: app.appId, client_secret: soon.secretText, scope: graphDefault }), { status: 401, error: 'invalid_client', code: 7000222 });
    } finally {
      await emulator.advanceClock(-7200);
    }
  });

  test('AADSTS700016 unauthorized_client 400: unknown application', async () => {
    await assertAadstsError(await token(tid, { grant_type: 'client_credentials', client_id: randomUUID(), client_secret: 'x', scope: graphDefault }), {
      status: 400,
      error: 'unauthorized_client',
      code: 700016,
    });
  });

  test('AADSTS7000218 invalid_client 401: no client secret nor assertion', async () => {
    await assertAadstsError(await token(tid, { grant_type: 'client_credentials', client_id: demo().appId, scope: graphDefault }), { status: 401, error: 'invalid_client', code: 7000218 });
  });

  test('HTTP Basic client authentication is accepted (RFC 6749 2.3.1)', async () => {
    const basic = Buffer.from(`${encodeURIComponent(demo().appId)}:${encodeURIComponent(demo().clientSecret)}`).toString('base64');
    const response = await token(tid, { grant_type: 'client_credentials', scope: graphDefault }, { authorization: `Basic ${basic}` });
    assert.equal(response.status, 200);
  });

  test('client-request-id is echoed as the correlation id', async () => {
    const id = randomUUID();
    const body = await assertAadstsError(await token(tid, { grant_type: 'client_credentials', client_id: demo().appId, client_secret: 'wrong', scope: graphDefault }, { 'client-request-id': id }), {
      status: 401,
      error: 'invalid_client',
      code: 7000215,
    });
    assert.equal(body.correlation_id, id);
  });
});

describe('client assertion errors (certificate credentials)', () => {
  let appId: string;
  let cert: { certificatePem: string; privateKeyPem: string; thumbprintSha256: string };
  before(async () => {
    appId = (await emulator.createApplication(tid, { displayName: 'assertion app' })).appId;
    const created = await createClientCertificate();
    const registered = await emulator.addCertificate(tid, appId, created.certificatePem);
    cert = { ...created, thumbprintSha256: registered.thumbprintSha256 };
  });

  const assertion = (options: { exp?: number; nbf?: number; key?: string; x5tS256?: string; aud?: string } = {}) => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ jti: randomUUID() })
      .setProtectedHeader({ alg: 'PS256', 'x5t#S256': Buffer.from(options.x5tS256 ?? cert.thumbprintSha256, 'hex').toString('base64url') })
      .setIssuer(appId)
      .setSubject(appId)
      .setAudience(options.aud ?? `${emulator.url}/${tid}/oauth2/v2.0/token`)
      .setNotBefore(options.nbf ?? now)
      .setExpirationTime(options.exp ?? now + 600)
      .sign(createPrivateKey(options.key ?? cert.privateKeyPem));
  };
  const withAssertion = async (jwt: string) =>
    token(tid, { grant_type: 'client_credentials', client_id: appId, scope: graphDefault, client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: jwt });

  test('a valid PS256 assertion with x5t#S256 succeeds', async () => {
    assert.equal((await withAssertion(await assertion())).status, 200);
  });

  test('AADSTS700024 invalid_client: assertion outside its valid time range', async () => {
    const past = Math.floor(Date.now() / 1000) - 7200;
    await assertAadstsError(await withAssertion(await assertion({ nbf: past - 600, exp: past })), { status: 401, error: 'invalid_client', code: 700024 });
  });

  test('AADSTS700027 invalid_client: signed with a certificate that is not registered', async () => {
    const other = await createClientCertificate('CN=someone else');
    const otherThumb = createHash('sha256').update(Buffer.from(other.certificatePem.replace(/-----[^-]+-----|\s/g, ''), 'base64')).digest('hex');
    await assertAadstsError(await withAssertion(await assertion({ key: other.privateKeyPem, x5tS256: otherThumb })), {
      status: 401,
      error: 'invalid_client',
      code: 700027,
      messageIncludes: `[Reason - The key was not found., Thumbprint of key used by client: '${otherThumb.toUpperCase()}', Please visit the Azure Portal, Graph Explorer or directly use MS Graph to see configured keys for app Id '${appId}'. Review the documentation at https://docs.microsoft.com/en-us/graph/deployments`,
    });
  });

  test('AADSTS700027 invalid_client: signature does not verify with the registered certificate', async () => {
    const other = await createClientCertificate('CN=forger');
    await assertAadstsError(await withAssertion(await assertion({ key: other.privateKeyPem })), {
      status: 401,
      error: 'invalid_client',
      code: 700027,
      messageIncludes: `Client assertion contains an invalid signature. [Reason - The provided signature value did not match the expected signature value., Thumbprint of key used by client: '${cert.thumbprintSha256.toUpperCase()}', Found key 'Start=`,
    });
  });

  test('AADSTS700024: valid-from is nbf alone; an expired assertion without nbf is reported valid from 1970', async () => {
    const past = Math.floor(Date.now() / 1000) - 7200;
    const jwt = await new SignJWT({ jti: randomUUID() })
      .setProtectedHeader({ alg: 'PS256', 'x5t#S256': Buffer.from(cert.thumbprintSha256, 'hex').toString('base64url') })
      .setIssuer(appId)
      .setSubject(appId)
      .setAudience(`${emulator.url}/${tid}/oauth2/v2.0/token`)
      .setIssuedAt(past - 600)
      .setExpirationTime(past)
      .sign(createPrivateKey(cert.privateKeyPem));
    await assertAadstsError(await withAssertion(jwt), { status: 401, error: 'invalid_client', code: 700024, messageIncludes: 'assertion valid from 1970-01-01T00:00:00.0000000Z, expiry time of assertion' });
  });
});

describe('scope and tenant errors', () => {
  test('AADSTS1002012 invalid_scope: client credentials without /.default', async () => {
    await assertAadstsError(await token(tid, { grant_type: 'client_credentials', client_id: demo().appId, client_secret: demo().clientSecret, scope: 'https://graph.microsoft.com/User.Read.All' }), {
      status: 400,
      error: 'invalid_scope',
      code: 1002012,
    });
  });

  test('AADSTS70011 invalid_scope: a resource that does not exist (documented sample)', async () => {
    await assertAadstsError(await token(tid, { grant_type: 'client_credentials', client_id: demo().appId, client_secret: demo().clientSecret, scope: 'https://foo.microsoft.com/.default' }), {
      status: 400,
      error: 'invalid_scope',
      code: 70011,
      messageIncludes: 'The scope https://foo.microsoft.com/.default is not valid.',
    });
  });

  test('AADSTS9001023: client credentials on /common', async () => {
    await assertAadstsError(await token('common', { grant_type: 'client_credentials', client_id: demo().appId, client_secret: demo().clientSecret, scope: graphDefault }), { status: 400, error: 'invalid_request', code: 9001023 });
  });

  test('AADSTS90002: unknown tenant', async () => {
    await assertAadstsError(await token('nosuchtenant.onmicrosoft.com', { grant_type: 'client_credentials', client_id: demo().appId, client_secret: demo().clientSecret, scope: graphDefault }), {
      status: 400,
      error: 'invalid_request',
      code: 90002,
    });
  });

  test('multi-tenant app: AADSTS700016 in another tenant until consent creates its service principal there', async () => {
    const fabrikam = emulator.seed!.otherTenant.id;
    const form = { grant_type: 'client_credentials', client_id: demo().appId, client_secret: demo().clientSecret, scope: graphDefault };
    await assertAadstsError(await token(fabrikam, form), { status: 400, error: 'unauthorized_client', code: 700016 });
    const consent = await emulator.signIn(
      `${emulator.url}/organizations/v2.0/adminconsent?${new URLSearchParams({ client_id: demo().appId, redirect_uri: redirectUri, scope: graphDefault, state: 'a1', login_hint: 'admin@fabrikam.onmicrosoft.com' })}`,
    );
    assert.deepEqual({ admin_consent: consent.params.admin_consent, tenant: consent.params.tenant, state: consent.params.state }, { admin_consent: 'True', tenant: fabrikam, state: 'a1' });
    const response = await token(fabrikam, form);
    assert.equal(response.status, 200);
    await emulator.revokeGrant(fabrikam, demo().appId);
  });

  test('single-tenant app: AADSTS700016 in any other tenant', async () => {
    const app = await emulator.createApplication(tid, { displayName: 'single tenant', signInAudience: 'AzureADMyOrg' });
    const secret = await emulator.addSecret(tid, app.appId);
    await assertAadstsError(await token(emulator.seed!.otherTenant.id, { grant_type: 'client_credentials', client_id: app.appId, client_secret: secret.secretText, scope: graphDefault }), {
      status: 400,
      error: 'unauthorized_client',
      code: 700016,
    });
  });

  test('without an application-permission grant the token has no roles claim (Graph then answers 403)', async () => {
    const app = await emulator.createApplication(tid, { displayName: 'no roles' });
    const secret = await emulator.addSecret(tid, app.appId);
    const response = await token(tid, { grant_type: 'client_credentials', client_id: app.appId, client_secret: secret.secretText, scope: graphDefault });
    const body = (await response.json()) as { access_token: string };
    const claims = JSON.parse(Buffer.from(body.access_token.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
    assert.equal(claims.roles, undefined);
  });
});

describe('authorization code errors', () => {
  test('AADSTS54005 invalid_grant: a code redeemed twice', async () => {
    const code = await authorizationCode();
    assert.equal((await redeem(code)).status, 200);
    await assertAadstsError(await redeem(code), { status: 400, error: 'invalid_grant', code: 54005 });
  });

  test('AADSTS70008 invalid_grant: a code older than 10 minutes', async () => {
    const code = await authorizationCode();
    await emulator.advanceClock(601);
    try {
      await assertAadstsError(await redeem(code), { status: 400, error: 'invalid_grant', code: 70008 });
    } finally {
      await emulator.advanceClock(-601);
    }
  });

  test('AADSTS501481 invalid_grant: PKCE verifier does not match', async () => {
    const verifier = 'a'.repeat(43) + 'verifier';
    const code = await authorizationCode({ verifier });
    await assertAadstsError(await redeem(code, { code_verifier: 'b'.repeat(50) }), { status: 400, error: 'invalid_grant', code: 501481 });
    const fresh = await authorizationCode({ verifier });
    assert.equal((await redeem(fresh, { code_verifier: verifier })).status, 200);
  });

  test('AADSTS500112 invalid_grant: redirect_uri differs from the one the code was issued to', async () => {
    const code = await authorizationCode();
    await assertAadstsError(await redeem(code, { redirect_uri: 'http://127.0.0.1:3000/auth/m365/callback' }), { status: 400, error: 'invalid_grant', code: 500112 });
  });

  test('the token response has Microsoft field set; client_info only when client_info=1', async () => {
    const response = await redeem(await authorizationCode(), { client_info: '1' });
    assert.equal(response.headers.get('cache-control'), 'no-store, no-cache');
    const body = (await response.json()) as Record<string, unknown>;
    assert.deepEqual(Object.keys(body).sort(), ['access_token', 'client_info', 'expires_in', 'ext_expires_in', 'id_token', 'refresh_token', 'scope', 'token_type']);
    assert.equal(body.token_type, 'Bearer');
    const info = JSON.parse(Buffer.from(String(body.client_info), 'base64url').toString()) as Record<string, string>;
    assert.equal(info.utid, tid);
    const noOffline = (await (await redeem(await authorizationCode({ scope: 'openid User.Read' }))).json()) as Record<string, unknown>;
    assert.equal(noOffline.refresh_token, undefined, 'refresh_token only with offline_access');
    assert.equal(noOffline.client_info, undefined);
  });
});

describe('refresh token errors', () => {
  test('AADSTS700082 invalid_grant with suberror bad_token: refresh token unused for 90 days', async () => {
    const rt = await refreshToken();
    await emulator.advanceClock(90 * 86_400 + 60);
    try {
      await assertAadstsError(await refresh(rt), { status: 400, error: 'invalid_grant', code: 700082, suberror: 'bad_token', messageIncludes: 'inactive for 90.00:00:00' });
    } finally {
      await emulator.advanceClock(-(90 * 86_400 + 60));
    }
  });

  test('a refresh token used within 90 days keeps the chain alive', async () => {
    let rt = await refreshToken();
    try {
      for (let i = 0; i < 2; i++) {
        await emulator.advanceClock(60 * 86_400);
        const body = (await (await refresh(rt)).json()) as Record<string, string>;
        assert.ok(body.refresh_token, JSON.stringify(body));
        rt = body.refresh_token!;
      }
    } finally {
      await emulator.advanceClock(-120 * 86_400);
    }
  });

  test('AADSTS50173 invalid_grant with suberror bad_token: the user revoked sign-in sessions', async () => {
    const user = await emulator.createUser(tid, { userPrincipalName: 'revoked@contoso.onmicrosoft.com' });
    const rt = await refreshToken('revoked@contoso.onmicrosoft.com');
    await emulator.advanceClock(1);
    await emulator.revokeSignInSessions(tid, user.id);
    await assertAadstsError(await refresh(rt), { status: 400, error: 'invalid_grant', code: 50173, suberror: 'bad_token' });
  });

  test('AADSTS65001 invalid_grant with suberror consent_required: consent withdrawn', async () => {
    const app = await emulator.createApplication(tid, { displayName: 'withdrawn', redirectUris: [redirectUri] });
    const secret = await emulator.addSecret(tid, app.appId);
    const code = await authorizationCode({ clientId: app.appId });
    const body = (await (await token(tid, { grant_type: 'authorization_code', client_id: app.appId, client_secret: secret.secretText, code, redirect_uri: redirectUri })).json()) as Record<string, string>;
    await emulator.revokeGrant(tid, app.appId);
    await assertAadstsError(await token(tid, { grant_type: 'refresh_token', client_id: app.appId, client_secret: secret.secretText, refresh_token: body.refresh_token! }), {
      status: 400,
      error: 'invalid_grant',
      code: 65001,
      suberror: 'consent_required',
    });
  });

  test('AADSTS50105 invalid_grant: user no longer assigned to an app that requires assignment', async () => {
    const app = await emulator.createApplication(tid, { displayName: 'assigned only', redirectUris: [redirectUri], appRoleAssignmentRequired: true });
    const secret = await emulator.addSecret(tid, app.appId);
    const dana = emulator.seed!.users.find((u) => u.userPrincipalName.startsWith('dana@'))!;
    await emulator.assignUser(tid, app.appId, dana.id);
    const code = await authorizationCode({ clientId: app.appId });
    const body = (await (await token(tid, { grant_type: 'authorization_code', client_id: app.appId, client_secret: secret.secretText, code, redirect_uri: redirectUri })).json()) as Record<string, string>;
    await emulator.unassignUser(tid, app.appId, dana.id);
    await assertAadstsError(await token(tid, { grant_type: 'refresh_token', client_id: app.appId, client_secret: secret.secretText, refresh_token: body.refresh_token! }), {
      status: 400,
      error: 'invalid_grant',
      code: 50105,
    });
  });

  test('AADSTS9002313 invalid_grant with suberror bad_token: a refresh token the emulator never issued', async () => {
    await assertAadstsError(await refresh('0.AAAA-not-a-real-token'), { status: 400, error: 'invalid_grant', code: 9002313, suberror: 'bad_token' });
  });
});
