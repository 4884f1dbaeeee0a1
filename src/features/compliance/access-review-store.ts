// Access-review campaigns and their decisions. Every query is confined to the workspace: another workspace's
// campaign id reads as missing.
import type { Kysely } from 'kysely';
import { newId } from '../../platform/store/ids.js';
import type { Database } from '../../platform/store/schema.js';
import type { AccessReviewFilter } from './access-review-rows.js';
import type { ReviewDecision } from './access-review-format.js';

export interface Campaign {
  id: string;
  tenantId: string;
  snapshotId: string;
  name: string;
  filter: AccessReviewFilter;
  rows: number;
  /** Users with a keep or remove decision. */
  decided: number;
  status: 'open' | 'closed';
  createdBy: string;
  createdAt: string;
  closedAt: string | null;
  closedBy: string | null;
}


function campaignFrom(row: Record<string, unknown>, decided: number): Campaign {
  return {
    id: row.id as string,
    tenantId: row.tenant_id as string,
    snapshotId: row.snapshot_id as string,
    name: row.name as string,
    filter: JSON.parse(row.filter as string) as AccessReviewFilter,
    rows: Number(row.row_count),
    decided,
    status: row.status === 'closed' ? 'closed' : 'open',
    createdBy: row.created_by as string,
    createdAt: new Date(row.created_at as Date).toISOString(),
    closedAt: row.closed_at ? new Date(row.closed_at as Date).toISOString() : null,
    closedBy: (row.closed_by as string | null) ?? null,
  };
}

export async function createCampaign(
  db: Kysely<Database>,
  input: { workspaceId: string; tenantId: string; snapshotId: string; name: string; filter: AccessReviewFilter; rows: number; createdBy: string; at: Date },
): Promise<Campaign> {
  const id = newId('arv');
  await db
    .insertInto('access_review_campaigns')
    .values({ id, workspace_id: input.workspaceId, tenant_id: input.tenantId, snapshot_id: input.snapshotId, name: input.name, filter: JSON.stringify(input.filter), row_count: input.rows, status: 'open', created_by: input.createdBy, created_at: input.at })
    .execute();
  return (await findCampaign(db, input.workspaceId, id))!;
}

/** Campaigns with their count of decisions, confined to the workspace. */
function campaigns(db: Kysely<Database>, workspaceId: string) {
  return db
    .selectFrom('access_review_campaigns as c')
    .selectAll('c')
    .select((eb) => eb.selectFrom('access_review_decisions as d').whereRef('d.campaign_id', '=', 'c.id').select((e) => e.fn.countAll<string | number>().as('n')).as('decided'))
    .where('c.workspace_id', '=', workspaceId);
}

export async function findCampaign(db: Kysely<Database>, workspaceId: string, campaignId: string): Promise<Campaign | undefined> {
  const row = await campaigns(db, workspaceId).where('c.id', '=', campaignId).executeTakeFirst();
  return row ? campaignFrom(row, Number(row.decided ?? 0)) : undefined;
}

export async function listCampaigns(db: Kysely<Database>, workspaceId: string): Promise<Campaign[]> {
  const rows = await campaigns(db, workspaceId).orderBy('c.created_at', 'desc').orderBy('c.id').execute();
  return rows.map((row) => campaignFrom(row, Number(row.decided ?? 0)));
}

/** Records (or replaces) one decision; false when the campaign is closed (decisions are final once closed). */
export async function decide(db: Kysely<Database>, campaignId: string, userId: string, decision: ReviewDecision): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const campaign = await trx.selectFrom('access_review_campaigns').select('status').where('id', '=', campaignId).forUpdate().executeTakeFirst();
    if (campaign?.status !== 'open') return false;
    const values = { decision: decision.decision, comment: decision.comment, decided_by: decision.decidedBy, decided_at: new Date(decision.decidedAt) };
    await trx
      .insertInto('access_review_decisions')
      .values({ campaign_id: campaignId, user_id: userId, ...values })
      .onConflict((oc) => oc.columns(['campaign_id', 'user_id']).doUpdateSet(values))
      .execute();
    return true;
  });
}

export async function closeCampaign(db: Kysely<Database>, workspaceId: string, campaignId: string, closedBy: string, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('access_review_campaigns')
    .set({ status: 'closed', closed_at: at, closed_by: closedBy })
    .where('id', '=', campaignId)
    .where('workspace_id', '=', workspaceId)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function decisionsOf(db: Kysely<Database>, campaignId: string): Promise<Map<string, ReviewDecision>> {
  const rows = await db.selectFrom('access_review_decisions').selectAll().where('campaign_id', '=', campaignId).execute();
  return new Map(
    rows.map((r) => [r.user_id, { decision: r.decision === 'remove' ? 'remove' : 'keep', comment: r.comment, decidedBy: r.decided_by, decidedAt: new Date(r.decided_at).toISOString() }]),
  );
}
