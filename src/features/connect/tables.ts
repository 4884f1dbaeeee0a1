// The connect feature's tables: pending sign-ins (OAuth states) and connect links. They join the one `Database` type by module augmentation, so the
// platform's store never imports a feature; only this feature writes them (docs/architecture.md).
import type { ColumnType } from 'kysely';
import type { CreatedAt, Timestamp, NullableTimestamp } from '../../platform/store/column-types.js';

export interface M365AuthStatesTable {
  state_hash: string;
  workspace_id: string;
  purpose: 'connect' | 'admin_consent';
  /** With external_user_id: who the flow is for (connect) or which console admin started it (admin consent). */
  user_kind: ColumnType<'console_user' | 'external_user' | null, 'console_user' | 'external_user' | null | undefined, never>;
  external_user_id: string | null;
  browser_binding_hash: string;
  code_verifier_sealed: string | null;
  nonce: string | null;
  return_to: string | null;
  created_at: CreatedAt;
  expires_at: Timestamp;
}

export interface M365ConnectLinksTable {
  token_hash: string;
  workspace_id: string;
  /** connect: a host product's user connects; admin_consent: a tenant administrator grants admin consent. */
  purpose: ColumnType<'connect' | 'admin_consent', 'connect' | 'admin_consent' | undefined, never>;
  /** The host product's user (connect links only). */
  external_user_id: string | null;
  return_to: string | null;
  created_at: CreatedAt;
  expires_at: Timestamp;
  used_at: NullableTimestamp;
}

declare module '../../platform/store/schema.js' {
  interface Database {
    m365_auth_states: M365AuthStatesTable;
    m365_connect_links: M365ConnectLinksTable;
  }
}
