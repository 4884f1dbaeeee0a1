// Directory endpoints with delegated and application tokens from the real token endpoint, permission enforcement
// from the permission table, paging and tenant isolation. Each test names the Microsoft Graph page it follows
// (https://learn.microsoft.com/graph/api/<page>).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startEmulator, type EmulatorHandle } from '../../harness.js';
import { appToken, appWithRoles, assertGraphError, graphGet, graphGetUrl, userToken } from './graph-test-client.js';

let emulator: EmulatorHandle;
let tid: string;
let appOnly: string;
let dana: string;

before(async () => {
  emulator = await startEmulator({ autoSignIn: true, autoConsent: true, users: 120 });
  tid = emulator.tenantId!;
  const demo = emulator.seed!.application;
  appOnly = await appToken(emulator, tid, demo.appId, demo.clientSecret);
  dana = await userToken(emulator, 'dana@contoso.onmicrosoft.com', 'User.Read User.ReadBasic.All');
});
after(async () => {
  await emulator?.close();
});

const contextOf = (fragment: string) => `${emulator.url}/v1.0/$metadata#${fragment}`;

describe('GET /me (user-get)', () => {
  test('delegated: the signed-in user with Graph\'s default properties and @odata.context users/$entity', async () => {
    const result = await graphGet(emulator, '/me', dana);
    assert.equal(result.status, 200);
    assert.equal(result.body['@odata.context'], contextOf('users/$entity'));
    assert.deepEqual(Object.keys(result.body).sort(), ['@odata.context', 'businessPhones', 'displayName', 'givenName', 'id', 'jobTitle', 'mail', 'mobilePhone', 'officeLocation', 'preferredLanguage', 'surname', 'userPrincipalName'].sort());
    assert.equal(result.body.userPrincipalName, 'dana@contoso.onmicrosoft.com');
    assert.equal(result.body.mail, 'dana.reyes@example.com');
    assert.deepEqual(result.body.businessPhones, []);
  });

  test('application token: 400 BadRequest "/me request is only valid with delegated authentication flow."', async () => {
    assertGraphError(await graphGet(emulator, '/me', appOnly), 400, 'BadRequest', '/me request is only valid with delegated authentication flow.');
  });

  test('$select returns exactly the properties named, and unknown ones are a 400 naming the type', async () => {
    const result = await graphGet(emulator, '/me?$select=id,accountEnabled', dana);
    assert.equal(result.body['@odata.context'], contextOf('users(id,accountEnabled)/$entity'));
    assert.deepEqual(Object.keys(result.body).sort(), ['@odata.context', 'accountEnabled', 'id']);
    assertGraphError(await graphGet(emulator, '/me?$select=shoeSize', dana), 400, 'BadRequest', "Could not find a property named 'shoeSize' on type 'microsoft.graph.user'.");
  });
});

