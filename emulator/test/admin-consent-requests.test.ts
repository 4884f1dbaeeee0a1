// The admin consent workflow end to end: the user's "Request approval" with a justification on the emulator's pages,
// the requests read through Microsoft Graph, an admin's decision (Graph approval stage or control API), and the
// user's next sign-in. Each test names the Microsoft page it follows:
//  - admin-consent-workflow-overview / configure-admin-consent-workflow (learn.microsoft.com/entra/identity/enterprise-apps/)
//  - graph/api/appconsentapprovalroute-list-appconsentrequests, appconsentrequest-get,
//    appconsentrequest-list-userconsentrequests, userconsentrequest-get, approvalstage-update,
//    adminconsentrequestpolicy-get; resources/appconsentrequest, userconsentrequest, approvalstage, consentrequests-overview
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startEmulator, type EmulatorHandle } from '../harness.js';
import { appToken, appWithRoles, assertGraphError, graphGet, userToken } from '../graph/test/graph-test-client.js';

let emulator: EmulatorHandle;
let tid: string;
const redirectUri = 'http://localhost:3000/auth/m365/callback';
const base = '/identityGovernance/appConsent/appConsentRequests';

before(async () => {
  emulator = await startEmulator({ autoSignIn: true, autoConsent: true });
  tid = emulator.tenantId!;
});
after(async () => {
  await emulator?.close();
});

const authorizeUrl = (appId: string, scope: string, user: string, tenant = tid) =>
  `${emulator.url}/${tenant}/oauth2/v2.0/authorize?${new URLSearchParams({ client_id: appId, response_type: 'code', redirect_uri: redirectUri, scope, state: 's', login_hint: user })}`;

/** Follows /authorize to the first page the user sees (autoSignIn signs the hinted user in). */
async function firstPage(url: string): Promise<{ html: string; ctx: string; cookie: string }> {
  const response = await emulator.fetch(url, { redirect: 'manual' });
  const cookie = (response.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
  const html = await response.text();
  return { html, ctx: /name="ctx" value="([^"]+)"/.exec(html)?.[1] ?? '', cookie };
}

async function post(tenant: string, form: Record<string, string>, cookie = ''): Promise<Response> {
  return emulator.fetch(`${emulator.url}/${tenant}/consent`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    body: new URLSearchParams(form).toString(),
  });
}

async function appNeedingApproval(name: string) {
  const app = await emulator.createApplication(tid, { displayName: name, redirectUris: [redirectUri], requiredPermissions: { delegated: ['User.Read', 'Directory.Read.All'] } });
  const secret = await emulator.addSecret(tid, app.appId);
  return { ...app, secret: secret.secretText };
}

const userId = (upn: string) => emulator.seed!.users.find((u) => u.userPrincipalName === upn)!.id;

