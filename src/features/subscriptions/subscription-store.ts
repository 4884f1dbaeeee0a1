// Reads and writes of graph_subscriptions and graph_notification_receipts. Every read by id is confined to its
// workspace: another workspace's subscription answers as missing.
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Subscription } from '../../contract/subscription-schemas.js';
import { DomainError } from '../../platform/errors/domain-error.js';
import { isAfter, toPage, type Page, type PageRequest } from '../../platform/store/keyset-page.js';
import type { Database } from '../../platform/store/schema.js';
import type { GraphSubscriptionsTable } from './tables.js';

export type SubscriptionRow = Selectable<GraphSubscriptionsTable>;
type Db = Kysely<Database> | Transaction<Database>;

const notFound = () => new DomainError('not_found', 'No such subscription in this workspace.');
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function subscriptionResource(row: SubscriptionRow): Subscription {
  return {
    id: row.id,
    resource: row.resource,
    changeType: row.change_type,
    mode: row.mode,
    externalUserId: row.external_user_id,
    tenantId: row.tenant_id,
    status: row.status,
    statusReason: row.status_reason,
    expiresAt: iso(row.expires_at),
    lastNotificationAt: iso(row.last_notification_at),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function getSubscription(db: Db, workspaceId: string, id: string): Promise<SubscriptionRow> {
  const row = await db.selectFrom('graph_subscriptions').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

export async function listSubscriptions(db: Db, workspaceId: string, page: PageRequest): Promise<Page<Subscription>> {
  let query = db.selectFrom('graph_subscriptions').selectAll().where('workspace_id', '=', workspaceId).orderBy('created_at').orderBy('id').limit(page.limit + 1);
  if (page.after) query = query.where(isAfter('created_at', 'id', page.after));
  return toPage(await query.execute(), page.limit, (r) => ({ createdAt: r.created_at, id: r.id }), subscriptionResource);
}

export async function findByReceiveToken(db: Db, token: string): Promise<SubscriptionRow | undefined> {
  return db.selectFrom('graph_subscriptions').selectAll().where('receive_token', '=', token).executeTakeFirst();
}

export async function activeSubscriptions(db: Db): Promise<SubscriptionRow[]> {
  return db.selectFrom('graph_subscriptions').selectAll().where('status', '=', 'active').orderBy('expires_at').execute();
}

/** True when this notification had not been seen: the one place a duplicate delivery is recognised. */
export async function recordReceipt(db: Db, subscriptionId: string, dedupeKey: string, at: Date): Promise<boolean> {
  const inserted = await db
    .insertInto('graph_notification_receipts')
    .values({ subscription_id: subscriptionId, dedupe_key: dedupeKey, received_at: at })
    .onConflict((oc) => oc.columns(['subscription_id', 'dedupe_key']).doNothing())
    .returning('subscription_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function forgetReceiptsBefore(db: Db, before: Date): Promise<number> {
  const result = await db.deleteFrom('graph_notification_receipts').where('received_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
