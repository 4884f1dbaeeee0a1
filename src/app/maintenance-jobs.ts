// Housekeeping that every deployment needs, run as recurring durable jobs (so one process does each run). Each
// deletion is done by the feature that owns the table; this file only schedules them.
import { deleteFinishedJobsBefore } from '../platform/jobs/job-queue.js';
import type { Kysely } from 'kysely';
import { deleteExpiredAuthStates, deleteExpiredConnectLinks } from '../features/connect/index.js';
import { deleteEndedSignInWindows, deleteExpiredSessions } from '../features/console-auth/index.js';
import type { JobQueue } from '../platform/jobs/job-queue.js';
import type { JobHandler } from '../platform/jobs/job-worker.js';
import type { Database } from '../platform/store/schema.js';
import type { Clock } from '../platform/time/clock.js';

const EXPIRED_SESSIONS = 'maintenance.delete-expired-sessions';
const FINISHED_JOBS = 'maintenance.delete-finished-jobs';
const EXPIRED_OAUTH_STATES = 'maintenance.delete-expired-oauth-states';
const FINISHED_JOB_RETENTION_DAYS = 30;

export async function scheduleMaintenance(jobs: JobQueue): Promise<void> {
  await jobs.upsertSchedule({ name: EXPIRED_SESSIONS, type: EXPIRED_SESSIONS, payload: {}, intervalSeconds: 3600 });
  await jobs.upsertSchedule({ name: FINISHED_JOBS, type: FINISHED_JOBS, payload: {}, intervalSeconds: 24 * 3600 });
  await jobs.upsertSchedule({ name: EXPIRED_OAUTH_STATES, type: EXPIRED_OAUTH_STATES, payload: {}, intervalSeconds: 3600 });
}

export function maintenanceJobs(deps: { db: Kysely<Database>; clock: Clock }): Record<string, JobHandler> {
  return {
    [EXPIRED_SESSIONS]: async () => {
      const now = deps.clock.now();
      return { deleted: await deleteExpiredSessions(deps.db, now), signInWindows: await deleteEndedSignInWindows(deps.db, now) };
    },
    // Abandoned sign-ins leave their state and unused connect links behind; both are useless once expired.
    [EXPIRED_OAUTH_STATES]: async () => {
      const now = deps.clock.now();
      const states = await deleteExpiredAuthStates(deps.db, now);
      const connectLinks = await deleteExpiredConnectLinks(deps.db, now);
      return { states, connectLinks };
    },
    [FINISHED_JOBS]: async () => {
      const cutoff = new Date(deps.clock.now().getTime() - FINISHED_JOB_RETENTION_DAYS * 24 * 3600 * 1000);
      return { deleted: await deleteFinishedJobsBefore(deps.db, cutoff) };
    },
  };
}
