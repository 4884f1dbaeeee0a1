// The compliance sync: a durable job per tenant that collects every area through the Graph client in application
// mode and appends one snapshot to the tenant's hash chain at the end, in one transaction, so a sync killed midway
// leaves nothing half-written (the worker runs it again from the start). Users continue from the delta link the
// previous sync kept, while that sync's snapshot is still the newest of the chain.
import type { Kysely } from 'kysely';
import { complianceAreaLabel } from '../../contract/compliance-areas.js';
import type { GraphClient } from '../../microsoft/graph/graph-client.js';
import { JobFailure } from '../../platform/jobs/job-failure.js';
import type { JobHandler } from '../../platform/jobs/job-worker.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import type { Database } from '../../platform/store/schema.js';
import type { Clock } from '../../platform/time/clock.js';
import { collectSnapshot } from './collectors/collect-areas.js';
import type { DeltaState } from './directory-delta-collector.js';
import type { AreaName, GraphObject } from './snapshot.js';
import { appendSnapshot, loadSnapshotArea, type StoredSnapshot } from './snapshot-store.js';

export const COMPLIANCE_SYNC_JOB = 'compliance.sync';

export interface ComplianceSyncDeps {
  db: Kysely<Database>;
  clock: Clock;
  /** The workspace application's Graph client for one consenting tenant. */
  graphFor(workspaceId: string, tenantId: string): GraphClient;
  /** Told of each snapshot a sync appended (assessments, drift). */
  onSnapshot?(workspaceId: string, stored: StoredSnapshot): Promise<void>;
}

export interface ComplianceSyncResult {
  snapshotId: string;
  sequence: number;
  areas: AreaName[];
  faults: Partial<Record<AreaName, { status: string; permission?: string; message: string }>>;
  objects: number;
  /** Requests answered by Microsoft Graph: every page of every list, and each single object. */
  pages: number;
  users: 'full' | 'delta' | 'full_after_expiry' | 'not_read';
  malformed: string[];
}

export function complianceSyncJobs(deps: ComplianceSyncDeps): Record<string, JobHandler> {
  return {
    [COMPLIANCE_SYNC_JOB]: async ({ job, signal, progress }): Promise<ComplianceSyncResult> => {
      const workspaceId = job.workspaceId;
      const tenantId = (job.payload as { tenantId?: unknown }).tenantId;
      if (!workspaceId || typeof tenantId !== 'string') throw new JobFailure('invalid_job', 'a compliance sync names its workspace and tenant', { retryable: false });
      const collected = await collectSnapshot(deps.graphFor(workspaceId, tenantId), tenantId, deps.clock.now(), {
        signal,
        usersDelta: await usersToContinue(deps.db, workspaceId, tenantId),
        onProgress: (p) => progress(p.areasDone, p.areasTotal, p.areasDone < p.areasTotal ? `Reading ${complianceAreaLabel(p.area).toLowerCase()} (${p.objects} objects, ${p.pages} pages so far)` : `Read ${p.objects} objects in ${p.pages} pages`),
      });
      signal.throwIfAborted();
      const stored = await appendSnapshot(deps.db, { workspaceId, tenantId, collectedAt: new Date(collected.snapshot.collectedAt!), snapshot: collected.snapshot });
      if (collected.usersDeltaLink) await keepDeltaLink(deps.db, workspaceId, tenantId, stored.id, collected.usersDeltaLink, deps.clock.now());
      await deps.onSnapshot?.(workspaceId, stored);
      return {
        snapshotId: stored.id,
        sequence: stored.sequence,
        areas: stored.areas,
        faults: collected.snapshot.faults ?? {},
        objects: collected.objects,
        pages: collected.pages,
        users: collected.usersMode ?? 'not_read',
        malformed: collected.malformed.slice(0, 50),
      };
    },
  };
}

/** The previous sync's users and delta link, when its snapshot is still the newest of the chain. */
async function usersToContinue(db: Kysely<Database>, workspaceId: string, tenantId: string): Promise<DeltaState | undefined> {
  const state = await db.selectFrom('compliance_sync_state').selectAll().where('workspace_id', '=', workspaceId).where('tenant_id', '=', tenantId).executeTakeFirst();
  if (!state) return undefined;
  const newest = await db
    .selectFrom('compliance_snapshots')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('tenant_id', '=', tenantId)
    .orderBy('sequence', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (newest?.id !== state.snapshot_id) return undefined;
  // Only the directory area: the other areas of the previous snapshot play no part in a delta round.
  const users = (await loadSnapshotArea(db, workspaceId, state.snapshot_id, 'directory'))?.users;
  return Array.isArray(users) ? { objects: users as GraphObject[], deltaLink: state.users_delta_link } : undefined;
}

async function keepDeltaLink(db: Kysely<Database>, workspaceId: string, tenantId: string, snapshotId: string, link: string, at: Date): Promise<void> {
  await db
    .insertInto('compliance_sync_state')
    .values({ workspace_id: workspaceId, tenant_id: tenantId, snapshot_id: snapshotId, users_delta_link: link, updated_at: at })
    .onConflict((oc) => oc.columns(['workspace_id', 'tenant_id']).doUpdateSet({ snapshot_id: snapshotId, users_delta_link: link, updated_at: at }))
    .execute();
}

/**
 * Each tenant's sync schedule is a workspace schedule of its own (deleted with the workspace). Schedule names are
 * unique across the instance, and two workspaces may monitor the same tenant: the name carries both.
 */
export const syncScheduleName = (workspaceId: string, tenantId: string) => `${COMPLIANCE_SYNC_JOB}:${workspaceId}:${tenantId}`;

/** The tenant's sync schedule among the workspace's schedules; none when it syncs only on request. */
export function findSyncSchedule<S extends { name: string }>(schedules: readonly S[], workspaceId: string, tenantId: string): S | undefined {
  return schedules.find((s) => s.name === syncScheduleName(workspaceId, tenantId));
}

/**
 * Syncs the tenant every `intervalHours`, the first time one interval from now (someone who wants data now presses
 * "Refresh data"), or at `firstRunAt`; null removes the schedule.
 */
export async function setSyncSchedule(
  queue: Pick<JobQueue, 'upsertSchedule' | 'removeSchedule'>,
  workspaceId: string,
  tenantId: string,
  intervalHours: number | null,
  options: { now: Date; firstRunAt?: Date },
): Promise<void> {
  if (intervalHours === null) {
    await queue.removeSchedule(syncScheduleName(workspaceId, tenantId), workspaceId);
    return;
  }
  const intervalSeconds = intervalHours * 3600;
  const firstRunAt = options.firstRunAt ?? new Date(options.now.getTime() + intervalSeconds * 1000);
  await queue.upsertSchedule({ name: syncScheduleName(workspaceId, tenantId), type: COMPLIANCE_SYNC_JOB, payload: { tenantId }, intervalSeconds, workspaceId, firstRunAt });
}
