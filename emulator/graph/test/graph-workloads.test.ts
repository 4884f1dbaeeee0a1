// OneDrive, SharePoint, Teams, Outlook and the security configuration endpoints, each with the token kind(s) the
// product uses, through the real token endpoint. Each test names the Microsoft Graph page it follows
// (https://learn.microsoft.com/graph/api/<page>).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startEmulator, type EmulatorHandle } from '../../harness.js';
import { appToken, appWithRoles, assertGraphError, graphGet, graphGetUrl, userToken } from './graph-test-client.js';

let emulator: EmulatorHandle;
let tid: string;
let appOnly: string;
let dana: string;
/** An app no admin consented to: a user's token for it carries only the scopes that user consented to. */
let narrowApp: { appId: string; secret: string };
const danaUpn = 'dana@contoso.onmicrosoft.com';

before(async () => {
  emulator = await startEmulator({ autoSignIn: true, autoConsent: true });
  tid = emulator.tenantId!;
  const demo = emulator.seed!.application;
  appOnly = await appToken(emulator, tid, demo.appId, demo.clientSecret);
  dana = await userToken(emulator, danaUpn, 'User.Read Files.Read Sites.Read.All Team.ReadBasic.All Channel.ReadBasic.All Mail.Read Calendars.Read');
  const app = await emulator.createApplication(tid, { displayName: 'narrow', redirectUris: ['http://localhost:3000/auth/m365/callback'] });
  narrowApp = { appId: app.appId, secret: (await emulator.addSecret(tid, app.appId)).secretText };
});
after(async () => {
  await emulator?.close();
});

const contextOf = (fragment: string) => `${emulator.url}/v1.0/$metadata#${fragment}`;
const userId = (upn: string) => emulator.seed!.users.find((u) => u.userPrincipalName === upn)!.id;

describe('OneDrive (drive-get, driveitem-list-children)', () => {
  test('GET /me/drive: the user\'s OneDrive, driveType business, owner = the user, quota', async () => {
    const result = await graphGet(emulator, '/me/drive', dana);
    assert.equal(result.status, 200);
    assert.equal(result.body['@odata.context'], contextOf('drives/$entity'));
    assert.match(result.body.id, /^b!/);
    assert.equal(result.body.driveType, 'business');
    assert.equal(result.body.owner.user.id, userId(danaUpn));
    assert.equal(result.body.quota.state, 'normal');
    assert.equal(result.body.quota.used + result.body.quota.remaining, result.body.quota.total);
  });

  test('GET /users/{id}/drive with an application token is the same drive; /me/drive with it is 400', async () => {
    const mine = await graphGet(emulator, '/me/drive', dana);
    const byApp = await graphGet(emulator, `/users/${danaUpn}/drive`, appOnly);
    assert.equal(byApp.body.id, mine.body.id);
    assertGraphError(await graphGet(emulator, '/me/drive', appOnly), 400, 'BadRequest', '/me request is only valid with delegated authentication flow.');
  });

  test('GET /drives/{id}/root/children: items with file or folder facets and parentReference to the drive', async () => {
    const drive = await graphGet(emulator, '/me/drive', dana);
    const result = await graphGet(emulator, `/drives/${drive.body.id}/root/children`, dana);
    assert.equal(result.status, 200);
    assert.equal(result.body['@odata.context'], contextOf(`drives('${drive.body.id}')/root/children`));
    const names = result.body.value.map((i: { name: string }) => i.name);
    assert.ok(names.includes('Quarterly report.docx') && names.includes('Projects'));
    for (const item of result.body.value) {
      assert.match(item.id, /^01[A-Z2-7]{32}$/);
      assert.equal(item.parentReference.driveId, drive.body.id);
      assert.ok(('file' in item) !== ('folder' in item), item.name);
    }
    const again = await graphGet(emulator, `/drives/${drive.body.id}/root/children`, dana);
    assert.deepEqual(again.body.value.map((i: { id: string }) => i.id), result.body.value.map((i: { id: string }) => i.id));
  });

  test('an unknown drive id → 404 itemNotFound', async () => {
    assertGraphError(await graphGet(emulator, '/drives/b!nope/root/children', appOnly), 404, 'itemNotFound');
  });

  test('delegated User.Read alone: /me/drive is readable (the source lists User.Read for it), its items are 403', async () => {
    const lee = await userToken(emulator, 'lee@contoso.onmicrosoft.com', 'User.Read', narrowApp);
    const drive = await graphGet(emulator, '/me/drive', lee);
    assert.equal(drive.status, 200);
    assertGraphError(await graphGet(emulator, `/drives/${drive.body.id}/root/children`, lee), 403, 'Authorization_RequestDenied');
  });
});

