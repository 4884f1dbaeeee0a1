// The delivery log of an endpoint (newest first) and redelivery of one delivery.
import { sql, type Kysely, type Selectable } from 'kysely';
import { recordAudit, type AuditContext } from '../audit/index.js';
import { DomainError } from '../../platform/errors/domain-error.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import type { Database } from '../../platform/store/schema.js';
import type { WebhookDeliveriesTable } from './tables.js';
import type { Page, PageRequest } from '../../platform/store/keyset-page.js';
import { WEBHOOK_DELIVERY_JOB, WEBHOOK_MAX_ATTEMPTS } from './webhook-event-publisher.js';

export interface WebhookDelivery {
  id: string;
  endpointId: string;
  eventId: string;
  eventType: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: Date;
  deliveredAt: Date | null;
  event: Record<string, unknown>;
}

const toDelivery = (row: Selectable<WebhookDeliveriesTable>): WebhookDelivery => ({
  id: row.id,
  endpointId: row.endpoint_id,
  eventId: row.event_id,
  eventType: row.event_type,
  status: row.status,
  attempts: Number(row.attempts),
  lastStatusCode: row.last_status_code,
  lastError: row.last_error,
  createdAt: row.created_at,
  deliveredAt: row.delivered_at,
  event: row.payload,
});

export async function listWebhookDeliveries(db: Kysely<Database>, workspaceId: string, endpointId: string, page: PageRequest): Promise<Page<WebhookDelivery>> {
  const endpoint = await db.selectFrom('webhook_endpoints').select('id').where('workspace_id', '=', workspaceId).where('id', '=', endpointId).executeTakeFirst();
  if (!endpoint) throw new DomainError('not_found', 'No such webhook endpoint in this workspace.');
  let query = db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('endpoint_id', '=', endpointId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit + 1);
  if (page.after) query = query.where(sql<boolean>`(created_at, id) < (${page.after.createdAt}, ${page.after.id})`);
  const rows = await query.execute();
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  return { items: items.map(toDelivery), next: rows.length > page.limit && last ? { createdAt: last.created_at, id: last.id } : null };
}

/** Sends a delivery again (same event id and body, a fresh signature) through a new durable job. */
export async function redeliverWebhook(
  deps: { db: Kysely<Database>; queue: Pick<JobQueue, 'enqueue'> },
  workspaceId: string,
  endpointId: string,
  deliveryId: string,
  context: AuditContext,
): Promise<WebhookDelivery> {
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('webhook_deliveries')
      .set({ status: 'pending', next_attempt_at: context.at })
      .where('workspace_id', '=', workspaceId)
      .where('endpoint_id', '=', endpointId)
      .where('id', '=', deliveryId)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new DomainError('not_found', 'No such webhook delivery for this endpoint.');
    await deps.queue.enqueue({ type: WEBHOOK_DELIVERY_JOB, workspaceId, payload: { deliveryId }, maxAttempts: WEBHOOK_MAX_ATTEMPTS }, trx);
    await recordAudit(trx, { workspaceId, ...context, action: 'webhook.redelivered', target: { type: 'webhook_delivery', id: deliveryId }, data: { endpointId, eventId: row.event_id } });
    return toDelivery(row);
  });
}
