// The directory and security configuration a compliance assessment reads, over HTTP through the real token
// endpoint: domains, directory roles, unified RBAC, PIM, tenant policies, logs, delta queries, the seed's facts,
// Microsoft's licence errors, and the control API that changes each on purpose. Each describe names the Graph page
// (https://learn.microsoft.com/graph/api/<page>) it follows.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startEmulator, type EmulatorHandle } from '../../harness.js';
import { appToken, appWithRoles, assertGraphError, graphGet, graphGetUrl, userToken } from './graph-test-client.js';

let emulator: EmulatorHandle;
let tid: string;
let fabrikam: string;
let appOnly: string;
/** An app in Fabrikam (no Entra ID premium licence) with every permission the routes accept. */
let fabrikamApp: string;

const globalAdministrator = '62e90394-69f5-4237-9190-012177145e10';
const userAdministrator = 'fe930be7-5e62-47db-91af-98c3a49a38b1';
const contoso = (local: string) => `${local}@contoso.onmicrosoft.com`;

before(async () => {
  emulator = await startEmulator({ autoSignIn: true, autoConsent: true });
  tid = emulator.tenantId!;
  fabrikam = emulator.seed!.otherTenant.id;
  const demo = emulator.seed!.application;
  appOnly = await appToken(emulator, tid, demo.appId, demo.clientSecret);
  fabrikamApp = (await appWithRoles(emulator, fabrikam, ['User.Read.All', 'Directory.Read.All', 'AuditLog.Read.All', 'RoleManagement.Read.Directory', 'Policy.Read.All'])).token;
});
after(async () => {
  await emulator?.close();
});

const contextOf = (fragment: string) => `${emulator.url}/v1.0/$metadata#${fragment}`;
const userId = (upn: string) => emulator.seed!.users.find((u) => u.userPrincipalName === upn)!.id;

