// Starts N refresh processes (refresh-process.ts) on one PostgreSQL schema, releases them together, and collects
// what each printed. Used by the cross-process test and the refresh-storm benchmark.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { RefreshTiming } from '../../../src/features/tokens/token-service.js';
import type { RefreshProcessInput } from './refresh-process.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');

export interface RefreshProcessOutput {
  tokens: string[];
  latencies: number[];
  /** When each call returned, ms after "go". */
  endedAt: number[];
  /** The refreshes this process ran under the lock (one, or one that found another process's token). */
  refreshes: (RefreshTiming & { endedAtMs: number })[];
}

export async function runRefreshProcesses(count: number, options: Omit<RefreshProcessInput, 'processes'>): Promise<RefreshProcessOutput[]> {
  const input: RefreshProcessInput = { ...options, processes: count };
  const children = Array.from({ length: count }, (_, index) =>
    spawn(process.execPath, ['--import', 'tsx', path.join(here, 'refresh-process.ts'), JSON.stringify(input), String(index)], {
      cwd: root,
      stdio: ['pipe', 'pipe', 'inherit'],
      env: { ...process.env, NODE_NO_WARNINGS: '1' },
    }),
  );
  try {
    const outputs = children.map((child) => {
      const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
      const next = async () => {
        const { value, done } = await lines.next();
        if (done) throw new Error('refresh process exited early');
        return value as string;
      };
      return { child, next };
    });
    for (const { next } of outputs) if ((await next()) !== 'ready') throw new Error('refresh process did not start');
    // Every process is ready before any starts: their calls overlap.
    for (const { child } of outputs) child.stdin!.write('go\n');
    return await Promise.all(outputs.map(async ({ next }) => JSON.parse(await next()) as RefreshProcessOutput));
  } finally {
    for (const child of children) if (child.exitCode === null) child.stdin!.end();
  }
}
