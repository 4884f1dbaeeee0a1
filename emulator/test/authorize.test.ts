// /authorize and /adminconsent behaviour without a browser (the browser test drives the same pages visually):
// where errors go (page vs redirect), prompt values, consent outcomes, response modes, multi-tenant consent.
// Sources: v2-oauth2-auth-code-flow.md (parameters, error response), reply-url.md (redirect URI matching),
// v2-admin-consent.md (admin consent redirect), reference-error-codes.md (codes).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { startEmulator, type EmulatorHandle } from '../harness.js';

let emulator: EmulatorHandle;
let tid: string;
const redirectUri = 'http://localhost:3000/auth/m365/callback';

before(async () => {
  emulator = await startEmulator();
  tid = emulator.tenantId!;
});
after(async () => {
  await emulator?.close();
});

const password = () => emulator.seed!.password;
const authorizeUrl = (params: Record<string, string>, tenant = tid) =>
  `${emulator.url}/${tenant}/oauth2/v2.0/authorize?${new URLSearchParams({ client_id: emulator.seed!.application.appId, response_type: 'code', redirect_uri: redirectUri, scope: 'openid User.Read', state: 'xyz', ...params })}`;

const get = (url: string) => emulator.fetch(url, { redirect: 'manual' });

describe('errors that must not be redirected', () => {
  test('AADSTS50011: unregistered redirect URI shows an error page and never redirects', async () => {
    const response = await get(authorizeUrl({ redirect_uri: 'https://evil.example/callback' }));
    assert.equal(response.headers.get('location'), null);
    const html = await response.text();
    assert.match(html, /AADSTS50011/);
    assert.match(html, /https:\/\/evil\.example\/callback/);
  });

  test('AADSTS700016: unknown application shows an error page', async () => {
    const response = await get(authorizeUrl({ client_id: randomUUID() }));
    assert.equal(response.headers.get('location'), null);
    assert.match(await response.text(), /AADSTS700016/);
  });

  test('AADSTS50194: single-tenant app on /common', async () => {
    const app = await emulator.createApplication(tid, { displayName: 'single', redirectUris: [redirectUri] });
    const response = await get(authorizeUrl({ client_id: app.appId }, 'common'));
    assert.equal(response.headers.get('location'), null);
    assert.match(await response.text(), /AADSTS50194/);
  });

  test('loopback redirect URIs match on any port (reply-url.md localhost exception)', async () => {
    const response = await get(authorizeUrl({ redirect_uri: 'http://localhost:4999/auth/m365/callback', prompt: 'none' }));
    assert.match(response.headers.get('location') ?? '', /^http:\/\/localhost:4999\/auth\/m365\/callback\?/);
  });
});

describe('errors redirected to the client', () => {
  const redirected = async (url: string) => {
    const response = await get(url);
    assert.equal(response.status, 302);
    return Object.fromEntries(new URL(response.headers.get('location')!).searchParams);
  };

  test('prompt=none without a session: login_required (AADSTS50058) with state and error_uri', async () => {
    const params = await redirected(authorizeUrl({ prompt: 'none' }));
    assert.equal(params.error, 'login_required');
    assert.equal(params.state, 'xyz');
    assert.match(params.error_description!, /^AADSTS50058: .*\r\nTrace ID: .*\r\nCorrelation ID: .*\r\nTimestamp: /s);
    assert.match(params.error_uri!, /\/error\?code=50058$/);
  });

  test('response_type=token is a real feature the emulator does not implement: emulator_unsupported', async () => {
    const params = await redirected(authorizeUrl({ response_type: 'token' }));
    assert.equal(params.error, 'emulator_unsupported');
    assert.match(params.error_description!, /implicit/);
  });

  test('unknown scope: invalid_scope AADSTS70011', async () => {
    const params = await redirected(authorizeUrl({ scope: 'openid Not.A.Permission' }));
    assert.equal(params.error, 'invalid_scope');
    assert.match(params.error_description!, /^AADSTS70011/);
  });

  test('missing scope: AADSTS900144', async () => {
    const url = new URL(authorizeUrl({}));
    url.searchParams.delete('scope');
    const params = await redirected(url.href);
    assert.equal(params.error, 'invalid_request');
    assert.match(params.error_description!, /^AADSTS900144: .*'scope'/);
  });

  test('code_challenge of the wrong size: AADSTS501491', async () => {
    const params = await redirected(authorizeUrl({ code_challenge: 'short', code_challenge_method: 'S256' }));
    assert.match(params.error_description!, /^AADSTS501491/);
  });

  test('prompt=create is real but unsupported: emulator_unsupported', async () => {
    const params = await redirected(authorizeUrl({ prompt: 'create' }));
    assert.equal(params.error, 'emulator_unsupported');
  });
});

