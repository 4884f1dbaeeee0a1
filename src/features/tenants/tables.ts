// The tenants feature's table: one row per customer tenant that granted admin consent to a workspace's app. It joins
// the one `Database` type by module augmentation; only this feature writes it (docs/architecture.md).
import type { ColumnType } from 'kysely';
import type { CreatedAt, NullableJson, NullableTimestamp, Timestamp } from '../../platform/store/column-types.js';

/** `removed`: the workspace removed the tenant; kept so its application calls are refused until it consents again. */
export type TenantStatus = 'active' | 'paused' | 'removed';
/** A Test Connection health (contract's ConnectionHealth), or `unknown` before the first test of this tenant. */
export type TenantHealth = 'unknown' | 'connected' | 'setup_error' | 'consent_required' | 'authentication_error' | 'permission_error' | 'service_error';

export interface M365TenantConnectionsTable {
  workspace_id: string;
  /** The customer tenant's directory id (a GUID, lower case). */
  tenant_id: string;
  label: string | null;
  status: ColumnType<TenantStatus, TenantStatus | undefined, TenantStatus>;
  consented_at: NullableTimestamp;
  /** Who completed the admin consent, as the audit log labels them (null when backfilled). */
  consented_by: string | null;
  health: ColumnType<TenantHealth, TenantHealth | undefined, TenantHealth>;
  health_checked_at: NullableTimestamp;
  health_report: NullableJson<Record<string, unknown>>;
  last_test_job_id: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

declare module '../../platform/store/schema.js' {
  interface Database {
    m365_tenant_connections: M365TenantConnectionsTable;
  }
}
