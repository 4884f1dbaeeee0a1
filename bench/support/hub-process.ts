// The hub as an operator runs it, for benchmarks that measure the hub's own cost: `m365hub start` on the built code
// (dist/, no tsx: build first, as `npm run bench` does), in its own process, reaching Microsoft (the emulator)
// through production's transport and trusting the emulator's CA the way an operator trusts a private CA
// (NODE_EXTRA_CA_CERTS). Its store is PostgreSQL in a fresh database dropped at the end (a multi-process
// deployment's store, and none of the database's memory in the hub's process), or, when no PostgreSQL answers, the
// embedded database in a temporary data dir (said on stdout: its memory is then the hub's). CPU time and memory come
// from /proc, so the caller in the benchmark's own process is not counted. M365HUB_BENCH_HUB_NODE_ARGS gives the
// hub process Node arguments, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` for a profile written when it stops.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { repoRoot, spawnM365hub, type RunningProgram } from '../../test/support/processes.js';
import { cpuMicros, memoryMb, resetPeakMemory } from './process-stats.js';

const MiB = 1024 * 1024;

export interface HubProcess {
  url: string;
  pid: number;
  admin: { email: string; password: string };
  /** User + system CPU time the hub process has used, in microseconds. */
  cpuMicros(): number;
  /** Resident memory now, and the most since start or the last resetPeak, in bytes (the kernel's high-water mark). */
  rssBytes(): number;
  peakRssBytes(): number;
  resetPeak(): void;
  close(): Promise<void>;
}

/** A fresh PostgreSQL database, or undefined when none answers. */
async function freshDatabase(): Promise<{ url: string; drop(): Promise<void> } | undefined> {
  const serverUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
  const admin = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 2000 });
  try {
    await admin.connect();
  } catch {
    return undefined;
  }
  const name = `bench_${randomBytes(5).toString('hex')}`;
  await admin.query(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.query(`drop database if exists ${name} with (force)`).catch(() => {});
      await admin.end();
    },
  };
}

export async function startHubProcess(options: { emulatorUrl: string; emulatorCa: string; env?: Record<string, string> }): Promise<HubProcess> {
  if (!existsSync(path.join(repoRoot, 'dist/src/cli/main.js'))) throw new Error('the hub is not built: run `npm run build` first (`npm run bench` does)');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'm365hub-bench-hub-'));
  const caPath = path.join(dataDir, 'emulator-ca.pem');
  writeFileSync(caPath, options.emulatorCa);
  const database = await freshDatabase();
  if (!database) console.log('(no PostgreSQL answered: the hub runs on its embedded database, whose memory counts in its RSS)');
  const env: Record<string, string> = {
    M365HUB_HOST: '127.0.0.1',
    M365HUB_PORT: '0',
    M365HUB_DATA_DIR: dataDir,
    M365HUB_ENCRYPTION_KEYS: `bench:${randomBytes(32).toString('base64')}`,
    M365HUB_LOGIN_URL: options.emulatorUrl,
    M365HUB_GRAPH_URL: options.emulatorUrl,
    M365HUB_LOG_LEVEL: 'warn',
    NODE_EXTRA_CA_CERTS: caPath,
    ...(database ? { DATABASE_URL: database.url } : {}),
    ...options.env,
  };
  const admin = { email: 'bench-admin@example.test', password: 'correct horse battery staple' };
  let hub: RunningProgram | undefined;
  const cleanUp = async () => {
    if (hub && hub.child.exitCode === null) {
      hub.child.kill('SIGTERM');
      await hub.exit;
    }
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const migrate = spawnM365hub(['migrate'], env);
    if ((await migrate.exit).code !== 0) throw new Error(`m365hub migrate failed:\n${migrate.output()}`);
    const created = spawnM365hub(['admin', 'create', '--email', admin.email, '--password-stdin'], env, `${admin.password}\n`);
    if ((await created.exit).code !== 0) throw new Error(`m365hub admin create failed:\n${created.output()}`);
    hub = spawnM365hub(['start'], env, undefined, process.env.M365HUB_BENCH_HUB_NODE_ARGS?.split(' ').filter(Boolean));
    const [, url] = await hub.waitForLine(/m365hub listening on (\S+)/);
    const pid = hub.child.pid!;
    return {
      url: url!,
      pid,
      admin,
      cpuMicros: () => cpuMicros(pid),
      rssBytes: () => memoryMb(pid).rss * MiB,
      peakRssBytes: () => memoryMb(pid).peak * MiB,
      resetPeak: () => resetPeakMemory(pid),
      close: cleanUp,
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}
