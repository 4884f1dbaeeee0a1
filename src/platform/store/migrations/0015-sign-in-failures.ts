// Failed console sign-ins per (IP, email), in the database so every hub process on one PostgreSQL counts the same
// attempts (an in-memory count gave an attacker one budget per process). The key is a digest: no address or email
// is kept here; the audit log already records each failure.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sign_in_failures')
    .addColumn('key_hash', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('window_ends_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sign_in_failures_window_idx').on('sign_in_failures').column('window_ends_at').execute();
}