describe('sign-in and consent', () => {
  test('wrong password re-shows the sign-in page with an error; right password continues', async () => {
    const first = await get(authorizeUrl({ login_hint: 'sam@contoso.onmicrosoft.com' }));
    const html = await first.text();
    const ctx = /name="ctx" value="([^"]+)"/.exec(html)![1]!;
    const post = (passwd: string) =>
      emulator.fetch(`${emulator.url}/${tid}/login`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ ctx, action: 'signin', login: 'sam@contoso.onmicrosoft.com', passwd }).toString() });
    const wrong = await post('nope');
    assert.match(await wrong.text(), /Your account or password is incorrect/);
    const right = await post(password());
    assert.equal(right.status, 302);
    assert.ok(new URL(right.headers.get('location')!).searchParams.get('code'));
  });

  test('consent page for permissions not yet granted; Cancel → access_denied AADSTS65004 with error_subcode=cancel', async () => {
    const app = await emulator.createApplication(tid, { displayName: 'Needs consent', redirectUris: [redirectUri] });
    const result = await emulator.signIn(authorizeUrl({ client_id: app.appId, scope: 'openid profile Mail.Send' }), { username: 'lee@contoso.onmicrosoft.com', password: password(), consent: 'cancel' });
    assert.equal(result.params.error, 'access_denied');
    assert.equal(result.params.error_subcode, 'cancel');
    assert.match(result.params.error_description!, /^AADSTS65004/);
    assert.equal(result.params.state, 'xyz');
  });

  test('Accept records the user consent; the next authorize needs no consent', async () => {
    const app = await emulator.createApplication(tid, { displayName: 'Consent once', redirectUris: [redirectUri] });
    const first = await emulator.signIn(authorizeUrl({ client_id: app.appId, scope: 'openid offline_access Calendars.ReadWrite' }), { username: 'lee@contoso.onmicrosoft.com', password: password() });
    assert.ok(first.params.code);
    const state = await emulator.state();
    const grant = state.delegatedGrants.find((g) => g.appId === app.appId);
    assert.equal(grant?.consentType, 'Principal');
    assert.deepEqual([...grant!.scopes].sort(), ['Calendars.ReadWrite', 'offline_access', 'openid']);
  });

  test('permissions that need an admin, admin consent workflow off (Microsoft\'s default): "Need admin approval" (AADSTS90094 semantics) for a non-admin', async (t) => {
    await emulator.setAdminConsentWorkflow(tid, false);
    t.after(() => emulator.setAdminConsentWorkflow(tid, true));
    const app = await emulator.createApplication(tid, { displayName: 'Admin-only', redirectUris: [redirectUri] });
    const first = await get(authorizeUrl({ client_id: app.appId, scope: 'openid Directory.Read.All', login_hint: 'jordan@contoso.onmicrosoft.com' }));
    const ctx = /name="ctx" value="([^"]+)"/.exec(await first.text())![1]!;
    const page = await emulator.fetch(`${emulator.url}/${tid}/login`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ ctx, action: 'signin', login: 'jordan@contoso.onmicrosoft.com', passwd: password() }).toString() });
    const html = await page.text();
    assert.match(html, /Need admin approval/);
    assert.match(html, /Read directory data/, 'consent title from Microsoft permission data');
    const result = await emulator.signIn(authorizeUrl({ client_id: app.appId, scope: 'openid Directory.Read.All' }), { username: 'jordan@contoso.onmicrosoft.com', password: password() });
    assert.equal(result.params.error, 'access_denied');
    assert.match(result.params.error_description!, /^AADSTS90094/);
  });

  test('an admin may consent to admin-only permissions', async () => {
    const app = await emulator.createApplication(tid, { displayName: 'Admin consents', redirectUris: [redirectUri] });
    const result = await emulator.signIn(authorizeUrl({ client_id: app.appId, scope: 'openid Directory.Read.All' }), { username: 'admin@contoso.onmicrosoft.com', password: password() });
    assert.ok(result.params.code);
  });

  test('user of another tenant on a tenant-specific authority: AADSTS50020 page', async () => {
    await assert.rejects(emulator.signIn(authorizeUrl({}), { username: 'dana@fabrikam.onmicrosoft.com', password: password() }), /AADSTS50020/);
  });

  test('assignment required and user not assigned: AADSTS50105 page', async () => {
    const app = await emulator.createApplication(tid, { displayName: 'Assigned users only', redirectUris: [redirectUri], appRoleAssignmentRequired: true });
    await assert.rejects(emulator.signIn(authorizeUrl({ client_id: app.appId }), { username: 'lee@contoso.onmicrosoft.com', password: password() }), /AADSTS50105/);
  });

  test('"Assignment required?" switched through the control API: on gives AADSTS50105 until the user is assigned, off lets everyone in (reference-error-codes 50105)', async () => {
    const app = await emulator.createApplication(tid, { displayName: 'Assignment toggled', redirectUris: [redirectUri] });
    const signIn = () => emulator.signIn(authorizeUrl({ client_id: app.appId }), { username: 'lee@contoso.onmicrosoft.com', password: password() });
    await emulator.setAssignmentRequired(tid, app.appId, true);
    await assert.rejects(signIn(), /AADSTS50105/);
    await emulator.updateApplication(tid, app.appId, { appRoleAssignmentRequired: false });
    assert.ok((await signIn()).params.code);
  });

  test('redirect URIs set through the control API: a removed URI is AADSTS50011, a single-page-app URI is accepted (reply-url)', async () => {
    const app = await emulator.createApplication(tid, { displayName: 'Redirects changed', redirectUris: [redirectUri] });
    const spa = 'https://spa.example.com/callback';
    await emulator.updateApplication(tid, app.appId, { redirectUris: ['https://web.example.com/callback'], spaRedirectUris: [spa] });
    const removed = await get(authorizeUrl({ client_id: app.appId }));
    assert.equal(removed.headers.get('location'), null);
    assert.match(await removed.text(), /AADSTS50011/);
    const result = await emulator.signIn(authorizeUrl({ client_id: app.appId, redirect_uri: spa }), { username: 'lee@contoso.onmicrosoft.com', password: password() });
    assert.equal(new URL(result.url).origin, 'https://spa.example.com');
    assert.ok(result.params.code);
  });

  test('response_mode=form_post answers an auto-submitting form to the redirect URI', async () => {
    const result = await emulator.signIn(authorizeUrl({ response_mode: 'form_post' }), { username: 'sam@contoso.onmicrosoft.com', password: password() });
    assert.equal(result.url, redirectUri);
    assert.ok(result.params.code);
    assert.equal(result.params.state, 'xyz');
  });

  test('multi-tenant app: a Fabrikam user consents on /organizations, which creates the service principal there', async () => {
    const app = await emulator.createApplication(tid, { displayName: 'Multi', signInAudience: 'AzureADMultipleOrgs', redirectUris: [redirectUri] });
    const result = await emulator.signIn(authorizeUrl({ client_id: app.appId, scope: 'openid User.Read' }, 'organizations'), { username: 'dana@fabrikam.onmicrosoft.com', password: password() });
    assert.ok(result.params.code);
    const state = await emulator.state();
    assert.ok(state.servicePrincipals.some((sp) => sp.appId === app.appId && sp.tenantId === emulator.seed!.otherTenant.id));
  });

  test('admin consent Cancel: admin_consent=True (first, as in v2-admin-consent "Error response") &error=access_denied&error_subcode=cancel', async () => {
    const result = await emulator.signIn(`${emulator.url}/${tid}/v2.0/adminconsent?${new URLSearchParams({ client_id: emulator.seed!.application.appId, redirect_uri: redirectUri, scope: 'https://graph.microsoft.com/.default', state: 'ac' })}`, {
      username: 'admin@contoso.onmicrosoft.com',
      password: password(),
      consent: 'cancel',
    });
    assert.equal(result.params.error, 'access_denied');
    assert.equal(result.params.error_subcode, 'cancel');
    assert.equal(result.params.state, 'ac');
    assert.equal(result.params.admin_consent, 'True');
    assert.equal(Object.keys(result.params)[0], 'admin_consent');
  });

  test('logout ends the session and returns to a registered post_logout_redirect_uri', async () => {
    const response = await get(`${emulator.url}/${tid}/oauth2/v2.0/logout?${new URLSearchParams({ post_logout_redirect_uri: redirectUri, state: 'bye' })}`);
    assert.equal(response.status, 302);
    assert.equal(response.headers.get('location'), `${redirectUri}?state=bye`);
    assert.match(response.headers.get('set-cookie') ?? '', /Max-Age=0/);
  });
});
