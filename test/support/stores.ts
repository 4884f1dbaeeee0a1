// Opens a fresh, migrated store on each dialect, so one suite runs against both (as Kysely tests every dialect).
// PGlite: a copy of the run's template dump (see scripts/run-tests.mjs). PostgreSQL: a fresh schema, dropped after.
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { openStore, type DialectName, type Store } from '../../src/platform/store/database.js';

export const dialects: DialectName[] = ['pglite', 'postgres'];

let templateBytes: Buffer | undefined;

/** A fresh in-memory PGlite loaded from the run's template (or initialised when run outside the runner). */
export async function freshPGlite(): Promise<PGlite> {
  const template = process.env.M365HUB_TEST_PGLITE_TEMPLATE;
  if (!template) return PGlite.create();
  templateBytes ??= readFileSync(template);
  return PGlite.create({ loadDataDir: new Blob([new Uint8Array(templateBytes)]) });
}

/** Where PostgreSQL tests connect, or why they skip. Decided once per run by scripts/run-tests.mjs. */
export function postgresAvailability(): { url: string } | { skip: string } {
  const url = process.env.M365HUB_TEST_POSTGRES_URL;
  if (url) return { url };
  if (process.env.M365HUB_TEST_POSTGRES_SKIP) return { skip: process.env.M365HUB_TEST_POSTGRES_SKIP };
  const fallback = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
  return { url: fallback };
}

/** Skip reason for a dialect, or false; pass to node:test's `skip` option. */
export function skipReason(dialect: DialectName): string | false {
  if (dialect === 'pglite') return false;
  const availability = postgresAvailability();
  return 'skip' in availability ? availability.skip : false;
}

export interface TestStore extends Store {
  /** For PostgreSQL: the URL and schema other processes must use to see the same data. */
  postgres?: { url: string; schema: string };
}

/**
 * A fresh PostgreSQL schema name. Under scripts/run-tests.mjs the names carry the run's tag and the runner drops them
 * all when the run ends: a schema dropped while another test file migrates makes PostgreSQL's catalog scan (Kysely's
 * migrator introspects every schema) fail with "schema … does not exist". Outside the runner, drop it yourself.
 */
export function testSchemaName(): string {
  const tag = process.env.M365HUB_TEST_SCHEMA_TAG;
  return `test_${tag ? `${tag}_` : ''}${randomBytes(6).toString('hex')}`;
}

/** Whether the schema is left for the runner to drop at the end of the run (see testSchemaName). */
export const runnerDropsSchemas = () => Boolean(process.env.M365HUB_TEST_SCHEMA_TAG);

/** Opens a migrated store; close() drops the PostgreSQL schema (or leaves it for the runner, see testSchemaName). */
export async function openTestStore(dialect: DialectName): Promise<TestStore> {
  if (dialect === 'pglite') {
    const store = await openStore({ dialect: 'pglite', instance: await freshPGlite() });
    await store.migrate();
    return store;
  }
  const availability = postgresAvailability();
  if ('skip' in availability) throw new Error(availability.skip);
  const schema = testSchemaName();
  const admin = new pg.Client({ connectionString: availability.url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const store = await openStore({ dialect: 'postgres', url: availability.url, schema });
  await store.migrate();
  return {
    ...store,
    postgres: { url: availability.url, schema },
    async close() {
      await store.close();
      if (runnerDropsSchemas()) return;
      const cleanup = new pg.Client({ connectionString: availability.url });
      await cleanup.connect();
      await cleanup.query(`drop schema ${schema} cascade`);
      await cleanup.end();
    },
  };
}

/** Prepares an embedded data dir (`<dataDir>/db`) from the run's template, so a spawned hub skips initdb. */
export async function prepareDataDir(dataDir: string): Promise<void> {
  const template = process.env.M365HUB_TEST_PGLITE_TEMPLATE;
  templateBytes ??= template ? readFileSync(template) : undefined;
  const instance = await PGlite.create(`${dataDir}/db`, templateBytes ? { loadDataDir: new Blob([new Uint8Array(templateBytes)]) } : {});
  await instance.close();
}
