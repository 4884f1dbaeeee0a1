// Admin consent requests through a running hub, against the emulator's admin consent workflow (Microsoft:
// admin-consent-workflow-overview, review-admin-consent-requests; Graph: appconsentapprovalroute-list-appconsentrequests,
// appconsentrequest-list-userconsentrequests). A workspace member meets "Approval required" while connecting and
// requests approval with a justification; the workspace admin (or its API key) lists the request with who, when and
// why, and the Entra admin center page that approves it; a decision shows as its outcome; another workspace sees
// nothing; an app without ConsentRequest.Read.All gets an empty, unreadable list that names the permission.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { dialects, skipReason } from '../support/stores.js';
import { CONTOSO, PASSWORD, startConnectKit, type ConnectKit, type ConsoleSession } from '../connect/support/connect-kit.js';

interface Listed {
  readable: boolean;
  message: string | null;
  requiredPermission: string;
  appId: string;
  tenant: string | null;
  reviewUrl: string;
  requests: {
    id: string;
    appConsentRequestId: string;
    requestedBy: { id: string | null; displayName: string | null; userPrincipalName: string | null };
    requestedAt: string;
    justification: string;
    status: string;
    scopes: string[];
    review: { reviewedBy: { displayName: string | null; userPrincipalName: string | null }; reviewedAt: string | null; justification: string | null } | null;
  }[];
}

const REVIEW_BLADE = '#view/Microsoft_AAD_IAM/StartboardApplicationsMenuBlade/~/AccessRequests';

