// The tokens feature's tables: users' connections and cached application tokens. They join the one `Database` type by module augmentation, so the
// platform's store never imports a feature; only this feature writes them (docs/architecture.md).
import type { ColumnType } from 'kysely';
import type { CreatedAt, Timestamp, NullableTimestamp } from '../../platform/store/column-types.js';

export interface M365ConnectionsTable {
  id: string;
  workspace_id: string;
  /** Whose connection: a console user or a host product's user (separate namespaces, see migration 0007). */
  user_kind: ColumnType<'console_user' | 'external_user', 'console_user' | 'external_user' | undefined, 'console_user' | 'external_user'>;
  /** The user's id within its kind: the console user's id, or the host product's user id. */
  external_user_id: string;
  tenant_id: string;
  object_id: string;
  user_principal_name: string | null;
  display_name: string | null;
  scopes: string;
  status: 'active' | 'needs_reconnect';
  status_reason: string | null;
  status_changed_at: NullableTimestamp;
  refresh_token_sealed: string;
  access_token_sealed: string | null;
  access_token_expires_at: NullableTimestamp;
  last_refreshed_at: Timestamp;
  last_used_at: NullableTimestamp;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface M365AppTokensTable {
  /** `<workspace id>:<tenant id>`: one application token per consenting tenant. */
  id: string;
  workspace_id: string;
  credential_id: string;
  tenant_id: string;
  access_token_sealed: string;
  expires_at: Timestamp;
  updated_at: Timestamp;
}

declare module '../../platform/store/schema.js' {
  interface Database {
    m365_connections: M365ConnectionsTable;
    m365_app_tokens: M365AppTokensTable;
  }
}
