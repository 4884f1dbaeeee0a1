// Graph change notifications through the hub, end to end with the emulator: a host backend subscribes with its API
// key, Graph validates the hub's endpoint, a change in the directory arrives as the signed webhook
// graph.notification, a forged or repeated notification is not passed on, Microsoft removing the subscription makes
// the hub create it again, the renewal run renews what is due, and a subscription whose user has no connection fails
// with a webhook that says what to do.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { readWebhookEvent, type HubWebhookEvent } from '../../src/client/index.js';
import { dialects, skipReason } from '../support/stores.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';
import { CONTOSO, startConnectKit, type ConnectKit } from '../connect/support/connect-kit.js';

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined): Promise<T> {
  for (let i = 0; i < 600; i++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

for (const dialect of dialects) {
  describe(`Graph change notifications through the hub (${dialect})`, { skip: skipReason(dialect) }, () => {
    let kit: ConnectKit;
    let ws: { id: string; apiKey: string };
    let receiver: WebhookReceiver;
    let webhookSecret: string;

    const events = (type: string): HubWebhookEvent[] =>
      receiver.received.map((r) => readWebhookEvent(String(r.headers['m365hub-signature']), r.body, webhookSecret)).filter((e) => e.type === type);
    const subscriptionRow = (id: string) => kit.hub.hub.store.db.selectFrom('graph_subscriptions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const runJob = async (type: string, payload: Record<string, unknown> = {}) => {
      const job = await kit.hub.hub.jobs.enqueue({ type, payload });
      return until(`${type} to finish`, async () => {
        const row = await kit.hub.hub.store.db.selectFrom('jobs').select(['status', 'result']).where('id', '=', job.id).executeTakeFirstOrThrow();
        return ['succeeded', 'failed', 'dead'].includes(row.status) ? row : undefined;
      });
    };

    before(async () => {
      receiver = await startWebhookReceiver();
      kit = await startConnectKit(dialect, { withBackendUrl: true, env: { M365HUB_ALLOW_PRIVATE_WEBHOOK_TARGETS: 'true' } });
      ws = await kit.workspace('Notifications', { azureTenantId: CONTOSO });
      const hook = await kit.admin.call('POST', `/api/v1/workspaces/${ws.id}/webhooks`, { url: receiver.url });
      assert.equal(hook.status, 201, await hook.clone().text());
      webhookSecret = ((await hook.json()) as { secret: string }).secret;
    });
    after(async () => {
      await kit?.close();
      await receiver?.close();
    });

    const subscribe = async (body: Record<string, unknown>, headers: Record<string, string> = {}) => kit.api(ws.apiKey, 'POST', `/api/v1/workspaces/${ws.id}/subscriptions`, body, headers);

    it('subscribes to users with the app; a new user arrives as a signed graph.notification webhook', async () => {
      const created = await subscribe({ resource: 'users', changeType: 'updated', mode: 'application' });
      assert.equal(created.status, 201, await created.clone().text());
      const subscription = (await created.json()) as { id: string; status: string; expiresAt: string };
      assert.equal(subscription.status, 'active');
      // Microsoft's maximum for directory resources is 41,760 minutes (29 days): the hub asks for nearly all of it.
      assert.ok(Date.parse(subscription.expiresAt) > Date.now() + 28 * 86_400_000, subscription.expiresAt);

      const user = await kit.emulator.createUser(CONTOSO, { userPrincipalName: `new-hire-${dialect}@contoso.onmicrosoft.com` });
      const event = await until('graph.notification', () => events('graph.notification').find((e) => (e.data.resourceData as { id?: string } | null)?.id === user.id));
      assert.equal(event.workspaceId, ws.id);
      assert.equal(event.data.subscriptionId, subscription.id);
      assert.equal(event.data.changeType, 'updated');
      assert.equal(event.data.changedResource, `Users/${user.id}`);
      assert.ok(!JSON.stringify(event).includes('clientState'), 'the clientState secret is not passed on');
    });

    it('attack: a notification with a forged clientState is dropped; a repeated one is passed on once', async () => {
      const created = (await (await subscribe({ resource: 'groups', changeType: 'updated', mode: 'application' })).json()) as { id: string };
      const row = await subscriptionRow(created.id);
      const post = (body: unknown) => fetch(`${kit.hub.url}/graph/notifications/${row.receive_token}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const item = { subscriptionId: row.graph_subscription_id, changeType: 'updated', resource: 'Groups/g-forged', resourceData: { id: 'g-forged' }, clientState: 'guessed', tenantId: CONTOSO };
      assert.equal((await post({ value: [item] })).status, 202);
      assert.match(kit.hub.logs(), /graph notification dropped/);

      // A genuine change, delivered twice by Graph: the receiver sees it once.
      await kit.emulator.createGroup(CONTOSO, { displayName: `Auditors ${dialect}` });
      const first = await until('the group notification', () => events('graph.notification').find((e) => e.data.subscriptionId === created.id));
      const delivered = (await kit.emulator.fetch(`${kit.emulator.url}/_emulator/subscriptions`).then((r) => r.json())) as { deliveries: { kind: string; body?: { value: { subscriptionId: string }[] } }[] };
      const sent = delivered.deliveries.find((d) => d.kind === 'notification' && d.body?.value[0]?.subscriptionId === row.graph_subscription_id)!;
      assert.equal((await post(sent.body)).status, 202);
      // Events become webhook deliveries in the same transaction: once the endpoint answered, the count is final.
      const deliveries = await kit.hub.hub.store.db.selectFrom('webhook_deliveries').select('payload').where('workspace_id', '=', ws.id).where('event_type', '=', 'graph.notification').execute();
      assert.equal(deliveries.filter((d) => (d.payload as { data: { subscriptionId: string } }).data.subscriptionId === created.id).length, 1);
      assert.equal(events('graph.notification').some((e) => (e.data.resourceData as { id?: string } | null)?.id === 'g-forged'), false);
      assert.ok(first);
      assert.ok(!kit.hub.logs().includes(row.receive_token), 'the endpoint secret is not logged');
    });

    it('validation requests are answered only for the hub’s own endpoints', async () => {
      const unknown = await fetch(`${kit.hub.url}/graph/notifications/${'x'.repeat(32)}?validationToken=hello`, { method: 'POST', headers: { 'content-type': 'text/plain' } });
      assert.equal(unknown.status, 404);
    });

    it('Microsoft removes a subscription (lifecycle subscriptionRemoved): the hub creates it again', async () => {
      const created = (await (await subscribe({ resource: 'users', changeType: 'updated', mode: 'application' })).json()) as { id: string };
      const before = await subscriptionRow(created.id);
      const raised = await kit.emulator.fetch(`${kit.emulator.url}/_emulator/subscriptions/${before.graph_subscription_id}/lifecycle`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ lifecycleEvent: 'subscriptionRemoved' }),
      });
      assert.equal(raised.status, 202);
      const after = await until('the subscription to be created again', async () => {
        const row = await subscriptionRow(created.id);
        return row.graph_subscription_id !== before.graph_subscription_id ? row : undefined;
      });
      assert.equal(after.status, 'active');
      assert.notEqual(after.client_state_digest, before.client_state_digest, 'a new clientState with the new subscription');
    });

    it('the renewal run renews what is due at Microsoft', async () => {
      const created = (await (await subscribe({ resource: 'users', changeType: 'updated', mode: 'application' })).json()) as { id: string };
      const soon = new Date(Date.now() + 30 * 60_000);
      await kit.hub.hub.store.db.updateTable('graph_subscriptions').set({ expires_at: soon }).where('id', '=', created.id).execute();
      const job = await runJob('subscriptions.renew');
      assert.equal(job.status, 'succeeded', JSON.stringify(job));
      const row = await subscriptionRow(created.id);
      assert.ok(row.expires_at!.getTime() > Date.now() + 28 * 86_400_000, String(row.expires_at));
      const atGraph = (await kit.emulator.fetch(`${kit.emulator.url}/_emulator/subscriptions`).then((r) => r.json())) as { value: { id: string; expirationDateTime: string }[] };
      assert.equal(atGraph.value.find((s) => s.id === row.graph_subscription_id)?.expirationDateTime, row.expires_at!.toISOString(), 'the hub keeps the expiry Microsoft answered');
    });

    it('a delegated subscription needs the acting user, and a user without a connection is refused clearly', async () => {
      const anonymous = await subscribe({ resource: 'me/messages', changeType: 'created', mode: 'delegated' });
      assert.equal(anonymous.status, 400);
      assert.equal(((await anonymous.json()) as { code: string }).code, 'acting_user_required');
      const stranger = await subscribe({ resource: 'me/messages', changeType: 'created', mode: 'delegated' }, { 'x-m365hub-acting-user': 'never-connected' });
      assert.equal(stranger.status, 404);
      assert.equal(((await stranger.json()) as { code: string }).code, 'connection_not_found');
    });

    it('an unsupported resource is refused before Microsoft is asked; another workspace’s subscription is 404', async () => {
      const unsupported = await subscribe({ resource: 'organization', changeType: 'updated', mode: 'application' });
      assert.equal(unsupported.status, 400);
      assert.equal(((await unsupported.json()) as { code: string }).code, 'subscription_resource_unsupported');
      const mine = (await (await subscribe({ resource: 'groups', changeType: 'updated', mode: 'application' })).json()) as { id: string };
      const other = await kit.workspace('Someone else', { azureTenantId: CONTOSO });
      const foreign = await kit.api(other.apiKey, 'GET', `/api/v1/workspaces/${other.id}/subscriptions/${mine.id}`);
      assert.equal(foreign.status, 404);
      assert.equal((await kit.api(other.apiKey, 'DELETE', `/api/v1/workspaces/${other.id}/subscriptions/${mine.id}`)).status, 404);
      assert.equal((await kit.api(ws.apiKey, 'DELETE', `/api/v1/workspaces/${ws.id}/subscriptions/${mine.id}`)).status, 204);
    });

    it('a subscription whose user lost their connection fails at renewal, with a graph.subscription_failed webhook', async () => {
      const created = (await (await subscribe({ resource: 'users', changeType: 'updated', mode: 'application' })).json()) as { id: string };
      // As if it had been made for a user who has since disconnected.
      await kit.hub.hub.store.db.updateTable('graph_subscriptions').set({ mode: 'delegated', external_user_id: 'gone-user', expires_at: new Date(Date.now() + 60_000) }).where('id', '=', created.id).execute();
      await runJob('subscriptions.renew');
      const row = await subscriptionRow(created.id);
      assert.equal(row.status, 'failed');
      assert.match(row.status_reason ?? '', /connect again/);
      const event = await until('graph.subscription_failed', () => events('graph.subscription_failed').find((e) => e.data.subscriptionId === created.id));
      assert.equal(event.data.externalUserId, 'gone-user');
    });
  });
}
