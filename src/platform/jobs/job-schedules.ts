// Recurring schedules: a due schedule enqueues its job and moves next_run_at forward in one transaction, with the
// schedule row locked (SKIP LOCKED), so across any number of processes each due run enqueues exactly one job.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../store/schema.js';
import type { JobQueue } from './job-queue.js';

/** The first run after `now` on the schedule's grid: missed runs (the hub was down) collapse into one. */
export function nextRunAfter(previous: Date, intervalSeconds: number, now: Date): Date {
  const step = intervalSeconds * 1000;
  const missed = Math.floor((now.getTime() - previous.getTime()) / step) + 1;
  return new Date(previous.getTime() + Math.max(1, missed) * step);
}

/** Returns the names of the schedules that enqueued a job. */
export async function enqueueDueSchedules(db: Kysely<Database>, queue: JobQueue, now: Date): Promise<string[]> {
  // Most polls find nothing due: one plain read, instead of a transaction that (on PGlite) holds up every query.
  const anyDue = await db.selectFrom('job_schedules').select('name').where('next_run_at', '<=', now).limit(1).executeTakeFirst();
  if (!anyDue) return [];
  return db.transaction().execute(async (trx: Transaction<Database>) => {
    const due = await trx
      .selectFrom('job_schedules')
      .selectAll()
      .where('next_run_at', '<=', now)
      .orderBy('next_run_at')
      .limit(50)
      .forUpdate()
      .skipLocked()
      .execute();
    const enqueued: string[] = [];
    for (const schedule of due) {
      // A run still pending (slow, or no worker knows its type) absorbs this one instead of piling up duplicates.
      const pending = await trx
        .selectFrom('jobs')
        .select('id')
        .where('schedule_name', '=', schedule.name)
        .where('status', 'in', ['queued', 'running'])
        .limit(1)
        .executeTakeFirst();
      if (!pending) {
        await queue.enqueue(
          { type: schedule.type, payload: schedule.payload, scheduleName: schedule.name, runAt: now, ...(schedule.workspace_id ? { workspaceId: schedule.workspace_id } : {}) },
          trx,
        );
        enqueued.push(schedule.name);
      }
      await trx
        .updateTable('job_schedules')
        .set({ next_run_at: nextRunAfter(schedule.next_run_at, schedule.interval_seconds, now) })
        .where('name', '=', schedule.name)
        .execute();
    }
    return enqueued;
  });
}
