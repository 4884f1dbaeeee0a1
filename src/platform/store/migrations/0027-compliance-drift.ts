// What the hub does with each compliance snapshot: the tenant's assessment configuration, its pinned baseline,
// one stored assessment run per snapshot, and drift events (a difference from the baseline, open until the tenant
// returns to the baseline).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('compliance_assessment_configs')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('config', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('compliance_assessment_configs_pk', ['workspace_id', 'tenant_id'])
    .execute();
  await db.schema
    .createTable('compliance_baselines')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('snapshot_id', 'text', (c) => c.notNull().references('compliance_snapshots.id').onDelete('cascade'))
    .addColumn('pinned_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('compliance_baselines_pk', ['workspace_id', 'tenant_id'])
    .execute();
  await db.schema
    .createTable('compliance_assessment_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('snapshot_id', 'text', (c) => c.notNull().unique().references('compliance_snapshots.id').onDelete('cascade'))
    .addColumn('snapshot_sequence', 'integer', (c) => c.notNull())
    .addColumn('previous_run_id', 'text')
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('results', 'text', (c) => c.notNull())
    .addColumn('newly_failing', 'text', (c) => c.notNull())
    .addColumn('fixed', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('compliance_assessment_runs_tenant').on('compliance_assessment_runs').columns(['workspace_id', 'tenant_id', 'snapshot_sequence']).execute();
  await db.schema
    .createTable('compliance_drift_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('baseline_snapshot_id', 'text', (c) => c.notNull())
    .addColumn('drift_key', 'text', (c) => c.notNull())
    .addColumn('area', 'text', (c) => c.notNull())
    .addColumn('collection', 'text', (c) => c.notNull())
    .addColumn('object_id', 'text', (c) => c.notNull())
    .addColumn('object_name', 'text', (c) => c.notNull())
    .addColumn('change', 'text', (c) => c.notNull())
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('first_seen_snapshot_id', 'text', (c) => c.notNull())
    .addColumn('first_seen_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_seen_snapshot_id', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'timestamptz', (c) => c.notNull())
    .addColumn('resolved_snapshot_id', 'text')
    .addColumn('resolved_at', 'timestamptz')
    .addColumn('resolution', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('compliance_drift_events_tenant').on('compliance_drift_events').columns(['workspace_id', 'tenant_id', 'created_at']).execute();
  // One open event per difference: a second evaluation of the same snapshot cannot open it twice.
  await db.schema
    .createIndex('compliance_drift_events_open')
    .on('compliance_drift_events')
    .columns(['workspace_id', 'tenant_id', 'drift_key'])
    .unique()
    .where(sql.ref('resolved_at'), 'is', null)
    .execute();
}
