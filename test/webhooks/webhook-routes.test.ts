// The webhook routes as an admin, a member and an API key use them: the signing secret shown once (create, rotate)
// and never again, SSRF refusals with the reason, validation, the delivery log and redelivery, and the audit trail
// without the secret. Through the HTTP server on a real store; no network (host names resolve in the fixture).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { JobQueue } from '../../src/platform/jobs/job-queue.js';
import { WebhookEventPublisher } from '../../src/features/webhooks/webhook-event-publisher.js';
import { startHub, workspaceWithPeople, type Hub } from '../http/hub-fixture.js';
import { dialects, skipReason } from '../support/stores.js';

for (const dialect of dialects) {
  describe(`webhook routes (${dialect})`, { skip: skipReason(dialect) }, () => {
    let hub: Hub;
    let ws: Awaited<ReturnType<typeof workspaceWithPeople>>;
    let base: string;
    const secretsShown: string[] = [];

    before(async () => {
      hub = await startHub(dialect);
      ws = await workspaceWithPeople(hub, 'w');
      base = `/api/v1/workspaces/${ws.workspaceId}/webhooks`;
    });
    after(async () => hub?.close());

    const create = async (body: unknown) => hub.call(ws.admin, 'POST', base, body);

    it('creates an endpoint and shows its signing secret once; lists and reads never show it', async () => {
      const created = await create({ url: 'https://hooks.example.com/m365', eventTypes: ['connection.health_changed', 'credential.expiring'] });
      assert.equal(created.statusCode, 201, created.body);
      const endpoint = created.json() as { id: string; secret: string; url: string; eventTypes: string[]; enabled: boolean };
      assert.match(endpoint.secret, /^whsec_[A-Za-z0-9_-]{20,}$/);
      secretsShown.push(endpoint.secret);
      assert.equal(created.headers.location, `${base}/${endpoint.id}`);
      assert.equal(created.headers['cache-control'], 'no-store');
      assert.deepEqual(endpoint.eventTypes, ['connection.health_changed', 'credential.expiring']);
      assert.equal(endpoint.enabled, true);

      const list = await hub.call(ws.admin, 'GET', base);
      const one = await hub.call(ws.admin, 'GET', `${base}/${endpoint.id}`);
      for (const response of [list, one]) {
        assert.equal(response.statusCode, 200);
        assert.ok(!response.body.includes(endpoint.secret), 'secret not shown again');
        assert.ok(!/"secret"/.test(response.body));
      }
      assert.deepEqual((list.json() as { items: { id: string }[] }).items.map((i) => i.id), [endpoint.id]);
    });

    it('changes, rotates (new secret once, the old one signing until the grace period ends) and deletes', async () => {
      const { id } = (await create({ url: 'https://hooks.example.com/rotating' })).json() as { id: string };
      const patched = await hub.call(ws.admin, 'PATCH', `${base}/${id}`, { enabled: false, eventTypes: ['credential.expired'] });
      assert.equal(patched.statusCode, 200, patched.body);
      assert.equal((patched.json() as { enabled: boolean }).enabled, false);
      assert.deepEqual((patched.json() as { eventTypes: string[] }).eventTypes, ['credential.expired']);
      const allTypes = await hub.call(ws.admin, 'PATCH', `${base}/${id}`, { eventTypes: null, enabled: true });
      assert.equal((allTypes.json() as { eventTypes: null }).eventTypes, null);

      const rotated = await hub.call(ws.admin, 'POST', `${base}/${id}/rotate-secret`);
      assert.equal(rotated.statusCode, 200, rotated.body);
      const { secret, previousSecretExpiresAt } = rotated.json() as { secret: string; previousSecretExpiresAt: string };
      assert.match(secret, /^whsec_/);
      secretsShown.push(secret);
      assert.equal(previousSecretExpiresAt, new Date(hub.clock.now().getTime() + 24 * 3600_000).toISOString());
      assert.ok(!(await hub.call(ws.admin, 'GET', `${base}/${id}`)).body.includes(secret));

      assert.equal((await hub.call(ws.admin, 'DELETE', `${base}/${id}`)).statusCode, 204);
      const gone = await hub.call(ws.admin, 'GET', `${base}/${id}`);
      assert.equal(gone.statusCode, 404);
      assert.equal((gone.json() as { code: string }).code, 'not_found');
    });

    it('refuses private, loopback and link-local targets with the reason and how to allow them', async () => {
      for (const url of ['http://127.0.0.1:8080/hook', 'http://169.254.169.254/latest/meta-data', 'https://[::1]/hook', 'https://internal.example.net/hook', 'http://2130706433/']) {
        const refused = await create({ url });
        assert.equal(refused.statusCode, 422, `${url}: ${refused.body}`);
        const problem = refused.json() as { code: string; detail: string };
        assert.equal(problem.code, 'webhook_target_refused', url);
        assert.match(problem.detail, /private, loopback, link-local/);
        assert.match(problem.detail, /M365HUB_ALLOW_PRIVATE_WEBHOOK_TARGETS=true/);
      }
      const { id } = (await create({ url: 'https://hooks.example.com/ok' })).json() as { id: string };
      const moved = await hub.call(ws.admin, 'PATCH', `${base}/${id}`, { url: 'http://10.1.2.3/' });
      assert.equal(moved.statusCode, 422);
      assert.equal((await hub.call(ws.admin, 'GET', `${base}/${id}`)).json().url, 'https://hooks.example.com/ok', 'unchanged');
    });

    it('validates the URL and the event types', async () => {
      const ftp = await create({ url: 'ftp://hooks.example.com/x' });
      assert.equal(ftp.statusCode, 400);
      assert.equal((ftp.json() as { errors: { pointer: string }[] }).errors[0]!.pointer, '/body/url');
      const withPassword = await create({ url: 'https://user:pw@hooks.example.com/x' });
      assert.equal(withPassword.statusCode, 400);
      const unknownType = await create({ url: 'https://hooks.example.com/x', eventTypes: ['connection.health_chnaged'] });
      assert.equal(unknownType.statusCode, 400);
      assert.match((unknownType.json() as { errors: { pointer: string }[] }).errors[0]!.pointer, /^\/body\/eventTypes/);
    });

    it('keeps members and API keys out of every webhook route', async () => {
      const { id } = (await create({ url: 'https://hooks.example.com/guarded' })).json() as { id: string };
      const routes = hub.server.registeredRoutes.filter((r) => r.url.includes('/webhooks'));
      assert.ok(routes.length >= 8, `found ${routes.length} webhook routes`);
      for (const route of routes) {
        const url = route.url.replace(':workspaceId', ws.workspaceId).replace(':webhookId', id).replace(':deliveryId', 'whd_aaaaaaaaaaaaaaaaaaaaaaaaaa');
        const body = route.method === 'POST' && route.hasBody ? { url: 'https://hooks.example.com/other' } : route.method === 'PATCH' ? { enabled: false } : undefined;
        for (const [who, caller] of [['member', ws.member], ['api key', ws.apiKey]] as const) {
          const response = await hub.call(caller, route.method, url, body);
          assert.equal(response.statusCode, 403, `${who} ${route.method} ${route.url}: ${response.body}`);
        }
      }
      assert.equal((await hub.call(ws.admin, 'GET', `${base}/${id}`)).json().enabled, true, 'untouched');
    });

    it('lists deliveries newest first with paging, and redelivers one (202)', async () => {
      const { id } = (await create({ url: 'https://hooks.example.com/log' })).json() as { id: string };
      const queue = new JobQueue({ db: hub.store.db, clock: hub.clock, logger: hub.server.log as never });
      const publisher = new WebhookEventPublisher({ queue, clock: hub.clock });
      for (const type of ['connection.health_changed', 'credential.expiring', 'credential.expired'] as const) {
        await publisher.publish(hub.store.db, { workspaceId: ws.workspaceId, type, data: { n: type } });
        hub.clock.advance(1000);
      }
      const first = await hub.call(ws.admin, 'GET', `${base}/${id}/deliveries?limit=2`);
      assert.equal(first.statusCode, 200, first.body);
      const page1 = first.json() as { items: { id: string; eventType: string; status: string; attempts: number; event: { type: string } }[]; nextCursor: string };
      assert.deepEqual(page1.items.map((d) => d.eventType), ['credential.expired', 'credential.expiring']);
      assert.equal(page1.items[0]!.status, 'pending');
      assert.equal(page1.items[0]!.attempts, 0);
      assert.equal(page1.items[0]!.event.type, 'credential.expired');
      const page2 = (await hub.call(ws.admin, 'GET', `${base}/${id}/deliveries?limit=2&cursor=${page1.nextCursor}`)).json() as { items: { id: string; eventType: string }[]; nextCursor: null };
      assert.deepEqual(page2.items.map((d) => d.eventType), ['connection.health_changed']);
      assert.equal(page2.nextCursor, null);

      const redelivered = await hub.call(ws.admin, 'POST', `${base}/${id}/deliveries/${page2.items[0]!.id}/redeliver`);
      assert.equal(redelivered.statusCode, 202, redelivered.body);
      assert.equal((redelivered.json() as { id: string }).id, page2.items[0]!.id);
      const jobs = await hub.store.db.selectFrom('jobs').select('payload').where('type', '=', 'webhook.deliver').where('workspace_id', '=', ws.workspaceId).execute();
      assert.equal(jobs.filter((j) => j.payload.deliveryId === page2.items[0]!.id).length, 2, 'a new delivery job besides the first');
    });

    it('audits every change, and the secret is never in the audit log nor in the logs', async () => {
      const audit = await hub.call(ws.admin, 'GET', `/api/v1/workspaces/${ws.workspaceId}/audit-log?limit=200`);
      const actions = (audit.json() as { items: { action: string }[] }).items.map((e) => e.action);
      for (const action of ['webhook.created', 'webhook.updated', 'webhook.secret_rotated', 'webhook.deleted', 'webhook.redelivered']) {
        assert.ok(actions.includes(action), `${action} in ${actions.join(',')}`);
      }
      assert.ok(secretsShown.length >= 2);
      for (const secret of secretsShown) {
        assert.ok(!audit.body.includes(secret), 'not in the audit log');
        assert.ok(!hub.logText().includes(secret), 'not in the logs');
      }
    });
  });
}
