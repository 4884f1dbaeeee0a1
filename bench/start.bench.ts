// `npm run bench -- start`: seconds from spawning `m365hub start` to the first 200 on /readyz.
// Embedded with a warm data dir (the operator's everyday restart) side by side with PostgreSQL; goal ≤ 3 s embedded.
// Also prints the cold first start of an empty embedded data dir (initdb) for reference.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import pg from 'pg';

const launcher = path.resolve(import.meta.dirname, '../bin/m365hub.js');
const keys = `bench:${Buffer.alloc(32, 9).toString('base64')}`;
const RUNS = 5;

async function timeToReady(env: Record<string, string>): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, [launcher, 'start'], {
    env: { PATH: process.env.PATH ?? '', M365HUB_PORT: '0', M365HUB_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      const match = /^m365hub listening on (\S+)$/.exec(line);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`hub exited with ${code}`)));
  });
  // The hub prints its URL once listening; /readyz may still say 503 for a moment on a cold database.
  for (let attempt = 0; attempt < 600; attempt += 1) {
    const response = await fetch(`${url}/readyz`).catch(() => undefined);
    if (response?.status === 200) break;
    await new Promise((r) => setTimeout(r, 10));
  }
  const seconds = (performance.now() - started) / 1000;
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  return seconds;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const dataDir = mkdtempSync(path.join(tmpdir(), 'm365hub-bench-start-'));
const cold = await timeToReady({ M365HUB_DATA_DIR: dataDir, M365HUB_ENCRYPTION_KEYS: keys });
const warm: number[] = [];
for (let i = 0; i < RUNS; i += 1) warm.push(await timeToReady({ M365HUB_DATA_DIR: dataDir, M365HUB_ENCRYPTION_KEYS: keys }));
rmSync(dataDir, { recursive: true, force: true });

let postgres: number[] | undefined;
const databaseUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const client = new pg.Client({ connectionString: databaseUrl });
const schema = `bench_start_${process.pid}`;
try {
  await client.connect();
  await client.query(`create schema ${schema}`);
  const url = new URL(databaseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  postgres = [];
  const pgDir = mkdtempSync(path.join(tmpdir(), 'm365hub-bench-start-pg-'));
  for (let i = 0; i < RUNS; i += 1) {
    postgres.push(await timeToReady({ DATABASE_URL: url.toString(), M365HUB_DATA_DIR: pgDir, M365HUB_ENCRYPTION_KEYS: keys }));
  }
  rmSync(pgDir, { recursive: true, force: true });
} catch (error) {
  console.log(`PostgreSQL not measured: ${(error as Error).message}`);
} finally {
  await client.query(`drop schema if exists ${schema} cascade`).catch(() => {});
  await client.end().catch(() => {});
}

console.log(`start → /readyz 200 (median of ${RUNS}, seconds)`);
console.log(`  embedded, warm data dir : ${median(warm).toFixed(2)} s  (runs: ${warm.map((s) => s.toFixed(2)).join(', ')}; goal ≤ 3 s)`);
console.log(`  embedded, first start   : ${cold.toFixed(2)} s  (initdb of an empty data dir, once)`);
if (postgres) {
  console.log(`  PostgreSQL              : ${median(postgres).toFixed(2)} s  (runs: ${postgres.map((s) => s.toFixed(2)).join(', ')})`);
  console.log(`  ratio embedded warm / PostgreSQL: ${(median(warm) / median(postgres)).toFixed(2)}×`);
}
