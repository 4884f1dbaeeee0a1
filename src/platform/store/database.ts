// Opens the store on one of its two dialects and runs the migrations.
// Embedded: PGlite (PostgreSQL in WebAssembly) in a data folder. Production: PostgreSQL through `pg`.
import path from 'node:path';
// PGlite is loaded only when the embedded store is opened: a PostgreSQL deployment's hub does not hold its code.
import type { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect, sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.js';
import { latestMigration, migrationProvider } from './migrations/index.js';
import type { Database } from './schema.js';

export type DialectName = 'pglite' | 'postgres';

export type StoreTarget =
  /** Embedded database in `<dataDir>/db`, locked against a second process. */
  | { dialect: 'pglite'; dataDir: string }
  /** An already created PGlite instance (tests load one from a shared template). */
  | { dialect: 'pglite'; instance: PGlite }
  /** PostgreSQL; `schema` confines every table (tests use a fresh schema per run). */
  | { dialect: 'postgres'; url: string; schema?: string; poolSize?: number };

export interface Store {
  db: Kysely<Database>;
  dialect: DialectName;
  /** Applies pending migrations; safe when several processes start at once (advisory lock). */
  migrate(): Promise<void>;
  /** True when the database answers and the newest migration is applied. */
  isReady(): Promise<boolean>;
  close(): Promise<void>;
  /**
   * PostgreSQL only: a channel for waking other processes at once (LISTEN/NOTIFY), e.g. workers when a job is
   * enqueued. Notifications sent inside a transaction are delivered when it commits. Absent on PGlite (one process).
   */
  wakeups?: Wakeups;
}

export interface Wakeups {
  /** The channel name, scoped to the schema so test schemas sharing a database do not wake each other. */
  channel: string;
  /** Listens on a dedicated connection; the returned function stops listening and closes it. */
  listen(onWake: () => void): Promise<() => Promise<void>>;
}

// int8 (bigserial, count(*)) arrives as a string from pg and a number from PGlite: parse both the same way.
const INT8_OID = 20;
const postgresTypes = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === INT8_OID ? (value: string) => Number.parseInt(value, 10) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

/** The newest migration recorded in Kysely's migration table (its default name). */
async function newestAppliedMigration(db: Kysely<Database>, schema: string | undefined): Promise<string | undefined> {
  const table = schema ? sql.table(`${schema}.kysely_migration`) : sql.table('kysely_migration');
  const { rows } = await sql<{ name: string }>`select name from ${table} order by name desc limit 1`.execute(db);
  return rows[0]?.name;
}

function postgresWakeups(url: string, schema: string | undefined): Wakeups {
  const channel = `m365hub_wake${schema ? `_${schema}` : ''}`.toLowerCase().replace(/[^a-z0-9_]/g, '_').slice(0, 63);
  return {
    channel,
    async listen(onWake) {
      const client = new pg.Client({ connectionString: url });
      // A lost listening connection must not crash the process: workers keep polling, which is the fallback.
      client.on('error', () => {});
      client.on('notification', (message) => {
        if (message.channel === channel) onWake();
      });
      await client.connect();
      await client.query(`listen "${channel}"`);
      return async () => {
        await client.end().catch(() => {});
      };
    },
  };
}

export async function openStore(target: StoreTarget): Promise<Store> {
  let db: Kysely<Database>;
  let release = () => {};
  let schema: string | undefined;
  let pglite: PGlite | undefined;
  let wakeups: Wakeups | undefined;
  if (target.dialect === 'pglite') {
    let instance: PGlite;
    if ('instance' in target) {
      instance = target.instance;
    } else {
      release = lockDataDir(target.dataDir);
      try {
        const { PGlite } = await import('@electric-sql/pglite');
        instance = await PGlite.create(path.join(target.dataDir, 'db'));
      } catch (error) {
        release();
        throw error;
      }
    }
    pglite = instance;
    db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite: instance }) });
  } else {
    schema = target.schema;
    const pool = new pg.Pool({
      connectionString: target.url,
      max: target.poolSize ?? 10,
      types: postgresTypes,
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
    });
    // An idle client that loses its server must not crash the process; the next query reports it.
    pool.on('error', () => {});
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    wakeups = postgresWakeups(target.url, schema);
  }

  const migrator = new Migrator({
    db,
    provider: migrationProvider,
    ...(schema ? { migrationTableSchema: schema } : {}),
  });

  return {
    db,
    dialect: target.dialect,
    ...(wakeups ? { wakeups } : {}),
    async migrate() {
      // Most starts find the database current: one indexed read instead of the migrator's table introspection,
      // which costs ~0.6 s on PGlite. Anything else (no table yet, older schema) takes the migrator's locked path.
      if (await newestAppliedMigration(db, schema).catch(() => undefined) === latestMigration) return;
      const { error, results } = await migrator.migrateToLatest();
      if (error) {
        const failed = results?.find((r) => r.status === 'Error')?.migrationName;
        throw new Error(`database migration ${failed ?? ''} failed: ${(error as Error).message}`, { cause: error });
      }
    },
    async isReady() {
      // Migrations apply in name order, so the newest recorded one tells whether all are done.
      try {
        return (await newestAppliedMigration(db, schema)) === latestMigration;
      } catch {
        return false;
      }
    },
    async close() {
      try {
        await db.destroy();
        // Kysely closes PGlite only if a query ever ran through it; an idle instance would keep the process alive.
        if (pglite && !pglite.closed) await pglite.close();
      } finally {
        release();
      }
    },
  };
}
