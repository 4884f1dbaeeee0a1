// The integrations feature's tables: a workspace's Microsoft 365 integration and its credentials. They join the one `Database` type by module augmentation, so the
// platform's store never imports a feature; only this feature writes them (docs/architecture.md).
import type { ColumnType } from 'kysely';
import type { CreatedAt, Timestamp, NullableTimestamp, Json, NullableJson } from '../../platform/store/column-types.js';

export type ServiceMode = 'delegated' | 'application';

export type IntegrationHealth = 'unknown' | 'connected' | 'authentication_error' | 'permission_error' | 'service_error' | 'setup_error' | 'consent_required';

export interface M365IntegrationsTable {
  workspace_id: string;
  id: string;
  client_id: string;
  /** Null: multi-tenant (`organizations`). */
  azure_tenant_id: string | null;
  redirect_uri: string | null;
  services: Json<{ service: string; modes: ServiceMode[] }[]>;
  allowed_sites: ColumnType<string[], string | undefined, string>;
  dynamics_org: string | null;
  /** Extra origins a connect flow's returnTo may point at (e.g. a tenant subdomain of the host product). */
  return_origins: ColumnType<string[], string | undefined, string>;
  admin_consent_at: NullableTimestamp;
  admin_consent_tenant: string | null;
  health: ColumnType<IntegrationHealth, IntegrationHealth | undefined, IntegrationHealth>;
  health_checked_at: NullableTimestamp;
  health_report: NullableJson<Record<string, unknown>>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface M365CredentialsTable {
  id: string;
  workspace_id: string;
  kind: 'secret' | 'certificate';
  status: 'active' | 'pending' | 'retired';
  secret_sealed: string | null;
  certificate_pem: string | null;
  thumbprint_sha256: string | null;
  private_key_sealed: string | null;
  expires_at: NullableTimestamp;
  expiry_source: 'microsoft' | 'entered' | 'certificate' | null;
  created_at: CreatedAt;
  retired_at: NullableTimestamp;
  /** The last expiry warning threshold announced (30, 7, 1 days; 0 = expired); null: none yet. */
  expiry_notice_days: ColumnType<number | null, number | null | undefined, number | null>;
}

declare module '../../platform/store/schema.js' {
  interface Database {
    m365_integrations: M365IntegrationsTable;
    m365_credentials: M365CredentialsTable;
  }
}
