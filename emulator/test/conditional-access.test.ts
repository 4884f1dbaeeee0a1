// Conditional access at sign-in (issue 10 item 8): the tenant's policies (the seeded ones and those added through
// the control API) take effect on the sign-in pages and at the token endpoint. MFA required → the sign-in page asks
// for a second factor and the token carries amr mfa; ROPC and refresh tokens without it answer AADSTS50076, or 50079
// for a user with no method registered (reference-error-codes: UserStrongAuthClientAuthNRequired,
// UserStrongAuthEnrollmentRequired), with a capolids claims challenge and suberror basic_action, which msal-node
// raises as InteractionRequiredAuthError. Report-only and disabled policies change nothing; exclusions win.
import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { ConfidentialClientApplication, InteractionRequiredAuthError, type AuthenticationResult } from '@azure/msal-node';
import type { EmulatorHandle } from '../harness.js';
import { emulatorPerFile } from './support/emulator-per-file.js';
import { claimsOf } from './support/jwt.js';
import { msalConfig } from './support/msal-config.js';

let emulator: EmulatorHandle;
emulatorPerFile((started) => (emulator = started));

const upn = (local: string) => `${local}@contoso.onmicrosoft.com`;
const userId = (local: string) => emulator.seed!.users.find((u) => u.userPrincipalName === upn(local))!.id;
const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (e: unknown) => e);
const cca = () => new ConfidentialClientApplication(msalConfig(emulator, { clientSecret: emulator.seed!.application.clientSecret }));
const ropc = (local: string) => cca().acquireTokenByUsernamePassword({ scopes: ['User.Read'], username: upn(local), password: emulator.seed!.password });

const added: string[] = [];
async function control(method: string, path: string, body?: unknown): Promise<Response> {
  return emulator.fetch(`${emulator.url}/_emulator/tenants/${emulator.tenantId}${path}`, {
    method,
    ...(body !== undefined ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}),
  });
}
async function addPolicy(body: Record<string, unknown>): Promise<string> {
  const response = await control('POST', '/conditionalAccessPolicies', body);
  assert.equal(response.status, 201, await response.clone().text());
  const { id } = (await response.json()) as { id: string };
  added.push(id);
  return id;
}
afterEach(async () => {
  for (const id of added.splice(0)) await control('DELETE', `/conditionalAccessPolicies/${id}`);
});

/** Signs in through the pages (the page driver types the emulator's verification code when asked) and redeems. */
async function interactive(local: string, client = cca()): Promise<AuthenticationResult> {
  const redirectUri = emulator.seed!.application.redirectUris[0]!;
  const scopes = ['User.Read', 'offline_access'];
  const url = await client.getAuthCodeUrl({ scopes, redirectUri, loginHint: upn(local) });
  const flow = await emulator.signIn(url, { username: upn(local), password: emulator.seed!.password });
  assert.ok(flow.params.code, JSON.stringify(flow.params));
  return (await client.acquireTokenByCode({ code: flow.params.code, scopes, redirectUri }))!;
}

/** The sign-in pages by hand: the form posts a person makes, cookies kept, redirects followed inside the emulator. */
async function pages(local: string) {
  let cookie = '';
  const go = async (url: string, form?: Record<string, string>) => {
    let response = await emulator.fetch(new URL(url, emulator.url), {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: { cookie, ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      ...(form ? { body: new URLSearchParams(form).toString() } : {}),
    });
    for (;;) {
      for (const line of response.headers.getSetCookie()) cookie = line.split(';')[0]!;
      const location = response.headers.get('location');
      if (!location || !location.startsWith(emulator.url)) return { response, location, html: location ? '' : await response.text() };
      response = await emulator.fetch(location, { redirect: 'manual', headers: { cookie } });
    }
  };
  const redirectUri = emulator.seed!.application.redirectUris[0]!;
  const authorize = (extra: Record<string, string> = {}) =>
    `/${emulator.tenantId}/oauth2/v2.0/authorize?${new URLSearchParams({ client_id: emulator.seed!.application.appId, response_type: 'code', redirect_uri: redirectUri, scope: 'openid User.Read', ...extra })}`;
  const ctxOf = (html: string) => /name="ctx" value="([^"]+)"/.exec(html)![1]!;
  const first = await go(authorize());
  const signedIn = await go(`/${emulator.tenantId}/login`, { ctx: ctxOf(first.html), action: 'signin', login: upn(local), passwd: emulator.seed!.password });
  return { go, authorize, ctxOf, signedIn };
}

