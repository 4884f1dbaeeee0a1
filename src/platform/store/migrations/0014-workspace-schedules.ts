// A recurring schedule may belong to a workspace (a per-tenant compliance sync, say): its jobs run in that workspace,
// it is listed only there, and it goes with the workspace when the workspace is deleted. Instance schedules
// (housekeeping, keep-alive sweeps) keep a null workspace.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('job_schedules')
    .addColumn('workspace_id', 'text', (c) => c.references('workspaces.id').onDelete('cascade'))
    .execute();
  await db.schema.createIndex('job_schedules_workspace_idx').on('job_schedules').column('workspace_id').execute();
}
