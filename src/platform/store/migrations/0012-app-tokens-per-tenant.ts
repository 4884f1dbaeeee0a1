// A multi-tenant workspace may hold admin consent in several customer tenants; each keeps its own application
// token, so m365_app_tokens is keyed by (workspace, tenant) instead of workspace alone. The rows are only a cache
// of tokens Microsoft hands out again on demand, so the table is rebuilt empty rather than migrated. `id`
// (`<workspace id>:<tenant id>`) is the row id sealed values are bound to.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('m365_app_tokens').execute();
  await db.schema
    .createTable('m365_app_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('credential_id', 'text', (c) => c.notNull())
    .addColumn('access_token_sealed', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('m365_app_tokens_workspace_tenant_key', ['workspace_id', 'tenant_id'])
    .execute();
}
