// Migration 0007 converts connections keyed `console:<id>` (console users, before the namespaces were split) into
// console_user connections keyed by the bare id, and leaves every host product's user as it was — including one
// whose id merely looks like `console:…` without naming a console user. Run on PostgreSQL (a fresh schema migrates
// in a moment; a fresh PGlite costs seconds of initdb).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import pg from 'pg';
import { migrationProvider } from '../../src/platform/store/migrations/index.js';
import { postgresAvailability, runnerDropsSchemas, skipReason, testSchemaName } from '../support/stores.js';

describe('migration 0007: console users out of the host product\'s user namespace', { skip: skipReason('postgres') }, () => {
  // The schema as of each migration, not today's Database type.
  let db: Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  let migrator: Migrator;
  const schema = testSchemaName();

  before(async () => {
    const { url } = postgresAvailability() as { url: string };
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    db = new Kysely({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 2, options: `-c search_path=${schema}` }) }) });
    migrator = new Migrator({ db, provider: migrationProvider, migrationTableSchema: schema });
  });
  after(async () => {
    if (!runnerDropsSchemas()) await sql`drop schema ${sql.id(schema)} cascade`.execute(db);
    await db?.destroy();
  });

  it('keys console users by kind, and keeps host product users as they were', async () => {
    const to6 = await migrator.migrateTo('0006-webhook-rotation-and-expiry-notices');
    assert.equal(to6.error, undefined);
    await db.insertInto('workspaces').values({ id: 'ws_1', name: 'W' }).execute();
    await db.insertInto('console_users').values({ id: 'usr_1', email: 'a@example.com', display_name: 'A', password_hash: 'x' }).execute();
    const row = (id: string, user: string) => ({
      id,
      workspace_id: 'ws_1',
      external_user_id: user,
      tenant_id: 't',
      object_id: id,
      scopes: 'openid',
      status: 'active',
      refresh_token_sealed: 'sealed',
      last_refreshed_at: new Date(),
    });
    await db.insertInto('m365_connections').values([row('conn_console', 'console:usr_1'), row('conn_host', 'usr_1'), row('conn_lookalike', 'console:nobody')]).execute();

    const latest = await migrator.migrateToLatest();
    assert.equal(latest.error, undefined);
    const rows = await db.selectFrom('m365_connections').select(['id', 'user_kind', 'external_user_id']).orderBy('id').execute();
    assert.deepEqual(rows, [
      { id: 'conn_console', user_kind: 'console_user', external_user_id: 'usr_1' },
      { id: 'conn_host', user_kind: 'external_user', external_user_id: 'usr_1' },
      { id: 'conn_lookalike', user_kind: 'external_user', external_user_id: 'console:nobody' },
    ]);
  });
});
