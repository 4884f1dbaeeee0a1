// The worker's side of the jobs table: claiming, lease upkeep and the final state of each attempt.
//
// Every write about a running job is fenced by its lease (job id + worker id + attempt number): a worker that lost
// its lease (it stalled, another worker reclaimed the job) cannot overwrite what the new holder does.
import { sql, type Kysely } from 'kysely';
import type { Database, JobStatus } from '../store/schema.js';
import type { JobErrorRecord } from './job-failure.js';
import type { JobRow } from './job-queue.js';

export interface Lease {
  jobId: string;
  workerId: string;
  attempt: number;
}

export function leaseOf(job: JobRow, workerId: string): Lease {
  return { jobId: job.id, workerId, attempt: job.attempts };
}

function later(now: Date, ms: number): Date {
  return new Date(now.getTime() + ms);
}

/** Claims up to `limit` ready jobs (highest priority, then oldest run_at); concurrent claimers skip each other's rows. */
export async function claimJobs(
  db: Kysely<Database>,
  /** `types`: the job types this process has handlers for. Others stay queued for a process that knows them, so
   *  during a rolling upgrade an older process never takes (and dead-letters) a job type introduced by a newer one. */
  options: { workerId: string; now: Date; leaseMs: number; limit: number; types: readonly string[] },
): Promise<JobRow[]> {
  if (options.limit < 1 || options.types.length === 0) return [];
  const { now } = options;
  const rows = await db
    .updateTable('jobs')
    .set((eb) => ({
      status: 'running',
      locked_by: options.workerId,
      lease_expires_at: later(now, options.leaseMs),
      attempts: eb('attempts', '+', 1),
      updated_at: now,
    }))
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('jobs')
        .select('id')
        .where('status', '=', 'queued')
        .where('run_at', '<=', now)
        .where('type', 'in', options.types)
        .orderBy('priority', 'desc')
        .orderBy('run_at')
        .orderBy('id')
        .limit(options.limit)
        .forUpdate()
        .skipLocked(),
    )
    .returningAll()
    .execute();
  return rows.sort((a, b) => b.priority - a.priority || a.run_at.getTime() - b.run_at.getTime());
}

/**
 * Running jobs whose lease ran out belong to a process that died (or stalled): back to the queue, or to the dead
 * letter when that attempt was the last, or cancelled when cancellation was asked for.
 */
export async function reclaimExpiredLeases(db: Kysely<Database>, now: Date): Promise<{ id: string; status: JobStatus }[]> {
  const expired = JSON.stringify({ code: 'lease_expired', message: 'the worker running this job stopped answering before it finished' });
  const result = await sql<{ id: string; status: JobStatus }>`
    update jobs set
      status = case when cancel_requested then 'cancelled' when attempts >= max_attempts then 'dead' else 'queued' end,
      last_error = case when cancel_requested then last_error else ${expired}::jsonb end,
      finished_at = case when cancel_requested or attempts >= max_attempts then ${now}::timestamptz else null end,
      locked_by = null, lease_expires_at = null, run_at = ${now}, updated_at = ${now}
    where id in (
      select id from jobs where status = 'running' and lease_expires_at < ${now}
      order by lease_expires_at limit 100 for update skip locked)
    returning id, status`.execute(db);
  return result.rows;
}

type LeaseState = { held: false } | { held: true; cancelRequested: boolean };

async function touch(
  db: Kysely<Database>,
  lease: Lease,
  now: Date,
  leaseMs: number,
  progress?: { done: number; total: number; message: string | null },
): Promise<LeaseState> {
  const row = await db
    .updateTable('jobs')
    .set({
      lease_expires_at: later(now, leaseMs),
      updated_at: now,
      ...(progress ? { progress_done: progress.done, progress_total: progress.total, progress_message: progress.message } : {}),
    })
    .where('id', '=', lease.jobId)
    .where('locked_by', '=', lease.workerId)
    .where('attempts', '=', lease.attempt)
    .where('status', '=', 'running')
    .returning('cancel_requested')
    .executeTakeFirst();
  return row ? { held: true, cancelRequested: row.cancel_requested } : { held: false };
}

export function heartbeat(db: Kysely<Database>, lease: Lease, now: Date, leaseMs: number): Promise<LeaseState> {
  return touch(db, lease, now, leaseMs);
}

export function recordProgress(
  db: Kysely<Database>,
  lease: Lease,
  now: Date,
  leaseMs: number,
  progress: { done: number; total: number; message: string | null },
): Promise<LeaseState> {
  return touch(db, lease, now, leaseMs, progress);
}

export type AttemptOutcome =
  | { status: 'succeeded'; result: unknown }
  | { status: 'cancelled' }
  | { status: 'dead'; error: JobErrorRecord }
  /** Ended on a condition a person must fix (not connected, consent missing …): finished, not a fault of the hub. */
  | { status: 'failed'; error: JobErrorRecord }
  | { status: 'retry'; error: JobErrorRecord; runAt: Date }
  /** Handed back untouched (shutdown): the attempt does not count. */
  | { status: 'released' };

/** Writes the outcome of an attempt; false when the lease was no longer held (nothing written). */
export async function finishAttempt(db: Kysely<Database>, lease: Lease, now: Date, outcome: AttemptOutcome): Promise<boolean> {
  const unlocked = { locked_by: null, lease_expires_at: null, updated_at: now };
  const update = db.updateTable('jobs');
  const set =
    outcome.status === 'succeeded'
      ? update.set({ ...unlocked, status: 'succeeded', result: JSON.stringify(outcome.result ?? null), finished_at: now })
      : outcome.status === 'cancelled'
        ? update.set({ ...unlocked, status: 'cancelled', finished_at: now })
        : outcome.status === 'dead' || outcome.status === 'failed'
          ? update.set({ ...unlocked, status: outcome.status, last_error: JSON.stringify(outcome.error), finished_at: now })
          : outcome.status === 'retry'
            ? update.set({ ...unlocked, status: 'queued', last_error: JSON.stringify(outcome.error), run_at: outcome.runAt })
            : update.set((eb) => ({ ...unlocked, status: 'queued', run_at: now, attempts: eb('attempts', '-', 1) }));
  const result = await set
    .where('id', '=', lease.jobId)
    .where('locked_by', '=', lease.workerId)
    .where('attempts', '=', lease.attempt)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
