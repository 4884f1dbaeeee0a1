// Many tenants per workspace (the MSP case), against the emulator: two customer tenants grant admin consent to the
// workspace's multi-tenant app and each becomes a tenant connection; the workspace labels one, pauses it (its
// application calls through the pass-through answer tenant_paused while the other tenant's go on), tests each
// tenant on its own (the result becomes that tenant's health, also from the hourly sweep), and removes one (its
// cached app token goes; the answer says Microsoft's consent stays in Entra and how to remove it there; its application
// calls are refused until it consents again).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CHECK_INTEGRATIONS_JOB } from '../../src/features/health/index.js';
import { CONTOSO, FABRIKAM, finishedJob, startConnectKit, type ConnectKit } from '../connect/support/connect-kit.js';

interface Tenant {
  tenantId: string;
  label: string | null;
  status: string;
  consentedBy: string | null;
  health: string;
  lastTestJobId: string | null;
}

describe('tenant connections of a multi-tenant workspace', () => {
  let kit: ConnectKit;
  let ws: { id: string; apiKey: string };
  const tenants = (path = '') => `/api/v1/workspaces/${ws.id}/tenants${path}`;
  const asAppIn = (tenant: string) => ({ 'x-m365hub-mode': 'application', 'x-m365hub-tenant': tenant });
  const usersIn = (tenant: string) => kit.api(ws.apiKey, 'GET', `/api/v1/workspaces/${ws.id}/proxy/graph/v1.0/users?$top=1`, undefined, asAppIn(tenant));

  /** A console admin starts Microsoft's admin consent; the tenant's administrator grants it. */
  async function grantAdminConsent(administrator: string): Promise<void> {
    const start = await kit.admin.call('GET', `/api/v1/workspaces/${ws.id}/integrations/m365/admin-consent-url`);
    assert.equal(start.status, 200, await start.clone().text());
    const back = await kit.microsoftSignIn(((await start.json()) as { url: string }).url, administrator);
    const done = await kit.admin.browser.get(back);
    // Without a return address the hub answers its own "Admin consent granted" page.
    assert.equal(done.status, 200);
    assert.match(await done.text(), /approved for tenant/);
  }

  before(async () => {
    kit = await startConnectKit('pglite');
    ws = await kit.workspace('MSP');
    await grantAdminConsent('admin@contoso.onmicrosoft.com');
    await grantAdminConsent('admin@fabrikam.onmicrosoft.com');
  });
  after(async () => kit?.close());

  it('lists every tenant that granted admin consent, in the order they consented', async () => {
    const list = await kit.api(ws.apiKey, 'GET', tenants());
    assert.equal(list.status, 200, await list.clone().text());
    const { items, nextCursor } = (await list.json()) as { items: Tenant[]; nextCursor: string | null };
    assert.deepEqual(
      items.map((t) => [t.tenantId, t.status, t.health]),
      [
        [CONTOSO, 'active', 'unknown'],
        [FABRIKAM, 'active', 'unknown'],
      ],
    );
    assert.ok(items.every((t) => t.consentedBy), 'who granted the consent is kept');
    assert.equal(nextCursor, null);
    const page = (await (await kit.api(ws.apiKey, 'GET', tenants('?limit=1'))).json()) as { items: Tenant[]; nextCursor: string };
    const rest = (await (await kit.api(ws.apiKey, 'GET', tenants(`?limit=1&cursor=${page.nextCursor}`))).json()) as { items: Tenant[] };
    assert.deepEqual([...page.items, ...rest.items].map((t) => t.tenantId), [CONTOSO, FABRIKAM]);
  });

  it('acts in each consented tenant with the app token', async () => {
    assert.equal((await usersIn(CONTOSO)).status, 200);
    assert.equal((await usersIn(FABRIKAM)).status, 200);
  });

  it('X-M365Hub-Tenant may name a tenant by one of its domains: the hub acts in the tenant its metadata names; an unknown domain is refused', async () => {
    const userIdsIn = async (tenant: string) => {
      const answer = await usersIn(tenant);
      assert.equal(answer.status, 200, `${tenant}: ${await answer.clone().text()}`);
      return ((await answer.json()) as { value: { id: string }[] }).value.map((u) => u.id);
    };
    assert.deepEqual(await userIdsIn('fabrikam.onmicrosoft.com'), await userIdsIn(FABRIKAM));
    assert.deepEqual(await userIdsIn('Contoso.onmicrosoft.com'), await userIdsIn(CONTOSO));
    assert.notDeepEqual(await userIdsIn('fabrikam.onmicrosoft.com'), await userIdsIn(CONTOSO));
    const unknown = await usersIn('no-such-tenant.onmicrosoft.com');
    assert.equal(unknown.status, 409, "an unknown domain is the caller's to fix, not a server error");
    const problem = (await unknown.json()) as { code: string; detail: string };
    assert.equal(problem.code, 'integration_not_configured');
    assert.match(problem.detail, /no-such-tenant\.onmicrosoft\.com/);
  });

  it('a single-tenant integration set up with its tenant\'s domain acts when X-M365Hub-Tenant names that tenant by id or domain, and refuses another tenant', async () => {
    const single = await kit.workspace('Contoso only', { azureTenantId: 'contoso.onmicrosoft.com' });
    const usersOf = (tenant: string) =>
      kit.api(single.apiKey, 'GET', `/api/v1/workspaces/${single.id}/proxy/graph/v1.0/users?$top=1`, undefined, asAppIn(tenant));
    assert.equal((await usersOf(CONTOSO)).status, 200);
    assert.equal((await usersOf('contoso.onmicrosoft.com')).status, 200);
    const other = await usersOf(FABRIKAM);
    assert.equal(other.status, 409);
    assert.equal(((await other.json()) as { code: string }).code, 'integration_not_configured');
  });

  it("application-mode file browsing acts in the tenant X-M365Hub-Tenant names, each tenant's own sites", async () => {
    const sitesIn = async (tenant: string) => {
      const answer = await kit.api(ws.apiKey, 'GET', `/api/v1/workspaces/${ws.id}/files/sources`, undefined, asAppIn(tenant));
      assert.equal(answer.status, 200, await answer.clone().text());
      return ((await answer.json()) as { items: { webUrl: string | null }[] }).items.map((site) => new URL(site.webUrl!).host);
    };
    const contoso = await sitesIn(CONTOSO);
    const fabrikam = await sitesIn(FABRIKAM);
    assert.ok(contoso.length > 0 && contoso.every((host) => host === 'contoso.sharepoint.com'), contoso.join());
    assert.ok(fabrikam.length > 0 && fabrikam.every((host) => host === 'fabrikam.sharepoint.com'), fabrikam.join());
    const junk = await kit.api(ws.apiKey, 'GET', `/api/v1/workspaces/${ws.id}/files/sources`, undefined, asAppIn('not a tenant'));
    assert.equal(junk.status, 400);
    assert.equal(((await junk.json()) as { code: string }).code, 'validation_failed');
  });

  it('the pass-through and file browsing refuse the same malformed X-M365Hub-Mode and X-M365Hub-Tenant alike, naming the header', async () => {
    const routes = [`/api/v1/workspaces/${ws.id}/proxy/graph/v1.0/users?$top=1`, `/api/v1/workspaces/${ws.id}/files/sources`];
    const cases = [
      { headers: asAppIn('not a tenant'), pointer: '/headers/x-m365hub-tenant' },
      { headers: asAppIn('contoso.com, fabrikam.com'), pointer: '/headers/x-m365hub-tenant' },
      { headers: { 'x-m365hub-mode': 'app-only' }, pointer: '/headers/x-m365hub-mode' },
    ];
    for (const route of routes) {
      for (const { headers, pointer } of cases) {
        const answer = await kit.api(ws.apiKey, 'GET', route, undefined, headers);
        assert.equal(answer.status, 400, `${route} ${JSON.stringify(headers)}`);
        const problem = (await answer.json()) as { code: string; errors?: { pointer: string }[] };
        assert.equal(problem.code, 'validation_failed');
        assert.deepEqual(problem.errors?.map((e) => e.pointer), [pointer], `${route} ${JSON.stringify(headers)}`);
      }
    }
  });

  it('labels a tenant, and a paused tenant refuses application calls with tenant_paused while the other goes on', async () => {
    const labelled = await kit.api(ws.apiKey, 'PATCH', tenants(`/${FABRIKAM}`), { label: 'Fabrikam Ltd' });
    assert.equal(labelled.status, 200, await labelled.clone().text());
    assert.equal(((await labelled.json()) as Tenant).label, 'Fabrikam Ltd');

    const paused = await kit.api(ws.apiKey, 'PATCH', tenants(`/${FABRIKAM.toUpperCase()}`), { paused: true });
    assert.equal(((await paused.json()) as Tenant).status, 'paused');
    const refused = await usersIn(FABRIKAM);
    assert.equal(refused.status, 409);
    assert.match(refused.headers.get('content-type') ?? '', /application\/problem\+json/);
    const problem = (await refused.json()) as { code: string; detail: string };
    assert.equal(problem.code, 'tenant_paused');
    assert.match(problem.detail, /Resume it with PATCH/);
    assert.equal((await usersIn(CONTOSO)).status, 200, 'the other tenant is not paused');

    await kit.api(ws.apiKey, 'PATCH', tenants(`/${FABRIKAM}`), { paused: false });
    assert.equal((await usersIn(FABRIKAM)).status, 200, 'resumed');
    const audit = await kit.hub.hub.store.db.selectFrom('audit_log').select('action').where('workspace_id', '=', ws.id).where('action', 'like', 'tenant.%').orderBy('created_at').execute();
    assert.deepEqual(audit.map((a) => a.action), ['tenant.updated', 'tenant.paused', 'tenant.resumed']);
  });

  it("tests one tenant: the job's report is that tenant's, and becomes its health", async () => {
    const started = await kit.api(ws.apiKey, 'POST', tenants(`/${FABRIKAM}/test`));
    assert.equal(started.status, 202, await started.clone().text());
    const job = (await started.json()) as { id: string };
    assert.equal(started.headers.get('location'), `/api/v1/workspaces/${ws.id}/jobs/${job.id}`);
    const done = await finishedJob(async () => (await (await kit.api(ws.apiKey, 'GET', `/api/v1/workspaces/${ws.id}/jobs/${job.id}`)).json()) as { status: string; result: { steps: { name: string; message?: string }[] } });
    assert.equal(done.status, 'succeeded', JSON.stringify(done));
    assert.match(done.result.steps.find((s) => s.name === 'credentials')?.message ?? '', new RegExp(FABRIKAM));

    const detail = (await (await kit.api(ws.apiKey, 'GET', tenants(`/${FABRIKAM}`))).json()) as Tenant & { report: { mode: string } | null; healthCheckedAt: string | null };
    assert.equal(detail.lastTestJobId, job.id);
    assert.notEqual(detail.health, 'unknown');
    assert.equal(detail.report?.mode, 'application');
    assert.ok(detail.healthCheckedAt);
    const contoso = (await (await kit.api(ws.apiKey, 'GET', tenants(`/${CONTOSO}`))).json()) as Tenant;
    assert.equal(contoso.health, 'unknown', "the other tenant's health is its own");
  });

  it('keeps members out, answers 404 for a tenant that never consented and 400 for a tenant id that is no GUID', async () => {
    const member = await kit.member(ws.id, 'tenants.member@example.com');
    assert.equal((await member.call('GET', tenants())).status, 403);
    assert.equal((await member.call('PATCH', tenants(`/${CONTOSO}`), { paused: true })).status, 403);
    const unknown = await kit.api(ws.apiKey, 'GET', tenants('/00000000-0000-0000-0000-000000000000'));
    assert.equal(unknown.status, 404);
    assert.match(((await unknown.json()) as { detail: string }).detail, /admin consent/);
    assert.equal((await kit.api(ws.apiKey, 'GET', tenants('/contoso.onmicrosoft.com'))).status, 400);
    assert.equal((await kit.api(ws.apiKey, 'PATCH', tenants(`/${CONTOSO}`), {})).status, 400, 'an empty change is refused');
  });

  it('the hourly sweep tests each active tenant on its own, and calls no paused tenant', async () => {
    const checkedAt = async (tenant: string) => ((await (await kit.api(ws.apiKey, 'GET', tenants(`/${tenant}`))).json()) as Tenant & { healthCheckedAt: string | null }).healthCheckedAt;
    const fabrikamBefore = await checkedAt(FABRIKAM);
    assert.equal(await checkedAt(CONTOSO), null, 'Contoso was never tested');
    await kit.api(ws.apiKey, 'PATCH', tenants(`/${FABRIKAM}`), { paused: true });
    const sweep = await kit.hub.hub.jobs.enqueue({ type: CHECK_INTEGRATIONS_JOB, payload: {} });
    const swept = await finishedJob(async () => (await kit.hub.hub.jobs.get(null, sweep.id))!);
    assert.equal(swept.status, 'succeeded', JSON.stringify(swept));
    const tests = await kit.hub.hub.store.db.selectFrom('jobs').select(['id', 'payload']).where('workspace_id', '=', ws.id).where('idempotency_key', 'like', `sweep:${sweep.id}%`).execute();
    const tenantTests = tests.map((t) => (typeof t.payload === 'string' ? JSON.parse(t.payload) : t.payload) as { tenantId?: string }).filter((p) => p.tenantId);
    assert.deepEqual(tenantTests.map((p) => p.tenantId), [CONTOSO], 'one test for the active tenant, none for the paused one');
    for (const t of tests) await finishedJob(async () => (await kit.hub.hub.jobs.get(ws.id, t.id))!);
    assert.ok(await checkedAt(CONTOSO), "the sweep's test became Contoso's health");
    assert.equal(await checkedAt(FABRIKAM), fabrikamBefore, 'the paused tenant was left alone');
    await kit.api(ws.apiKey, 'PATCH', tenants(`/${FABRIKAM}`), { paused: false });
  });

  it("the compliance dashboard's tenant list is the tenant connections, with label, health and state, plus tenants known only by snapshots", async () => {
    await kit.api(ws.apiKey, 'PATCH', tenants(`/${FABRIKAM}`), { paused: true });
    const imported = '1a2b3c4d-0000-4000-8000-00000000cafe';
    const snapshot = { format: 'm365hub.snapshot', version: 1, tenantId: imported, collectedAt: '2026-12-01T00:00:00.000Z', areas: {} };
    assert.equal((await kit.api(ws.apiKey, 'POST', `/api/v1/workspaces/${ws.id}/compliance/tenants/${imported}/snapshots`, snapshot)).status, 201);
    const member = await kit.member(ws.id, 'compliance.viewer@example.com');
    const listed = await member.call('GET', `/api/v1/workspaces/${ws.id}/compliance/tenants`);
    assert.equal(listed.status, 200, await listed.clone().text());
    const { items } = (await listed.json()) as { items: Array<{ tenantId: string; label: string | null; connection: string; health: string | null; snapshots: number; failing: number | null }> };
    assert.deepEqual(
      items.map((t) => [t.tenantId, t.label, t.connection, t.snapshots]),
      [
        [CONTOSO, null, 'active', 0],
        [FABRIKAM, 'Fabrikam Ltd', 'paused', 0],
        [imported, null, 'not_connected', 1],
      ],
    );
    assert.notEqual(items[0]!.health, 'unknown', "Contoso's health is its last test's");
    assert.equal(items[2]!.health, null);
    assert.equal(typeof items[2]!.failing, 'number', "the imported snapshot's assessment run counts its failing policies");
    const other = await kit.workspace('Another MSP');
    const theirs = (await (await kit.api(other.apiKey, 'GET', `/api/v1/workspaces/${other.id}/compliance/tenants`)).json()) as { items: unknown[] };
    assert.deepEqual(theirs.items, [], "another workspace sees none of this workspace's tenants");
    await kit.api(ws.apiKey, 'PATCH', tenants(`/${FABRIKAM}`), { paused: false });
  });

  it("removes a tenant with its cached app token and says Microsoft's consent stays in Entra", async () => {
    const tokenIds = async () => (await kit.hub.hub.store.db.selectFrom('m365_app_tokens').select('tenant_id').where('workspace_id', '=', ws.id).execute()).map((r) => r.tenant_id).sort();
    assert.deepEqual(await tokenIds(), [CONTOSO, FABRIKAM].sort());
    const removed = await kit.api(ws.apiKey, 'DELETE', tenants(`/${FABRIKAM}`));
    assert.equal(removed.status, 200, await removed.clone().text());
    const body = (await removed.json()) as { removed: boolean; message: string };
    assert.equal(body.removed, true);
    assert.match(body.message, /Enterprise applications/);
    assert.deepEqual(await tokenIds(), [CONTOSO]);
    assert.equal((await kit.api(ws.apiKey, 'GET', tenants(`/${FABRIKAM}`))).status, 404);
    assert.equal((await kit.api(ws.apiKey, 'DELETE', tenants(`/${FABRIKAM}`))).status, 404);
    const { items } = (await (await kit.api(ws.apiKey, 'GET', tenants())).json()) as { items: Tenant[] };
    assert.deepEqual(items.map((t) => t.tenantId), [CONTOSO]);
    const audit = await kit.hub.hub.store.db.selectFrom('audit_log').select('action').where('workspace_id', '=', ws.id).where('action', '=', 'tenant.removed').execute();
    assert.equal(audit.length, 1);
  });

  it('refuses application calls naming a removed tenant (tenant_removed), until its administrator consents again', async () => {
    const refused = await usersIn(FABRIKAM);
    assert.equal(refused.status, 409, await refused.clone().text());
    const problem = (await refused.json()) as { code: string; detail: string };
    assert.equal(problem.code, 'tenant_removed');
    assert.match(problem.detail, /grants admin consent again/);
    assert.equal((await kit.api(ws.apiKey, 'POST', tenants(`/${FABRIKAM}/test`))).status, 404, 'a removed tenant is not tested');
    assert.equal((await usersIn(CONTOSO)).status, 200, 'the other tenant goes on');

    await grantAdminConsent('admin@fabrikam.onmicrosoft.com');
    const back = (await (await kit.api(ws.apiKey, 'GET', tenants(`/${FABRIKAM}`))).json()) as Tenant;
    assert.deepEqual([back.status, back.health, back.label], ['active', 'unknown', 'Fabrikam Ltd'], 'added back as a new connection, its label kept');
    assert.equal((await usersIn(FABRIKAM)).status, 200);
  });
});