describe('GET /users (user-list) and /users/{id | userPrincipalName} (user-get)', () => {
  test('paging: 100 per page by default, @odata.nextLink with $skiptoken until the last page, every user once', async () => {
    const first = await graphGet(emulator, '/users', appOnly);
    assert.equal(first.status, 200);
    assert.equal(first.body['@odata.context'], contextOf('users'));
    assert.equal(first.body.value.length, 100);
    assert.match(first.body['@odata.nextLink'], new RegExp(`^${emulator.url}/v1\\.0/users\\?\\$skiptoken=`));
    const second = await graphGetUrl(emulator, first.body['@odata.nextLink'], appOnly);
    assert.equal(second.body['@odata.nextLink'], undefined);
    const ids = [...first.body.value, ...second.body.value].map((u: { id: string }) => u.id);
    // 5 named people, 120 numbered demo users and the security seed's 6 (admins, guests, a disabled account).
    const contoso = emulator.seed!.users.filter((u) => u.tenantId === tid).length;
    assert.equal(contoso, 131);
    assert.equal(ids.length, contoso);
    assert.equal(new Set(ids).size, contoso);
  });

  test('$top sets the page size and is kept with $select in the next link', async () => {
    const page = await graphGet(emulator, '/users?$top=2&$select=displayName,userPrincipalName', appOnly);
    assert.deepEqual(page.body.value.map((u: object) => Object.keys(u)), [['displayName', 'userPrincipalName'], ['displayName', 'userPrincipalName']]);
    const next = new URL(page.body['@odata.nextLink']);
    assert.equal(next.searchParams.get('$top'), '2');
    assert.equal(next.searchParams.get('$select'), 'displayName,userPrincipalName');
    const second = await graphGetUrl(emulator, page.body['@odata.nextLink'], appOnly);
    assert.equal(second.body.value.length, 2);
    assert.notEqual(second.body.value[0].userPrincipalName, page.body.value[0].userPrincipalName);
  });

  test('$filter: eq on userPrincipalName and startswith on displayName', async () => {
    const eq = await graphGet(emulator, `/users?$filter=userPrincipalName eq 'lee@contoso.onmicrosoft.com'`, appOnly);
    assert.deepEqual(eq.body.value.map((u: { displayName: string }) => u.displayName), ['Lee Chen']);
    const sw = await graphGet(emulator, `/users?$filter=startswith(displayName,'Demo User 11')&$top=999`, appOnly);
    assert.equal(sw.body.value.length, 11);
  });

  test('by id and by userPrincipalName; unknown → 404 Request_ResourceNotFound', async () => {
    const sam = emulator.seed!.users.find((u) => u.userPrincipalName === 'sam@contoso.onmicrosoft.com')!;
    assert.equal((await graphGet(emulator, `/users/${sam.id}`, appOnly)).body.displayName, 'Sam Patel');
    const byUpn = await graphGet(emulator, '/users/sam@contoso.onmicrosoft.com', appOnly);
    assert.equal(byUpn.body.id, sam.id);
    assert.equal(byUpn.body['@odata.context'], contextOf('users/$entity'));
    assertGraphError(await graphGet(emulator, '/users/nobody@contoso.onmicrosoft.com', appOnly), 404, 'Request_ResourceNotFound', "Resource 'nobody@contoso.onmicrosoft.com' does not exist or one of its queried reference-property objects are not present.");
  });

  test('tenant isolation: a Fabrikam token never sees a Contoso user (404), and lists only Fabrikam users', async () => {
    const demo = emulator.seed!.application;
    await emulator.grant(emulator.seed!.otherTenant.id, { appId: demo.appId, roles: ['User.Read.All'] });
    const fabrikam = await appToken(emulator, emulator.seed!.otherTenant.id, demo.appId, demo.clientSecret);
    const dana = emulator.seed!.users.find((u) => u.userPrincipalName === 'dana@contoso.onmicrosoft.com')!;
    assertGraphError(await graphGet(emulator, `/users/${dana.id}`, fabrikam), 404, 'Request_ResourceNotFound');
    const list = await graphGet(emulator, '/users', fabrikam);
    assert.deepEqual(list.body.value.map((u: { userPrincipalName: string }) => u.userPrincipalName).sort(), ['admin@fabrikam.onmicrosoft.com', 'dana@fabrikam.onmicrosoft.com']);
  });
});