for (const dialect of dialects) {
  describe(`admin consent requests route (${dialect})`, { skip: skipReason(dialect) }, () => {
    let kit: ConnectKit;
    let ws: { id: string; apiKey: string };
    let other: { id: string; apiKey: string };
    let appId: string;
    let member: ConsoleSession;

    /** An app of Contoso that may read consent requests (or not), whose delegated directory scopes need an admin. */
    async function app(name: string, mayRead: boolean) {
      const created = await kit.emulator.createApplication(CONTOSO, {
        displayName: name,
        redirectUris: [`${kit.hub.url}/auth/m365/callback`],
        requiredPermissions: { delegated: ['User.Read.All', 'GroupMember.Read.All'], application: mayRead ? ['ConsentRequest.Read.All'] : ['User.Read.All'] },
      });
      await kit.emulator.grant(CONTOSO, { appId: created.appId, roles: mayRead ? ['ConsentRequest.Read.All'] : ['User.Read.All'] });
      const secret = await kit.emulator.addSecret(CONTOSO, created.appId);
      return { appId: created.appId, secret: secret.secretText };
    }

    const integration = (a: { appId: string; secret: string }) => ({
      clientId: a.appId,
      clientSecret: a.secret,
      azureTenantId: CONTOSO,
      services: [{ service: 'directory', modes: ['delegated'] }],
    });
    const path = (workspaceId: string) => `/api/v1/workspaces/${workspaceId}/integrations/m365/consent-requests`;
    const list = async (caller: ConsoleSession, workspaceId = ws.id): Promise<Listed> => {
      const response = await caller.call('GET', path(workspaceId));
      assert.equal(response.status, 200, await response.clone().text());
      return (await response.json()) as Listed;
    };

    before(async () => {
      kit = await startConnectKit(dialect);
      const reader = await app('Acme reviews', true);
      appId = reader.appId;
      ws = await kit.workspace('Consent requests', integration(reader));
      other = await kit.workspace('Other workspace', integration(await app('Other app', true)));
      member = await kit.member(ws.id, 'requester@example.com');
    });
    after(async () => kit?.close());

    it('lists nothing before anyone asks, with the Entra admin center page that approves requests', async () => {
      const shown = await list(kit.admin);
      assert.equal(shown.readable, true);
      assert.equal(shown.message, null);
      assert.deepEqual(shown.requests, []);
      assert.equal(shown.appId, appId);
      assert.equal(shown.tenant, CONTOSO);
      assert.equal(shown.requiredPermission, 'ConsentRequest.Read.All');
      assert.equal(shown.reviewUrl, `https://entra.microsoft.com/${CONTOSO}/${REVIEW_BLADE}`);
    });

    it('a member who meets "Approval required" while connecting requests approval; the admin sees who, when and why', async () => {
      const asked = Date.now();
      const start = await member.browser.get(`/auth/m365/connect?workspaceId=${ws.id}&returnTo=${encodeURIComponent('/settings/integrations')}`);
      assert.equal(start.status, 302, await start.clone().text());
      const result = await kit.emulator.signIn(start.headers.get('location')!, { username: 'jordan@contoso.onmicrosoft.com', password: PASSWORD, requestApproval: 'I review group access for the quarterly audit' });
      assert.equal(result.params.error, 'access_denied', JSON.stringify(result.params));
      const back = await member.browser.get(result.url);
      assert.equal(back.headers.get('x-m365hub-error-code'), 'admin_approval_required');

      const shown = await list(kit.admin);
      assert.equal(shown.readable, true);
      assert.equal(shown.requests.length, 1);
      const [request] = shown.requests;
      assert.deepEqual(request!.requestedBy, {
        id: kit.emulator.seed!.users.find((u) => u.userPrincipalName === 'jordan@contoso.onmicrosoft.com')!.id,
        displayName: 'Jordan Kim',
        userPrincipalName: 'jordan@contoso.onmicrosoft.com',
      });
      assert.equal(request!.justification, 'I review group access for the quarterly audit');
      assert.equal(request!.status, 'InProgress');
      assert.equal(request!.review, null);
      assert.ok(Date.parse(request!.requestedAt) >= asked - 60_000 && Date.parse(request!.requestedAt) <= Date.now() + 60_000, request!.requestedAt);
      assert.ok(request!.scopes.includes('User.Read.All'), JSON.stringify(request!.scopes));

      // The workspace's API key reads the same; a member may not (the workspace admins' page).
      const viaKey = await kit.api(ws.apiKey, 'GET', path(ws.id));
      assert.equal(viaKey.status, 200);
      assert.deepEqual(((await viaKey.json()) as Listed).requests, shown.requests);
      const byMember = await member.call('GET', path(ws.id));
      assert.equal(byMember.status, 403);
      assert.match(byMember.headers.get('content-type') ?? '', /^application\/problem\+json/);
    });

    it('shows the outcome once an administrator decides: Denied with the justification, Approved for the next requester', async () => {
      const [record] = (await kit.emulator.consentRequests(CONTOSO)).filter((r) => r.appId === appId);
      await kit.emulator.decideConsentRequest(CONTOSO, record!.id, { result: 'Deny', justification: 'Use the audit export instead' });
      const denied = (await list(kit.admin)).requests;
      assert.equal(denied.length, 1);
      assert.equal(denied[0]!.status, 'Denied');
      assert.equal(denied[0]!.review?.justification, 'Use the audit export instead');
      assert.equal(denied[0]!.review?.reviewedBy.userPrincipalName, 'admin@contoso.onmicrosoft.com');
      assert.ok(denied[0]!.review?.reviewedAt);

      // Denying does not stop users asking again (review-admin-consent-requests); approving grants it tenant-wide.
      const sam = kit.emulator.seed!.users.find((u) => u.userPrincipalName === 'sam@contoso.onmicrosoft.com')!;
      const again = await kit.emulator.createConsentRequest(CONTOSO, { appId, userId: sam.id, reason: 'Team access reviews' });
      const both = (await list(kit.admin)).requests;
      assert.deepEqual(both.map((r) => [r.requestedBy.userPrincipalName, r.status]), [
        ['sam@contoso.onmicrosoft.com', 'InProgress'],
        ['jordan@contoso.onmicrosoft.com', 'Denied'],
      ]);
      await kit.emulator.decideConsentRequest(CONTOSO, again.id, { result: 'Approve', userConsentRequestId: again.userConsentRequestId, justification: 'OK for reviews' });
      const approved = (await list(kit.admin)).requests.find((r) => r.id === again.userConsentRequestId)!;
      assert.equal(approved.status, 'Approved');
      assert.equal(approved.review?.justification, 'OK for reviews');
    });

    it('another workspace sees none of them, and cannot read this workspace\'s list', async () => {
      const theirs = await list(kit.admin, other.id);
      assert.equal(theirs.readable, true);
      assert.deepEqual(theirs.requests, []);
      const viaTheirKey = await kit.api(other.apiKey, 'GET', path(other.id));
      assert.deepEqual(((await viaTheirKey.json()) as Listed).requests, []);
      const crossing = await kit.api(other.apiKey, 'GET', path(ws.id));
      assert.equal(crossing.status, 404);
      assert.equal(((await crossing.json()) as { code: string }).code, 'not_found');
    });

    it('an app without ConsentRequest.Read.All gets 200, an empty list and readable: false naming the permission to add', async () => {
      const blind = await kit.workspace('Cannot read requests', integration(await app('No reader', false)));
      const shown = await list(kit.admin, blind.id);
      assert.equal(shown.readable, false);
      assert.deepEqual(shown.requests, []);
      assert.match(shown.message ?? '', /ConsentRequest\.Read\.All/);
      assert.match(shown.message ?? '', /application permission/);
      assert.equal(shown.reviewUrl, `https://entra.microsoft.com/${CONTOSO}/${REVIEW_BLADE}`);
    });

    it('a multi-tenant integration without a customer tenant says so; no integration is a 404 problem', async () => {
      const multi = await kit.workspace('No tenant yet', { services: [{ service: 'directory', modes: ['application'] }] });
      const shown = await list(kit.admin, multi.id);
      assert.equal(shown.readable, false);
      assert.equal(shown.tenant, null);
      assert.match(shown.message ?? '', /Grant admin consent/);
      assert.equal(shown.reviewUrl, `https://entra.microsoft.com/${REVIEW_BLADE}`);

      const created = await kit.admin.call('POST', '/api/v1/workspaces', { name: 'Bare' });
      const bare = (await created.json()) as { id: string };
      const missing = await kit.admin.call('GET', path(bare.id));
      assert.equal(missing.status, 404);
      assert.match(missing.headers.get('content-type') ?? '', /^application\/problem\+json/);
      assert.match(((await missing.json()) as { detail: string }).detail, /no Microsoft 365 integration/);
    });
  });
}
