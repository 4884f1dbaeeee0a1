// Browsing through the files API against the real emulator, as a host backend meets it:
//  - "Shared with me" (drive-sharedwithme, https://learn.microsoft.com/graph/api/drive-sharedwithme): a source of its
//    own; each item comes back in its owner's drive (remoteItem.parentReference.driveId + remoteItem.id), so shared
//    folders open and shared files attach like any other;
//  - application mode (X-M365Hub-Mode: application): with allowed sites listed (Sites.Selected,
//    https://learn.microsoft.com/graph/permissions-selected-overview) the app browses those sites only, even when its
//    token reaches more (here it holds Sites.Read.All); without them, every site it can find.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startEmulator, type EmulatorHandle } from '../../emulator/harness.js';
import { appToken, graphGet, userToken } from '../../emulator/graph/test/graph-test-client.js';
import { saveDelegatedConnection } from '../../src/features/tokens/connection-store.js';
import { systemClock } from '../../src/platform/time/clock.js';
import { signInThroughApi, type ApiSession } from '../browser/api-session.js';
import { startTestHub, type TestHub } from '../support/hub.js';

const DANA = 'dana@contoso.onmicrosoft.com';
const HOST_USER = 'host-dana';

interface Site {
  id: string;
  webUrl: string;
  displayName: string;
  root?: object;
}
interface Item {
  driveId: string;
  id: string;
  name: string;
  kind: string;
}

