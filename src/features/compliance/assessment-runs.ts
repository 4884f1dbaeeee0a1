// One stored assessment run per snapshot: the results as the hub computed them when the snapshot arrived (with
// the tenant's configuration of that moment), compared with the run of the snapshot before it.
import type { Kysely, Selectable, Transaction } from 'kysely';
import { newId } from '../../platform/store/ids.js';
import type { Database } from '../../platform/store/schema.js';
import { assessSnapshot, compareResults, summarise, type AssessmentResult, type ResultSummary } from './assess.js';
import type { AssessmentConfig } from './rules/index.js';
import type { TenantSnapshot } from './snapshot.js';
import type { StoredSnapshot } from './snapshot-store.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface AssessmentRun {
  id: string;
  tenantId: string;
  snapshotId: string;
  snapshotSequence: number;
  previousRunId: string | null;
  summary: ResultSummary;
  newlyFailing: string[];
  fixed: string[];
  createdAt: Date;
}

export interface AssessmentRunWithResults extends AssessmentRun {
  results: AssessmentResult[];
}

type RunRow = Selectable<Database['compliance_assessment_runs']>;

const runOf = (row: RunRow): AssessmentRun => ({
  id: row.id,
  tenantId: row.tenant_id,
  snapshotId: row.snapshot_id,
  snapshotSequence: Number(row.snapshot_sequence),
  previousRunId: row.previous_run_id,
  summary: JSON.parse(row.summary) as ResultSummary,
  newlyFailing: JSON.parse(row.newly_failing) as string[],
  fixed: JSON.parse(row.fixed) as string[],
  createdAt: new Date(row.created_at),
});

/** Assesses the snapshot and stores the run; the run already stored for this snapshot is returned as it is. */
export async function recordAssessmentRun(
  db: Db,
  input: { workspaceId: string; stored: StoredSnapshot; snapshot: TenantSnapshot; config: AssessmentConfig; now: Date },
): Promise<AssessmentRunWithResults> {
  const { workspaceId, stored } = input;
  const existing = await db.selectFrom('compliance_assessment_runs').selectAll().where('workspace_id', '=', workspaceId).where('snapshot_id', '=', stored.id).executeTakeFirst();
  if (existing) return { ...runOf(existing), results: JSON.parse(existing.results) as AssessmentResult[] };
  const previous = await db
    .selectFrom('compliance_assessment_runs')
    .select(['id', 'results'])
    .where('workspace_id', '=', workspaceId)
    .where('tenant_id', '=', stored.tenantId)
    .where('snapshot_sequence', '<', stored.sequence)
    .orderBy('snapshot_sequence', 'desc')
    .limit(1)
    .executeTakeFirst();
  const results = assessSnapshot(input.snapshot, input.config);
  const compared = previous ? compareResults(JSON.parse(previous.results) as AssessmentResult[], results) : { newlyFailing: [], fixed: [] };
  const run: AssessmentRunWithResults = {
    id: newId('asr'),
    tenantId: stored.tenantId,
    snapshotId: stored.id,
    snapshotSequence: stored.sequence,
    previousRunId: previous?.id ?? null,
    summary: summarise(results),
    ...compared,
    createdAt: input.now,
    results,
  };
  await db
    .insertInto('compliance_assessment_runs')
    .values({
      id: run.id,
      workspace_id: workspaceId,
      tenant_id: run.tenantId,
      snapshot_id: run.snapshotId,
      snapshot_sequence: run.snapshotSequence,
      previous_run_id: run.previousRunId,
      summary: JSON.stringify(run.summary),
      results: JSON.stringify(results),
      newly_failing: JSON.stringify(run.newlyFailing),
      fixed: JSON.stringify(run.fixed),
      created_at: input.now,
    })
    .execute();
  return run;
}

/** A tenant's runs in the order of its chain, after the snapshot sequence given; `next` is the last one's sequence when more follow. */
export async function listAssessmentRuns(db: Db, workspaceId: string, tenantId: string, page: { limit: number; afterSequence?: number }): Promise<{ items: AssessmentRun[]; next: number | null }> {
  const rows = await db
    .selectFrom('compliance_assessment_runs')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('tenant_id', '=', tenantId)
    .where('snapshot_sequence', '>', page.afterSequence ?? 0)
    .orderBy('snapshot_sequence')
    .limit(page.limit + 1)
    .execute();
  const items = rows.slice(0, page.limit).map(runOf);
  return { items, next: rows.length > page.limit ? items.at(-1)!.snapshotSequence : null };
}

/** One run of the workspace with its results, or undefined (another workspace's id reads as missing). */
export async function loadAssessmentRun(db: Db, workspaceId: string, runId: string): Promise<AssessmentRunWithResults | undefined> {
  const row = await db.selectFrom('compliance_assessment_runs').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', runId).executeTakeFirst();
  return row ? { ...runOf(row), results: JSON.parse(row.results) as AssessmentResult[] } : undefined;
}

/** Whether a later snapshot of the tenant was already assessed (a hook that ran late must not roll drift back). */
export async function hasLaterRun(db: Db, workspaceId: string, stored: StoredSnapshot): Promise<boolean> {
  const row = await db.selectFrom('compliance_assessment_runs').select('id').where('workspace_id', '=', workspaceId).where('tenant_id', '=', stored.tenantId).where('snapshot_sequence', '>', stored.sequence).limit(1).executeTakeFirst();
  return row !== undefined;
}
