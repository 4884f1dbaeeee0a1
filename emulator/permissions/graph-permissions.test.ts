// Facts below are cited from microsoftgraph/microsoft-graph-devx-content at the commits recorded in
// graph-permissions.json (`source.files`):
//   permissions-descriptions.json @ 01345536cc483b527066a747989f622a140bcb1c
//   permissions/new/permissions.json @ 00293479624e278156a23e5df88de36651f12fbc
//   permissions/new/ProvisioningInfo.json @ 008c3cced0638f09e777b6b3a3c3dd08c3a0efd0
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  GRAPH_RESOURCE_APP_ID,
  allPermissions,
  getPermission,
  getPermissionById,
  permissionSource,
  permissionsForRequest,
} from './graph-permissions.js';

const DESCRIPTIONS = 'permissions-descriptions.json @ 01345536';
const PERMISSIONS = 'permissions.json @ 00293479';
const PROVISIONING = 'ProvisioningInfo.json @ 008c3cc';

const WANTED = [
  'openid', 'profile', 'email', 'offline_access', 'User.Read', 'User.ReadBasic.All', 'User.Read.All',
  'Directory.Read.All', 'Group.Read.All', 'GroupMember.Read.All', 'Files.Read', 'Files.Read.All',
  'Files.ReadWrite', 'Files.ReadWrite.All', 'Sites.Read.All', 'Sites.ReadWrite.All', 'Sites.Selected',
  'Mail.Read', 'Mail.Send', 'Calendars.Read', 'Calendars.ReadWrite', 'Team.ReadBasic.All',
  'Channel.ReadBasic.All', 'ChannelMessage.Send', 'ChannelMessage.Read.All', 'Chat.ReadWrite',
  'ChatMessage.Send', 'Policy.Read.All', 'Reports.Read.All', 'AuditLog.Read.All', 'SecurityEvents.Read.All',
  'UserAuthenticationMethod.Read.All', 'RoleManagement.Read.Directory', 'SharePointTenantSettings.Read.All',
  'Organization.Read.All', 'Application.Read.All', 'Domain.Read.All', 'AccessReview.Read.All',
  'IdentityRiskyUser.Read.All',
];

describe('source', () => {
  it('records the repository, files and commits read', () => {
    assert.equal(permissionSource.repository, 'https://github.com/microsoftgraph/microsoft-graph-devx-content');
    assert.equal(permissionSource.files['permissions/new/permissions.json'], '00293479624e278156a23e5df88de36651f12fbc');
    assert.equal(
      permissionSource.files['permissions/permissions-descriptions.json'],
      '01345536cc483b527066a747989f622a140bcb1c',
    );
    assert.match(permissionSource.dateRead, /^\d{4}-\d{2}-\d{2}$/);
  });

  it('is the Microsoft Graph resource', () => {
    assert.equal(GRAPH_RESOURCE_APP_ID, '00000003-0000-0000-c000-000000000000');
  });
});