describe('conditional access requiring MFA at the token endpoint (ROPC)', () => {
  test('the seeded "Require multifactor authentication for admins" (enabled, Global Administrator): AADSTS50076, InteractionRequiredAuthError with the policy in its claims', async () => {
    const config = (await (await control('GET', '/securityConfig')).json()) as { conditionalAccessPolicies: { id: string; displayName: string }[] };
    const policy = config.conditionalAccessPolicies.find((p) => p.displayName === 'Require multifactor authentication for admins')!;
    const error = await failure(ropc('it.ops'));
    assert.ok(error instanceof InteractionRequiredAuthError, String(error));
    assert.equal(error.errorCode, 'invalid_grant');
    assert.equal(error.subError, 'basic_action');
    assert.match(error.errorMessage, /^AADSTS50076: Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access '00000003-0000-0000-c000-000000000000'\./);
    assert.deepEqual(JSON.parse(error.claims), { access_token: { capolids: { essential: true, values: [policy.id] } } });
  });

  test('the raw body: error_codes [50076], claims before suberror, as the service sends them', async () => {
    const response = await emulator.fetch(`${emulator.url}/${emulator.tenantId}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'password', client_id: emulator.seed!.application.appId, client_secret: emulator.seed!.application.clientSecret, scope: 'User.Read', username: upn('it.ops'), password: emulator.seed!.password }).toString(),
    });
    assert.equal(response.status, 400);
    const body = (await response.json()) as Record<string, unknown>;
    assert.deepEqual(body.error_codes, [50076]);
    assert.deepEqual(Object.keys(body).slice(-2), ['claims', 'suberror']);
  });

  test('report-only and disabled policies change nothing; enabling one for a user takes effect at once', async () => {
    // The seed's "Require multifactor authentication for all users" is report-only: dana signs in with a password.
    assert.ok((await ropc('dana'))?.accessToken);
    const id = await addPolicy({ displayName: 'MFA for dana', state: 'disabled', includeUsers: [userId('dana')], builtInControls: ['mfa'] });
    assert.ok((await ropc('dana'))?.accessToken);
    assert.equal((await control('PATCH', `/conditionalAccessPolicies/${id}`, { state: 'enabled' })).status, 200);
    const error = await failure(ropc('dana'));
    assert.ok(error instanceof InteractionRequiredAuthError, String(error));
    assert.match(error.errorMessage, /^AADSTS50076:/);
  });

  test('a user with no method registered must enroll: AADSTS50079 interaction_required', async () => {
    await addPolicy({ displayName: 'MFA for everyone', state: 'enabled', includeUsers: ['All'], builtInControls: ['mfa'] });
    const error = await failure(ropc('lee'));
    assert.ok(error instanceof InteractionRequiredAuthError, String(error));
    assert.equal(error.errorCode, 'interaction_required');
    assert.equal(error.subError, 'basic_action');
    assert.match(error.errorMessage, /^AADSTS50079: .*you must enroll in multi-factor authentication/);
  });

  test('groups count through nesting: a policy on Engineering reaches admin, a member of IT Admins, which Engineering holds', async () => {
    const engineering = emulator.seed!.groups.find((g) => g.displayName === 'Engineering')!;
    assert.ok(!engineering.memberIds.includes(userId('admin')), 'admin is not a direct member');
    await addPolicy({ displayName: 'Block Engineering', state: 'enabled', includeGroups: [engineering.id], builtInControls: ['block'] });
    assert.match(String(await failure(ropc('admin'))), /AADSTS53003/);
  });

  test('exclusions win over inclusions: an excluded group and an excluded user', async () => {
    const group = await emulator.createGroup(emulator.tenantId!, { displayName: 'Break-glass', memberIds: [userId('dana')] });
    await addPolicy({ displayName: 'MFA for all but break-glass', state: 'enabled', includeUsers: ['All'], excludeGroups: [group.id], excludeUsers: [userId('sam')], builtInControls: ['mfa'] });
    assert.ok((await ropc('dana'))?.accessToken);
    assert.ok((await ropc('sam'))?.accessToken);
    assert.ok((await failure(ropc('jordan'))) instanceof InteractionRequiredAuthError);
  });

  test('a block policy: AADSTS53003 interaction_required, suberror message_only', async () => {
    await addPolicy({ displayName: 'Block dana', state: 'enabled', includeUsers: [userId('dana')], builtInControls: ['block'] });
    const error = await failure(ropc('dana'));
    assert.ok(error instanceof InteractionRequiredAuthError, String(error));
    assert.equal(error.subError, 'message_only');
    assert.match(error.errorMessage, /^AADSTS53003: Access has been blocked by Conditional Access policies\./);
  });

  test('a custom control (an external MFA provider): AADSTS50158, which neither ROPC nor the pages can satisfy', async () => {
    const exported = (await (await emulator.fetch(`${emulator.url}/_emulator/securityConfig`)).json()) as { tenants: { tenantId: string; conditionalAccessPolicies: Record<string, unknown>[] }[] };
    const contoso = exported.tenants.find((t) => t.tenantId === emulator.tenantId)!;
    const id = '5a7e0e3c-0000-4000-8000-000000050158';
    contoso.conditionalAccessPolicies.push({
      ...contoso.conditionalAccessPolicies[0]!,
      id,
      displayName: 'External provider for dana',
      state: 'enabled',
      conditions: { ...(contoso.conditionalAccessPolicies[0]!.conditions as object), users: { includeUsers: [userId('dana')], excludeUsers: [], includeGroups: [], excludeGroups: [], includeRoles: [], excludeRoles: [] } },
      grantControls: { operator: 'OR', builtInControls: [], customAuthenticationFactors: ['Duo-MFA'], termsOfUse: [] },
    });
    const imported = await emulator.fetch(`${emulator.url}/_emulator/securityConfig`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(exported) });
    assert.ok(imported.ok, await imported.text());
    added.push(id);
    const error = await failure(ropc('dana'));
    assert.match(String((error as Error).message), /AADSTS50158: External security challenge not satisfied\./);
    const { signedIn } = await pages('dana');
    assert.match(signedIn.html, /AADSTS50158/);
  });
});

describe('conditional access requiring MFA on the sign-in pages', () => {
  test('a Global Administrator is asked for the code; a wrong code is refused, the right one gives a token with amr mfa', async () => {
    const { go, ctxOf, signedIn } = await pages('it.ops');
    assert.match(signedIn.html, /<h1>Enter code<\/h1>/);
    assert.match(signedIn.html, /name="otc"/);
    const wrong = await go(`/${emulator.tenantId}/mfa`, { ctx: ctxOf(signedIn.html), otc: '000000' });
    assert.match(wrong.html, /You didn(?:'|&#39;)t enter the expected verification code/);
    const right = await go(`/${emulator.tenantId}/mfa`, { ctx: ctxOf(wrong.html), otc: '123456' });
    assert.ok(right.location && new URL(right.location).searchParams.get('code'), `expected a code, got ${right.location ?? right.html.slice(0, 300)}`);

    const result = await interactive('it.ops');
    assert.deepEqual(claimsOf(result.accessToken).amr, ['pwd', 'mfa']);
    assert.equal(claimsOf(result.accessToken).upn, upn('it.ops'));
  });

  test('without a policy the page asks nothing and the token says amr pwd', async () => {
    const result = await interactive('dana');
    assert.deepEqual(claimsOf(result.accessToken).amr, ['pwd']);
  });

  test('prompt=none with a session that gave no second factor: interaction_required (AADSTS50076) at the redirect URI', async () => {
    const { go, authorize, signedIn } = await pages('dana');
    assert.ok(signedIn.location, 'dana signs in without MFA');
    await addPolicy({ displayName: 'MFA for dana', state: 'enabled', includeUsers: [userId('dana')], builtInControls: ['mfa'] });
    const silent = await go(authorize({ prompt: 'none' }));
    const params = new URL(silent.location!).searchParams;
    assert.equal(params.get('error'), 'interaction_required');
    assert.match(params.get('error_description')!, /^AADSTS50076:/);
  });

  test('a user with no method sees "More information required"; after the code the method is registered, so ROPC now answers 50076, not 50079', async () => {
    await addPolicy({ displayName: 'MFA for lee', state: 'enabled', includeUsers: [userId('lee')], builtInControls: ['mfa'] });
    const { signedIn } = await pages('lee');
    assert.match(signedIn.html, /More information required/);
    const result = await interactive('lee');
    assert.deepEqual(claimsOf(result.accessToken).amr, ['pwd', 'mfa']);
    const config = (await (await control('GET', '/securityConfig')).json()) as { users: Record<string, { methods?: string[] }> };
    assert.deepEqual(config.users[userId('lee')]?.methods, ['softwareOneTimePasscode']);
    assert.match(String((await failure(ropc('lee'))) as Error), /AADSTS50076/);
  });
});

describe('refresh tokens when MFA became required', () => {
  test('a refresh token from a password-only sign-in: AADSTS50076, msal-node InteractionRequiredAuthError; one from an MFA sign-in keeps working', async () => {
    const plain = cca();
    const first = await interactive('dana', plain);
    const withMfa = cca();
    await addPolicy({ displayName: 'MFA for dana (first)', state: 'enabled', includeUsers: [userId('dana')], builtInControls: ['mfa'] });
    const mfaResult = await interactive('dana', withMfa);
    assert.deepEqual(claimsOf(mfaResult.accessToken).amr, ['pwd', 'mfa']);

    const error = await failure(plain.acquireTokenSilent({ account: first.account!, scopes: ['User.Read'], forceRefresh: true }));
    assert.ok(error instanceof InteractionRequiredAuthError, String(error));
    assert.equal(error.subError, 'basic_action');
    assert.match(error.errorMessage, /^AADSTS50076:/);

    const renewed = await withMfa.acquireTokenSilent({ account: mfaResult.account!, scopes: ['User.Read'], forceRefresh: true });
    assert.deepEqual(claimsOf(renewed.accessToken).amr, ['pwd', 'mfa']);
  });
});

// Security defaults (https://learn.microsoft.com/entra/fundamentals/security-defaults, "Require administrators to do
// multifactor authentication"): with them on, the administrator roles that page lists do MFA at every sign-in; a
// user in no such role is not asked (Microsoft's "when necessary" is its own risk decision, not modelled).
describe('security defaults', () => {
  const roleAssignments: { roleId: string; userId: string }[] = [];
  async function securityDefaults(isEnabled: boolean) {
    assert.equal((await control('PUT', '/securityDefaults', { isEnabled })).status, 200);
  }
  async function assignRole(local: string, roleDefinitionId: string) {
    const response = await control('POST', '/roleAssignments', { userId: userId(local), roleDefinitionId });
    assert.equal(response.status, 201, await response.clone().text());
    roleAssignments.push({ roleId: roleDefinitionId, userId: userId(local) });
  }
  afterEach(async () => {
    await securityDefaults(false);
    for (const { roleId, userId: id } of roleAssignments.splice(0)) await control('DELETE', `/roleAssignments/${roleId}/${id}`);
  });
  const exchangeAdministrator = '29232cdf-9323-42fd-ade2-1d097af3e4de';

  test('an Exchange Administrator (no conditional access policy covers the role) must do MFA: ROPC answers AADSTS50076 with no capolids claims', async () => {
    await assignRole('dana', exchangeAdministrator);
    assert.ok((await ropc('dana'))?.accessToken, 'security defaults off: a password is enough');
    await securityDefaults(true);
    const error = await failure(ropc('dana'));
    assert.ok(error instanceof InteractionRequiredAuthError, String(error));
    assert.match(error.errorMessage, /^AADSTS50076:/);
    assert.equal(error.claims, '', 'no conditional access policy to name');
  });

  test('the sign-in page asks an administrator for the code, and the token says amr mfa; a user in no listed role signs in with a password', async () => {
    await assignRole('dana', exchangeAdministrator);
    await securityDefaults(true);
    const { signedIn } = await pages('dana');
    assert.match(signedIn.html, /<h1>Enter code<\/h1>/);
    assert.deepEqual(claimsOf((await interactive('dana')).accessToken).amr, ['pwd', 'mfa']);
    assert.ok((await ropc('lee'))?.accessToken, 'lee holds no administrator role');
  });
});