async function control(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const response = await emulator.fetch(`${emulator.url}/_emulator${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** Every page of a collection, following @odata.nextLink. */
async function all(path: string, token: string): Promise<any[]> {
  let page = await graphGet(emulator, path, token);
  assert.equal(page.status, 200, JSON.stringify(page.body));
  const items = [...page.body.value];
  while (page.body['@odata.nextLink']) {
    page = await graphGetUrl(emulator, page.body['@odata.nextLink'], token);
    items.push(...page.body.value);
  }
  return items;
}

describe('the seeded organisation (security-seed.ts facts)', () => {
  test('guests are userType Guest with #EXT# names; the disabled account and the on-premises synced administrator', async () => {
    const users = await all('/users?$select=id,userPrincipalName,userType,accountEnabled,onPremisesSyncEnabled', appOnly);
    const guests = users.filter((u) => u.userType === 'Guest').map((u) => u.userPrincipalName).sort();
    assert.deepEqual(guests, [contoso('alex_example.org#ext#'), contoso('pat.partner_fabrikam.com#ext#')]);
    assert.deepEqual(users.filter((u) => !u.accountEnabled).map((u) => u.userPrincipalName), [contoso('former.employee')]);
    assert.deepEqual(users.filter((u) => u.onPremisesSyncEnabled === true).map((u) => u.userPrincipalName), [contoso('riley.sync')]);
  });

  test('registration details: users without MFA, the admin without phishing-resistant methods', async () => {
    const details = await all('/reports/authenticationMethods/userRegistrationDetails', appOnly);
    const of = (local: string) => details.find((d) => d.userPrincipalName === contoso(local));
    for (const local of ['lee', 'jordan', 'former.employee']) assert.equal(of(local).isMfaRegistered, false, local);
    assert.deepEqual(of('admin').methodsRegistered, ['fido2SecurityKey', 'microsoftAuthenticatorPush']);
    assert.equal(of('it.ops').isAdmin, true);
    assert.deepEqual(of('it.ops').methodsRegistered, ['microsoftAuthenticatorPush', 'softwareOneTimePasscode']);
    assert.equal(of('it.ops').isPasswordlessCapable, false);
    // The emulator's directory keeps user principal names in lower case.
    assert.equal(of('pat.partner_fabrikam.com#ext#').userType, 'guest');
  });

  test('conditional access: on, off and report-only, with user, group and location exclusions', async () => {
    const policies = (await graphGet(emulator, '/identity/conditionalAccess/policies', appOnly)).body.value;
    const byName = Object.fromEntries(policies.map((p: any) => [p.displayName, p]));
    assert.equal(byName['Block legacy authentication'].state, 'enabled');
    assert.deepEqual(byName['Block legacy authentication'].conditions.users.excludeUsers, [userId(contoso('admin'))]);
    assert.equal(byName['Require multifactor authentication for all users'].state, 'enabledForReportingButNotEnforced');
    assert.equal(byName['Require multifactor authentication for all users'].conditions.users.excludeGroups.length, 1);
    assert.equal(byName['Block access from outside allowed countries'].state, 'disabled');
    const locations = (await graphGet(emulator, '/identity/conditionalAccess/namedLocations', appOnly)).body.value;
    const countries = locations.find((l: any) => l['@odata.type'] === '#microsoft.graph.countryNamedLocation');
    assert.deepEqual(byName['Block access from outside allowed countries'].conditions.locations.excludeLocations, [countries.id]);
    assert.deepEqual(countries.countriesAndRegions, ['US', 'GB']);
    const office = locations.find((l: any) => l['@odata.type'] === '#microsoft.graph.ipNamedLocation');
    assert.deepEqual(office.ipRanges, [{ '@odata.type': '#microsoft.graph.iPv4CidrRange', cidrAddress: '203.0.113.0/24' }]);
    assert.equal(office.isTrusted, true);
  });
});

describe('GET /domains (domain-list)', () => {
  test('the verified domains with the initial domain as default, passwords that never expire', async () => {
    const result = await graphGet(emulator, '/domains', appOnly);
    assert.equal(result.body['@odata.context'], contextOf('domains'));
    assert.deepEqual(result.body.value.map((d: any) => [d.id, d.isDefault, d.isInitial, d.isVerified, d.authenticationType, d.passwordValidityPeriodInDays]), [
      ['contoso.onmicrosoft.com', true, true, true, 'Managed', 2147483647],
    ]);
  });
});

describe('directory roles (directoryrole-list, directoryrole-list-members) and unified RBAC (rbacapplication-list-roleassignments, -roledefinitions)', () => {
  test('/directoryRoles lists the activated roles; the Global Administrator role has two members', async () => {
    const roles = (await graphGet(emulator, '/directoryRoles', appOnly)).body.value;
    const ga = roles.find((r: any) => r.roleTemplateId === globalAdministrator);
    assert.equal(ga.displayName, 'Global Administrator');
    assert.notEqual(ga.id, globalAdministrator);
    assert.ok(roles.some((r: any) => r.displayName === 'Privileged Role Administrator') && roles.some((r: any) => r.displayName === 'Security Administrator'));
    const members = await graphGet(emulator, `/directoryRoles/${ga.id}/members`, appOnly);
    assert.equal(members.body['@odata.context'], contextOf('directoryObjects'));
    assert.deepEqual(members.body.value.map((m: any) => [m['@odata.type'], m.userPrincipalName]).sort(), [
      ['#microsoft.graph.user', contoso('admin')],
      ['#microsoft.graph.user', contoso('it.ops')],
    ]);
    assertGraphError(await graphGet(emulator, '/directoryRoles/00000000-0000-0000-0000-000000000000/members', appOnly), 404, 'Request_ResourceNotFound');
    // The object id, not the template id, addresses a directory role.
    assertGraphError(await graphGet(emulator, `/directoryRoles/${globalAdministrator}/members`, appOnly), 404, 'Request_ResourceNotFound');
  });

  test('role assignments at scope "/", with $expand=principal; role definitions by template id', async () => {
    const plain = (await graphGet(emulator, '/roleManagement/directory/roleAssignments', appOnly)).body.value;
    const gaHolders = plain.filter((a: any) => a.roleDefinitionId === globalAdministrator).map((a: any) => a.principalId).sort();
    assert.deepEqual(gaHolders, [userId(contoso('admin')), userId(contoso('it.ops'))].sort());
    assert.ok(plain.every((a: any) => a.directoryScopeId === '/' && /-1$/.test(a.id) && a.principal === undefined));
    const expanded = await graphGet(emulator, '/roleManagement/directory/roleAssignments?$expand=principal', appOnly);
    assert.equal(expanded.status, 200);
    const riley = expanded.body.value.find((a: any) => a.principalId === userId(contoso('riley.sync')));
    assert.equal(riley.principal.userPrincipalName, contoso('riley.sync'));
    assert.equal(riley.roleDefinitionId, 'e8611ab8-c189-46e8-94e1-60213ab1f814');
    const definitions = (await graphGet(emulator, `/roleManagement/directory/roleDefinitions?$filter=templateId eq '${globalAdministrator}'`, appOnly)).body.value;
    assert.deepEqual(definitions.map((d: any) => [d.displayName, d.isBuiltIn, d.id]), [['Global Administrator', true, globalAdministrator]]);
  });

  test('an app with only User.Read.All may not read role assignments (403)', async () => {
    const { token } = await appWithRoles(emulator, tid, ['User.Read.All']);
    assertGraphError(await graphGet(emulator, '/roleManagement/directory/roleAssignments', token), 403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
    assertGraphError(await graphGet(emulator, '/directoryRoles', token), 403, 'Authorization_RequestDenied');
  });
});

describe('PIM (rbacapplication-list-roleeligibilityschedules, policyroot-list-rolemanagementpolicies): Entra ID P2', () => {
  test('eligibility schedules: Dana eligible for User Administrator without expiry', async () => {
    const result = await graphGet(emulator, '/roleManagement/directory/roleEligibilitySchedules', appOnly);
    assert.equal(result.status, 200, JSON.stringify(result.body));
    const dana = result.body.value.find((s: any) => s.principalId === userId(contoso('dana')));
    assert.equal(dana.roleDefinitionId, userAdministrator);
    assert.equal(dana.memberType, 'Direct');
    assert.equal(dana.scheduleInfo.expiration.type, 'noExpiration');
    const jordan = result.body.value.find((s: any) => s.principalId === userId(contoso('jordan')));
    assert.equal(jordan.scheduleInfo.expiration.type, 'afterDateTime');
  });

  test('assignment schedules include the permanent Global Administrators', async () => {
    const result = await graphGet(emulator, '/roleManagement/directory/roleAssignmentSchedules', appOnly);
    const ga = result.body.value.filter((s: any) => s.roleDefinitionId === globalAdministrator);
    assert.equal(ga.length, 2);
    assert.ok(ga.every((s: any) => s.assignmentType === 'Assigned' && s.scheduleInfo.expiration.type === 'noExpiration'));
  });

  test('role management policies need the scope filter; the Global Administrator rules ask MFA but no approval', async () => {
    assertGraphError(await graphGet(emulator, '/policies/roleManagementPolicies', appOnly), 400, 'BadRequest');
    const filter = encodeURIComponent("scopeId eq '/' and scopeType eq 'DirectoryRole'");
    const assignments = (await graphGet(emulator, `/policies/roleManagementPolicyAssignments?$filter=${filter}`, appOnly)).body.value;
    const gaAssignment = assignments.find((a: any) => a.roleDefinitionId === globalAdministrator);
    const policies = await graphGet(emulator, `/policies/roleManagementPolicies?$filter=${filter}`, appOnly);
    assert.equal(policies.status, 200);
    assert.ok(policies.body.value.some((p: any) => p.id === gaAssignment.policyId && p.scopeType === 'DirectoryRole'));
    const rules = (await graphGet(emulator, `/policies/roleManagementPolicies/${gaAssignment.policyId}/rules`, appOnly)).body.value;
    const approval = rules.find((r: any) => r.id === 'Approval_EndUser_Assignment');
    assert.equal(approval['@odata.type'], '#microsoft.graph.unifiedRoleManagementPolicyApprovalRule');
    assert.equal(approval.setting.isApprovalRequired, false);
    assert.deepEqual(rules.find((r: any) => r.id === 'Enablement_EndUser_Assignment').enabledRules, ['MultiFactorAuthentication', 'Justification']);
  });

  test('Fabrikam has no P2: 400 AadPremiumLicenseRequired; buying it through the control API opens PIM', async () => {
    assertGraphError(await graphGet(emulator, '/roleManagement/directory/roleEligibilitySchedules', fabrikamApp), 400, 'AadPremiumLicenseRequired');
    const skus = (await graphGet(emulator, '/subscribedSkus', fabrikamApp)).body.value.map((s: any) => s.skuPartNumber);
    assert.ok(!skus.includes('AAD_PREMIUM_P2') && !skus.includes('AAD_PREMIUM'));
    assert.equal((await control('PUT', `/tenants/${fabrikam}/licences`, { entraIdP1: true, entraIdP2: true })).status, 200);
    assert.equal((await graphGet(emulator, '/roleManagement/directory/roleEligibilitySchedules', fabrikamApp)).status, 200);
    const plans = (await graphGet(emulator, '/subscribedSkus', fabrikamApp)).body.value.flatMap((s: any) => s.servicePlans.map((p: any) => p.servicePlanName));
    assert.ok(plans.includes('AAD_PREMIUM_P2') && plans.includes('AAD_PREMIUM'));
    await control('PUT', `/tenants/${fabrikam}/licences`, { entraIdP1: false, entraIdP2: false });
  });
});

describe('tenant policies (identitysecuritydefaultsenforcementpolicy-get, authorizationpolicy-get, authenticationmethodspolicy-get, permissiongrantpolicy-list, tenantappmanagementpolicy-get, groupsetting-list, security-list-securescorecontrolprofiles)', () => {
  test('security defaults: off in Contoso, on in Fabrikam; the control API turns them on', async () => {
    const off = await graphGet(emulator, '/policies/identitySecurityDefaultsEnforcementPolicy', appOnly);
    assert.equal(off.body['@odata.context'], contextOf('policies/identitySecurityDefaultsEnforcementPolicy/$entity'));
    assert.equal(off.body.isEnabled, false);
    assert.equal((await graphGet(emulator, '/policies/identitySecurityDefaultsEnforcementPolicy', fabrikamApp)).body.isEnabled, true);
    assert.equal((await control('PUT', `/tenants/${tid}/securityDefaults`, { isEnabled: true })).status, 200);
    assert.equal((await graphGet(emulator, '/policies/identitySecurityDefaultsEnforcementPolicy', appOnly)).body.isEnabled, true);
    await control('PUT', `/tenants/${tid}/securityDefaults`, { isEnabled: false });
  });

  test('authorization policy: users may consent (legacy default policy) and register apps; guests have limited access', async () => {
    const policy = (await graphGet(emulator, '/policies/authorizationPolicy', appOnly)).body;
    assert.equal(policy.guestUserRoleId, '10dae51f-b6af-4016-8d66-8c2a99b929b3');
    assert.deepEqual(policy.defaultUserRolePermissions.permissionGrantPoliciesAssigned, ['ManagePermissionGrantsForSelf.microsoft-user-default-legacy']);
    assert.equal(policy.defaultUserRolePermissions.allowedToCreateApps, true);
    assert.equal((await control('PATCH', `/tenants/${tid}/authorizationPolicy`, { allowedToCreateApps: false, permissionGrantPoliciesAssigned: [] })).status, 200);
    const changed = (await graphGet(emulator, '/policies/authorizationPolicy', appOnly)).body;
    assert.equal(changed.defaultUserRolePermissions.allowedToCreateApps, false);
    assert.deepEqual(changed.defaultUserRolePermissions.permissionGrantPoliciesAssigned, []);
  });

  test('authentication methods policy: per-method configurations and the migration state', async () => {
    const policy = (await graphGet(emulator, '/policies/authenticationMethodsPolicy', appOnly)).body;
    assert.equal(policy.policyMigrationState, 'migrationInProgress');
    const fido = policy.authenticationMethodConfigurations.find((c: any) => c.id === 'Fido2');
    assert.deepEqual([fido['@odata.type'], fido.state], ['#microsoft.graph.fido2AuthenticationMethodConfiguration', 'enabled']);
    assert.equal(policy.authenticationMethodConfigurations.find((c: any) => c.id === 'Sms').state, 'enabled');
    await control('PATCH', `/tenants/${tid}/authenticationMethodsPolicy`, { configurations: { Sms: 'disabled' }, policyMigrationState: 'migrationComplete' });
    const after = (await graphGet(emulator, '/policies/authenticationMethodsPolicy', appOnly)).body;
    assert.equal(after.authenticationMethodConfigurations.find((c: any) => c.id === 'Sms').state, 'disabled');
    assert.equal(after.policyMigrationState, 'migrationComplete');
    assert.equal((await control('PATCH', `/tenants/${tid}/authenticationMethodsPolicy`, { configurations: { Carrier: 'enabled' } })).status, 400);
  });

  test('permission grant policies need Policy.Read.PermissionGrant (the demo app lacks it)', async () => {
    assertGraphError(await graphGet(emulator, '/policies/permissionGrantPolicies', appOnly), 403, 'Authorization_RequestDenied');
    const { token } = await appWithRoles(emulator, tid, ['Policy.Read.PermissionGrant']);
    const ids = (await graphGet(emulator, '/policies/permissionGrantPolicies', token)).body.value.map((p: any) => p.id);
    assert.ok(ids.includes('microsoft-user-default-legacy') && ids.includes('microsoft-user-default-low'));
  });

  test('default app management policy, group settings and Secure Score control profiles', async () => {
    const app = (await graphGet(emulator, '/policies/defaultAppManagementPolicy', appOnly)).body;
    assert.equal(app.isEnabled, false);
    assert.deepEqual(app.applicationRestrictions.passwordCredentials, []);
    const settings = (await graphGet(emulator, '/groupSettings', appOnly)).body.value;
    assert.equal(settings[0].displayName, 'Group.Unified');
    assert.deepEqual(settings[0].values.find((v: any) => v.name === 'AllowGuestsToAccessGroups'), { name: 'AllowGuestsToAccessGroups', value: 'true' });
    assert.deepEqual((await graphGet(emulator, '/groupSettings', fabrikamApp)).body.value, []);
    const profiles = (await graphGet(emulator, '/security/secureScoreControlProfiles', appOnly)).body.value;
    const scores = (await graphGet(emulator, '/security/secureScores?$top=1', appOnly)).body.value[0];
    assert.deepEqual(profiles.map((p: any) => p.id).sort(), scores.controlScores.map((c: any) => c.controlName).sort());
  });

  test('delegated: an admin with Policy.Read.All reads security defaults; Dana with User.Read gets 403', async () => {
    const admin = await userToken(emulator, contoso('admin'), 'Policy.Read.All');
    assert.equal((await graphGet(emulator, '/policies/identitySecurityDefaultsEnforcementPolicy', admin)).status, 200);
    const dana = await userToken(emulator, contoso('dana'), 'User.Read');
    assertGraphError(await graphGet(emulator, '/policies/identitySecurityDefaultsEnforcementPolicy', dana), 403, 'Authorization_RequestDenied');
  });
});

describe('logs and signInActivity (directoryaudit-list, signin-list, resources/signinactivity): Entra ID P1', () => {
  test('Contoso: sign-ins and audits newest first; Fabrikam: 403 Authentication_RequestFromNonPremiumTenantOrB2CTenant', async () => {
    const signIns = await graphGet(emulator, '/auditLogs/signIns', appOnly);
    assert.equal(signIns.body['@odata.context'], contextOf('auditLogs/signIns'));
    const times = signIns.body.value.map((s: any) => s.createdDateTime);
    assert.deepEqual(times, [...times].sort().reverse());
    assert.ok(signIns.body.value.some((s: any) => s.status.errorCode === 53003 && s.conditionalAccessStatus === 'failure'));
    assert.ok((await graphGet(emulator, '/auditLogs/directoryAudits', appOnly)).body.value.some((a: any) => a.activityDisplayName === 'Add member to role'));
    for (const path of ['/auditLogs/signIns', '/auditLogs/directoryAudits']) {
      assertGraphError(await graphGet(emulator, path, fabrikamApp), 403, 'Authentication_RequestFromNonPremiumTenantOrB2CTenant', "Neither tenant is B2C or tenant doesn't have premium license");
    }
  });

  test('audit logs need AuditLog.Read.All and Directory.Read.All', async () => {
    const { token } = await appWithRoles(emulator, tid, ['AuditLog.Read.All']);
    assertGraphError(await graphGet(emulator, '/auditLogs/directoryAudits', token), 403, 'Authorization_RequestDenied');
  });

  test('signInActivity only on $select, only with AuditLog.Read.All, only in a P1 tenant', async () => {
    const plain = await graphGet(emulator, `/users/${contoso('admin')}`, appOnly);
    assert.equal(plain.body.signInActivity, undefined);
    const selected = await graphGet(emulator, `/users/${contoso('admin')}?$select=id,signInActivity`, appOnly);
    assert.equal(selected.status, 200);
    assert.match(selected.body.signInActivity.lastSignInDateTime, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const { token } = await appWithRoles(emulator, tid, ['User.Read.All']);
    assertGraphError(await graphGet(emulator, '/users?$select=id,signInActivity', token), 403, 'Authorization_RequestDenied');
    assertGraphError(await graphGet(emulator, '/users?$select=id,signInActivity', fabrikamApp), 403, 'Authentication_RequestFromNonPremiumTenantOrB2CTenant');
    assert.equal((await graphGet(emulator, '/users?$select=id,displayName', fabrikamApp)).status, 200);
  });
});

describe('group membership (group-list-members, group-list-transitivemembers)', () => {
  test('Engineering holds IT Admins: members lists the group, transitiveMembers its members too', async () => {
    const engineering = emulator.seed!.groups.find((g) => g.displayName === 'Engineering')!.id;
    const direct = (await graphGet(emulator, `/groups/${engineering}/members`, appOnly)).body.value;
    assert.deepEqual(direct.map((m: any) => m['@odata.type']).sort(), ['#microsoft.graph.group', '#microsoft.graph.user', '#microsoft.graph.user']);
    assert.equal(direct.find((m: any) => m['@odata.type'] === '#microsoft.graph.group').displayName, 'IT Admins');
    const transitive = (await graphGet(emulator, `/groups/${engineering}/transitiveMembers`, appOnly)).body.value;
    assert.ok(transitive.some((m: any) => m.userPrincipalName === contoso('admin')));
    assert.equal(transitive.length, 4);
    assert.equal(new Set(transitive.map((m: any) => m.id)).size, 4);
  });

  test('transitiveMembers in pages of $top gives the same members once each, as a client following nextLink sees them', async () => {
    const engineering = emulator.seed!.groups.find((g) => g.displayName === 'Engineering')!.id;
    const whole = (await graphGet(emulator, `/groups/${engineering}/transitiveMembers?$select=id`, appOnly)).body.value.map((m: any) => m.id);
    let page = await graphGet(emulator, `/groups/${engineering}/transitiveMembers?$select=id&$top=1`, appOnly);
    const paged = [...page.body.value];
    while (page.body['@odata.nextLink']) {
      page = await graphGetUrl(emulator, page.body['@odata.nextLink'], appOnly);
      paged.push(...page.body.value);
    }
    assert.deepEqual(paged.map((m: any) => m.id), whole);
    assert.equal(whole.length, 4);
  });
});

describe('delta queries (user-delta, group-delta, delta-query-users)', () => {
  async function fullRound(path: string, token: string): Promise<{ items: any[]; deltaLink: string }> {
    let page = await graphGet(emulator, path, token);
    const items = [...page.body.value];
    while (page.body['@odata.nextLink']) {
      assert.equal(page.body['@odata.deltaLink'], undefined);
      page = await graphGetUrl(emulator, page.body['@odata.nextLink'], token);
      items.push(...page.body.value);
    }
    return { items, deltaLink: page.body['@odata.deltaLink'] };
  }

  test('a full round in pages ends in a deltaLink; the next round has only what changed; $select carries over', async () => {
    const first = await fullRound('/users/delta?$select=displayName,userType', appOnly);
    assert.equal(first.items.length, emulator.seed!.users.filter((u) => u.tenantId === tid).length);
    assert.match(first.deltaLink, /\/v1\.0\/users\/delta\?\$select=displayName,userType&\$deltatoken=/);
    const quiet = await graphGetUrl(emulator, first.deltaLink, appOnly);
    assert.deepEqual(quiet.body.value, []);
    const latest = await graphGet(emulator, '/users/delta?$deltatoken=latest', appOnly);
    assert.deepEqual([latest.body.value, typeof latest.body['@odata.deltaLink']], [[], 'string']);
    const added = await emulator.createUser(tid, { userPrincipalName: contoso('new.hire'), displayName: 'New Hire' });
    await control('PATCH', `/tenants/${tid}/users/${contoso('sam')}/security`, { userType: 'Guest' });
    const changes = await graphGetUrl(emulator, quiet.body['@odata.deltaLink'], appOnly);
    assert.deepEqual(changes.body.value.map((u: any) => [u.id, u.displayName, u.userType]).sort(), [
      [added.id, 'New Hire', 'Member'],
      [userId(contoso('sam')), 'Sam Patel', 'Guest'],
    ].sort());
    await control('PATCH', `/tenants/${tid}/users/${contoso('sam')}/security`, { userType: 'Member' });
  });

  test('groups delta; an aged token answers 410 and one older than 7 days 400, both syncStateNotFound', async () => {
    const round = await fullRound('/groups/delta', appOnly);
    assert.ok(round.items.some((g) => g.displayName === 'Engineering'));
    const expired = await control('POST', `/tenants/${tid}/deltaTokens/expire`);
    assert.ok(expired.body.invalidated >= 1);
    assertGraphError(await graphGetUrl(emulator, round.deltaLink, appOnly), 410, 'syncStateNotFound');
    const fresh = await fullRound('/groups/delta', appOnly);
    await control('POST', '/clock', { advanceSeconds: 8 * 86_400 });
    const token = await appToken(emulator, tid, emulator.seed!.application.appId, emulator.seed!.application.clientSecret);
    assertGraphError(await graphGetUrl(emulator, fresh.deltaLink, token), 400, 'syncStateNotFound', 'The sync state generation is not found. The delta token is expired and data must be synchronized again.');
    appOnly = token;
  });
});

describe('control API drift (security-config-routes.ts)', () => {
  test('a new conditional access policy and an edited one show in Graph and in the audit log', async () => {
    const created = await control('POST', `/tenants/${tid}/conditionalAccessPolicies`, { displayName: 'Block guests', state: 'enabled', includeUsers: ['GuestsOrExternalUsers'], builtInControls: ['block'] });
    assert.equal(created.status, 201);
    const legacy = (await graphGet(emulator, "/identity/conditionalAccess/policies?$filter=displayName eq 'Block legacy authentication'", appOnly)).body.value[0];
    assert.equal((await control('PATCH', `/tenants/${tid}/conditionalAccessPolicies/${legacy.id}`, { state: 'disabled', excludeUsers: [] })).status, 200);
    const policies = (await graphGet(emulator, '/identity/conditionalAccess/policies', appOnly)).body.value;
    assert.equal(policies.find((p: any) => p.id === created.body.id).conditions.users.includeUsers[0], 'GuestsOrExternalUsers');
    const edited = policies.find((p: any) => p.id === legacy.id);
    assert.deepEqual([edited.state, edited.conditions.users.excludeUsers], ['disabled', []]);
    const audits = (await graphGet(emulator, '/auditLogs/directoryAudits', appOnly)).body.value.map((a: any) => a.activityDisplayName);
    assert.ok(audits.includes('Add conditional access policy') && audits.includes('Update conditional access policy'));
    assert.equal((await control('POST', `/tenants/${tid}/conditionalAccessPolicies`, { displayName: 'x', state: 'on', builtInControls: ['mfa'] })).status, 400);
    assert.equal((await control('PATCH', `/tenants/${tid}/conditionalAccessPolicies/00000000-0000-0000-0000-000000000000`, { state: 'disabled' })).status, 404);
  });

  test('a new Global Administrator shows in directoryRoles, role assignments and the next token\'s admin rights', async () => {
    assert.equal((await control('POST', `/tenants/${tid}/roleAssignments`, { userId: contoso('lee') })).status, 201);
    const assignments = (await graphGet(emulator, '/roleManagement/directory/roleAssignments', appOnly)).body.value;
    assert.ok(assignments.some((a: any) => a.roleDefinitionId === globalAdministrator && a.principalId === userId(contoso('lee'))));
    const details = await all('/reports/authenticationMethods/userRegistrationDetails', appOnly);
    assert.equal(details.find((d) => d.userPrincipalName === contoso('lee')).isAdmin, true);
    assert.equal((await control('DELETE', `/tenants/${tid}/roleAssignments/${globalAdministrator}/${contoso('lee')}`)).status, 204);
    assert.equal((await control('POST', `/tenants/${tid}/roleAssignments`, { userId: contoso('lee'), roleDefinitionId: 'not-a-role' })).status, 400);
  });

  test("a user's methods, the Secure Score and PIM role settings move on request", async () => {
    await control('PATCH', `/tenants/${tid}/users/${contoso('lee')}/security`, { methods: ['passKeyDeviceBound'] });
    const lee = (await all('/reports/authenticationMethods/userRegistrationDetails', appOnly)).find((d) => d.userPrincipalName === contoso('lee'));
    assert.deepEqual([lee.isMfaRegistered, lee.isPasswordlessCapable, lee.methodsRegistered], [true, true, ['passKeyDeviceBound']]);
    assert.equal((await control('PATCH', `/tenants/${tid}/users/${contoso('lee')}/security`, { methods: ['carrierPigeon'] })).status, 400);

    const before = (await graphGet(emulator, '/security/secureScores?$top=2', appOnly)).body.value;
    await control('PUT', `/tenants/${tid}/secureScore`, { controlScores: { AdminMFAV2: 0 } });
    const after = (await graphGet(emulator, '/security/secureScores?$top=2', appOnly)).body.value;
    assert.equal(after[0].controlScores.find((c: any) => c.controlName === 'AdminMFAV2').score, 0);
    assert.equal(after[0].currentScore, before[0].currentScore - before[0].controlScores.find((c: any) => c.controlName === 'AdminMFAV2').score);
    assert.deepEqual(after[1], before[1]);
    assert.equal((await control('PUT', `/tenants/${tid}/secureScore`, { controlScores: { AdminMFAV2: 99 } })).status, 400);

    await control('PATCH', `/tenants/${tid}/roleSettings/${globalAdministrator}`, { requireApprovalOnActivation: true });
    const filter = encodeURIComponent("scopeId eq '/' and scopeType eq 'DirectoryRole'");
    const policyId = (await graphGet(emulator, `/policies/roleManagementPolicyAssignments?$filter=${filter}`, appOnly)).body.value.find((a: any) => a.roleDefinitionId === globalAdministrator).policyId;
    const rules = (await graphGet(emulator, `/policies/roleManagementPolicies/${policyId}/rules`, appOnly)).body.value;
    assert.equal(rules.find((r: any) => r.id === 'Approval_EndUser_Assignment').setting.isApprovalRequired, true);
  });

  test('the configuration exports and imports as JSON; reset restores the seed', async () => {
    const snapshot = await control('GET', '/securityConfig');
    assert.equal(snapshot.body.format, 'm365hub-emulator-security-config');
    assert.equal((await control('POST', '/securityConfig', { format: 'other' })).status, 400);
    assert.equal((await control('POST', '/securityConfig', snapshot.body)).status, 204);
    await control('POST', '/reset');
    const token = await appToken(emulator, tid, emulator.seed!.application.appId, emulator.seed!.application.clientSecret);
    const states = (await graphGet(emulator, '/identity/conditionalAccess/policies', token)).body.value.map((p: any) => p.state).sort();
    assert.deepEqual(states, ['disabled', 'disabled', 'enabled', 'enabled', 'enabledForReportingButNotEnforced']);
  });
});
