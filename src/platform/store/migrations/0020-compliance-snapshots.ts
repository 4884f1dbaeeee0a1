// Compliance snapshots of a workspace's tenants: one row per sync with the hash chain (each row carries the
// sha256 of the one before it, per workspace and tenant), and one compressed canonical-JSON body per area.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('compliance_snapshots')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('sequence', 'integer', (c) => c.notNull())
    .addColumn('format_version', 'integer', (c) => c.notNull())
    .addColumn('collected_at', 'timestamptz', (c) => c.notNull())
    .addColumn('faults', 'text', (c) => c.notNull())
    .addColumn('previous_hash', 'text')
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('compliance_snapshots_chain_unique', ['workspace_id', 'tenant_id', 'sequence'])
    .execute();
  await db.schema
    .createTable('compliance_snapshot_areas')
    .addColumn('snapshot_id', 'text', (c) => c.notNull().references('compliance_snapshots.id').onDelete('cascade'))
    .addColumn('area', 'text', (c) => c.notNull())
    .addColumn('body', 'bytea', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('compliance_snapshot_areas_pk', ['snapshot_id', 'area'])
    .execute();
}
