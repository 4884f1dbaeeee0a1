// The producer's side of the durable job queue: enqueue, read, list, cancel, count, and recurring schedules.
// Jobs live in the `jobs` table; workers (job-worker.ts) claim and run them. Every workspace-scoped read takes the
// workspace id from its caller, so a job of another workspace is indistinguishable from a missing one.
import type { Kysely, Selectable, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { Logger } from '../logging/logger.js';
import { newId } from '../store/ids.js';
import type { Database, JobStatus, JobsTable } from '../store/schema.js';
import type { Clock } from '../time/clock.js';

import type { JobErrorRecord } from './job-failure.js';

export type { JobStatus };
export type JobRow = Selectable<JobsTable>;

/** A job as the rest of the hub sees it (camelCase, like the API); rows stay inside the jobs module. */
export interface Job {
  id: string;
  workspaceId: string | null;
  type: string;
  payload: Record<string, unknown>;
  status: JobStatus;
  priority: number;
  attempts: number;
  maxAttempts: number;
  runAt: Date;
  progress: { done: number | null; total: number | null; message: string | null };
  /** What the handler returned (JSON), once succeeded. */
  result: unknown;
  /** The last failed attempt's error: a stable code and a message safe to show. */
  lastError: JobErrorRecord | null;
  cancelRequested: boolean;
  idempotencyKey: string | null;
  scheduleName: string | null;
  lockedBy: string | null;
  leaseExpiresAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
}

export function toJob(row: JobRow): Job {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    type: row.type,
    payload: row.payload,
    status: row.status,
    priority: row.priority,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    runAt: row.run_at,
    progress: { done: row.progress_done, total: row.progress_total, message: row.progress_message },
    result: row.result,
    lastError: row.last_error,
    cancelRequested: row.cancel_requested,
    idempotencyKey: row.idempotency_key,
    scheduleName: row.schedule_name,
    lockedBy: row.locked_by,
    leaseExpiresAt: row.lease_expires_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    finishedAt: row.finished_at,
  };
}
export type JobExecutor = Kysely<Database> | Transaction<Database>;

export const JOB_STATUSES: readonly JobStatus[] = ['queued', 'running', 'succeeded', 'failed', 'dead', 'cancelled'];
/** States a job never leaves. */
export const FINISHED_JOB_STATUSES: readonly JobStatus[] = ['succeeded', 'failed', 'dead', 'cancelled'];

export type JobQueueErrorCode = 'invalid_cursor' | 'invalid_job' | 'schedule_name_taken';

export class JobQueueError extends Error {
  constructor(
    readonly code: JobQueueErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'JobQueueError';
  }
}

export interface EnqueueInput {
  type: string;
  payload?: Record<string, unknown>;
  /** Null or absent: an instance-level job (maintenance), invisible to every workspace. */
  workspaceId?: string | null;
  runAt?: Date;
  maxAttempts?: number;
  /** Higher runs first among ready jobs. */
  priority?: number;
  /** Same workspace + type + key returns the job already enqueued instead of a second one. */
  idempotencyKey?: string;
  /** Set by schedules; lets a schedule skip a run while its previous job is still pending. */
  scheduleName?: string;
}

export interface ScheduleInput {
  name: string;
  type: string;
  payload?: Record<string, unknown>;
  intervalSeconds: number;
  /** The workspace whose jobs this schedule enqueues; omitted for instance schedules. */
  workspaceId?: string;
  /** When a new schedule first runs; now when omitted. An existing schedule keeps its next run (or an earlier one). */
  firstRunAt?: Date;
}

export interface Schedule {
  name: string;
  type: string;
  payload: Record<string, unknown>;
  intervalSeconds: number;
  nextRunAt: Date;
  workspaceId: string | null;
}

export interface JobPage {
  items: Job[];
  nextCursor: string | null;
}

interface Cursor {
  createdAt: string;
  id: string;
}

function encodeCursor(job: Job): string {
  return Buffer.from(JSON.stringify({ createdAt: job.createdAt.toISOString(), id: job.id } satisfies Cursor)).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<Cursor>;
    const createdAt = new Date(parsed.createdAt ?? '');
    if (typeof parsed.id === 'string' && !Number.isNaN(createdAt.getTime())) return { createdAt, id: parsed.id };
  } catch {
    // falls through to the typed error
  }
  throw new JobQueueError('invalid_cursor', 'the cursor is not one this list returned; start again without a cursor');
}

