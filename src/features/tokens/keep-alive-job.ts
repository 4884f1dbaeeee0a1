// Keeps delegated grants alive: Microsoft lets a refresh token lapse after 90 days unused (AADSTS700082), so a
// user who connected once and whose connection sits idle would have to reconnect. This recurring job refreshes
// every active connection not refreshed for `idleDays` (30 by default), in batches, reporting progress.
import type { Kysely } from 'kysely';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import type { JobHandler } from '../../platform/jobs/job-worker.js';
import type { Logger } from '../../platform/logging/logger.js';
import type { Database } from '../../platform/store/schema.js';
import type { Clock } from '../../platform/time/clock.js';
import { TokenError } from './token-error.js';
import type { TokenService } from './token-service.js';

export const KEEP_ALIVE_JOB = 'tokens.keep-alive';
const DAY_MS = 24 * 3600 * 1000;

export async function scheduleKeepAlive(jobs: JobQueue, intervalSeconds = 6 * 3600): Promise<void> {
  await jobs.upsertSchedule({ name: KEEP_ALIVE_JOB, type: KEEP_ALIVE_JOB, payload: {}, intervalSeconds });
}

export interface KeepAliveDeps {
  db: Kysely<Database>;
  tokens: Pick<TokenService, 'keepAlive'>;
  clock: Clock;
  logger: Logger;
  /** Config.keepAliveIdleDays. */
  idleDays: number;
  batchSize?: number;
}

export interface KeepAliveResult {
  idle: number;
  refreshed: number;
  needsReconnect: number;
  failed: number;
}

export function keepAliveJobs(deps: KeepAliveDeps): Record<string, JobHandler> {
  return { [KEEP_ALIVE_JOB]: (context) => runKeepAlive(deps, context) };
}

export async function runKeepAlive(deps: KeepAliveDeps, context?: Pick<Parameters<JobHandler>[0], 'progress' | 'signal'>): Promise<KeepAliveResult> {
  const batchSize = deps.batchSize ?? 100;
  const cutoff = new Date(deps.clock.now().getTime() - deps.idleDays * DAY_MS);
  const idle = deps.db
    .selectFrom('m365_connections')
    .where('status', '=', 'active')
    .where('last_refreshed_at', '<', cutoff);
  const { count } = await idle.select((eb) => eb.fn.countAll<number | string>().as('count')).executeTakeFirstOrThrow();
  const result: KeepAliveResult = { idle: Number(count), refreshed: 0, needsReconnect: 0, failed: 0 };
  // Keyset over (last_refreshed_at, id): a connection that fails transiently stays idle and must not be met again.
  let after: { at: Date; id: string } | undefined;
  for (;;) {
    if (context?.signal.aborted) break;
    let batch = idle.select(['id', 'workspace_id', 'user_kind', 'external_user_id', 'last_refreshed_at']).orderBy('last_refreshed_at').orderBy('id').limit(batchSize);
    if (after) {
      const position = after;
      batch = batch.where((eb) => eb.or([eb('last_refreshed_at', '>', position.at), eb.and([eb('last_refreshed_at', '=', position.at), eb('id', '>', position.id)])]));
    }
    const rows = await batch.execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      try {
        if (await deps.tokens.keepAlive(row.workspace_id, { kind: row.user_kind, id: row.external_user_id }, cutoff)) result.refreshed += 1;
      } catch (error) {
        if (error instanceof TokenError && error.code === 'connection_needs_reconnect') result.needsReconnect += 1;
        else {
          result.failed += 1;
          deps.logger.warn({ workspaceId: row.workspace_id, connectionId: row.id, code: (error as { code?: string }).code }, 'keep-alive refresh failed');
        }
      }
    }
    const last = rows.at(-1)!;
    after = { at: last.last_refreshed_at, id: last.id };
    const done = result.refreshed + result.needsReconnect + result.failed;
    await context?.progress(done, Math.max(done, result.idle), `${result.refreshed} refreshed, ${result.needsReconnect} need reconnecting, ${result.failed} failed`);
  }
  return result;
}
