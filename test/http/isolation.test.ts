// Tenant isolation: for EVERY workspace route the server registers, a principal of workspace A using workspace B's
// ids gets exactly the answer a missing id gets, and B's data never shows up in A's answers.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { newId } from '../../src/platform/store/ids.js';
import { dialects, skipReason } from '../support/stores.js';
import { fakeJobs, startHub, workspaceWithPeople, type Caller, type Hub } from './hub-fixture.js';
import { JobQueue } from '../../src/platform/jobs/job-queue.js';
import { WebhookEventPublisher } from '../../src/features/webhooks/webhook-event-publisher.js';
import { recordTenantConsent } from '../../src/features/tenants/index.js';

/** A webhook endpoint of the workspace (made through the API) with one delivery in its log. */
async function webhookWithDelivery(hub: Hub, ws: Awaited<ReturnType<typeof workspaceWithPeople>>): Promise<{ webhookId: string; deliveryId: string }> {
  const created = await hub.call(ws.admin, 'POST', `/api/v1/workspaces/${ws.workspaceId}/webhooks`, { url: 'https://hooks.example.com/b' });
  if (created.statusCode !== 201) throw new Error(`create webhook: ${created.body}`);
  const webhookId = (created.json() as { id: string }).id;
  const publisher = new WebhookEventPublisher({ queue: new JobQueue({ db: hub.store.db, clock: hub.clock, logger: hub.server.log as never }), clock: hub.clock });
  await publisher.publish(hub.store.db, { workspaceId: ws.workspaceId, type: 'connection.health_changed', data: {} });
  const delivery = await hub.store.db.selectFrom('webhook_deliveries').select('id').where('endpoint_id', '=', webhookId).executeTakeFirstOrThrow();
  return { webhookId, deliveryId: delivery.id };
}