describe('SharePoint sites (site-get, site-search)', () => {
  test('GET /sites/root: the tenant root site on {tenant}.sharepoint.com with a root facet', async () => {
    const result = await graphGet(emulator, '/sites/root', appOnly);
    assert.equal(result.status, 200);
    assert.equal(result.body['@odata.context'], contextOf('sites/$entity'));
    assert.match(result.body.id, /^contoso\.sharepoint\.com,[0-9a-f-]{36},[0-9a-f-]{36}$/);
    assert.equal(result.body.webUrl, 'https://contoso.sharepoint.com');
    assert.deepEqual(result.body.root, {});
  });

  test('GET /sites?search= finds team sites by name; GET /sites/{id} returns the same site; unknown id → 404', async () => {
    const found = await graphGet(emulator, '/sites?search=engineering', dana);
    assert.equal(found.status, 200);
    assert.deepEqual(found.body.value.map((s: { displayName: string }) => s.displayName), ['Engineering']);
    const site = found.body.value[0];
    assert.equal(site.webUrl, 'https://contoso.sharepoint.com/sites/engineering');
    const byId = await graphGet(emulator, `/sites/${site.id}`, dana);
    assert.equal(byId.body.id, site.id);
    assert.equal(byId.body.displayName, 'Engineering');
    assertGraphError(await graphGet(emulator, '/sites/contoso.sharepoint.com,00000000-0000-0000-0000-000000000000,00000000-0000-0000-0000-000000000000', dana), 404, 'itemNotFound');
  });

  test('a site by hostname (the root) and by hostname:/server-relative path', async () => {
    const root = await graphGet(emulator, '/sites/contoso.sharepoint.com', appOnly);
    assert.equal(root.body.webUrl, 'https://contoso.sharepoint.com');
    const finance = await graphGet(emulator, '/sites/contoso.sharepoint.com:/sites/finance', appOnly);
    assert.equal(finance.status, 200);
    assert.equal(finance.body.displayName, 'Finance');
    assertGraphError(await graphGet(emulator, '/sites/contoso.sharepoint.com:/sites/nowhere', appOnly), 404, 'itemNotFound');
  });

  test('Sites.Read.All is required: an app with Files.Read.All only may not read sites', async () => {
    const { token } = await appWithRoles(emulator, tid, ['Files.Read.All']);
    assertGraphError(await graphGet(emulator, '/sites/root', token), 403, 'Authorization_RequestDenied');
  });
});

describe('Teams (teams-list, user-list-joinedteams, channel-list)', () => {
  test('GET /teams needs Team.ReadBasic.All (the demo app has none of the accepted roles); with it, $top pages', async () => {
    assertGraphError(await graphGet(emulator, '/teams', appOnly), 403, 'Authorization_RequestDenied');
    const { token } = await appWithRoles(emulator, tid, ['Team.ReadBasic.All']);
    const first = await graphGet(emulator, '/teams?$top=2', token);
    assert.equal(first.status, 200);
    assert.equal(first.body['@odata.context'], contextOf('teams'));
    assert.equal(first.body.value.length, 2);
    const rest = await graphGetUrl(emulator, first.body['@odata.nextLink'], token);
    const all = [...first.body.value, ...rest.body.value].map((t: { displayName: string }) => t.displayName).sort();
    assert.deepEqual(all, ['All Staff', 'Engineering', 'Finance', 'IT Admins']);
    assert.equal(first.body.value[0].tenantId, tid);
  });

  test('GET /me/joinedTeams lists the teams the user is a member of', async () => {
    const result = await graphGet(emulator, '/me/joinedTeams', dana);
    assert.deepEqual(result.body.value.map((t: { displayName: string }) => t.displayName).sort(), ['All Staff', 'Engineering']);
  });

  test('GET /teams/{id}/channels: General first, standard channels with 19:…@thread.tacv2 ids', async () => {
    const team = emulator.seed!.groups.find((g) => g.displayName === 'Engineering')!;
    const result = await graphGet(emulator, `/teams/${team.id}/channels`, dana);
    assert.equal(result.status, 200);
    assert.equal(result.body['@odata.context'], contextOf(`teams('${team.id}')/channels`));
    assert.equal(result.body.value[0].displayName, 'General');
    for (const channel of result.body.value) {
      assert.match(channel.id, /^19:[0-9a-f]{32}@thread\.tacv2$/);
      assert.equal(channel.membershipType, 'standard');
    }
    assert.equal((await graphGet(emulator, `/teams/${team.id}/channels`, appOnly)).status, 200, 'Directory.Read.All (demo app) is accepted');
    assertGraphError(await graphGet(emulator, '/teams/00000000-0000-0000-0000-000000000000/channels', appOnly), 404, 'Request_ResourceNotFound');
  });
});

