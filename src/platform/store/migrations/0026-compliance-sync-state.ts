// Where each tenant's compliance sync continues from: the delta link that follows the users of the snapshot the sync
// wrote. A link is used only while that snapshot is still the newest of the chain (an imported snapshot in between
// sends the next sync back to a full read).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('compliance_sync_state')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('snapshot_id', 'text', (c) => c.notNull().references('compliance_snapshots.id').onDelete('cascade'))
    .addColumn('users_delta_link', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('compliance_sync_state_pk', ['workspace_id', 'tenant_id'])
    .execute();
}