/** A valid body for every workspace route that takes one; a new route with a body must add its sample here. */
const SAMPLE_BODIES: Record<string, unknown> = {
  'PATCH /api/v1/workspaces/:workspaceId': { name: 'Renamed' },
  'POST /api/v1/workspaces/:workspaceId/members': { email: 'someone@example.com', role: 'member' },
  'PATCH /api/v1/workspaces/:workspaceId/members/:userId': { role: 'member' },
  'POST /api/v1/workspaces/:workspaceId/api-keys': { name: 'sneaky key' },
  'POST /api/v1/workspaces/:workspaceId/integrations/m365/test': { credential: 'active' },
  'POST /api/v1/workspaces/:workspaceId/webhooks': { url: 'https://hooks.example.com/sneaky' },
  'PATCH /api/v1/workspaces/:workspaceId/webhooks/:webhookId': { enabled: false },
  'PUT /api/v1/workspaces/:workspaceId/integrations/m365': { clientId: '5d3a6c1e-8f2b-4e7d-a9c0-1b2c3d4e5f60', clientSecret: 'sneaky-secret', services: [{ service: 'onedrive', modes: ['delegated'] }] },
  'POST /api/v1/workspaces/:workspaceId/integrations/m365/credentials': { clientSecret: 'sneaky-secret' },
  'POST /api/v1/workspaces/:workspaceId/users/:externalUserId/connect-link': {},
  'POST /api/v1/workspaces/:workspaceId/integrations/m365/admin-consent-link': {},
  'POST /api/v1/workspaces/:workspaceId/files/attachments': { entityType: 'requirement', entityId: 'REQ-1', mode: 'link', driveId: 'b!drive', itemId: '01ITEM' },
  'POST /api/v1/workspaces/:workspaceId/subscriptions': { resource: 'users', changeType: 'updated', mode: 'application' },
  'POST /api/v1/workspaces/:workspaceId/actions/mail/send': { to: ['someone@example.com'], subject: 'sneaky', body: { contentType: 'text', content: 'x' } },
  'PUT /api/v1/workspaces/:workspaceId/proxy/settings': { openPassthrough: true },
  'POST /api/v1/workspaces/:workspaceId/actions/mail/drafts': { subject: 'sneaky', body: { contentType: 'text', content: 'x' } },
  'POST /api/v1/workspaces/:workspaceId/actions/calendar/events': { subject: 'sneaky', start: '2027-01-01T10:00:00Z', end: '2027-01-01T11:00:00Z' },
  'PATCH /api/v1/workspaces/:workspaceId/actions/calendar/events/:eventId': { subject: 'sneaky' },
  'POST /api/v1/workspaces/:workspaceId/actions/calendar/events/:eventId/cancel': {},
  'POST /api/v1/workspaces/:workspaceId/actions/calendar/schedule': { schedules: ['someone@example.com'], start: '2027-01-01T10:00:00Z', end: '2027-01-01T11:00:00Z' },
  'POST /api/v1/workspaces/:workspaceId/actions/teams/:teamId/channels/:channelId/messages': { body: { contentType: 'text', content: 'sneaky' } },
  'POST /api/v1/workspaces/:workspaceId/actions/teams/:teamId/channels/:channelId/messages/:messageId/replies': { body: { contentType: 'text', content: 'sneaky' } },
  'POST /api/v1/workspaces/:workspaceId/actions/chats/:chatId/messages': { body: { contentType: 'text', content: 'sneaky' } },
  'POST /api/v1/workspaces/:workspaceId/proxy/graph/:version/*': { sneaky: true },
  'PUT /api/v1/workspaces/:workspaceId/proxy/graph/:version/*': { sneaky: true },
  'PATCH /api/v1/workspaces/:workspaceId/proxy/graph/:version/*': { sneaky: true },
  'POST /api/v1/workspaces/:workspaceId/proxy/sharepoint/*': { sneaky: true },
  'PUT /api/v1/workspaces/:workspaceId/proxy/sharepoint/*': { sneaky: true },
  'PATCH /api/v1/workspaces/:workspaceId/proxy/sharepoint/*': { sneaky: true },
  'POST /api/v1/workspaces/:workspaceId/proxy/manage/*': { sneaky: true },
  'PUT /api/v1/workspaces/:workspaceId/proxy/manage/*': { sneaky: true },
  'PATCH /api/v1/workspaces/:workspaceId/proxy/manage/*': { sneaky: true },
  'POST /api/v1/workspaces/:workspaceId/compliance/tenants/:tenantId/snapshots': { format: 'm365hub.snapshot', version: 1, areas: {} },
  'POST /api/v1/workspaces/:workspaceId/compliance/snapshots/:snapshotId/assessment': {},
  'PUT /api/v1/workspaces/:workspaceId/compliance/tenants/:tenantId/sync-schedule': { intervalHours: 24 },
  'POST /api/v1/workspaces/:workspaceId/compliance/access-reviews': { tenantId: '11111111-2222-3333-4444-555555555555', name: 'sneaky review' },
  'PUT /api/v1/workspaces/:workspaceId/compliance/access-reviews/:campaignId/decisions/:userId': { decision: 'remove' },
  'POST /api/v1/workspaces/:workspaceId/compliance/access-reviews/:campaignId/close': {},
  'PUT /api/v1/workspaces/:workspaceId/compliance/tenants/:tenantId/assessment-config': { Aad: {} },
  'PUT /api/v1/workspaces/:workspaceId/compliance/tenants/:tenantId/baseline': { snapshotId: `snap_${'a'.repeat(26)}` },
  'POST /api/v1/workspaces/:workspaceId/picker/sessions': { externalUserId: 'host-user-b', entityType: 'requirement', entityId: 'REQ-1', origin: 'https://host.example.com' },
  'PATCH /api/v1/workspaces/:workspaceId/tenants/:tenantId': { paused: true },
};

const COMPLIANCE_TENANT = '11111111-2222-3333-4444-555555555555';

type Ids = { workspaceId: string; userId: string; apiKeyId: string; jobId: string; webhookId: string; deliveryId: string; externalUserId: string; attachmentId: string; subscriptionId: string; tenantId: string; snapshotId: string; campaignId: string; runId: string } & typeof GRAPH_IDS;

/** Microsoft's ids in files routes: not ours to isolate (Microsoft decides), the same for every workspace. */
const GRAPH_IDS = { driveId: 'b!drive', itemId: '01ITEM', siteId: 'contoso.sharepoint.com,1,2', teamId: 'team-1', channelId: '19:general@thread.tacv2', version: 'v1.0' };

/** An attachment of B's, written as the files feature writes one. */
async function attachmentOf(hub: Hub, workspaceId: string): Promise<string> {
  const id = newId('att');
  const now = hub.clock.now();
  await hub.store.db
    .insertInto('file_attachments')
    .values({ id, workspace_id: workspaceId, entity_type: 'requirement', entity_id: 'REQ-1', mode: 'link', status: 'active', drive_id: 'b!drive', item_id: '01ITEM', name: 'b-secret.docx', size: 1, mime_type: null, web_url: null, etag: null, parent_path: null, added_by_kind: 'external_user', added_by_id: 'host-user-b', storage_key: null, quick_xor_hash: null, sha256: null, job_id: null, idempotency_key: null, checked_at: now, created_at: now, updated_at: now })
    .execute();
  return id;
}

