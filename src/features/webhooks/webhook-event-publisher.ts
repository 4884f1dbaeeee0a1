// The EventPublisher of the hub: an event becomes one delivery row and one durable delivery job per matching
// endpoint, written in the caller's transaction, so an event exists exactly when the change it describes does.
import type { Kysely, Transaction } from 'kysely';
import type { EventPublisher, HubEvent } from '../../platform/events/event-publisher.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import { newId } from '../../platform/store/ids.js';
import type { Database } from '../../platform/store/schema.js';
import type { Clock } from '../../platform/time/clock.js';

export const WEBHOOK_DELIVERY_JOB = 'webhook.deliver';
/** With the worker's backoff (5 s doubling, at most 1 h between tries) the last try is about 2.5 hours after the first. */
export const WEBHOOK_MAX_ATTEMPTS = 12;

/** What a receiver gets: `{ id, type, workspaceId, createdAt, data }`. */
export interface WebhookEvent {
  id: string;
  type: string;
  workspaceId: string;
  createdAt: string;
  data: Record<string, unknown>;
}

export class WebhookEventPublisher implements EventPublisher {
  readonly #queue: Pick<JobQueue, 'enqueue'>;
  readonly #clock: Clock;

  constructor(options: { queue: Pick<JobQueue, 'enqueue'>; clock: Clock }) {
    this.#queue = options.queue;
    this.#clock = options.clock;
  }

  async publish(db: Kysely<Database> | Transaction<Database>, event: HubEvent): Promise<void> {
    const endpoints = await db.selectFrom('webhook_endpoints').select(['id', 'event_types']).where('workspace_id', '=', event.workspaceId).where('enabled', '=', true).execute();
    const matching = endpoints.filter((e) => e.event_types === null || e.event_types.includes(event.type));
    if (matching.length === 0) return;
    const now = this.#clock.now();
    const payload: WebhookEvent = { id: newId('evt'), type: event.type, workspaceId: event.workspaceId, createdAt: now.toISOString(), data: event.data };
    for (const endpoint of matching) {
      const deliveryId = newId('whd');
      await db
        .insertInto('webhook_deliveries')
        .values({
          id: deliveryId,
          workspace_id: event.workspaceId,
          endpoint_id: endpoint.id,
          event_id: payload.id,
          event_type: event.type,
          payload: JSON.stringify(payload),
          status: 'pending',
          next_attempt_at: now,
          created_at: now,
        })
        .execute();
      await this.#queue.enqueue({ type: WEBHOOK_DELIVERY_JOB, workspaceId: event.workspaceId, payload: { deliveryId }, maxAttempts: WEBHOOK_MAX_ATTEMPTS }, db);
    }
  }
}
