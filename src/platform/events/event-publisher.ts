// Domain events leave the hub as webhooks. Code that changes state publishes an event in the same transaction
// as the change (pass the transaction), so an event is never sent for a change that rolled back, nor lost for
// one that committed. The webhooks module implements this; lower layers depend only on the interface.
import type { WebhookEventType } from '../../contract/webhook-schemas.js';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../store/schema.js';

export interface HubEvent {
  workspaceId: string;
  /** One of the API contract's event types (src/contract/webhook-schemas.ts): a publisher cannot invent one. */
  type: WebhookEventType;
  /** Never secrets or tokens: this leaves the process. */
  data: Record<string, unknown>;
}

export interface EventPublisher {
  publish(db: Kysely<Database> | Transaction<Database>, event: HubEvent): Promise<void>;
}