/** A Graph subscription of B's, written as the subscriptions feature writes one. */
async function subscriptionOf(hub: Hub, workspaceId: string): Promise<string> {
  const id = newId('sub');
  const now = hub.clock.now();
  await hub.store.db
    .insertInto('graph_subscriptions')
    .values({ id, workspace_id: workspaceId, mode: 'application', external_user_id: null, tenant_id: null, resource: 'users', change_type: 'updated', graph_subscription_id: 'g-1', receive_token: newId('tok'), client_state_digest: 'ab', expires_at: now, status: 'active', status_reason: null, last_notification_at: null, created_at: now, updated_at: now })
    .execute();
  return id;
}

/** The assessment run the hub stored when B's snapshot arrived. */
async function runOf(hub: Hub, snapshotId: string): Promise<string> {
  return (await hub.store.db.selectFrom('compliance_assessment_runs').select('id').where('snapshot_id', '=', snapshotId).executeTakeFirstOrThrow()).id;
}

function fill(url: string, ids: Ids): string {
  return url.replace(/:(\w+)/g, (_match, name: keyof Ids) => ids[name]).replace(/\*$/, 'me');
}

/** The answer with the request id removed: two answers must be equal in everything else. */
function comparable(response: { statusCode: number; headers: Record<string, unknown>; json(): unknown }) {
  const body = response.json() as Record<string, unknown>;
  const { requestId: _requestId, detail, ...rest } = body;
  return { status: response.statusCode, contentType: response.headers['content-type'], detail, ...rest };
}

