// The subscriptions feature's tables: the Graph subscriptions it keeps alive and the notifications it already passed
// on (for de-duplication). They join the one `Database` type by module augmentation; only this feature writes them.
import type { ColumnType } from 'kysely';
import type { CreatedAt, NullableTimestamp, Timestamp } from '../../platform/store/column-types.js';

export interface GraphSubscriptionsTable {
  id: string;
  workspace_id: string;
  mode: 'delegated' | 'application';
  external_user_id: string | null;
  tenant_id: string | null;
  resource: string;
  change_type: string;
  /** Microsoft's id; null between a failed (re)creation and the next renewal run. */
  graph_subscription_id: string | null;
  /** The path secret of the notification URL (/graph/notifications/{receive_token}): routes a POST to its row. */
  receive_token: string;
  /** sha256 of the clientState sent to Microsoft: compared on every notification, never stored in clear. */
  client_state_digest: string;
  expires_at: NullableTimestamp;
  status: 'active' | 'failed';
  status_reason: string | null;
  last_notification_at: NullableTimestamp;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface GraphNotificationReceiptsTable {
  subscription_id: string;
  dedupe_key: string;
  received_at: ColumnType<Date, Date | string | undefined, never>;
}

declare module '../../platform/store/schema.js' {
  interface Database {
    graph_subscriptions: GraphSubscriptionsTable;
    graph_notification_receipts: GraphNotificationReceiptsTable;
  }
}
