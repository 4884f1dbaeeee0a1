// The webhooks feature's tables: webhook endpoints and their deliveries. They join the one `Database` type by module augmentation, so the
// platform's store never imports a feature; only this feature writes them (docs/architecture.md).
import type { ColumnType } from 'kysely';
import type { CreatedAt, Timestamp, NullableTimestamp, Json, NullableJson } from '../../platform/store/column-types.js';

export interface WebhookEndpointsTable {
  id: string;
  workspace_id: string;
  url: string;
  secret_sealed: string;
  /** After a rotation, the previous secret also signs until previous_secret_expires_at. */
  previous_secret_sealed: ColumnType<string | null, string | null | undefined, string | null>;
  previous_secret_expires_at: NullableTimestamp;
  /** Null: every event type. */
  event_types: NullableJson<string[]>;
  enabled: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface WebhookDeliveriesTable {
  id: string;
  workspace_id: string;
  endpoint_id: string;
  event_id: string;
  event_type: string;
  payload: Json<Record<string, unknown>>;
  status: 'pending' | 'delivered' | 'failed';
  attempts: ColumnType<number, number | undefined, number>;
  last_status_code: number | null;
  last_error: string | null;
  next_attempt_at: NullableTimestamp;
  created_at: CreatedAt;
  delivered_at: NullableTimestamp;
}

declare module '../../platform/store/schema.js' {
  interface Database {
    webhook_endpoints: WebhookEndpointsTable;
    webhook_deliveries: WebhookDeliveriesTable;
  }
}
