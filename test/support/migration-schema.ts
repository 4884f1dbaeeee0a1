// A fresh PostgreSQL schema for a migration test, with a migrator over it: each test migrates to the version before
// the one it checks, writes rows in that era's shape, then migrates on. Registered as the suite's before/after hooks.
// PostgreSQL only: a fresh schema migrates in a moment, a fresh PGlite costs seconds of initdb.
import { after, before } from 'node:test';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import pg from 'pg';
import { migrationProvider } from '../../src/platform/store/migrations/index.js';
import { postgresAvailability, runnerDropsSchemas, testSchemaName } from './stores.js';

export interface MigrationSchema {
  /** The schema as of each migration, not today's Database type. */
  db: Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  migrator: Migrator;
}

export function useMigrationSchema(): MigrationSchema {
  const schema = testSchemaName();
  const context = {} as MigrationSchema;
  before(async () => {
    const { url } = postgresAvailability() as { url: string };
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    context.db = new Kysely({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 2, options: `-c search_path=${schema}` }) }) });
    context.migrator = new Migrator({ db: context.db, provider: migrationProvider, migrationTableSchema: schema });
  });
  after(async () => {
    if (!context.db) return;
    if (!runnerDropsSchemas()) await sql`drop schema ${sql.id(schema)} cascade`.execute(context.db);
    await context.db.destroy();
  });
  return context;
}
