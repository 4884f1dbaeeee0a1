// Instance-level jobs (no workspace) may carry idempotency keys too: a plain unique index treats every NULL
// workspace_id as distinct, so two such jobs with one key would both be accepted. NULLS NOT DISTINCT (PostgreSQL 15+)
// makes them collide like workspace jobs do.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop index jobs_idempotency_idx`.execute(db);
  await sql`create unique index jobs_idempotency_idx on jobs (workspace_id, type, idempotency_key) nulls not distinct
    where idempotency_key is not null`.execute(db);
  // Schedules coalesce: a due schedule looks for its still-pending job before enqueuing another.
  await sql`create index jobs_schedule_pending_idx on jobs (schedule_name) where schedule_name is not null
    and status in ('queued', 'running')`.execute(db);
}