describe('"Approval required" page (admin-consent-workflow-overview: workflow on)', () => {
  test('the seed turns the workflow on for Contoso and leaves Fabrikam at Microsoft\'s default (off); the demo app can list Contoso\'s requests', async () => {
    assert.equal(emulator.seed!.tenant.adminConsentWorkflow, true);
    assert.equal(emulator.seed!.otherTenant.adminConsentWorkflow, false);
    const demo = emulator.seed!.application;
    assert.ok(demo.applicationPermissions.includes('ConsentRequest.Read.All'));
    const token = await appToken(emulator, tid, demo.appId, demo.clientSecret);
    assert.equal((await graphGet(emulator, base, token)).status, 200);
  });

  test('a non-admin sees the permissions, a justification box and "Request approval"; submitting records the request and shows "Request sent"', async () => {
    const app = await appNeedingApproval('Approval page');
    const page = await firstPage(authorizeUrl(app.appId, 'openid Directory.Read.All', 'jordan@contoso.onmicrosoft.com'));
    assert.match(page.html, /<title>Approval required<\/title>/);
    assert.match(page.html, /Read directory data/);
    assert.match(page.html, /<textarea id="justification" name="justification"[^>]*required/);
    assert.match(page.html, /id="requestApproval">Request approval</);

    const empty = await post(tid, { ctx: page.ctx, action: 'request', justification: '   ' }, page.cookie);
    assert.match(await empty.text(), /Enter a justification/);
    assert.deepEqual(await emulator.consentRequests(tid).then((all) => all.filter((r) => r.appId === app.appId)), [], 'nothing recorded without a justification');

    const sent = await post(tid, { ctx: page.ctx, action: 'request', justification: 'I review the org chart for audits' }, page.cookie);
    const sentHtml = await sent.text();
    assert.match(sentHtml, /<h1>Request sent<\/h1>/);
    const [record] = (await emulator.consentRequests(tid)).filter((r) => r.appId === app.appId);
    assert.equal(record!.appDisplayName, 'Approval page');
    assert.equal(record!.consentType, 'Dynamic');
    assert.deepEqual(record!.pendingScopes.sort(), ['Directory.Read.All', 'openid']);
    assert.equal(record!.userConsentRequests.length, 1);
    const user = record!.userConsentRequests[0]!;
    assert.equal(user.userPrincipalName, 'jordan@contoso.onmicrosoft.com');
    assert.equal(user.reason, 'I review the org chart for audits');
    assert.equal(user.status, 'InProgress');
    assert.ok(!Number.isNaN(Date.parse(user.createdDateTime)));

    // "Return to the application": the app learns that admin approval is needed (AADSTS90094).
    const back = await post(tid, { ctx: page.ctx, action: 'return' }, page.cookie);
    const location = new URL(back.headers.get('location')!);
    assert.equal(location.searchParams.get('error'), 'access_denied');
    assert.match(location.searchParams.get('error_description')!, /^AADSTS90094/);
  });

  test('asking again while the request is in progress shows "Request pending" and records nothing new', async () => {
    const app = await appNeedingApproval('Asked twice');
    const result = await emulator.signIn(authorizeUrl(app.appId, 'openid Directory.Read.All', 'lee@contoso.onmicrosoft.com'), { requestApproval: 'first ask' });
    assert.equal(result.params.error, 'access_denied');
    const again = await firstPage(authorizeUrl(app.appId, 'openid Directory.Read.All', 'lee@contoso.onmicrosoft.com'));
    assert.match(again.html, /<h1>Request pending<\/h1>/);
    assert.doesNotMatch(again.html, /id="requestApproval"/);
    const [record] = (await emulator.consentRequests(tid)).filter((r) => r.appId === app.appId);
    assert.equal(record!.userConsentRequests.length, 1);
  });

  test('several users asking for one app share one appConsentRequest, one userConsentRequest each; a decision answers all of them (review-admin-consent-requests)', async () => {
    const app = await appNeedingApproval('Popular app');
    await emulator.signIn(authorizeUrl(app.appId, 'openid Directory.Read.All', 'sam@contoso.onmicrosoft.com'), { requestApproval: 'finance reports' });
    await emulator.signIn(authorizeUrl(app.appId, 'openid Directory.Read.All', 'dana@contoso.onmicrosoft.com'), { requestApproval: 'team planning' });
    const records = (await emulator.consentRequests(tid)).filter((r) => r.appId === app.appId);
    assert.equal(records.length, 1);
    assert.deepEqual(records[0]!.userConsentRequests.map((u) => u.reason).sort(), ['finance reports', 'team planning']);
    // review-admin-consent-requests: a denial's justification "is provided to all requestors".
    await emulator.decideConsentRequest(tid, records[0]!.id, { result: 'Deny', justification: 'We use another tool' });
    const decided = (await emulator.consentRequests(tid)).find((r) => r.appId === app.appId)!;
    assert.deepEqual(decided.userConsentRequests.map((u) => [u.status, u.review?.result, u.review?.justification]), [
      ['Completed', 'Deny', 'We use another tool'],
      ['Completed', 'Deny', 'We use another tool'],
    ]);
  });

  test('workflow off: "Need admin approval" without a form, and a forged "request" post records nothing', async (t) => {
    await emulator.setAdminConsentWorkflow(tid, false);
    t.after(() => emulator.setAdminConsentWorkflow(tid, true));
    const app = await appNeedingApproval('Workflow off');
    const page = await firstPage(authorizeUrl(app.appId, 'openid Directory.Read.All', 'jordan@contoso.onmicrosoft.com'));
    assert.match(page.html, /<h1>Need admin approval<\/h1>/);
    assert.doesNotMatch(page.html, /justification/);
    const forged = await post(tid, { ctx: page.ctx, action: 'request', justification: 'please' }, page.cookie);
    assert.match(await forged.text(), /Need admin approval/);
    assert.deepEqual((await emulator.consentRequests(tid)).filter((r) => r.appId === app.appId), []);
  });

  test('the admin consent endpoint used by a non-admin offers the request too, for the registered permissions (consentType Static)', async () => {
    const app = await appNeedingApproval('Static request');
    const url = `${emulator.url}/${tid}/v2.0/adminconsent?${new URLSearchParams({ client_id: app.appId, redirect_uri: redirectUri, scope: 'https://graph.microsoft.com/.default', state: 'a', login_hint: 'jordan@contoso.onmicrosoft.com' })}`;
    const result = await emulator.signIn(url, { requestApproval: 'needed for onboarding' });
    assert.equal(result.params.error, 'access_denied');
    const [record] = (await emulator.consentRequests(tid)).filter((r) => r.appId === app.appId);
    assert.equal(record!.consentType, 'Static');
    assert.deepEqual(record!.pendingScopes.sort(), ['Directory.Read.All', 'User.Read']);
  });
});