describe('permission facts', () => {
  it('has a delegated fact for every permission m365hub uses', () => {
    for (const name of WANTED) assert.ok(getPermission(name, 'delegated'), `${name} delegated`);
  });

  it(`User.Read delegated: id e1fe6dd8-…, no admin consent (${DESCRIPTIONS})`, () => {
    const p = getPermission('User.Read', 'delegated');
    assert.ok(p);
    assert.equal(p.id, 'e1fe6dd8-ba31-4d61-89e7-88639da4683d');
    assert.equal(p.adminConsentRequired, false);
    assert.equal(p.consentDisplayName, 'Sign in and read user profile');
    assert.equal(p.userConsentDisplayName, 'Sign you in and read your profile');
    assert.equal(getPermission('User.Read', 'application'), undefined);
  });

  it(`User.Read.All application id is df021288-… and requires admin consent (${DESCRIPTIONS}, ${PERMISSIONS})`, () => {
    const p = getPermission('User.Read.All', 'application');
    assert.ok(p);
    assert.equal(p.id, 'df021288-bdef-4463-88db-98f22de89214');
    assert.equal(p.adminConsentRequired, true);
    assert.equal(p.userConsentDisplayName, undefined);
  });

  it(`Directory.Read.All delegated requires admin consent (${PERMISSIONS})`, () => {
    const p = getPermission('Directory.Read.All', 'delegated');
    assert.equal(p?.id, '06da0dbc-49e2-44d2-8312-53f166ab848a');
    assert.equal(p?.adminConsentRequired, true);
    assert.equal(getPermission('Directory.Read.All', 'application')?.id, '7ab1d382-f21e-4acd-a863-ba3e13f7da61');
  });

  it(`OpenID Connect scopes are delegated only and user-consentable (${DESCRIPTIONS})`, () => {
    assert.equal(getPermission('openid', 'delegated')?.id, '37f7f235-527c-4136-accd-4a02d197296e');
    assert.equal(getPermission('offline_access', 'delegated')?.id, '7427e0e9-2fba-42fe-b0c0-848c9e6a8182');
    for (const name of ['openid', 'profile', 'email', 'offline_access']) {
      assert.equal(getPermission(name, 'delegated')?.adminConsentRequired, false, name);
      assert.equal(getPermission(name, 'application'), undefined, name);
    }
  });

  it(`Files and Sites: ids and consent (${DESCRIPTIONS}, ${PERMISSIONS}, ${PROVISIONING})`, () => {
    assert.equal(getPermission('Files.Read.All', 'application')?.id, '01d4889c-1287-42c6-ac1f-5d1e02578ef6');
    assert.equal(getPermission('Files.Read.All', 'delegated')?.adminConsentRequired, false);
    assert.equal(getPermission('Sites.Selected', 'application')?.id, '883ea226-0bf2-4a8f-9f9d-92c9162a727d');
    assert.equal(getPermission('Sites.Selected', 'delegated')?.id, 'f89c84ef-20d0-4b54-87e9-02e856d66d53');
    assert.equal(
      getPermission('SharePointTenantSettings.Read.All', 'application')?.id,
      '83d4163d-a2d8-4d3b-9695-4ae3ca98f888',
    );
    assert.equal(getPermission('Sites.Read.All', 'application')?.adminConsentRequired, true);
  });

  it(`Teams send permissions exist only as delegated (${PERMISSIONS})`, () => {
    for (const name of ['ChannelMessage.Send', 'Chat.ReadWrite', 'ChatMessage.Send']) {
      assert.equal(getPermission(name, 'delegated')?.adminConsentRequired, false, name);
      assert.equal(getPermission(name, 'application'), undefined, name);
    }
  });

  it('every application permission requires admin consent; every fact is complete', () => {
    for (const p of allPermissions('application')) assert.equal(p.adminConsentRequired, true, p.name);
    for (const p of allPermissions()) {
      assert.match(p.id, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, p.name);
      assert.ok(p.consentDisplayName, `${p.name} ${p.kind} title`);
      assert.equal(typeof p.consentDescription, 'string');
    }
  });

  it('matches names case-insensitively, as Entra ID does', () => {
    assert.equal(getPermission('user.read', 'delegated')?.name, 'User.Read');
    assert.equal(getPermission('FILES.READWRITE.ALL', 'application')?.name, 'Files.ReadWrite.All');
    assert.equal(getPermission('OpenID', 'delegated')?.name, 'openid');
  });

  it('returns undefined for unknown names and ids', () => {
    assert.equal(getPermission('User.Fly.All', 'delegated'), undefined);
    assert.equal(getPermission('', 'application'), undefined);
    assert.equal(getPermissionById('00000000-0000-0000-0000-000000000000'), undefined);
  });

  it('finds a permission by id (any case)', () => {
    const p = getPermissionById('DF021288-BDEF-4463-88DB-98F22DE89214');
    assert.equal(p?.name, 'User.Read.All');
    assert.equal(p?.kind, 'application');
    assert.equal(getPermissionById('e1fe6dd8-ba31-4d61-89e7-88639da4683d')?.name, 'User.Read');
  });

  it('allPermissions filters by kind and hands out copies', () => {
    const all = allPermissions();
    assert.equal(all.length, allPermissions('delegated').length + allPermissions('application').length);
    assert.ok(allPermissions('delegated').every((p) => p.kind === 'delegated'));
    all[0]!.name = 'mutated';
    assert.notEqual(allPermissions()[0]!.name, 'mutated');
  });
});

