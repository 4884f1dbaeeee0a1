// Signed admin consent links: the host product's backend asks (with its API key) for a single-use, expiring link
// that a customer's tenant administrator — who is not a console user — opens to grant admin consent. They live
// beside connect links (same token hashing, expiry and single use), told apart by `purpose`.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('m365_connect_links')
    .addColumn('purpose', 'text', (c) => c.notNull().defaultTo('connect').check(sql`purpose in ('connect', 'admin_consent')`))
    .execute();
  await db.schema.alterTable('m365_connect_links').alterColumn('external_user_id', (c) => c.dropNotNull()).execute();
  await db.schema
    .alterTable('m365_connect_links')
    .addCheckConstraint('m365_connect_links_user', sql`(purpose = 'connect') = (external_user_id is not null)`)
    .execute();
}