describe('files API browsing against the emulator: Shared with me, and application mode within the allowed sites', () => {
  let emulator: EmulatorHandle;
  let hub: TestHub;
  let admin: ApiSession;
  let workspaceId: string;
  let apiKey: string;
  let app: { appId: string; secret: string };
  let sites: Site[];
  let integration: Record<string, unknown>;

  const files = async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${hub.url}/api/v1/workspaces/${workspaceId}/files${path}`, { headers: { authorization: `Bearer ${apiKey}`, ...headers } });
    return { status: response.status, body: (await response.json()) as any };
  };
  const asDana = (path: string) => files(path, { 'x-m365hub-acting-user': HOST_USER });
  const asApp = (path: string) => files(path, { 'x-m365hub-mode': 'application' });
  const allowSites = (allowedSites: string[]) => admin.call('PUT', `/api/v1/workspaces/${workspaceId}/integrations/m365`, { ...integration, allowedSites });

  before(async () => {
    emulator = await startEmulator({ autoSignIn: true, autoConsent: true });
    const tenant = emulator.tenantId!;
    hub = await startTestHub({ fetch: emulator.fetch, env: { M365HUB_GRAPH_URL: emulator.url, M365HUB_LOGIN_URL: emulator.url } });
    admin = await signInThroughApi(hub.url, hub.admin);
    workspaceId = (await admin.call<{ id: string }>('POST', '/api/v1/workspaces', { name: 'Contoso' })).id;
    apiKey = (await admin.call<{ key: string }>('POST', `/api/v1/workspaces/${workspaceId}/api-keys`, { name: 'host backend' })).key;

    // The customer's app: tenant-wide Sites.Read.All, so only the hub's allowed-sites rule can keep it within them.
    const created = await emulator.createApplication(tenant, { displayName: 'Contoso files', signInAudience: 'AzureADMyOrg', requiredPermissions: { application: ['Sites.Read.All'] } });
    app = { appId: created.appId, secret: (await emulator.addSecret(tenant, created.appId)).secretText };
    await emulator.grant(tenant, { appId: app.appId, roles: ['Sites.Read.All'] });
    integration = { clientId: app.appId, clientSecret: app.secret, azureTenantId: tenant, services: [{ service: 'onedrive', modes: ['delegated'] }, { service: 'sharepoint', modes: ['delegated', 'application'] }] };
    await allowSites([]);
    sites = ((await graphGet(emulator, '/sites?search=*', await appToken(emulator, tenant, app.appId, app.secret))).body.value as Site[]).filter((s) => !s.root);
    assert.ok(sites.length >= 2, 'the emulator seeds two team sites at least');

    // Dana, connected through the host product, with a real emulator token.
    const token = await userToken(emulator, DANA, 'Files.Read.All Sites.Read.All');
    const redeemed = {
      accessToken: token,
      refreshToken: 'unused',
      expiresAt: new Date(Date.now() + 3000_000),
      scopes: ['Files.Read.All', 'Sites.Read.All'],
      idTokenClaims: { tid: tenant, oid: 'dana', sub: 'dana', preferredUsername: DANA, name: 'Dana', email: undefined, issuer: emulator.issuer() },
    };
    await hub.hub.store.db.transaction().execute((trx) => saveDelegatedConnection(trx, hub.hub.keyRing, { workspaceId, user: HOST_USER, redeemed, clock: systemClock }));
  });

  after(async () => {
    await hub?.close();
    await emulator?.close();
  });

  it("lists Shared with me as a source; its items open in their owner's drive, folders browse and files attach", async () => {
    const sources = await asDana('/sources');
    assert.equal(sources.status, 200, JSON.stringify(sources.body));
    assert.deepEqual(sources.body.items.filter((s: { kind: string }) => s.kind !== 'team' && s.kind !== 'sharepoint_site').map((s: { kind: string; name: string }) => `${s.kind} ${s.name}`), ['onedrive My OneDrive', 'shared Shared with me']);
    const danasDrive = sources.body.items[0].id as string;

    const shared = await asDana('/shared');
    assert.equal(shared.status, 200, JSON.stringify(shared.body));
    const items = shared.body.items as Item[];
    assert.deepEqual(items.map((i) => `${i.kind} ${i.name}`).sort(), ['file Quarterly report.docx', 'folder 2026 Audit']);
    assert.ok(items.every((i) => i.driveId && i.driveId !== danasDrive), "each item names its owner's drive, not Dana's");

    const folder = items.find((i) => i.kind === 'folder')!;
    const inside = await asDana(`/drives/${folder.driveId}/items/${folder.id}/children`);
    assert.equal(inside.status, 200, JSON.stringify(inside.body));
    assert.ok(inside.body.items.some((i: Item) => i.name === 'Evidence register.xlsx'));

    const file = items.find((i) => i.kind === 'file')!;
    const link = await fetch(`${hub.url}/api/v1/workspaces/${workspaceId}/files/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'x-m365hub-acting-user': HOST_USER, 'content-type': 'application/json' },
      body: JSON.stringify({ entityType: 'requirement', entityId: 'REQ-7', mode: 'link', driveId: file.driveId, itemId: file.id }),
    });
    assert.equal(link.status, 201, await link.clone().text());
    assert.equal(((await link.json()) as { name: string }).name, 'Quarterly report.docx');

    // The rest of that colleague's drive stays closed to Dana.
    const budget = await graphGet(emulator, `/drives/${file.driveId}/root:/Budget 2026.xlsx`, await appToken(emulator, emulator.tenantId!, app.appId, app.secret));
    const unshared = await asDana(`/drives/${file.driveId}/items/${budget.body.id}`);
    assert.equal(unshared.status, 403, JSON.stringify(unshared.body));
    assert.equal(unshared.body.code, 'm365_permission_missing');
  });

  it('application mode without allowed sites browses every site the app finds; Shared with me is a user\'s only', async () => {
    await allowSites([]);
    const sources = await asApp('/sources');
    assert.equal(sources.status, 200, JSON.stringify(sources.body));
    const ids = sources.body.items.map((s: { id: string }) => s.id);
    for (const site of sites) assert.ok(ids.includes(site.id), `${site.webUrl} is a source`);
    assert.equal((await asApp(`/sites/${encodeURIComponent(sites[1]!.id)}/root`)).status, 200);

    const shared = await asApp('/shared');
    assert.equal(shared.status, 400);
    assert.match(shared.body.detail, /belongs to a user/);
  });

  it('application mode with allowed sites reaches only those: other sites and their libraries answer site_not_allowed', async () => {
    const [allowed, other] = sites as [Site, Site];
    const unknown = `${new URL(allowed.webUrl).origin}/sites/no-such-site`;
    await allowSites([allowed.webUrl, unknown]);

    const sources = await asApp('/sources');
    assert.equal(sources.status, 200, JSON.stringify(sources.body));
    assert.deepEqual(sources.body.items.map((s: { id: string }) => s.id), [allowed.id]);
    assert.deepEqual(sources.body.unavailable.map((u: { code: string }) => u.code), ['allowed_site_unreachable']);
    assert.match(sources.body.unavailable[0].detail, /no-such-site/);

    const root = await asApp(`/sites/${encodeURIComponent(allowed.id)}/root`);
    assert.equal(root.status, 200, JSON.stringify(root.body));
    const children = await asApp(`/drives/${root.body.driveId}/items/${root.body.id}/children`);
    assert.equal(children.status, 200);
    assert.ok(children.body.items.length > 0);

    // The other site: its token could read it, the hub does not let it.
    const direct = await graphGet(emulator, `/sites/${other.id}/drive/root`, await appToken(emulator, emulator.tenantId!, app.appId, app.secret));
    assert.equal(direct.status, 200, 'the app token itself reaches the other site');
    const otherDrive = direct.body.parentReference.driveId as string;
    for (const path of [`/sites/${encodeURIComponent(other.id)}/root`, `/drives/${otherDrive}/items/${direct.body.id}`, `/drives/${otherDrive}/items/${direct.body.id}/children`, `/drives/${otherDrive}/search?q=Policies`]) {
      const refused = await asApp(path);
      assert.equal(refused.status, 403, `${path}: ${JSON.stringify(refused.body)}`);
      assert.equal(refused.body.code, 'site_not_allowed');
      assert.match(refused.body.detail, /allowedSites/);
    }
  });

  it('application mode is for admins and API keys, and the mode header takes two values', async () => {
    const bad = await files('/sources', { 'x-m365hub-mode': 'app' });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.errors[0].pointer, '/headers/x-m365hub-mode');
    const member = { email: 'mia@example.test', password: 'a long enough member password' };
    await admin.call('POST', `/api/v1/workspaces/${workspaceId}/members`, { ...member, role: 'member' });
    const signIn = await fetch(`${hub.url}/api/v1/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(member) });
    const cookie = signIn.headers.getSetCookie().map((h) => h.split(';')[0]).join('; ');
    const refused = await fetch(`${hub.url}/api/v1/workspaces/${workspaceId}/files/sources`, { headers: { cookie, 'x-m365hub-mode': 'application' } });
    assert.equal(refused.status, 403);
    assert.equal(((await refused.json()) as { code: string }).code, 'application_mode_forbidden');
  });
});
