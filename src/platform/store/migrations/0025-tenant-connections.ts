// Tenant connections: every customer tenant that granted admin consent to a workspace's (multi-tenant) app is a row
// the workspace can label, pause, test and remove, so one workspace (an MSP, or a product serving several customer
// organisations) monitors all of them. Backfilled from what already proves a consent: the tenant recorded as the
// integration's admin consent, and every tenant an application token was issued for.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('m365_tenant_connections')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('label', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active').check(sql`status in ('active', 'paused')`))
    .addColumn('consented_at', 'timestamptz')
    .addColumn('consented_by', 'text')
    .addColumn('health', 'text', (c) => c.notNull().defaultTo('unknown'))
    .addColumn('health_checked_at', 'timestamptz')
    .addColumn('health_report', 'jsonb')
    .addColumn('last_test_job_id', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('m365_tenant_connections_pkey', ['workspace_id', 'tenant_id'])
    .execute();
  await sql`
    insert into m365_tenant_connections (workspace_id, tenant_id, consented_at)
    select workspace_id, lower(admin_consent_tenant), admin_consent_at from m365_integrations where admin_consent_tenant is not null
    on conflict do nothing`.execute(db);
  await sql`
    insert into m365_tenant_connections (workspace_id, tenant_id)
    select distinct workspace_id, lower(tenant_id) from m365_app_tokens
    on conflict do nothing`.execute(db);
}