describe('Outlook (mailfolder-get, user-list-events)', () => {
  test('GET /me/mailFolders/inbox: the Inbox with counts; the well-known name is case-insensitive', async () => {
    const result = await graphGet(emulator, '/me/mailFolders/Inbox', dana);
    assert.equal(result.status, 200);
    assert.equal(result.body['@odata.context'], contextOf(`users('${userId(danaUpn)}')/mailFolders/$entity`));
    assert.equal(result.body.displayName, 'Inbox');
    assert.ok(result.body.totalItemCount >= result.body.unreadItemCount);
    assert.match(result.body.id, /^AAMk/);
    assert.equal((await graphGet(emulator, `/me/mailFolders/${result.body.id}`, dana)).body.displayName, 'Inbox');
  });

  test('GET /users/{id}/mailFolders/inbox: an application token needs Mail.ReadBasic.All or Mail.Read; a delegated token only its own mailbox', async () => {
    const path = `/users/${userId('sam@contoso.onmicrosoft.com')}/mailFolders/inbox`;
    assertGraphError(await graphGet(emulator, path, appOnly), 403, 'Authorization_RequestDenied');
    const { token } = await appWithRoles(emulator, tid, ['Mail.Read']);
    assert.equal((await graphGet(emulator, path, token)).body.displayName, 'Inbox');
    assertGraphError(await graphGet(emulator, path, dana), 403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
    assert.equal((await graphGet(emulator, `/users/${danaUpn}/mailFolders/inbox`, dana)).status, 200);
  });

  test('an unknown folder → 404 ErrorItemNotFound', async () => {
    assertGraphError(await graphGet(emulator, '/me/mailFolders/nonesuch', dana), 404, 'ErrorItemNotFound');
  });

  test('GET /me/calendar and /users/{id}/calendar (calendar-get): the default calendar; app-only needs a Calendars role', async () => {
    const mine = await graphGet(emulator, '/me/calendar', dana);
    assert.equal(mine.status, 200);
    assert.equal(mine.body['@odata.context'], contextOf(`users('${userId(danaUpn)}')/calendar/$entity`));
    assert.equal(mine.body.isDefaultCalendar, true);
    assert.equal(mine.body.owner.address, 'dana.reyes@example.com');
    const path = `/users/${userId(danaUpn)}/calendar`;
    assertGraphError(await graphGet(emulator, path, appOnly), 403, 'Authorization_RequestDenied');
    const { token } = await appWithRoles(emulator, tid, ['Calendars.Read']);
    assert.equal((await graphGet(emulator, path, token)).body.id, mine.body.id);
  });

  test('GET /me/events: 10 per page by default, nextLink to the rest, start/end as dateTimeTimeZone', async () => {
    const first = await graphGet(emulator, '/me/events', dana);
    assert.equal(first.status, 200);
    assert.equal(first.body.value.length, 10);
    const rest = await graphGetUrl(emulator, first.body['@odata.nextLink'], dana);
    assert.equal(rest.body.value.length, 4);
    const event = first.body.value[0];
    assert.equal(event.start.timeZone, 'UTC');
    assert.match(event.start.dateTime, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.0000000$/);
    assert.equal(event.organizer.emailAddress.address, 'dana.reyes@example.com');
  });

  test('GET /me/events without a Calendars scope → 403', async () => {
    const lee = await userToken(emulator, 'lee@contoso.onmicrosoft.com', 'User.Read', narrowApp);
    assertGraphError(await graphGet(emulator, '/me/events', lee), 403, 'Authorization_RequestDenied');
  });
});

describe('security configuration (conditionalaccessroot-list-policies, security-list-securescores, sharepointsettings-get, authenticationmethodsroot-list-userregistrationdetails)', () => {
  test('conditional access policies with state, conditions and grantControls (Policy.Read.All)', async () => {
    const result = await graphGet(emulator, '/identity/conditionalAccess/policies', appOnly);
    assert.equal(result.status, 200);
    assert.equal(result.body['@odata.context'], contextOf('identity/conditionalAccess/policies'));
    const states = result.body.value.map((p: { state: string }) => p.state).sort();
    // The security seed's mix: on, off and report-only (state/security-seed.ts).
    assert.deepEqual(states, ['disabled', 'disabled', 'enabled', 'enabled', 'enabledForReportingButNotEnforced']);
    for (const policy of result.body.value) {
      assert.ok(Array.isArray(policy.conditions.applications.includeApplications));
      assert.ok(['OR', 'AND'].includes(policy.grantControls.operator));
    }
  });

  test('secure scores newest first; $top=1 gives today\'s, with controlScores summing to currentScore', async () => {
    const result = await graphGet(emulator, '/security/secureScores?$top=1', appOnly);
    assert.equal(result.status, 200);
    assert.equal(result.body.value.length, 1);
    const score = result.body.value[0];
    assert.equal(score.azureTenantId, tid);
    assert.ok(score.currentScore <= score.maxScore);
    assert.equal(score.controlScores.reduce((s: number, c: { score: number }) => s + c.score, 0), score.currentScore);
    assert.ok(result.body['@odata.nextLink']);
  });

  test('SharePoint tenant settings need SharePointTenantSettings.Read.All: 403 for an app with other roles, 200 with the role', async () => {
    const without = await appWithRoles(emulator, tid, ['Directory.Read.All', 'Policy.Read.All']);
    assertGraphError(await graphGet(emulator, '/admin/sharepoint/settings', without.token), 403, 'Authorization_RequestDenied');
    const { token } = await appWithRoles(emulator, tid, ['SharePointTenantSettings.Read.All']);
    const result = await graphGet(emulator, '/admin/sharepoint/settings', token);
    assert.equal(result.status, 200);
    assert.equal(result.body['@odata.context'], contextOf('admin/sharepoint/settings/$entity'));
    assert.equal(result.body.sharingCapability, 'externalUserAndGuestSharing');
    assert.equal(typeof result.body.isLegacyAuthProtocolsEnabled, 'boolean');
  });

  test('user registration details: one per user, admins MFA-registered, $filter on isMfaRegistered', async () => {
    const all = await graphGet(emulator, '/reports/authenticationMethods/userRegistrationDetails', appOnly);
    assert.equal(all.status, 200);
    const contoso = emulator.seed!.users.filter((u) => u.tenantId === tid);
    assert.equal(all.body.value.length, contoso.length);
    const admin = all.body.value.find((r: { userPrincipalName: string }) => r.userPrincipalName === 'admin@contoso.onmicrosoft.com');
    assert.equal(admin.isAdmin, true);
    assert.equal(admin.isMfaRegistered, true);
    const without = await graphGet(emulator, '/reports/authenticationMethods/userRegistrationDetails?$filter=isMfaRegistered eq false', appOnly);
    assert.ok(without.body.value.every((r: { isMfaRegistered: boolean }) => r.isMfaRegistered === false));
    assert.equal(without.body.value.length, all.body.value.filter((r: { isMfaRegistered: boolean }) => !r.isMfaRegistered).length);
  });

  test('an app with only User.Read.All may read none of them', async () => {
    const { token } = await appWithRoles(emulator, tid, ['User.Read.All']);
    for (const path of ['/identity/conditionalAccess/policies', '/security/secureScores', '/reports/authenticationMethods/userRegistrationDetails']) {
      assertGraphError(await graphGet(emulator, path, token), 403, 'Authorization_RequestDenied');
    }
  });
});
