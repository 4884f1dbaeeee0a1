// The audit feature's tables: the audit log. They join the one `Database` type by module augmentation, so the
// platform's store never imports a feature; only this feature writes them (docs/architecture.md).
import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, NullableJson } from '../../platform/store/column-types.js';
import type { ActorType } from '../../platform/store/schema.js';

export interface AuditLogTable {
  id: string;
  /** Null for instance-level events (e.g. a workspace deleted, whose own rows are gone). */
  workspace_id: string | null;
  actor_type: ActorType;
  actor_id: string | null;
  /** Human label at the time (email, key name): the actor may be deleted later. */
  actor_label: string;
  action: string;
  target_type: string | null;
  target_id: string | null;
  ip: string | null;
  data: NullableJson<Record<string, unknown>>;
  /** The host product's user an API-key request acted for (X-M365Hub-Acting-User); migration 0002. */
  acting_user: ColumnType<string | null, string | null | undefined, never>;
  created_at: CreatedAt;
  /** Monotonic order for stable pagination when timestamps tie. */
  seq: Generated<number>;
}

declare module '../../platform/store/schema.js' {
  interface Database {
    audit_log: AuditLogTable;
  }
}
