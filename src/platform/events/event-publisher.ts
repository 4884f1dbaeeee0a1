// Domain events leave the hub as webhooks. Code that changes state publishes an event in the same transaction
// as the change (pass the transaction), so an event is never sent for a change that rolled back, nor lost for
// one that committed. The webhooks module implements this; lower layers depend only on the interface.
import type { WebhookEventType } from '../../contract/webhook-schemas.js';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../store/schema.js';

export interface HubEvent<T extends WebhookEventType = WebhookEventType> {
  workspaceId: string;
  /** One of the API contract's event types (src/contract/webhook-schemas.ts): a publisher cannot invent one. */
  type: T;
  /** Never secrets or tokens: this leaves the process. */
  data: Record<string, unknown>;
}

/**
 * A feature receives the publisher narrowed to the event types it declares it publishes (its `*_EVENT_TYPES` in its
 * index, joined by the composition into one catalogue that must cover the contract's list exactly): it cannot
 * publish a type it did not declare, and the contract cannot list a type no feature publishes.
 */
export interface EventPublisher<T extends WebhookEventType = WebhookEventType> {
  publish(db: Kysely<Database> | Transaction<Database>, event: HubEvent<T>): Promise<void>;
}
