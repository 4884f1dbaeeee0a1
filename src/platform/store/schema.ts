// Row types of every table, as Kysely sees them. Columns are snake_case in SQL and here; the HTTP layer maps them
// to the API's camelCase. Timestamps are timestamptz (Date in both dialects).
import type { ColumnType, Generated, JSONColumnType } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T extends object | null = object> = JSONColumnType<T, string, string>;
type NullableJson<T = unknown> = ColumnType<T | null, string | null | undefined, string | null>;

export interface WorkspacesTable {
  id: string;
  name: string;
  /** Its subdomain of the host product (FRONTEND_URL); unique (a random label when an insert leaves it out). */
  subdomain: ColumnType<string, string | undefined, string>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface ConsoleUsersTable {
  id: string;
  /** Stored lower-cased; unique. */
  email: string;
  display_name: string;
  password_hash: string;
  /** Instance administrators may create workspaces and see every workspace they are a member of. */
  is_instance_admin: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: CreatedAt;
}

export type WorkspaceRole = 'admin' | 'member';

export interface WorkspaceMembersTable {
  workspace_id: string;
  user_id: string;
  role: WorkspaceRole;
  created_at: CreatedAt;
}

export interface ConsoleSessionsTable {
  /** SHA-256 of the session cookie value: a stolen database does not yield live sessions. */
  token_hash: string;
  user_id: string;
  /** SHA-256 of the CSRF token the console echoes in a header on state-changing requests. */
  csrf_token_hash: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiKeysTable {
  id: string;
  workspace_id: string;
  name: string;
  /** The visible start of the key (e.g. `m365k_AbCd1234`), shown in lists to identify it. */
  prefix: string;
  /** SHA-256 of the whole key; the key itself is shown once at creation and never stored. */
  key_hash: string;
  created_by: string | null;
  created_at: CreatedAt;
  last_used_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
}

export type ActorType = 'user' | 'api_key' | 'system';

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

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'dead' | 'cancelled';

export interface JobsTable {
  id: string;
  workspace_id: string | null;
  type: string;
  payload: Json<Record<string, unknown>>;
  status: JobStatus;
  priority: ColumnType<number, number | undefined, number>;
  attempts: ColumnType<number, number | undefined, number>;
  max_attempts: ColumnType<number, number | undefined, number>;
  run_at: Timestamp;
  locked_by: string | null;
  lease_expires_at: NullableTimestamp;
  progress_done: number | null;
  progress_total: number | null;
  progress_message: string | null;
  result: NullableJson;
  last_error: NullableJson<{ code: string; message: string }>;
  cancel_requested: ColumnType<boolean, boolean | undefined, boolean>;
  idempotency_key: string | null;
  schedule_name: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  finished_at: NullableTimestamp;
}

export interface JobSchedulesTable {
  name: string;
  type: string;
  payload: Json<Record<string, unknown>>;
  interval_seconds: number;
  next_run_at: Timestamp;
  created_at: CreatedAt;
  /** Null for instance schedules; a workspace's schedule runs its jobs there and is deleted with it. */
  workspace_id: ColumnType<string | null, string | null | undefined, never>;
}

export interface SealedSecretsTable {
  id: string;
  workspace_id: string | null;
  /** What the secret is for, e.g. `integration.client_secret`. */
  purpose: string;
  /** The sealed blob (key id, nonce, ciphertext, tag); see crypto/key-ring.ts for the format. */
  sealed: string;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

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

export interface Database {
  workspaces: WorkspacesTable;
  console_users: ConsoleUsersTable;
  workspace_members: WorkspaceMembersTable;
  console_sessions: ConsoleSessionsTable;
  api_keys: ApiKeysTable;
  audit_log: AuditLogTable;
  jobs: JobsTable;
  job_schedules: JobSchedulesTable;
  sealed_secrets: SealedSecretsTable;
  m365_integrations: M365IntegrationsTable;
  m365_credentials: M365CredentialsTable;
  m365_connections: M365ConnectionsTable;
  m365_app_tokens: M365AppTokensTable;
  m365_auth_states: M365AuthStatesTable;
  m365_connect_links: M365ConnectLinksTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
}
