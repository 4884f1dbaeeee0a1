// What the benchmarks that need a large emulated organisation share: the emulator as its own process (as in
// production, the hub never shares a process with Microsoft, so each side's memory is its own), started with
// `--users N`; its resident memory from /proc; and an app-only token of the demo application.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTrustingFetch } from '../../emulator/client/trusting-fetch.js';
import { readReadyLines } from '../../emulator/client/ready-lines.js';

const launcher = path.resolve(import.meta.dirname, '../../bin/m365hub.js');

export interface Running {
  child: ChildProcess;
  url: string;
  fetch: ReturnType<typeof createTrustingFetch>['fetch'];
  close(): Promise<void>;
  startSeconds: number;
  dataDir: string;
  /** The emulator's CA certificate (PEM file), for a client in another process. */
  caPath: string;
}

/** Node options for the emulator process only, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile its side. */
const emulatorNodeOptions = (process.env.M365HUB_BENCH_EMULATOR_NODE_ARGS ?? '').split(' ').filter(Boolean);

export async function startEmulator(users: number): Promise<Running> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'm365hub-bench-scale-'));
  const started = performance.now();
  const child = spawn(process.execPath, [...emulatorNodeOptions, launcher, 'emulator', '--port', '0', '--data-dir', dataDir, '--seed', 'demo', '--users', String(users)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ready = await readReadyLines(child.stdout!);
  const startSeconds = (performance.now() - started) / 1000;
  if (!ready) throw new Error('the emulator did not start');
  const { url, ca } = ready;
  const { fetch, agent } = createTrustingFetch(readFileSync(ca, 'utf8'));
  return {
    child,
    url,
    fetch,
    startSeconds,
    dataDir,
    caPath: ca,
    close: async () => {
      agent.destroy();
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function appToken(emulator: Running): Promise<{ token: string; tenant: string }> {
  const seed = (await (await emulator.fetch(`${emulator.url}/_emulator/seed`)).json()) as { tenant: { id: string }; application: { appId: string; clientSecret: string } };
  const response = await emulator.fetch(`${emulator.url}/${seed.tenant.id}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: seed.application.appId, client_secret: seed.application.clientSecret, scope: 'https://graph.microsoft.com/.default' }),
  });
  return { token: ((await response.json()) as { access_token: string }).access_token, tenant: seed.tenant.id };
}

