// The one `Database` type Kysely sees, with the platform's own tables (jobs, schedules, sealed secrets). Each feature
// adds its tables from its own `tables.ts` by module augmentation (`declare module … { interface Database … }`), so
// this layer never imports a feature. Columns are snake_case in SQL and here; the HTTP layer maps them to the API's
// camelCase. Timestamps are timestamptz (Date in both dialects).
import type { ColumnType } from 'kysely';
import type { CreatedAt, Json, NullableJson, NullableTimestamp, Timestamp } from './column-types.js';

/** A member's role in a workspace (the HTTP principal carries it). */
export type WorkspaceRole = 'admin' | 'member';
/** Who did something, as the audit log and the HTTP principal record it. */
export type ActorType = 'user' | 'api_key' | 'system';

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

export interface Database {
  jobs: JobsTable;
  job_schedules: JobSchedulesTable;
  sealed_secrets: SealedSecretsTable;
}