describe('permissionsForRequest', () => {
  it(`GET /me: User.Read is least privileged, no application permission (${PERMISSIONS})`, () => {
    const r = permissionsForRequest('GET', '/me');
    assert.ok(r);
    assert.equal(r.leastPrivileged.delegated, 'User.Read');
    assert.ok(r.delegated.includes('User.Read'));
    assert.deepEqual(r.application, []);
  });

  it(`GET /users: User.ReadBasic.All is least privileged for both kinds (${PERMISSIONS})`, () => {
    const r = permissionsForRequest('get', '/v1.0/users?$select=id,displayName&$top=5');
    assert.deepEqual(r?.leastPrivileged, { delegated: 'User.ReadBasic.All', application: 'User.ReadBasic.All' });
    assert.ok(r?.application.includes('User.Read.All'));
  });

  it(`matches placeholders against concrete drive and item ids (${PERMISSIONS})`, () => {
    const r = permissionsForRequest('GET', '/drives/b!abc-DEF_123/items/01XYZ/content');
    assert.deepEqual(r?.leastPrivileged, { delegated: 'Files.Read', application: 'Files.Read.All' });
    const viaUrl = permissionsForRequest('GET', 'https://graph.microsoft.com/v1.0/drives/b!abc/items/01XYZ/content?format=pdf');
    assert.deepEqual(viaUrl, r);
    assert.ok(permissionsForRequest('GET', '/drives/b!abc/items/01XYZ/children'));
    assert.ok(permissionsForRequest('GET', '/drives/b!abc/items/01XYZ'));
    assert.ok(permissionsForRequest('GET', '/drives/b!abc/root/delta?token=abc'));
  });

  it(`createUploadSession: Files.ReadWrite delegated, Sites.ReadWrite.All application (${PERMISSIONS})`, () => {
    const r = permissionsForRequest('POST', '/v1.0/drives/b!abc/items/01XYZ/createUploadSession');
    assert.deepEqual(r?.leastPrivileged, { delegated: 'Files.ReadWrite', application: 'Sites.ReadWrite.All' });
    assert.equal(permissionsForRequest('GET', '/drives/b!abc/items/01XYZ/createUploadSession'), undefined);
  });

  it('matches literal segments case-insensitively and prefers literals over placeholders', () => {
    assert.equal(permissionsForRequest('GET', '/ME/Drive/Root/Children')?.leastPrivileged.delegated, 'Files.Read');
    // /me/joinedTeams must not be taken for /users/{id} or anything else.
    assert.deepEqual(permissionsForRequest('GET', '/me/joinedTeams')?.leastPrivileged, {
      delegated: 'Team.ReadBasic.All',
      application: 'Team.ReadBasic.All',
    });
  });

  it(`sites, teams, mail, calendar (${PERMISSIONS})`, () => {
    assert.equal(permissionsForRequest('GET', '/sites?search=contoso')?.leastPrivileged.application, 'Sites.Read.All');
    assert.equal(
      permissionsForRequest('GET', '/sites/contoso.sharepoint.com,1234,5678')?.leastPrivileged.delegated,
      'Sites.Read.All',
    );
    assert.equal(permissionsForRequest('GET', '/sites/s1/permissions')?.leastPrivileged.application, 'Sites.FullControl.All');
    assert.equal(permissionsForRequest('GET', '/teams/t1/channels')?.leastPrivileged.delegated, 'Channel.ReadBasic.All');
    const post = permissionsForRequest('POST', '/teams/t1/channels/19:abc@thread.tacv2/messages');
    assert.equal(post?.leastPrivileged.delegated, 'ChannelMessage.Send');
    assert.deepEqual(post?.application, []);
    assert.deepEqual(permissionsForRequest('POST', '/me/sendMail')?.leastPrivileged, {
      delegated: 'Mail.Send',
      application: 'Mail.Send',
    });
    assert.equal(permissionsForRequest('GET', '/me/events')?.leastPrivileged.delegated, 'Calendars.ReadBasic');
    assert.equal(permissionsForRequest('POST', '/me/events')?.leastPrivileged.delegated, 'Calendars.ReadWrite');
  });

  it(`admin and security reads (${PERMISSIONS})`, () => {
    const least = (m: string, p: string) => permissionsForRequest(m, p)?.leastPrivileged.application;
    assert.equal(least('GET', '/identity/conditionalAccess/policies'), 'Policy.Read.All');
    assert.equal(least('GET', '/security/secureScores'), 'SecurityEvents.Read.All');
    assert.equal(least('GET', '/reports/authenticationMethods/userRegistrationDetails'), 'AuditLog.Read.All');
    assert.equal(least('GET', '/admin/sharepoint/settings'), 'SharePointTenantSettings.Read.All');
    assert.equal(least('GET', '/directoryRoles'), 'RoleManagement.Read.Directory');
    assert.equal(least('GET', '/policies/authorizationPolicy'), 'Policy.Read.All');
  });

  it(`paths without a least-privileged mark still list accepted permissions (${PERMISSIONS})`, () => {
    const r = permissionsForRequest('GET', '/groups/g1/members');
    assert.ok(r?.delegated.includes('GroupMember.Read.All'));
    assert.ok(r?.application.includes('GroupMember.Read.All'));
    assert.ok(permissionsForRequest('GET', '/subscribedSkus')?.application.includes('Organization.Read.All'));
    assert.ok(permissionsForRequest('GET', '/organization')?.delegated.includes('User.Read'));
  });

  it('serves every path the emulator needs', () => {
    const requests: Array<[string, string]> = [
      ['GET', '/me'], ['GET', '/users'], ['GET', '/users/u1'], ['GET', '/groups'], ['GET', '/groups/g1/members'],
      ['GET', '/organization'], ['GET', '/me/drive'], ['GET', '/me/drive/root/children'],
      ['GET', '/drives/d/items/i'], ['GET', '/drives/d/items/i/children'], ['GET', '/drives/d/items/i/content'],
      ['GET', '/drives/d/root/delta'], ['POST', '/drives/d/items/i/createUploadSession'], ['GET', '/sites/s'],
      ['GET', '/sites'], ['GET', '/sites/s/drives'], ['GET', '/me/joinedTeams'], ['GET', '/teams/t/channels'],
      ['POST', '/teams/t/channels/c/messages'], ['POST', '/me/sendMail'], ['GET', '/me/events'], ['POST', '/me/events'],
      ['GET', '/identity/conditionalAccess/policies'], ['GET', '/security/secureScores'],
      ['GET', '/reports/authenticationMethods/userRegistrationDetails'], ['GET', '/admin/sharepoint/settings'],
      ['GET', '/directoryRoles'], ['GET', '/subscribedSkus'], ['GET', '/policies/authorizationPolicy'],
      ['GET', '/sites/s/permissions'],
    ];
    for (const [m, p] of requests) {
      const r = permissionsForRequest(m, p);
      assert.ok(r, `${m} ${p}`);
      assert.ok(r.delegated.length > 0, `${m} ${p} delegated`);
      for (const name of [...r.delegated]) assert.ok(typeof name === 'string' && name.length > 0);
    }
  });

  it(`GET /applications(appid={value}): Application.Read.All least for both kinds (the fewest-methods rule over Application.ReadWrite.OwnedBy), Directory.Read.All accepted (${PERMISSIONS})`, () => {
    const r = permissionsForRequest('GET', "/applications(appid={value})");
    assert.deepEqual(r?.leastPrivileged, { delegated: 'Application.Read.All', application: 'Application.Read.All' });
    assert.ok(r?.application.includes('Directory.Read.All') && r.application.includes('Application.Read.All'));
    assert.ok(r?.delegated.includes('Directory.Read.All'));
  });

  it('paths added from the generated permission includes of microsoft-graph-docs-contrib (drive-get, teams-list, mailfolder-get)', () => {
    assert.deepEqual(permissionsForRequest('GET', '/users/u1/drive')?.leastPrivileged, { delegated: 'Files.Read', application: 'Files.Read.All' });
    assert.ok(!permissionsForRequest('GET', '/users/u1/drive')?.delegated.includes('User.Read'));
    assert.deepEqual(permissionsForRequest('GET', '/teams')?.leastPrivileged, { delegated: 'Team.ReadBasic.All', application: 'Team.ReadBasic.All' });
    assert.deepEqual(permissionsForRequest('GET', '/me/mailFolders/inbox')?.leastPrivileged, { delegated: 'Mail.ReadBasic', application: 'Mail.ReadBasic.All' });
    assert.ok(permissionsForRequest('GET', '/users/u1/mailFolders/inbox')?.application.includes('Mail.Read'));
  });

  it('returns undefined for requests not in the table', () => {
    assert.equal(permissionsForRequest('DELETE', '/me'), undefined);
    assert.equal(permissionsForRequest('GET', '/me/messages/unknown/thing'), undefined);
    assert.equal(permissionsForRequest('GET', '/'), undefined);
    assert.equal(permissionsForRequest('GET', '/users/u1/extra/segments/here'), undefined);
  });

  it('hands out copies', () => {
    const r = permissionsForRequest('GET', '/me');
    r!.delegated.push('Mutated');
    assert.ok(!permissionsForRequest('GET', '/me')!.delegated.includes('Mutated'));
  });
});
