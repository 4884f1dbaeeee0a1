// Two more kinds of integration health: setup_error (the registration or tenant is not set up: AADSTS700016,
// a multi-tenant app without a tenant) and consent_required (Microsoft wants an administrator's consent), which
// were reported as authentication errors although no credential was at fault.
import { sql, type Kysely } from 'kysely';

const KINDS = ['unknown', 'connected', 'authentication_error', 'permission_error', 'service_error', 'setup_error', 'consent_required'];

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table m365_integrations drop constraint if exists m365_integrations_health_check`.execute(db);
  await sql`alter table m365_integrations add constraint m365_integrations_health_check check (health in (${sql.join(KINDS.map((k) => sql.lit(k)))}))`.execute(db);
}
