// A removed tenant connection stays as a `removed` row instead of disappearing: the hub can then tell a tenant the
// workspace removed (its application calls are refused, tenant_removed) from one it never tracked (a single-tenant
// app consented in Entra directly), until the tenant's administrator grants admin consent again.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // PostgreSQL names an unnamed column check <table>_<column>_check (0025 declared it inline).
  await sql`alter table m365_tenant_connections drop constraint m365_tenant_connections_status_check`.execute(db);
  await sql`alter table m365_tenant_connections add constraint m365_tenant_connections_status_check check (status in ('active', 'paused', 'removed'))`.execute(db);
}
