// The baseline of a tenant: one snapshot an admin pinned as "how this tenant should be". Drift is measured
// against it; re-pinning closes the drift measured against the old one.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/store/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface Baseline {
  snapshotId: string;
  pinnedAt: Date;
}

export async function loadBaseline(db: Db, workspaceId: string, tenantId: string): Promise<Baseline | undefined> {
  const row = await db.selectFrom('compliance_baselines').select(['snapshot_id', 'pinned_at']).where('workspace_id', '=', workspaceId).where('tenant_id', '=', tenantId).executeTakeFirst();
  return row ? { snapshotId: row.snapshot_id, pinnedAt: new Date(row.pinned_at) } : undefined;
}

export async function saveBaseline(db: Db, workspaceId: string, tenantId: string, snapshotId: string, now: Date): Promise<void> {
  await db
    .insertInto('compliance_baselines')
    .values({ workspace_id: workspaceId, tenant_id: tenantId, snapshot_id: snapshotId, pinned_at: now })
    .onConflict((oc) => oc.columns(['workspace_id', 'tenant_id']).doUpdateSet({ snapshot_id: snapshotId, pinned_at: now }))
    .execute();
}