export interface JobQueueOptions {
  db: Kysely<Database>;
  clock: Clock;
  logger: Logger;
  /** PostgreSQL: the store's wake-up channel; every enqueue notifies it so idle workers claim at once. */
  wakeChannel?: string;
}

export class JobQueue {
  readonly #db: Kysely<Database>;
  readonly #clock: Clock;
  readonly #logger: Logger;

  readonly #wakeChannel: string | undefined;

  constructor(options: JobQueueOptions) {
    this.#wakeChannel = options.wakeChannel;
    this.#db = options.db;
    this.#clock = options.clock;
    this.#logger = options.logger;
  }

  /**
   * Adds a job and returns its row (or, with an idempotency key already used, the existing job's row).
   * Pass `executor` to enqueue inside the caller's transaction (on PGlite, code inside a transaction must use it).
   */
  async enqueue(input: EnqueueInput, executor: JobExecutor = this.#db): Promise<Job> {
    const maxAttempts = input.maxAttempts ?? 5;
    if (!input.type) throw new JobQueueError('invalid_job', 'a job needs a type');
    if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new JobQueueError('invalid_job', 'maxAttempts must be a positive integer');
    const now = this.#clock.now();
    const workspaceId = input.workspaceId ?? null;
    const inserted = await executor
      .insertInto('jobs')
      .values({
        id: newId('job'),
        workspace_id: workspaceId,
        type: input.type,
        payload: JSON.stringify(input.payload ?? {}),
        status: 'queued',
        priority: input.priority ?? 0,
        max_attempts: maxAttempts,
        run_at: input.runAt ?? now,
        idempotency_key: input.idempotencyKey ?? null,
        schedule_name: input.scheduleName ?? null,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) =>
        oc.columns(['workspace_id', 'type', 'idempotency_key']).where('idempotency_key', 'is not', null).doNothing(),
      )
      .returningAll()
      .executeTakeFirst();
    if (inserted) {
      // Inside the caller's transaction the notification leaves at commit, when the job is visible to the listener.
      if (this.#wakeChannel && inserted.run_at.getTime() <= now.getTime()) await sql`select pg_notify(${this.#wakeChannel}, '')`.execute(executor);
      this.#logger.debug({ jobId: inserted.id, type: inserted.type, workspaceId }, 'job enqueued');
      return toJob(inserted);
    }
    const existing = await executor
      .selectFrom('jobs')
      .selectAll()
      .where('workspace_id', workspaceId === null ? 'is' : '=', workspaceId)
      .where('type', '=', input.type)
      .where('idempotency_key', '=', input.idempotencyKey!)
      .executeTakeFirstOrThrow();
    return toJob(existing);
  }

  /** A job of this workspace (null: an instance-level job), or undefined. */
  async get(workspaceId: string | null, jobId: string): Promise<Job | undefined> {
    const row = await this.#db
      .selectFrom('jobs')
      .selectAll()
      .where('id', '=', jobId)
      .where('workspace_id', workspaceId === null ? 'is' : '=', workspaceId)
      .executeTakeFirst();
    return row && toJob(row);
  }

  /** Newest first, stable across pages (created_at, then id). */
  async list(workspaceId: string, options: { limit?: number; cursor?: string | null } = {}): Promise<JobPage> {
    const limit = Math.min(Math.max(Math.trunc(options.limit ?? 50), 1), 200);
    let query = this.#db.selectFrom('jobs').selectAll().where('workspace_id', '=', workspaceId);
    if (options.cursor) {
      const after = decodeCursor(options.cursor);
      query = query.where((eb) =>
        eb.or([eb('created_at', '<', after.createdAt), eb.and([eb('created_at', '=', after.createdAt), eb('id', '<', after.id)])]),
      );
    }
    const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit + 1).execute();
    const items = rows.slice(0, limit).map(toJob);
    return { items, nextCursor: rows.length > limit ? encodeCursor(items.at(-1)!) : null };
  }

