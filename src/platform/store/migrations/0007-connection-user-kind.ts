// Console users and a host product's users in separate namespaces. Until now a console user's connection was keyed
// `console:<user id>` among the host product's user ids, so a workspace API key could name it (act as that user,
// replace or delete the connection). Each connection and connect state now carries the kind of user it belongs to;
// an API key only ever reaches `external_user`. Existing `console:<id>` rows whose id is a console user's become
// `console_user` rows keyed by the bare id; anything else stays the host product's user it always was.
import { sql, type Kysely } from 'kysely';

const KINDS = sql`('console_user', 'external_user')`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('m365_connections')
    .addColumn('user_kind', 'text', (c) => c.notNull().defaultTo('external_user').check(sql`user_kind in ${KINDS}`))
    .execute();
  await db.schema.alterTable('m365_connections').dropConstraint('m365_connections_user_unique').execute();
  await sql`
    update m365_connections set user_kind = 'console_user', external_user_id = substr(external_user_id, 9)
    where external_user_id like 'console:%' and substr(external_user_id, 9) in (select id from console_users)`.execute(db);
  await db.schema
    .alterTable('m365_connections')
    .addUniqueConstraint('m365_connections_user_unique', ['workspace_id', 'user_kind', 'external_user_id'])
    .execute();

  // Null for an admin consent started without a console user (a signed admin consent link).
  await db.schema
    .alterTable('m365_auth_states')
    .addColumn('user_kind', 'text', (c) => c.check(sql`user_kind in ${KINDS}`))
    .execute();
  await sql`update m365_auth_states set user_kind = 'external_user' where purpose = 'connect'`.execute(db);
  await sql`
    update m365_auth_states set user_kind = 'console_user', external_user_id = substr(external_user_id, 9)
    where external_user_id like 'console:%' and substr(external_user_id, 9) in (select id from console_users)`.execute(db);
}
