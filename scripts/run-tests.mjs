#!/usr/bin/env node
// Runs the whole test suite with Node's own test runner.
// Before the tests start it prepares what every test file shares, so no file pays for it again:
//   - one initialised PGlite data dir (initdb costs ~5 s and ~800 MB), dumped once and loaded per test;
//   - the PostgreSQL URL the dual-dialect suites use, or the reason they skip (a failure when CI=true).
// Usage: node scripts/run-tests.mjs [file-or-folder-filter ...]
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const testRoots = ['src', 'emulator', 'test'];
const filters = process.argv.slice(2);

function findTests(dir, out) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) findTests(full, out);
    else if (entry.name.endsWith('.test.ts')) out.push(path.relative(root, full));
  }
  return out;
}

async function postgresUrl() {
  const url = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return { url };
  } catch (error) {
    return { reason: `PostgreSQL at ${url.replace(/:[^:@/]*@/, ':***@')} did not answer (${error.code ?? error.message})` };
  } finally {
    await client.end().catch(() => {});
  }
}

async function dropRunSchemas(url, tag) {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const { rows } = await client.query(`select nspname from pg_namespace where nspname like $1`, [`test\\_${tag}\\_%`]);
    for (const { nspname } of rows) await client.query(`drop schema "${nspname}" cascade`);
  } catch (error) {
    console.error(`could not drop this run's test schemas: ${error.message}`);
  } finally {
    await client.end().catch(() => {});
  }
}

const files = testRoots
  .filter((dir) => statSync(path.join(root, dir), { throwIfNoEntry: false })?.isDirectory())
  .flatMap((dir) => findTests(path.join(root, dir), []))
  .filter((file) => filters.length === 0 || filters.some((f) => file.includes(f)))
  .sort();
if (files.length === 0) {
  console.error('no test files matched');
  process.exit(1);
}

const runDir = mkdtempSync(path.join(tmpdir(), 'm365hub-test-'));
const env = { ...process.env, M365HUB_TEST_RUN_DIR: runDir, NODE_NO_WARNINGS: '1' };

const postgres = await postgresUrl();
if (postgres.url) {
  env.M365HUB_TEST_POSTGRES_URL = postgres.url;
  // Test schemas of this run carry this tag and are dropped together at the end (see test/support/stores.ts).
  env.M365HUB_TEST_SCHEMA_TAG = `r${process.pid}`;
} else if (process.env.CI === 'true') {
  console.error(`CI=true and ${postgres.reason}: the PostgreSQL half of the suite cannot be skipped in CI.`);
  process.exit(1);
} else {
  env.M365HUB_TEST_POSTGRES_SKIP = postgres.reason;
  console.log(`note: PostgreSQL tests will skip: ${postgres.reason}`);
}

const template = spawnSync(process.execPath, ['--import', 'tsx', 'test/support/make-pglite-template.ts', runDir], {
  cwd: root,
  env,
  stdio: ['ignore', 'pipe', 'inherit'],
  encoding: 'utf8',
});
if (template.status !== 0) {
  console.error('could not prepare the shared PGlite template');
  process.exit(1);
}
env.M365HUB_TEST_PGLITE_TEMPLATE = template.stdout.trim();

const child = spawn(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files],
  { cwd: root, env, stdio: 'inherit' },
);
const code = await new Promise((resolve) => child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0))));
rmSync(runDir, { recursive: true, force: true });
if (postgres.url) await dropRunSchemas(postgres.url, env.M365HUB_TEST_SCHEMA_TAG);
process.exit(code);
