// Origins (besides FRONTEND_URL and the hub's own) that a connect flow may send the browser back to, per workspace:
// a host product that serves each customer on its own subdomain lists it here. Anything else is refused.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('m365_integrations')
    .addColumn('return_origins', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .execute();
}
