import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { JobQueue } from '../../src/platform/jobs/job-queue.js';
import { systemClock } from '../../src/platform/time/clock.js';
import { openTestStore, skipReason } from '../support/stores.js';
import { silentLogger, waitFor } from './support/job-test-kit.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const JOBS = 500;

function startWorker(postgres: { url: string; schema: string }, workerId: string): { child: ChildProcess; ready: Promise<void> } {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(here, 'support/worker-process.ts'), JSON.stringify({ ...postgres, workerId })],
    { cwd: path.resolve(here, '../..'), stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const ready = (async () => {
    for await (const line of createInterface({ input: child.stdout! })) if (line === 'ready') return;
    throw new Error(`worker ${workerId} exited before it was ready`);
  })();
  return { child, ready };
}

function exitOf(child: ChildProcess): Promise<number | string | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
}

describe('durable jobs across processes on postgres', { skip: skipReason('postgres') }, () => {
  it('two worker processes share one queue and run each of 500 jobs exactly once', async () => {
    const store = await openTestStore('postgres');
    const workers: ChildProcess[] = [];
    try {
      await sql`create table job_runs (job_id text primary key, worker text not null, runs integer not null default 1)`.execute(store.db);
      const started = [startWorker(store.postgres!, 'proc-1'), startWorker(store.postgres!, 'proc-2')];
      workers.push(...started.map((s) => s.child));
      await Promise.all(started.map((s) => s.ready));

      const queue = new JobQueue({ db: store.db, clock: systemClock, logger: silentLogger });
      for (let i = 0; i < JOBS; i += 1) await queue.enqueue({ type: 'count', payload: { i } });
      await waitFor(async () => (await queue.countByStatus()).succeeded === JOBS, 'every job to succeed');

      for (const child of workers) child.kill('SIGTERM');
      assert.deepEqual(await Promise.all(workers.map(exitOf)), [0, 0]);

      const runs = await sql<{ jobs: number; total: number; workers: number }>`
        select count(*)::int as jobs, sum(runs)::int as total, count(distinct worker)::int as workers from job_runs`.execute(store.db);
      assert.deepEqual(runs.rows[0], { jobs: JOBS, total: JOBS, workers: 2 });
      const attempts = await store.db.selectFrom('jobs').select('attempts').distinct().execute();
      assert.deepEqual(attempts.map((a) => a.attempts), [1]);
      const counts = await queue.countByStatus();
      assert.equal(counts.succeeded, JOBS);
      assert.equal(counts.running + counts.queued + counts.dead, 0);
    } finally {
      for (const child of workers) if (child.exitCode === null) child.kill('SIGKILL');
      await store.close();
    }
  });
});