for (const dialect of dialects) {
  describe(`isolation across workspaces (${dialect})`, { skip: skipReason(dialect) }, () => {
    let hub: Hub;
    const jobs = fakeJobs();
    let a: Awaited<ReturnType<typeof workspaceWithPeople>>;
    let b: Awaited<ReturnType<typeof workspaceWithPeople>>;
    let bIds: Ids;
    let missing: Ids;

    before(async () => {
      hub = await startHub(dialect, { jobs });
      a = await workspaceWithPeople(hub, 'a');
      b = await workspaceWithPeople(hub, 'b');
      const bWebhook = await webhookWithDelivery(hub, b);
      const bSnapshot = await hub.call(b.apiKey, 'POST', `/api/v1/workspaces/${b.workspaceId}/compliance/tenants/${COMPLIANCE_TENANT}/snapshots`, SAMPLE_BODIES['POST /api/v1/workspaces/:workspaceId/compliance/tenants/:tenantId/snapshots']);
      const snapshotId = (bSnapshot.json() as { id: string }).id;
      const bReview = await hub.call(b.apiKey, 'POST', `/api/v1/workspaces/${b.workspaceId}/compliance/access-reviews`, { tenantId: COMPLIANCE_TENANT, name: 'B review' });
      const campaignId = (bReview.json() as { id: string }).id;
      bIds = { workspaceId: b.workspaceId, userId: b.memberUserId, apiKeyId: b.apiKeyId, jobId: jobs.add(b.workspaceId), ...bWebhook, externalUserId: 'host-user-b', attachmentId: await attachmentOf(hub, b.workspaceId), subscriptionId: await subscriptionOf(hub, b.workspaceId), tenantId: COMPLIANCE_TENANT, snapshotId, campaignId, runId: await runOf(hub, snapshotId), ...GRAPH_IDS };
      // B's customer tenant, connected as an admin consent connects one.
      await hub.store.db.transaction().execute((trx) => recordTenantConsent(trx, { workspaceId: b.workspaceId, tenantId: COMPLIANCE_TENANT, at: hub.clock.now(), by: 'admin-b@example.com' }));
      jobs.add(a.workspaceId);
      missing = { workspaceId: newId('ws'), userId: newId('usr'), apiKeyId: newId('key'), jobId: 'job_doesnotexist', webhookId: newId('whk'), deliveryId: newId('whd'), externalUserId: 'host-user-missing', attachmentId: newId('att'), subscriptionId: newId('sub'), tenantId: COMPLIANCE_TENANT, snapshotId: newId('snap'), campaignId: newId('arv'), runId: newId('asr'), ...GRAPH_IDS };
    });
    after(async () => hub?.close());

    const workspaceRoutes = () => hub.server.registeredRoutes.filter((r) => r.url.includes(':workspaceId'));

    it('knows every workspace route and has a sample body for each one that takes a body', () => {
      const routes = workspaceRoutes();
      assert.ok(routes.length >= 12, `found only ${routes.length} workspace routes`);
      for (const route of routes.filter((r) => r.hasBody)) {
        assert.ok(`${route.method} ${route.url}` in SAMPLE_BODIES, `no sample body for ${route.method} ${route.url}`);
      }
    });

    it("answers A's principals on B's ids exactly as on missing ids, on every workspace route", async () => {
      const callers: [string, Caller][] = [
        ['admin', a.admin],
        ['member', a.member],
        ['api key', a.apiKey],
      ];
      for (const route of workspaceRoutes()) {
        const body = SAMPLE_BODIES[`${route.method} ${route.url}`];
        for (const [who, caller] of callers) {
          const onB = await hub.call(caller, route.method, fill(route.url, bIds), body);
          const onMissing = await hub.call(caller, route.method, fill(route.url, missing), body);
          const label = `${who} ${route.method} ${route.url}`;
          assert.equal(onB.statusCode, 404, `${label}: ${onB.body}`);
          assert.deepEqual(comparable(onB), comparable(onMissing), label);
          assert.equal((onB.json() as { code: string }).code, 'not_found', label);
        }
      }
    });

    it("answers A's admin on A's workspace with B's member, key and job ids exactly as on missing ones", async () => {
      const subRoutes = workspaceRoutes().filter((r) => /:(userId|apiKeyId|jobId|webhookId|deliveryId|attachmentId|subscriptionId|snapshotId|campaignId|runId)|\/:workspaceId\/tenants\/:tenantId/.test(r.url));
      assert.ok(subRoutes.length >= 5);
      for (const route of subRoutes) {
        const body = SAMPLE_BODIES[`${route.method} ${route.url}`];
        const onB = await hub.call(a.admin, route.method, fill(route.url, { ...bIds, workspaceId: a.workspaceId }), body);
        const onMissing = await hub.call(a.admin, route.method, fill(route.url, { ...missing, workspaceId: a.workspaceId }), body);
        const label = `${route.method} ${route.url}`;
        assert.equal(onB.statusCode, 404, `${label}: ${onB.body}`);
        assert.deepEqual(comparable(onB), comparable(onMissing), label);
      }
    });

    it("never shows B's data in A's answers, and B is untouched by A's attempts", async () => {
      const secretsOfB = [b.workspaceId, 'Workspace b', 'member-b@example.com', 'admin-b@example.com', b.apiKeyId, b.key.slice(0, 12)];
      const reads = [
        '/api/v1/workspaces',
        `/api/v1/workspaces/${a.workspaceId}`,
        `/api/v1/workspaces/${a.workspaceId}/members`,
        `/api/v1/workspaces/${a.workspaceId}/api-keys`,
        `/api/v1/workspaces/${a.workspaceId}/audit-log`,
      ];
      for (const caller of [a.admin, a.member, a.apiKey]) {
        for (const url of reads) {
          const response = await hub.call(caller, 'GET', url);
          for (const secret of secretsOfB) assert.ok(!response.body.includes(secret), `${url} shows ${secret}`);
        }
      }
      const workspace = await hub.call(b.apiKey, 'GET', `/api/v1/workspaces/${b.workspaceId}`);
      assert.equal(workspace.statusCode, 200, 'B key still works');
      assert.equal((workspace.json() as { name: string }).name, 'Workspace b');
      const members = (await hub.call(b.admin, 'GET', `/api/v1/workspaces/${b.workspaceId}/members`)).json() as { items: unknown[] };
      assert.equal(members.items.length, 2, "B's members are all still there");
      const job = await hub.call(b.apiKey, 'GET', `/api/v1/workspaces/${b.workspaceId}/jobs/${bIds.jobId}`);
      assert.equal((job.json() as { status: string }).status, 'running', "B's job was not cancelled by A");
      const webhook = await hub.call(b.admin, 'GET', `/api/v1/workspaces/${b.workspaceId}/webhooks/${bIds.webhookId}`);
      assert.equal((webhook.json() as { enabled: boolean }).enabled, true, "B's webhook was neither disabled nor deleted by A");
    });
  });
}
