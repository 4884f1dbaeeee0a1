// What the hub does whenever a snapshot joins a tenant's chain (an import today, a sync job's collection too):
// assess it with the tenant's stored configuration and store the run, measure it against the pinned baseline
// and announce new drift as `compliance.drift_detected`. All in one transaction with the webhook's delivery rows,
// so a drift event exists exactly when its announcement does. Whoever calls `appendSnapshot` calls this next.
import type { Kysely } from 'kysely';
import type { EventPublisher } from '../../platform/events/event-publisher.js';
import type { Database } from '../../platform/store/schema.js';
import type { Clock } from '../../platform/time/clock.js';
import { isUniqueViolation } from '../../platform/store/unique-violation.js';
import { loadAssessmentConfig } from './assessment-config-store.js';
import { hasLaterRun, recordAssessmentRun, type AssessmentRunWithResults } from './assessment-runs.js';
import { loadBaseline } from './baselines.js';
import { reconcileDrift, type DriftEvent } from './drift-events.js';
import type { ComplianceEventType } from './events.js';
import type { TenantSnapshot } from './snapshot.js';
import { loadSnapshot, type StoredSnapshot } from './snapshot-store.js';

export interface SnapshotHookDeps {
  db: Kysely<Database>;
  clock: Clock;
  /** Absent: drift is recorded but announced to no one (tools and tests without webhooks). */
  events?: EventPublisher<ComplianceEventType> | undefined;
}

/** At most this many drift events travel in one webhook; `total` says how many opened. */
const DRIFTS_PER_WEBHOOK = 50;

export interface SnapshotOutcome {
  run: AssessmentRunWithResults;
  /** Drift events this snapshot opened (none without a pinned baseline). */
  opened: DriftEvent[];
}

export const driftEventResource = (e: DriftEvent) => ({
  id: e.id,
  tenantId: e.tenantId,
  baselineSnapshotId: e.baselineSnapshotId,
  area: e.area,
  collection: e.collection,
  objectId: e.objectId,
  objectName: e.objectName,
  change: e.change,
  fields: e.fields,
  firstSeenSnapshotId: e.firstSeenSnapshotId,
  firstSeenAt: e.firstSeenAt.toISOString(),
  lastSeenSnapshotId: e.lastSeenSnapshotId,
  lastSeenAt: e.lastSeenAt.toISOString(),
  status: e.resolvedAt ? ('resolved' as const) : ('open' as const),
  resolvedSnapshotId: e.resolvedSnapshotId,
  resolvedAt: e.resolvedAt?.toISOString() ?? null,
  resolution: e.resolution,
});

/** Measures the tenant's newest state against its baseline and announces what newly drifted. */
export async function measureDrift(
  deps: SnapshotHookDeps,
  trx: Parameters<typeof reconcileDrift>[0],
  input: { workspaceId: string; stored: StoredSnapshot; snapshot: TenantSnapshot },
): Promise<DriftEvent[]> {
  const { workspaceId, stored } = input;
  const baseline = await loadBaseline(trx, workspaceId, stored.tenantId);
  if (!baseline) return [];
  const pinned = baseline.snapshotId === stored.id ? { snapshot: input.snapshot } : await loadSnapshot(trx, workspaceId, baseline.snapshotId);
  if (!pinned) return [];
  const opened = await reconcileDrift(trx, { workspaceId, baseline: { id: baseline.snapshotId, snapshot: pinned.snapshot }, current: input, now: deps.clock.now() });
  if (opened.length > 0 && deps.events) {
    await deps.events.publish(trx, {
      workspaceId,
      type: 'compliance.drift_detected',
      data: {
        tenantId: stored.tenantId,
        snapshotId: stored.id,
        baselineSnapshotId: baseline.snapshotId,
        total: opened.length,
        drifts: opened.slice(0, DRIFTS_PER_WEBHOOK).map(driftEventResource),
      },
    });
  }
  return opened;
}

export async function afterSnapshotAppended(deps: SnapshotHookDeps, input: { workspaceId: string; stored: StoredSnapshot }): Promise<SnapshotOutcome> {
  const { workspaceId, stored } = input;
  // Read back as stored: secrets were stripped on the way in, and drift leaves the hub in webhooks.
  const snapshot = (await loadSnapshot(deps.db, workspaceId, stored.id))?.snapshot;
  if (!snapshot) throw new Error(`snapshot ${stored.id} is not in workspace ${workspaceId}`);
  for (let attempt = 0; ; attempt++) {
    try {
      return await deps.db.transaction().execute(async (trx) => {
        const { config } = await loadAssessmentConfig(trx, workspaceId, stored.tenantId);
        const run = await recordAssessmentRun(trx, { workspaceId, stored, snapshot, config, now: deps.clock.now() });
        // A hook that ran after a later snapshot's must not measure drift on an older state.
        const opened = (await hasLaterRun(trx, workspaceId, stored)) ? [] : await measureDrift(deps, trx, { workspaceId, stored, snapshot });
        return { run, opened };
      });
    } catch (error) {
      // Another process handled a snapshot of the tenant at the same moment (the same run or the same open drift
      // event was written twice): start again from what it committed.
      if (attempt < 3 && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}
