// Keeps a host product's Graph subscriptions alive: creates them (Graph validates the hub's endpoint during the
// call), renews each before Microsoft's maximum lifetime, recreates one Microsoft removed, answers lifecycle events,
// and passes each genuine, first-seen notification on as the signed webhook `graph.notification`.
//
// Microsoft's rules followed (https://learn.microsoft.com/graph/change-notifications-delivery-webhooks):
//  - clientState is compared on every notification; one that does not match is dropped (and logged, never stored);
//  - a notification may arrive more than once: each is passed on once (graph_notification_receipts);
//  - lifecycle events (change-notifications-lifecycle-events): reauthorizationRequired → reauthorize,
//    subscriptionRemoved → create it again, missed → tell the host product to resynchronise.
import { timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { CreateSubscriptionBody, Subscription } from '../../contract/subscription-schemas.js';
import type { GraphClient } from '../../microsoft/graph/graph-client.js';
import { GraphError } from '../../microsoft/graph/graph-error.js';
import { sha256 } from '../../platform/crypto/sha256.js';
import type { EventPublisher } from '../../platform/events/event-publisher.js';
import type { AuditContext } from '../../platform/http/principal.js';
import { HttpProblem } from '../../platform/http/http-problem.js';
import type { Logger } from '../../platform/logging/logger.js';
import { newId, randomToken } from '../../platform/store/ids.js';
import type { Database } from '../../platform/store/schema.js';
import type { Clock } from '../../platform/time/clock.js';
import { recordAudit } from '../audit/index.js';
import { TokenError, type GraphClientFactory } from '../tokens/index.js';
import type { SubscriptionEventType } from './events.js';
import { expirationFor, maxLifetimeMinutes, normaliseResource, renewalDueAt } from './subscription-lifetimes.js';
import { activeSubscriptions, findByReceiveToken, forgetReceiptsBefore, getSubscription, recordReceipt, subscriptionResource, type SubscriptionRow } from './subscription-store.js';

export interface SubscriptionManagerDeps {
  db: Kysely<Database>;
  graphs: GraphClientFactory;
  events: EventPublisher<SubscriptionEventType>;
  clock: Clock;
  logger: Logger;
  /** Config.backendUrl: the public URL Microsoft posts notifications to. */
  publicUrl: string | undefined;
}

export type LifecycleEvent = 'reauthorizationRequired' | 'subscriptionRemoved' | 'missed';

/** What a notification endpoint tells the route: which lifecycle work to queue. */
export interface ReceiveOutcome {
  accepted: number;
  dropped: number;
  lifecycle: { subscriptionId: string; event: LifecycleEvent }[];
}

interface GraphSubscriptionAnswer {
  id: string;
  expirationDateTime: string;
}

const RECEIPT_DAYS = 7;

const digestOf = (clientState: string) => sha256(clientState, 'hex');

function sameDigest(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

export class SubscriptionManager {
  constructor(private readonly deps: SubscriptionManagerDeps) {}

  async create(workspaceId: string, input: CreateSubscriptionBody, actingUser: string | undefined, context: AuditContext): Promise<Subscription> {
    const resource = normaliseResource(input.resource);
    const maxMinutes = maxLifetimeMinutes(resource);
    if (maxMinutes === undefined) throw new HttpProblem('subscription_resource_unsupported', { errors: [{ pointer: '/body/resource', detail: 'is not a resource the hub can subscribe to' }] });
    if (!this.deps.publicUrl) throw new HttpProblem('notification_url_unavailable');
    if (input.mode === 'delegated' && !actingUser) throw new HttpProblem('acting_user_required');
    const now = this.deps.clock.now();
    const id = newId('sub');
    const row: SubscriptionRow = {
      id,
      workspace_id: workspaceId,
      mode: input.mode,
      external_user_id: input.mode === 'delegated' ? actingUser! : null,
      tenant_id: input.mode === 'application' ? (input.tenant ?? null) : null,
      resource,
      change_type: input.changeType,
      graph_subscription_id: null,
      receive_token: randomToken(24),
      client_state_digest: '',
      expires_at: null,
      status: 'active',
      status_reason: null,
      last_notification_at: null,
      created_at: now,
      updated_at: now,
    };
    const clientState = randomToken(48);
    row.client_state_digest = digestOf(clientState);
    // The row exists before Graph is asked, so the validation request Graph sends during the call finds it.
    await this.deps.db.insertInto('graph_subscriptions').values(row).execute();
    try {
      const created = await this.createAtGraph(row, clientState, maxMinutes);
      await this.deps.db.transaction().execute(async (trx) => {
        await trx.updateTable('graph_subscriptions').set({ graph_subscription_id: created.id, expires_at: new Date(created.expirationDateTime), updated_at: now }).where('id', '=', id).execute();
        await recordAudit(trx, { workspaceId, ...context, action: 'subscription.created', target: { type: 'subscription', id }, data: { resource, changeType: input.changeType, mode: input.mode } });
      });
    } catch (error) {
      await this.deps.db.deleteFrom('graph_subscriptions').where('id', '=', id).execute();
      throw refusal(error);
    }
    return subscriptionResource(await getSubscription(this.deps.db, workspaceId, id));
  }

  async remove(workspaceId: string, id: string, context: AuditContext): Promise<void> {
    const row = await getSubscription(this.deps.db, workspaceId, id);
    if (row.graph_subscription_id) {
      try {
        await this.graphFor(row).delete(`/subscriptions/${encodeURIComponent(row.graph_subscription_id)}`);
      } catch (error) {
        // Already gone at Microsoft (expired or removed), or the connection is: nothing left to stop there.
        if (!(error instanceof GraphError && error.status === 404) && !(error instanceof TokenError)) throw error;
      }
    }
    await this.deps.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('graph_subscriptions').where('id', '=', row.id).execute();
      await recordAudit(trx, { workspaceId, ...context, action: 'subscription.deleted', target: { type: 'subscription', id }, data: { resource: row.resource } });
    });
  }

  /** The validation request: known endpoints only echo the token (never an open echo service). */
  async knowsEndpoint(receiveToken: string): Promise<boolean> {
    return (await findByReceiveToken(this.deps.db, receiveToken)) !== undefined;
  }

  /** Change or lifecycle notifications posted to one subscription's endpoint. */
  async receive(receiveToken: string, items: unknown[]): Promise<ReceiveOutcome | undefined> {
    const row = await findByReceiveToken(this.deps.db, receiveToken);
    if (!row) return undefined;
    const outcome: ReceiveOutcome = { accepted: 0, dropped: 0, lifecycle: [] };
    const now = this.deps.clock.now();
    for (const raw of items) {
      const item = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
      if (typeof item.clientState !== 'string' || !sameDigest(digestOf(item.clientState), row.client_state_digest) || item.subscriptionId !== row.graph_subscription_id) {
        outcome.dropped++;
        this.deps.logger.warn({ workspaceId: row.workspace_id, subscriptionId: row.id }, 'graph notification dropped: clientState or subscription id does not match');
        continue;
      }
      const lifecycleEvent = item.lifecycleEvent;
      if (lifecycleEvent === 'reauthorizationRequired' || lifecycleEvent === 'subscriptionRemoved') {
        outcome.lifecycle.push({ subscriptionId: row.id, event: lifecycleEvent });
        outcome.accepted++;
        continue;
      }
      const { clientState: _secret, ...shown } = item;
      await this.deps.db.transaction().execute(async (trx) => {
        if (!(await recordReceipt(trx, row.id, sha256(JSON.stringify(shown), 'hex'), now))) return;
        await trx.updateTable('graph_subscriptions').set({ last_notification_at: now }).where('id', '=', row.id).execute();
        await this.deps.events.publish(trx, {
          workspaceId: row.workspace_id,
          type: 'graph.notification',
          data: {
            subscriptionId: row.id,
            resource: row.resource,
            externalUserId: row.external_user_id,
            tenantId: typeof item.tenantId === 'string' ? item.tenantId : row.tenant_id,
            ...(lifecycleEvent === 'missed' ? { lifecycleEvent: 'missed' } : { changeType: item.changeType ?? null, changedResource: item.resource ?? null, resourceData: item.resourceData ?? null }),
          },
        });
      });
      outcome.accepted++;
    }
    return outcome;
  }

  /** A lifecycle event's work, run as a job (the notification itself is answered at once, as Graph asks). */
  async handleLifecycle(subscriptionId: string, event: LifecycleEvent): Promise<void> {
    const row = await this.deps.db.selectFrom('graph_subscriptions').selectAll().where('id', '=', subscriptionId).executeTakeFirst();
    if (!row || row.status !== 'active') return;
    if (event === 'reauthorizationRequired' && row.graph_subscription_id) {
      await this.attempt(row, () => this.graphFor(row).post(`/subscriptions/${encodeURIComponent(row.graph_subscription_id!)}/reauthorize`, {}));
      return;
    }
    if (event === 'subscriptionRemoved') await this.attempt(row, () => this.recreate(row));
  }

  /** The renewal run: every active subscription due (or never created at Graph) is renewed or created again. */
  async renewDue(): Promise<{ renewed: number; recreated: number; failed: number }> {
    const now = this.deps.clock.now();
    const counts = { renewed: 0, recreated: 0, failed: 0 };
    for (const row of await activeSubscriptions(this.deps.db)) {
      const maxMinutes = maxLifetimeMinutes(row.resource)!;
      if (row.graph_subscription_id && row.expires_at && renewalDueAt(row.expires_at, maxMinutes) > now) continue;
      const result = await this.attempt(row, async () => {
        if (!row.graph_subscription_id || !row.expires_at || row.expires_at <= now) return this.recreate(row);
        try {
          const renewed = await this.graphFor(row).patch<GraphSubscriptionAnswer>(`/subscriptions/${encodeURIComponent(row.graph_subscription_id)}`, { expirationDateTime: expirationFor(maxMinutes, now).toISOString() });
          await this.deps.db.updateTable('graph_subscriptions').set({ expires_at: new Date(renewed.expirationDateTime), updated_at: now }).where('id', '=', row.id).execute();
          return 'renewed' as const;
        } catch (error) {
          // Microsoft deleted it (expired, or removed): make a new one for the same resource.
          if (error instanceof GraphError && error.status === 404) return this.recreate(row);
          throw error;
        }
      });
      if (result === 'renewed') counts.renewed++;
      else if (result === 'recreated') counts.recreated++;
      else if (result === 'failed') counts.failed++;
    }
    await forgetReceiptsBefore(this.deps.db, new Date(now.getTime() - RECEIPT_DAYS * 86_400_000));
    return counts;
  }

  private async recreate(row: SubscriptionRow): Promise<'recreated'> {
    const clientState = randomToken(48);
    const created = await this.createAtGraph(row, clientState, maxLifetimeMinutes(row.resource)!);
    await this.deps.db
      .updateTable('graph_subscriptions')
      .set({ graph_subscription_id: created.id, client_state_digest: digestOf(clientState), expires_at: new Date(created.expirationDateTime), updated_at: this.deps.clock.now() })
      .where('id', '=', row.id)
      .execute();
    return 'recreated';
  }

  /**
   * Runs Graph work for one subscription. A refusal that waiting will not fix (403: the permission was withdrawn; the
   * user's connection must be reconnected) marks it failed and tells the host product; anything else is retried on
   * the next run.
   */
  private async attempt<T>(row: SubscriptionRow, work: () => Promise<T>): Promise<T | 'failed' | 'retry'> {
    try {
      return await work();
    } catch (error) {
      const reason = permanentReason(error);
      if (!reason) {
        this.deps.logger.warn({ workspaceId: row.workspace_id, subscriptionId: row.id, code: (error as { code?: string }).code }, 'graph subscription work failed; retried on the next run');
        return 'retry';
      }
      const now = this.deps.clock.now();
      await this.deps.db.transaction().execute(async (trx) => {
        await trx.updateTable('graph_subscriptions').set({ status: 'failed', status_reason: reason, updated_at: now }).where('id', '=', row.id).execute();
        await this.deps.events.publish(trx, {
          workspaceId: row.workspace_id,
          type: 'graph.subscription_failed',
          data: { subscriptionId: row.id, resource: row.resource, externalUserId: row.external_user_id, reason },
        });
      });
      return 'failed';
    }
  }

  private async createAtGraph(row: SubscriptionRow, clientState: string, maxMinutes: number): Promise<GraphSubscriptionAnswer> {
    const base = this.deps.publicUrl!.replace(/\/+$/, '');
    return this.graphFor(row).post<GraphSubscriptionAnswer>('/subscriptions', {
      changeType: row.change_type,
      resource: row.resource,
      notificationUrl: `${base}/graph/notifications/${row.receive_token}`,
      lifecycleNotificationUrl: `${base}/graph/lifecycle/${row.receive_token}`,
      expirationDateTime: expirationFor(maxMinutes, this.deps.clock.now()).toISOString(),
      clientState,
      latestSupportedTlsVersion: 'v1_2',
    });
  }

  private graphFor(row: SubscriptionRow): GraphClient {
    return row.mode === 'delegated' ? this.deps.graphs.forUser(row.workspace_id, row.external_user_id!) : this.deps.graphs.forApp(row.workspace_id, row.tenant_id ?? undefined);
  }
}

function permanentReason(error: unknown): string | undefined {
  if (error instanceof GraphError && error.status === 403) {
    return `Microsoft Graph refused (${error.code}): the permission that reads this resource is missing or was withdrawn. Grant it (Test Connection lists what is missing), then create the subscription again.`;
  }
  if (error instanceof TokenError && (error.code === 'connection_needs_reconnect' || error.code === 'connection_not_found')) {
    return `The user's Microsoft 365 connection ${error.code === 'connection_not_found' ? 'is gone' : 'must be reconnected'}: ask them to connect again, then create the subscription again.`;
  }
  return undefined;
}

/** What the create route answers when Graph or the token service said no. */
function refusal(error: unknown): unknown {
  if (error instanceof GraphError && error.status >= 400 && error.status < 500 && error.status !== 429) {
    return new HttpProblem('subscription_rejected', { detail: `Microsoft Graph refused the subscription (${error.status} ${error.code}): ${error.message}` });
  }
  return error;
}