describe('reading requests through Graph (appconsentapprovalroute-list-appconsentrequests, appconsentrequest-list-userconsentrequests)', () => {
  test('ConsentRequest.Read.All (application): appConsentRequest and userConsentRequest in Microsoft\'s shapes', async () => {
    const app = await appNeedingApproval('Graph shapes');
    await emulator.signIn(authorizeUrl(app.appId, 'openid Directory.Read.All', 'jordan@contoso.onmicrosoft.com'), { requestApproval: 'audit work' });
    const { token } = await appWithRoles(emulator, tid, ['ConsentRequest.Read.All']);

    const list = await graphGet(emulator, `${base}?$filter=appId eq '${app.appId}'`, token);
    assert.equal(list.status, 200, JSON.stringify(list.body));
    assert.equal(list.body['@odata.context'], `${emulator.url}/v1.0/$metadata#identityGovernance/appConsent/appConsentRequests`);
    assert.equal(list.body.value.length, 1);
    const item = list.body.value[0];
    assert.deepEqual(Object.keys(item), ['id', 'appId', 'appDisplayName', 'consentType', 'pendingScopes', 'userConsentRequests@odata.context', 'userConsentRequests']);
    assert.equal(item.appDisplayName, 'Graph shapes');
    assert.equal(item.consentType, 'Dynamic');
    assert.deepEqual(item.pendingScopes.map((s: { displayName: string }) => s.displayName).sort(), ['Directory.Read.All', 'openid']);
    // Listed unexpanded, as Graph's sample shows: the user requests are read through their own path.
    assert.deepEqual(item.userConsentRequests, []);
    assert.equal(item['userConsentRequests@odata.context'], `${emulator.url}/v1.0/$metadata#identityGovernance/appConsent/appConsentRequests('${item.id}')/userConsentRequests`);

    const one = await graphGet(emulator, `${base}/${item.id}?$select=appId,pendingScopes`, token);
    assert.equal(one.body['@odata.context'], `${emulator.url}/v1.0/$metadata#identityGovernance/appConsent/appConsentRequests(appId,pendingScopes)/$entity`);
    assert.deepEqual(Object.keys(one.body).sort(), ['@odata.context', 'appId', 'pendingScopes']);

    const users = await graphGet(emulator, `${base}/${item.id}/userConsentRequests`, token);
    assert.equal(users.body['@odata.context'], `${emulator.url}/v1.0/$metadata#identityGovernance/appConsent/appConsentRequests('${item.id}')/userConsentRequests`);
    const request = users.body.value[0];
    const jordan = emulator.seed!.users.find((u) => u.userPrincipalName === 'jordan@contoso.onmicrosoft.com')!;
    assert.equal(request.reason, 'audit work');
    assert.equal(request.status, 'InProgress');
    assert.equal(request.approvalId, request.id);
    assert.equal(request.completedDateTime, null);
    assert.deepEqual(request.createdBy, { user: { id: jordan.id, displayName: 'Jordan Kim', userPrincipalName: 'jordan@contoso.onmicrosoft.com', mail: 'jordan@contoso.onmicrosoft.com' } });
    assert.equal(request.approval.id, request.id);
    assert.equal(request.approval.stages.length, 1);
    const stage = request.approval.stages[0];
    assert.equal(stage.reviewResult, 'NotReviewed');
    assert.equal(stage.status, 'InProgress');
    assert.equal(stage.reviewedDateTime, null);
    assert.equal(stage.reviewedBy.id, '00000000-0000-0000-0000-000000000000');

    const single = await graphGet(emulator, `${base}/${item.id}/userConsentRequests/${request.id}`, token);
    assert.equal(single.body.id, request.id);
    assert.equal(single.body['@odata.context'], `${emulator.url}/v1.0/$metadata#identityGovernance/appConsent/appConsentRequests('${item.id}')/userConsentRequests/$entity`);
    assertGraphError(await graphGet(emulator, `${base}/00000000-0000-0000-0000-000000000001`, token), 404, 'Request_ResourceNotFound');
    // Graph's filterByCurrentUser function is not emulated: said so, never taken for an id.
    assertGraphError(await graphGet(emulator, `${base}/filterByCurrentUser(on='reviewer')`, token), 501, 'emulator_unsupported', /filterByCurrentUser/);
  });

  test("Example 2's filter userConsentRequests/any(u:u/status eq 'InProgress') keeps only apps with a request in progress", async () => {
    const pending = await appNeedingApproval('Still pending');
    const decided = await appNeedingApproval('Already decided');
    await emulator.createConsentRequest(tid, { appId: pending.appId, userId: userId('sam@contoso.onmicrosoft.com'), reason: 'wait' });
    const done = await emulator.createConsentRequest(tid, { appId: decided.appId, userId: userId('sam@contoso.onmicrosoft.com'), reason: 'go' });
    await emulator.decideConsentRequest(tid, done.id, { result: 'Deny', justification: 'not needed' });
    const { token } = await appWithRoles(emulator, tid, ['ConsentRequest.Read.All']);
    const filtered = await graphGet(emulator, `${base}?$filter=${encodeURIComponent("userConsentRequests/any (u:u/status eq 'InProgress')")}`, token);
    assert.equal(filtered.status, 200, JSON.stringify(filtered.body));
    const appIds = filtered.body.value.map((r: { appId: string }) => r.appId);
    assert.ok(appIds.includes(pending.appId));
    assert.ok(!appIds.includes(decided.appId));
    const both = await graphGet(emulator, `${base}?$filter=${encodeURIComponent(`userConsentRequests/any(u:u/status eq 'InProgress') and appId eq '${pending.appId}'`)}`, token);
    assert.deepEqual(both.body.value.map((r: { appId: string }) => r.appId), [pending.appId]);
  });

  test('permissions: no ConsentRequest permission is 403 in Graph\'s shape; delegated needs an admin role besides the scope', async () => {
    const { token } = await appWithRoles(emulator, tid, ['Directory.Read.All']);
    assertGraphError(await graphGet(emulator, base, token), 403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
    const demo = emulator.seed!.application;
    await emulator.grant(tid, { appId: demo.appId, scopes: ['ConsentRequest.Read.All'] });
    const admin = await userToken(emulator, 'admin@contoso.onmicrosoft.com', 'ConsentRequest.Read.All');
    assert.equal((await graphGet(emulator, base, admin)).status, 200);
    const member = await userToken(emulator, 'lee@contoso.onmicrosoft.com', 'ConsentRequest.Read.All');
    assertGraphError(await graphGet(emulator, base, member), 403, 'Authorization_RequestDenied');
  });

  test('GET /policies/adminConsentRequestPolicy (adminconsentrequestpolicy-get) shows the workflow switch', async (t) => {
    const { token } = await appWithRoles(emulator, tid, ['Policy.Read.All']);
    const on = await graphGet(emulator, '/policies/adminConsentRequestPolicy', token);
    assert.equal(on.body['@odata.context'], `${emulator.url}/v1.0/$metadata#policies/adminConsentRequestPolicy/$entity`);
    assert.equal(on.body.isEnabled, true);
    assert.equal(on.body.requestDurationInDays, 30);
    // Every Global Administrator of the seed (admin and it.ops) reviews.
    const globalAdmins = emulator.seed!.users.filter((u) => u.tenantId === tid && u.isAdmin).map((u) => u.id);
    assert.equal(globalAdmins.length, 2);
    assert.deepEqual(on.body.reviewers, globalAdmins.map((id) => ({ query: `/users/${id}`, queryType: 'MicrosoftGraph', queryRoot: null })));
    await emulator.setAdminConsentWorkflow(tid, false);
    t.after(() => emulator.setAdminConsentWorkflow(tid, true));
    const off = await graphGet(emulator, '/policies/adminConsentRequestPolicy', token);
    assert.equal(off.body.isEnabled, false);
    assert.ok(off.body.version > on.body.version);
  });
});

async function patchStage(path: string, token: string, body: unknown): Promise<{ status: number; body: Record<string, any>; headers: Headers }> {
  const response = await emulator.fetch(`${emulator.url}/v1.0${path}`, { method: 'PATCH', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : {} };
}

describe('deciding (approvalstage-update) and what the user sees next', () => {
  test('Approve through the approval stage: 204, the request shows Completed / Approve with the justification, and the user\'s next sign-in passes', async () => {
    const app = await appNeedingApproval('Approve me');
    const denied = await emulator.signIn(authorizeUrl(app.appId, 'openid Directory.Read.All', 'jordan@contoso.onmicrosoft.com'), { requestApproval: 'quarterly access review' });
    assert.equal(denied.params.error, 'access_denied');
    const [record] = (await emulator.consentRequests(tid)).filter((r) => r.appId === app.appId);
    const user = record!.userConsentRequests[0]!;
    const stagePath = `${base}/${record!.id}/userConsentRequests/${user.id}/approval/stages/${user.stageId}`;

    const reader = await appWithRoles(emulator, tid, ['ConsentRequest.Read.All']);
    assertGraphError(await patchStage(stagePath, reader.token, { reviewResult: 'Approve', justification: 'ok' }), 403, 'Authorization_RequestDenied');
    const reviewer = await appWithRoles(emulator, tid, ['ConsentRequest.ReadWrite.All']);
    assertGraphError(await patchStage(stagePath, reviewer.token, { reviewResult: 'Maybe' }), 400, 'BadRequest');
    assertGraphError(await patchStage(stagePath, reviewer.token, '{not json'), 400, 'BadRequest');
    assertGraphError(await patchStage(`${base}/${record!.id}/userConsentRequests/${user.id}/approval/stages/00000000-0000-0000-0000-000000000009`, reviewer.token, { reviewResult: 'Approve' }), 404, 'Request_ResourceNotFound');

    const approved = await patchStage(stagePath, reviewer.token, { reviewResult: 'Approve', justification: 'Approved for the audit team' });
    assert.equal(approved.status, 204);

    const read = await graphGet(emulator, `${base}/${record!.id}/userConsentRequests/${user.id}`, reviewer.token);
    assert.equal(read.body.status, 'Completed');
    assert.ok(read.body.completedDateTime);
    const stage = read.body.approval.stages[0];
    assert.equal(stage.reviewResult, 'Approve');
    assert.equal(stage.status, 'Completed');
    assert.equal(stage.justification, 'Approved for the audit team');
    assert.equal(stage.reviewedBy.displayName, `graph test ConsentRequest.ReadWrite.All`);
    assert.deepEqual((await graphGet(emulator, `${base}/${record!.id}`, reviewer.token)).body.pendingScopes, []);

    // Tenant-wide consent: Jordan's next sign-in gets a code without any consent page.
    const next = await emulator.signIn(authorizeUrl(app.appId, 'openid Directory.Read.All', 'jordan@contoso.onmicrosoft.com'));
    assert.ok(next.params.code, JSON.stringify(next.params));
    const grant = (await emulator.state()).delegatedGrants.find((g) => g.appId === app.appId && g.consentType === 'AllPrincipals');
    assert.ok(grant?.scopes.includes('Directory.Read.All'));

    // Already decided: 409, as the approvalstage-update page says for a stage decided by another approver.
    assertGraphError(await patchStage(stagePath, reviewer.token, { reviewResult: 'Deny' }), 409, 'notAllowed');
  });

  test('Deny through the control API: Completed / Deny, nothing granted, and the user may ask again', async () => {
    const app = await appNeedingApproval('Deny me');
    await emulator.signIn(authorizeUrl(app.appId, 'openid Directory.Read.All', 'lee@contoso.onmicrosoft.com'), { requestApproval: 'curious' });
    const [record] = (await emulator.consentRequests(tid)).filter((r) => r.appId === app.appId);
    await emulator.decideConsentRequest(tid, record!.id, { result: 'Deny', justification: 'Use the approved tool instead' });
    const [after] = (await emulator.consentRequests(tid)).filter((r) => r.appId === app.appId);
    const user = after!.userConsentRequests[0]!;
    assert.equal(user.status, 'Completed');
    assert.equal(user.review?.result, 'Deny');
    assert.equal(user.review?.justification, 'Use the approved tool instead');
    assert.equal(user.review?.reviewedBy.userPrincipalName, 'admin@contoso.onmicrosoft.com');
    assert.equal((await emulator.state()).delegatedGrants.some((g) => g.appId === app.appId), false);
    const again = await firstPage(authorizeUrl(app.appId, 'openid Directory.Read.All', 'lee@contoso.onmicrosoft.com'));
    assert.match(again.html, /id="requestApproval"/, 'a decided request no longer blocks a new one');
  });

  test('a signed-in admin decides through Graph (delegated ConsentRequest.ReadWrite.All): reviewedBy is the admin, assignedToMe true; a member with the same scope is 403', async () => {
    const app = await appNeedingApproval('Delegated review');
    const created = await emulator.createConsentRequest(tid, { appId: app.appId, userId: userId('dana@contoso.onmicrosoft.com'), reason: 'planning' });
    const demo = emulator.seed!.application;
    await emulator.grant(tid, { appId: demo.appId, scopes: ['ConsentRequest.ReadWrite.All'] });
    const stagePath = `${base}/${created.id}/userConsentRequests/${created.userConsentRequestId}/approval/stages/${created.stageId}`;
    const member = await userToken(emulator, 'sam@contoso.onmicrosoft.com', 'ConsentRequest.ReadWrite.All');
    assertGraphError(await patchStage(stagePath, member, { reviewResult: 'Deny' }), 403, 'Authorization_RequestDenied');
    const admin = await userToken(emulator, 'admin@contoso.onmicrosoft.com', 'ConsentRequest.ReadWrite.All');
    const before = await graphGet(emulator, `${base}/${created.id}/userConsentRequests/${created.userConsentRequestId}`, admin);
    assert.equal(before.body.approval.stages[0].assignedToMe, true);
    assert.equal((await patchStage(stagePath, admin, { reviewResult: 'Deny', justification: 'Not this quarter' })).status, 204);
    const after = await graphGet(emulator, `${base}/${created.id}/userConsentRequests/${created.userConsentRequestId}`, admin);
    assert.equal(after.body.approval.stages[0].reviewResult, 'Deny');
    assert.deepEqual(after.body.approval.stages[0].reviewedBy, { id: emulator.seed!.admin.id, displayName: 'Avery Admin', userPrincipalName: 'admin@contoso.onmicrosoft.com', mail: 'admin@contoso.onmicrosoft.com' });
  });

  test('a request nobody decides within requestDurationInDays shows Expired and can no longer be decided', async () => {
    const app = await appNeedingApproval('Forgotten');
    const created = await emulator.createConsentRequest(tid, { appId: app.appId, userId: userId('sam@contoso.onmicrosoft.com'), reason: 'soon please' });
    await emulator.advanceClock(31 * 86_400);
    const [record] = (await emulator.consentRequests(tid)).filter((r) => r.appId === app.appId);
    assert.equal(record!.userConsentRequests[0]!.status, 'Expired');
    assert.deepEqual(record!.pendingScopes, []);
    await assert.rejects(emulator.decideConsentRequest(tid, created.id, { result: 'Approve', userConsentRequestId: created.userConsentRequestId }), /409/);
  });

  test('a customer tenant (Fabrikam, workflow turned on there): approving a multi-tenant app creates its service principal and consents tenant-wide', async (t) => {
    const other = emulator.seed!.otherTenant.id;
    await emulator.setAdminConsentWorkflow(other, true);
    t.after(() => emulator.setAdminConsentWorkflow(other, false));
    const app = await emulator.createApplication(tid, { displayName: 'Vendor app', signInAudience: 'AzureADMultipleOrgs', redirectUris: [redirectUri], requiredPermissions: { delegated: ['User.Read', 'Directory.Read.All'] } });
    const url = authorizeUrl(app.appId, 'openid Directory.Read.All', 'dana@fabrikam.onmicrosoft.com', 'organizations');
    const denied = await emulator.signIn(url, { requestApproval: 'our shared drive' });
    assert.equal(denied.params.error, 'access_denied');
    const [record] = await emulator.consentRequests(other);
    assert.equal(record!.appId, app.appId);
    assert.deepEqual(await emulator.consentRequests(tid).then((all) => all.filter((r) => r.appId === app.appId)), [], 'requests stay in the tenant they were made in');
    await emulator.decideConsentRequest(other, record!.id, { result: 'Approve' });
    const next = await emulator.signIn(url);
    assert.ok(next.params.code, JSON.stringify(next.params));
  });
});