  /**
   * A queued job is cancelled at once; a running one is flagged, and its handler sees the flag through its
   * context's signal and stops. A finished job is returned unchanged. Undefined when the workspace has no such job.
   */
  async requestCancel(workspaceId: string | null, jobId: string): Promise<Job | undefined> {
    const now = this.#clock.now();
    const cancelled = await this.#db
      .updateTable('jobs')
      .set({ status: 'cancelled', cancel_requested: true, finished_at: now, updated_at: now })
      .where('id', '=', jobId)
      .where('workspace_id', workspaceId === null ? 'is' : '=', workspaceId)
      .where('status', '=', 'queued')
      .returningAll()
      .executeTakeFirst();
    if (cancelled) return toJob(cancelled);
    const flagged = await this.#db
      .updateTable('jobs')
      .set({ cancel_requested: true, updated_at: now })
      .where('id', '=', jobId)
      .where('workspace_id', workspaceId === null ? 'is' : '=', workspaceId)
      .where('status', '=', 'running')
      .returningAll()
      .executeTakeFirst();
    return flagged ? toJob(flagged) : this.get(workspaceId, jobId);
  }

  /** Jobs per status, every status present (zero when none): the queue depth /metrics reports. */
  async countByStatus(): Promise<Record<JobStatus, number>> {
    const rows = await this.#db
      .selectFrom('jobs')
      .select(['status', (eb) => eb.fn.countAll<number | string>().as('count')])
      .groupBy('status')
      .execute();
    const counts = Object.fromEntries(JOB_STATUSES.map((status) => [status, 0])) as Record<JobStatus, number>;
    for (const row of rows) counts[row.status] = Number(row.count);
    return counts;
  }

  /**
   * Creates or updates a recurring schedule. A new schedule is due at once; shortening an interval brings the
   * next run forward, lengthening it never postpones a run already due.
   */
  async upsertSchedule(input: ScheduleInput): Promise<void> {
    if (!Number.isInteger(input.intervalSeconds) || input.intervalSeconds < 1) {
      throw new JobQueueError('invalid_job', 'intervalSeconds must be a positive integer');
    }
    const now = this.#clock.now();
    const payload = JSON.stringify(input.payload ?? {});
    const soonest = new Date(now.getTime() + input.intervalSeconds * 1000);
    const workspaceId = input.workspaceId ?? null;
    const result = await this.#db
      .insertInto('job_schedules')
      .values({ name: input.name, type: input.type, payload, interval_seconds: input.intervalSeconds, next_run_at: input.firstRunAt ?? now, created_at: now, workspace_id: workspaceId })
      .onConflict((oc) =>
        oc
          .column('name')
          .doUpdateSet((eb) => ({
            type: input.type,
            payload,
            interval_seconds: input.intervalSeconds,
            next_run_at: eb.fn('least', [eb.ref('job_schedules.next_run_at'), eb.val(soonest)]),
          }))
          // A schedule is changed only by its own workspace (or, for an instance schedule, by the instance).
          .where(sql<boolean>`job_schedules.workspace_id is not distinct from ${workspaceId}`),
      )
      .executeTakeFirst();
    if (Number(result.numInsertedOrUpdatedRows ?? 0) === 0) {
      throw new JobQueueError('schedule_name_taken', `a schedule named ${input.name} belongs elsewhere; choose a name unique to this workspace`);
    }
  }

  /** A workspace's own schedules (or the instance's, with null), by name. */
  async listSchedules(workspaceId: string | null): Promise<Schedule[]> {
    const rows = await this.#db
      .selectFrom('job_schedules')
      .selectAll()
      .where(sql<boolean>`workspace_id is not distinct from ${workspaceId}`)
      .orderBy('name')
      .execute();
    return rows.map((row) => ({
      name: row.name,
      type: row.type,
      payload: row.payload,
      intervalSeconds: row.interval_seconds,
      nextRunAt: row.next_run_at,
      workspaceId: row.workspace_id,
    }));
  }

  /** Removes a schedule of this workspace (or an instance schedule, with no workspace); another's is left alone. */
  async removeSchedule(name: string, workspaceId: string | null = null): Promise<boolean> {
    const result = await this.#db
      .deleteFrom('job_schedules')
      .where('name', '=', name)
      .where(sql<boolean>`workspace_id is not distinct from ${workspaceId}`)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}

/**
 * Housekeeping: removes jobs that finished before `cutoff` and need nobody's attention (succeeded, failed on a
 * condition a person was told about, cancelled). Dead-lettered jobs stay for the operator to look at.
 */
export async function deleteFinishedJobsBefore(db: Kysely<Database>, cutoff: Date): Promise<number> {
  const result = await db.deleteFrom('jobs').where('status', 'in', ['succeeded', 'failed', 'cancelled']).where('finished_at', '<', cutoff).executeTakeFirst();
  return Number(result.numDeletedRows);
}