describe('permission enforcement (permissions-overview; permissions from microsoft-graph-devx-content)', () => {
  test('application token without any accepted role: 403 Authorization_RequestDenied "Insufficient privileges to complete the operation."', async () => {
    const { token } = await appWithRoles(emulator, tid, ['Calendars.Read']);
    assertGraphError(await graphGet(emulator, '/users', token), 403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
    assertGraphError(await graphGet(emulator, '/organization', token), 403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
  });

  test('the least-privileged application role alone is enough: User.ReadBasic.All for /users, Organization.Read.All for /organization', async () => {
    const users = await appWithRoles(emulator, tid, ['User.ReadBasic.All']);
    assert.equal((await graphGet(emulator, '/users', users.token)).status, 200);
    assert.equal((await graphGet(emulator, '/organization', users.token)).status, 403);
    const org = await appWithRoles(emulator, tid, ['Organization.Read.All']);
    assert.equal((await graphGet(emulator, '/organization', org.token)).status, 200);
  });

  test('a token with no roles at all (consent never granted) is authenticated but forbidden', async () => {
    const { token } = await appWithRoles(emulator, tid, []);
    assertGraphError(await graphGet(emulator, '/groups', token), 403, 'Authorization_RequestDenied');
  });

  test('delegated: User.Read reads /me but not /users (needs User.ReadBasic.All or more)', async () => {
    const lee = await userToken(emulator, 'lee@contoso.onmicrosoft.com', 'User.Read');
    assert.equal((await graphGet(emulator, '/me', lee)).status, 200);
    assertGraphError(await graphGet(emulator, '/users', lee), 403, 'Authorization_RequestDenied');
    assert.equal((await graphGet(emulator, '/users', dana)).status, 200);
  });

  test('withdrawn consent: the next token carries no roles and is forbidden (roles are read from the token)', async () => {
    const app = await emulator.createApplication(tid, { displayName: 'withdrawn' });
    const secret = await emulator.addSecret(tid, app.appId);
    await emulator.grant(tid, { appId: app.appId, roles: ['Group.Read.All'] });
    assert.equal((await graphGet(emulator, '/groups', await appToken(emulator, tid, app.appId, secret.secretText))).status, 200);
    await emulator.revokeGrant(tid, app.appId);
    assertGraphError(await graphGet(emulator, '/groups', await appToken(emulator, tid, app.appId, secret.secretText)), 403, 'Authorization_RequestDenied');
  });
});

describe('GET /groups (group-list) and /groups/{id}/members (group-list-members)', () => {
  test('groups of the tenant with Graph\'s group properties', async () => {
    const result = await graphGet(emulator, '/groups', appOnly);
    assert.equal(result.body['@odata.context'], contextOf('groups'));
    const engineering = result.body.value.find((g: { displayName: string }) => g.displayName === 'Engineering');
    assert.deepEqual(engineering.groupTypes, ['Unified']);
    assert.equal(engineering.mail, 'engineering@contoso.onmicrosoft.com');
    assert.equal(engineering.securityEnabled, false);
    assert.ok('visibility' in engineering && 'createdDateTime' in engineering);
    // Graph's default group properties in its order: the on-premises block (null for a cloud group), errors last.
    const keys = Object.keys(engineering);
    assert.deepEqual(keys.slice(keys.indexOf('membershipRuleProcessingState') + 1, keys.indexOf('preferredDataLocation')), [
      'onPremisesDomainName', 'onPremisesLastSyncDateTime', 'onPremisesNetBiosName', 'onPremisesSamAccountName', 'onPremisesSecurityIdentifier', 'onPremisesSyncEnabled',
    ]);
    assert.deepEqual(keys.slice(-2), ['onPremisesProvisioningErrors', 'serviceProvisioningErrors']);
    assert.equal(engineering.onPremisesSamAccountName, null);
  });

  test('members are directoryObjects typed #microsoft.graph.user; unknown group → 404', async () => {
    const group = emulator.seed!.groups.find((g) => g.displayName === 'Finance')!;
    const result = await graphGet(emulator, `/groups/${group.id}/members?$select=id,displayName`, appOnly);
    assert.equal(result.body['@odata.context'], contextOf('directoryObjects(id,displayName)'));
    assert.deepEqual(result.body.value.map((m: { displayName: string }) => m.displayName).sort(), ['Jordan Kim', 'Sam Patel']);
    assert.ok(result.body.value.every((m: Record<string, string>) => m['@odata.type'] === '#microsoft.graph.user'));
    assertGraphError(await graphGet(emulator, '/groups/00000000-0000-0000-0000-000000000000/members', appOnly), 404, 'Request_ResourceNotFound');
  });
});

describe('GET /organization (organization-get) and /subscribedSkus (subscribedsku-list)', () => {
  test('the tenant: id = tid, displayName, verifiedDomains with the initial domain, tenantType AAD', async () => {
    const result = await graphGet(emulator, '/organization', appOnly);
    assert.equal(result.body['@odata.context'], contextOf('organization'));
    assert.equal(result.body.value.length, 1);
    const org = result.body.value[0];
    assert.equal(org.id, tid);
    assert.equal(org.displayName, 'Contoso');
    assert.equal(org.tenantType, 'AAD');
    assert.deepEqual(org.verifiedDomains, [{ capabilities: 'Email, OfficeCommunicationsOnlineService', isDefault: true, isInitial: true, name: 'contoso.onmicrosoft.com', type: 'Managed' }]);
  });

  test('GET /organization/{organization-id} answers the caller\'s organisation; another id is Request_ResourceNotFound (organization-get)', async () => {
    const one = await graphGet(emulator, `/organization/${tid}`, appOnly);
    assert.equal(one.status, 200);
    assert.equal(one.body.id, tid);
    assert.equal(one.body.displayName, 'Contoso');
    assert.equal(one.body.value, undefined);
    const other = await graphGet(emulator, '/organization/00000000-0000-0000-0000-000000000001', appOnly);
    assertGraphError(other, 404, 'Request_ResourceNotFound');
  });

  test('delegated User.Read reads /organization (listed for it by the source)', async () => {
    const lee = await userToken(emulator, 'lee@contoso.onmicrosoft.com', 'User.Read');
    assert.equal((await graphGet(emulator, '/organization', lee)).body.value[0].id, tid);
  });

  test('subscribed SKUs with consumed units counting enabled users', async () => {
    const result = await graphGet(emulator, '/subscribedSkus', appOnly);
    const e3 = result.body.value.find((s: { skuPartNumber: string }) => s.skuPartNumber === 'ENTERPRISEPACK');
    // Enabled users only: the seeded disabled account holds no licence.
    assert.equal(e3.consumedUnits, emulator.seed!.users.filter((u) => u.tenantId === tid && u.accountEnabled).length);
    assert.equal(e3.consumedUnits, 130);
    assert.equal(e3.capabilityStatus, 'Enabled');
    assert.ok(e3.prepaidUnits.enabled >= e3.consumedUnits);
  });
});

describe("GET /applications(appId='{appId}') (application-get): credential expiry", () => {
  test('passwordCredentials and keyCredentials with endDateTime from the app registration; never the secret', async () => {
    const app = await emulator.createApplication(tid, { displayName: 'expiry reader' });
    const secret = await emulator.addSecret(tid, app.appId, { endDateTime: '2027-03-01T00:00:00Z' });
    await emulator.grant(tid, { appId: app.appId, roles: ['Application.Read.All'] });
    const token = await appToken(emulator, tid, app.appId, secret.secretText);
    const result = await graphGet(emulator, `/applications(appId='${app.appId}')`, token);
    assert.equal(result.status, 200, JSON.stringify(result.body));
    assert.equal(result.body['@odata.context'], contextOf('applications/$entity'));
    assert.equal(result.body.appId, app.appId);
    assert.deepEqual(result.body.passwordCredentials, [
      { customKeyIdentifier: null, displayName: null, endDateTime: '2027-03-01T00:00:00.000Z', hint: secret.secretText.slice(0, 3), keyId: secret.keyId, secretText: null, startDateTime: result.body.passwordCredentials[0].startDateTime },
    ]);
    assert.ok(!JSON.stringify(result.body).includes(secret.secretText));
    assert.deepEqual(result.body.keyCredentials, []);
  });

  test('Directory.Read.All also reads it (the demo app reads its own secret expiry); User.Read.All alone is 403', async () => {
    const demo = emulator.seed!.application;
    const own = await graphGet(emulator, `/applications(appId='${demo.appId}')`, appOnly);
    assert.equal(own.status, 200);
    assert.equal(own.body.passwordCredentials[0].displayName, 'demo secret');
    const { token } = await appWithRoles(emulator, tid, ['User.Read.All']);
    assertGraphError(await graphGet(emulator, `/applications(appId='${demo.appId}')`, token), 403, 'Authorization_RequestDenied');
  });

  test("in a tenant where only the app's service principal exists, the application object is not found", async () => {
    const demo = emulator.seed!.application;
    const other = emulator.seed!.otherTenant.id;
    await emulator.grant(other, { appId: demo.appId, roles: ['Application.Read.All'] });
    const token = await appToken(emulator, other, demo.appId, demo.clientSecret);
    assertGraphError(await graphGet(emulator, `/applications(appId='${demo.appId}')`, token), 404, 'Request_ResourceNotFound');
  });
});

describe('an app reading its own registration (application-get, serviceprincipal-get)', () => {
  const spa = 'https://app.example.com/spa';
  const desktop = 'http://localhost';

  async function selfReader(roles: string[], options: { appRoleAssignmentRequired?: boolean } = {}) {
    const app = await emulator.createApplication(tid, {
      displayName: `self reader ${roles.join(' ') || 'no roles'}`,
      signInAudience: 'AzureADMultipleOrgs',
      redirectUris: ['https://hub.example.com/auth/m365/callback'],
      requiredPermissions: { delegated: ['User.Read'], application: ['Application.Read.All'] },
      ...options,
    });
    const secret = await emulator.addSecret(tid, app.appId, { endDateTime: '2027-06-01T00:00:00Z' });
    if (roles.length) await emulator.grant(tid, { appId: app.appId, roles });
    return { ...app, secret, token: await appToken(emulator, tid, app.appId, secret.secretText) };
  }

  test("Application.Read.All: web, spa and publicClient redirect URIs (as set through the control API), signInAudience, requiredResourceAccess, credentials without secret text", async () => {
    const app = await selfReader(['Application.Read.All']);
    await emulator.updateApplication(tid, app.appId, { spaRedirectUris: [spa], publicClientRedirectUris: [desktop] });
    const result = await graphGet(emulator, `/applications(appId='${app.appId}')`, app.token);
    assert.equal(result.status, 200, JSON.stringify(result.body));
    assert.deepEqual(result.body.web.redirectUris, ['https://hub.example.com/auth/m365/callback']);
    assert.deepEqual(result.body.spa, { redirectUris: [spa] });
    assert.deepEqual(result.body.publicClient, { redirectUris: [desktop] });
    assert.equal(result.body.signInAudience, 'AzureADMultipleOrgs');
    // Permission ids of Microsoft Graph (User.Read scope, Application.Read.All role) from the permission data.
    assert.deepEqual(result.body.requiredResourceAccess, [
      { resourceAppId: '00000003-0000-0000-c000-000000000000', resourceAccess: [{ id: 'e1fe6dd8-ba31-4d61-89e7-88639da4683d', type: 'Scope' }, { id: '9a5d68dd-52b0-4cc2-bd40-abcf44ac3a30', type: 'Role' }] },
    ]);
    assert.equal(result.body.passwordCredentials[0].secretText, null);
    assert.equal(result.body.passwordCredentials[0].endDateTime, '2027-06-01T00:00:00.000Z');
    assert.ok(!JSON.stringify(result.body).includes(app.secret.secretText));
    assert.deepEqual(result.body.keyCredentials, []);
  });

  test('redirect URIs changed through the control API show at once, and /applications/{id} returns the same object', async () => {
    const app = await selfReader(['Application.Read.All']);
    await emulator.updateApplication(tid, app.appId, { redirectUris: ['https://moved.example.com/callback'] });
    const byAppId = await graphGet(emulator, `/applications(appId='${app.appId}')`, app.token);
    assert.deepEqual(byAppId.body.web.redirectUris, ['https://moved.example.com/callback']);
    const byId = await graphGet(emulator, `/applications/${app.id}`, app.token);
    assert.equal(byId.status, 200);
    assert.deepEqual(byId.body, byAppId.body);
  });

  test('$select: exactly the named properties and Graph\'s context URL (application-get Example 2)', async () => {
    const app = await selfReader(['Application.Read.All']);
    const result = await graphGet(emulator, `/applications(appId='${app.appId}')?$select=web,spa,publicClient,signInAudience`, app.token);
    assert.equal(result.body['@odata.context'], contextOf('applications(web,spa,publicClient,signInAudience)/$entity'));
    assert.deepEqual(Object.keys(result.body).sort(), ['@odata.context', 'publicClient', 'signInAudience', 'spa', 'web']);
    assertGraphError(await graphGet(emulator, `/applications(appId='${app.appId}')?$select=secretText`, app.token), 400, 'BadRequest', "Could not find a property named 'secretText' on type 'microsoft.graph.application'.");
  });

  test("GET /servicePrincipals(appId='…'): appRoleAssignmentRequired (toggled through the control API), accountEnabled, servicePrincipalType", async () => {
    const app = await selfReader(['Application.Read.All']);
    const before = await graphGet(emulator, `/servicePrincipals(appId='${app.appId}')`, app.token);
    assert.equal(before.status, 200, JSON.stringify(before.body));
    assert.equal(before.body['@odata.context'], contextOf('servicePrincipals/$entity'));
    assert.equal(before.body.appId, app.appId);
    assert.equal(before.body.appRoleAssignmentRequired, false);
    assert.equal(before.body.accountEnabled, true);
    assert.equal(before.body.servicePrincipalType, 'Application');
    assert.equal(before.body.appOwnerOrganizationId, tid);
    await emulator.setAssignmentRequired(tid, app.appId, true);
    const selected = await graphGet(emulator, `/servicePrincipals(appId='${app.appId}')?$select=appRoleAssignmentRequired,accountEnabled,servicePrincipalType`, app.token);
    assert.deepEqual(selected.body, {
      '@odata.context': contextOf('servicePrincipals(appRoleAssignmentRequired,accountEnabled,servicePrincipalType)/$entity'),
      appRoleAssignmentRequired: true,
      accountEnabled: true,
      servicePrincipalType: 'Application',
    });
    const byId = await graphGet(emulator, `/servicePrincipals/${before.body.id}`, app.token);
    assert.equal(byId.body.appRoleAssignmentRequired, true);
  });

  test('in a customer tenant the service principal is readable with its own assignment setting; the application object is not there', async () => {
    const app = await selfReader([]);
    const other = emulator.seed!.otherTenant.id;
    await emulator.grant(other, { appId: app.appId, roles: ['Application.Read.All'] });
    await emulator.setAssignmentRequired(other, app.appId, true);
    const token = await appToken(emulator, other, app.appId, app.secret.secretText);
    const sp = await graphGet(emulator, `/servicePrincipals(appId='${app.appId}')`, token);
    assert.equal(sp.body.appRoleAssignmentRequired, true);
    assert.equal(sp.body.appOwnerOrganizationId, tid);
    assert.equal((await graphGet(emulator, `/servicePrincipals(appId='${app.appId}')`, app.token)).body.appRoleAssignmentRequired, false, 'the home tenant keeps its own setting');
    assertGraphError(await graphGet(emulator, `/applications(appId='${app.appId}')`, token), 404, 'Request_ResourceNotFound');
  });

  test('"A service principal can retrieve its own application and service principal details without being granted any application permissions"; another app without a role is 403 in Graph\'s shape', async () => {
    const app = await selfReader([]);
    assert.equal((await graphGet(emulator, `/applications(appId='${app.appId}')`, app.token)).status, 200);
    assert.equal((await graphGet(emulator, `/applications/${app.id}`, app.token)).status, 200);
    assert.equal((await graphGet(emulator, `/servicePrincipals(appId='${app.appId}')`, app.token)).status, 200);
    const stranger = await selfReader([]);
    assertGraphError(await graphGet(emulator, `/applications(appId='${app.appId}')`, stranger.token), 403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
    assertGraphError(await graphGet(emulator, `/servicePrincipals(appId='${app.appId}')`, stranger.token), 403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
    assertGraphError(await graphGet(emulator, `/servicePrincipals(appId='00000000-0000-0000-0000-00000000abcd')`, appOnly), 404, 'Request_ResourceNotFound');
  });
});
