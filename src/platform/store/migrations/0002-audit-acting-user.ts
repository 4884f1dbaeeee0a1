// The host product's user an API-key request acted for (X-M365Hub-Acting-User), recorded beside the key as actor.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('audit_log').addColumn('acting_user', 'text').execute();
}
