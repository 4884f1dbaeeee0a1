// Single-row insert and primary-key select per second, embedded PGlite (a data dir on disk, as `m365hub start`
// runs it) vs PostgreSQL on loopback, side by side in one run. Bounded loops; each query awaits the previous one,
// as a request handler would.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openStore, type Store } from '../src/store/database.js';

const INSERTS = 2_000;
const SELECTS = 4_000;
const postgresUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

interface Figures {
  insertsPerSecond: number;
  selectsPerSecond: number;
}

async function measure(store: Store): Promise<Figures> {
  const ids: string[] = [];
  const insertStart = process.hrtime.bigint();
  for (let i = 0; i < INSERTS; i += 1) {
    const id = `ws_bench_${i}`;
    await store.db.insertInto('workspaces').values({ id, name: `bench ${i}`, updated_at: new Date() }).execute();
    ids.push(id);
  }
  const insertSeconds = Number(process.hrtime.bigint() - insertStart) / 1e9;
  const selectStart = process.hrtime.bigint();
  for (let i = 0; i < SELECTS; i += 1) {
    await store.db.selectFrom('workspaces').selectAll().where('id', '=', ids[(i * 7919) % ids.length]!).executeTakeFirstOrThrow();
  }
  const selectSeconds = Number(process.hrtime.bigint() - selectStart) / 1e9;
  return { insertsPerSecond: INSERTS / insertSeconds, selectsPerSecond: SELECTS / selectSeconds };
}

async function pglite(): Promise<Figures> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'm365hub-bench-'));
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
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 3_000 });
  try {
    await admin.connect();
  } catch (error) {
    return `PostgreSQL did not answer (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
  }
  try {
    await admin.query(`create schema ${schema}`);
    const store = await openStore({ dialect: 'postgres', url: postgresUrl, schema, poolSize: 2 });
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

const embedded = await pglite();
const server = await postgres();
const row = (label: string, a: number, b: number | undefined) =>
  `${label.padEnd(22)} ${Math.round(a).toString().padStart(10)} ${b === undefined ? '         —' : Math.round(b).toString().padStart(12)}   ${
    b === undefined ? '—' : (a / b).toFixed(2)
  }`;
console.log(`${'operation'.padEnd(22)} ${'PGlite/s'.padStart(10)} ${'PostgreSQL/s'.padStart(12)}   PGlite ÷ PostgreSQL`);
const other = typeof server === 'string' ? undefined : server;
console.log(row(`insert (${INSERTS} rows)`, embedded.insertsPerSecond, other?.insertsPerSecond));
console.log(row(`PK select (${SELECTS})`, embedded.selectsPerSecond, other?.selectsPerSecond));
if (typeof server === 'string') console.log(`PostgreSQL skipped: ${server}`);
