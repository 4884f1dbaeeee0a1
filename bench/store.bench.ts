// Single-row insert and primary-key select per second through Kysely, embedded PGlite (a data dir on disk, as in
// embedded mode) vs PostgreSQL (loopback), side by side in one run. Bounded loops; the PostgreSQL schema and the
// PGlite data dir are temporary and removed at the end.
// PostgreSQL: DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test; skipped with a note if it does not answer.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openStore, type Store } from '../src/platform/store/database.js';
import { newId } from '../src/platform/store/ids.js';

const INSERTS = 2_000;
const SELECTS = 4_000;
const ROUNDS = 3;

interface Figures {
  insertsPerSecond: number;
  selectsPerSecond: number;
}

async function measure(store: Store): Promise<Figures> {
  const ids: string[] = [];
  const now = new Date();
  // warm-up: connections, plans
  for (let i = 0; i < 100; i += 1) {
    const id = newId('ws');
    await store.db.insertInto('workspaces').values({ id, name: 'warm-up', updated_at: now }).execute();
    await store.db.selectFrom('workspaces').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  }
  let insertsPerSecond = 0;
  let selectsPerSecond = 0;
  for (let round = 0; round < ROUNDS; round += 1) {
    let start = process.hrtime.bigint();
    for (let i = 0; i < INSERTS; i += 1) {
      const id = newId('ws');
      ids.push(id);
      await store.db.insertInto('workspaces').values({ id, name: `workspace ${i}`, updated_at: now }).execute();
    }
    insertsPerSecond = Math.max(insertsPerSecond, INSERTS / (Number(process.hrtime.bigint() - start) / 1e9));
    start = process.hrtime.bigint();
    for (let i = 0; i < SELECTS; i += 1) {
      await store.db.selectFrom('workspaces').selectAll().where('id', '=', ids[(i * 7919) % ids.length]!).executeTakeFirstOrThrow();
    }
    selectsPerSecond = Math.max(selectsPerSecond, SELECTS / (Number(process.hrtime.bigint() - start) / 1e9));
  }
  return { insertsPerSecond, selectsPerSecond };
}

async function pglite(): Promise<Figures> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'm365hub-bench-store-'));
  try {
    const store = await openStore({ dialect: 'pglite', dataDir });
    try {
      await store.migrate();
      return await measure(store);
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function postgres(): Promise<Figures | string> {
  const url = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
  const schema = `bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (error) {
    return `PostgreSQL did not answer (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
  }
  try {
    await admin.query(`create schema ${schema}`);
    const store = await openStore({ dialect: 'postgres', url, schema });
    try {
      await store.migrate();
      return await measure(store);
    } finally {
      await store.close();
    }
  } finally {
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
  }
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US').padStart(9);
const embedded = await pglite();
const server = await postgres();
console.log(`best of ${ROUNDS} rounds (${INSERTS} inserts, ${SELECTS} primary-key selects each), through Kysely`);
console.log('                          PGlite   PostgreSQL   PGlite / PostgreSQL');
if (typeof server === 'string') {
  console.log(`single-row insert/s  ${fmt(embedded.insertsPerSecond)}   (skipped: ${server})`);
  console.log(`primary-key select/s ${fmt(embedded.selectsPerSecond)}`);
} else {
  console.log(
    `single-row insert/s  ${fmt(embedded.insertsPerSecond)}    ${fmt(server.insertsPerSecond)}   ${(embedded.insertsPerSecond / server.insertsPerSecond).toFixed(2)}x`,
  );
  console.log(
    `primary-key select/s ${fmt(embedded.selectsPerSecond)}    ${fmt(server.selectsPerSecond)}   ${(embedded.selectsPerSecond / server.selectsPerSecond).toFixed(2)}x`,
  );
}
