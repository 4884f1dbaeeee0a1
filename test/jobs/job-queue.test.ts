import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { JobFailure } from '../../src/platform/jobs/job-failure.js';
import { claimJobs, finishAttempt, leaseOf } from '../../src/platform/jobs/job-leases.js';
import { JobQueue } from '../../src/platform/jobs/job-queue.js';
import { JobWorker, type JobHandler } from '../../src/platform/jobs/job-worker.js';
import { ManualClock } from '../../src/platform/time/clock.js';
import { dialects, openTestStore, skipReason, type TestStore } from '../support/stores.js';
import { deferred, silentLogger } from './support/job-test-kit.js';

for (const dialect of dialects) {
  describe(`durable jobs on ${dialect}`, { skip: skipReason(dialect) }, () => {
    let store: TestStore;
    let clock: ManualClock;
    let queue: JobQueue;
    const workers: JobWorker[] = [];

    function worker(handlers: Record<string, JobHandler>, options: { workerId?: string; leaseMs?: number; heartbeatMs?: number } = {}) {
      const created = new JobWorker({
        db: store.db,
        queue,
        clock,
        logger: silentLogger,
        workerId: options.workerId ?? 'worker-a',
        handlers,
        leaseMs: options.leaseMs ?? 30_000,
        heartbeatMs: options.heartbeatMs ?? 3_600_000, // tests drive heartbeats themselves
        pollMs: 10,
        random: () => 1, // the longest delay of each backoff step, so the test knows when a retry is due
        retry: { baseMs: 5_000, maxMs: 60_000 },
      });
      workers.push(created);
      return created;
    }

    before(async () => {
      store = await openTestStore(dialect);
      await store.db.insertInto('workspaces').values([
        { id: 'ws_a', name: 'A', updated_at: new Date() },
        { id: 'ws_b', name: 'B', updated_at: new Date() },
      ]).execute();
    });
    beforeEach(async () => {
      await Promise.all(workers.splice(0).map((w) => w.stop({ graceful: false })));
      await store.db.deleteFrom('jobs').execute();
      await store.db.deleteFrom('job_schedules').execute();
      clock = new ManualClock();
      queue = new JobQueue({ db: store.db, clock, logger: silentLogger });
    });
    after(async () => {
      await Promise.all(workers.map((w) => w.stop({ graceful: false })));
      await store?.close();
    });

    it('runs an enqueued job once and stores its result', async () => {
      const job = await queue.enqueue({ type: 'echo', workspaceId: 'ws_a', payload: { say: 'hello' } });
      assert.equal(job.status, 'queued');
      const seen: unknown[] = [];
      const ran = await worker({ echo: async ({ job }) => (seen.push(job.payload), { said: job.payload.say }) }).drain();
      assert.equal(ran, 1);
      assert.deepEqual(seen, [{ say: 'hello' }]);
      const done = await queue.get('ws_a', job.id);
      assert.equal(done?.status, 'succeeded');
      assert.deepEqual(done?.result, { said: 'hello' });
      assert.equal(done?.attempts, 1);
      assert.equal(done?.lockedBy, null);
      assert.deepEqual(done?.finishedAt, clock.now());
    });

    it('runs a job only when its run_at has come, higher priority first', async () => {
      const order: string[] = [];
      const record: JobHandler = async ({ job }) => void order.push(String(job.payload.name));
      await queue.enqueue({ type: 't', payload: { name: 'later' }, runAt: new Date(clock.now().getTime() + 60_000) });
      await queue.enqueue({ type: 't', payload: { name: 'low' } });
      await queue.enqueue({ type: 't', payload: { name: 'high' }, priority: 10 });
      const w = worker({ t: record });
      await w.drain();
      assert.deepEqual(order.slice(0, 2).sort(), ['high', 'low']);
      assert.equal(order.length, 2);
      clock.advance(60_000);
      await w.drain();
      assert.deepEqual(order.at(-1), 'later');
    });

    it('returns the existing job for a repeated idempotency key, per workspace and for instance jobs', async () => {
      const first = await queue.enqueue({ type: 'sync', workspaceId: 'ws_a', idempotencyKey: 'req-1' });
      const again = await queue.enqueue({ type: 'sync', workspaceId: 'ws_a', idempotencyKey: 'req-1', payload: { other: true } });
      const otherWorkspace = await queue.enqueue({ type: 'sync', workspaceId: 'ws_b', idempotencyKey: 'req-1' });
      assert.equal(again.id, first.id);
      assert.notEqual(otherWorkspace.id, first.id);
      const instance = await queue.enqueue({ type: 'sync', idempotencyKey: 'req-1' });
      assert.equal((await queue.enqueue({ type: 'sync', idempotencyKey: 'req-1' })).id, instance.id);
      assert.equal((await queue.countByStatus()).queued, 3);
    });

    it('retries with growing backoff, then moves the job to the dead letter with its last error', async () => {
      const job = await queue.enqueue({ type: 'flaky', workspaceId: 'ws_a', maxAttempts: 3 });
      let calls = 0;
      const w = worker({
        flaky: async () => {
          calls += 1;
          throw new JobFailure('graph_throttled', 'Microsoft Graph throttled the tenant; retry later');
        },
      });
      assert.equal(await w.runOnce(), 1);
      let row = (await queue.get('ws_a', job.id))!;
      assert.equal(row.status, 'queued');
      assert.deepEqual(row.lastError, { code: 'graph_throttled', message: 'Microsoft Graph throttled the tenant; retry later' });
      assert.equal(row.runAt.getTime() - clock.now().getTime(), 5_000);
      assert.equal(await w.runOnce(), 0, 'not before its backoff');
      clock.advance(5_000);
      assert.equal(await w.runOnce(), 1);
      row = (await queue.get('ws_a', job.id))!;
      assert.equal(row.runAt.getTime() - clock.now().getTime(), 10_000, 'the second delay doubles');
      clock.advance(10_000);
      await w.drain();
      row = (await queue.get('ws_a', job.id))!;
      assert.equal(calls, 3);
      assert.equal(row.status, 'dead');
      assert.equal(row.attempts, 3);
      assert.equal(row.lastError?.code, 'graph_throttled');
      clock.advance(3_600_000);
      assert.equal(await w.drain(), 0, 'a dead job never runs again');
    });

    it('records an unexpected error without its message (which may hold a secret), and honours retryable: false', async () => {
      const leaky = await queue.enqueue({ type: 'leaky', maxAttempts: 1 });
      const permanent = await queue.enqueue({ type: 'permanent', maxAttempts: 5 });
      await worker({
        leaky: async () => {
          throw new Error('GET https://graph.example/?access_token=eyJsecret failed');
        },
        permanent: async () => {
          throw new JobFailure('consent_required', 'an administrator must grant consent', { retryable: false });
        },
      }).drain();
      const leakyRow = (await queue.get(null, leaky.id))!;
      assert.equal(leakyRow.status, 'dead');
      assert.equal(leakyRow.lastError?.code, 'job_handler_error');
      assert.ok(!JSON.stringify(leakyRow.lastError).includes('eyJsecret'));
      const permanentRow = (await queue.get(null, permanent.id))!;
      assert.equal(permanentRow.status, 'dead');
      assert.equal(permanentRow.attempts, 1);
    });

    it('leaves a job of a type this process does not know to a process that knows it (rolling upgrades)', async () => {
      const job = await queue.enqueue({ type: 'introduced.in.the.next.release' });
      const older = await worker({ 'older.type': async () => ({}) }, { workerId: 'older-process' }).drain();
      assert.equal(older, 0, 'the older process claims nothing');
      const waiting = (await queue.get(null, job.id))!;
      assert.deepEqual([waiting.status, waiting.attempts], ['queued', 0], 'not claimed, no attempt used, not dead');
      await worker({ 'introduced.in.the.next.release': async () => ({ ran: true }) }, { workerId: 'newer-process' }).drain();
      const done = (await queue.get(null, job.id))!;
      assert.equal(done.status, 'succeeded');
      assert.deepEqual(done.result, { ran: true });
    });

    it('shows progress through get while the job runs', async () => {
      const job = await queue.enqueue({ type: 'copy', workspaceId: 'ws_a' });
      const reported = deferred();
      const proceed = deferred();
      const run = worker({
        copy: async ({ progress }) => {
          await progress(2, 5, 'copying files');
          reported.resolve();
          await proceed.promise;
          await progress(5, 5, 'done');
          return { copied: 5 };
        },
      }).runOnce();
      await reported.promise;
      const midway = (await queue.get('ws_a', job.id))!;
      assert.equal(midway.status, 'running');
      assert.deepEqual([midway.progress.done, midway.progress.total, midway.progress.message], [2, 5, 'copying files']);
      proceed.resolve();
      await run;
      const done = (await queue.get('ws_a', job.id))!;
      assert.deepEqual([done.status, done.progress.done, done.progress.message], ['succeeded', 5, 'done']);
    });

    it('cancels a queued job at once and stops a running one through its signal', async () => {
      const queued = await queue.enqueue({ type: 'long', workspaceId: 'ws_a' });
      assert.equal((await queue.requestCancel('ws_a', queued.id))?.status, 'cancelled');
      assert.equal(await worker({ long: async () => 'ran' }).drain(), 0);

      const running = await queue.enqueue({ type: 'long', workspaceId: 'ws_a' });
      const started = deferred();
      const proceed = deferred();
      let sawAbort = false;
      const run = worker({
        long: async ({ signal, heartbeat }) => {
          started.resolve();
          await proceed.promise;
          await heartbeat(); // picks up the cancellation request
          sawAbort = signal.aborted;
          signal.throwIfAborted();
          return 'finished anyway';
        },
      }, { workerId: 'worker-b' }).runOnce();
      await started.promise;
      const flagged = await queue.requestCancel('ws_a', running.id);
      assert.equal(flagged?.status, 'running');
      assert.equal(flagged?.cancelRequested, true);
      proceed.resolve();
      await run;
      assert.equal(sawAbort, true);
      const row = (await queue.get('ws_a', running.id))!;
      assert.equal(row.status, 'cancelled');
      assert.equal(row.result, null);
    });

    it('keeps jobs inside their workspace: get, list and cancel from another workspace find nothing', async () => {
      const job = await queue.enqueue({ type: 'sync', workspaceId: 'ws_a' });
      assert.equal(await queue.get('ws_b', job.id), undefined);
      assert.equal(await queue.get(null, job.id), undefined);
      assert.equal(await queue.requestCancel('ws_b', job.id), undefined);
      assert.equal((await queue.get('ws_a', job.id))?.status, 'queued');
      assert.deepEqual((await queue.list('ws_b')).items, []);
    });

    it('lists a workspace newest first in stable pages', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 5; i += 1) {
        ids.push((await queue.enqueue({ type: 'page', workspaceId: 'ws_a' })).id);
        if (i !== 2) clock.advance(1_000); // two jobs share a timestamp: the id breaks the tie
      }
      await queue.enqueue({ type: 'page', workspaceId: 'ws_b' });
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Awaited<ReturnType<JobQueue['list']>> = await queue.list('ws_a', { limit: 2, cursor });
        assert.ok(page.items.length <= 2);
        seen.push(...page.items.map((j) => j.id));
        cursor = page.nextCursor;
      } while (cursor);
      const tied = [ids[2]!, ids[3]!].sort().reverse();
      assert.deepEqual(seen, [ids[4], ...tied, ids[1], ids[0]]);
      await assert.rejects(queue.list('ws_a', { cursor: 'not-a-cursor' }), { code: 'invalid_cursor' });
    });

    it('reclaims a job whose worker died once its lease has run out, and ignores the dead worker afterwards', async () => {
      const job = await queue.enqueue({ type: 'work', workspaceId: 'ws_a' });
      // A process claims the job and dies: nothing heartbeats or finishes it.
      const [claimed] = await claimJobs(store.db, { workerId: 'died', now: clock.now(), leaseMs: 30_000, limit: 1, types: ['work'] });
      assert.equal(claimed?.id, job.id);
      const survivor = worker({ work: async () => 'done by the survivor' }, { workerId: 'survivor' });
      assert.equal(await survivor.runOnce(), 0, 'the lease still holds');
      clock.advance(30_001);
      assert.equal(await survivor.runOnce(), 1);
      const row = (await queue.get('ws_a', job.id))!;
      assert.equal(row.status, 'succeeded');
      assert.equal(row.result, 'done by the survivor');
      assert.equal(row.attempts, 2);
      // The dead worker comes back to life: its late outcome is refused.
      assert.equal(await finishAttempt(store.db, leaseOf(claimed!, 'died'), clock.now(), { status: 'dead', error: { code: 'x', message: 'y' } }), false);
      assert.equal((await queue.get('ws_a', job.id))?.status, 'succeeded');
    });

    it('moves a job to the dead letter when its last attempt lost its worker', async () => {
      const job = await queue.enqueue({ type: 'crashy', maxAttempts: 1 });
      await claimJobs(store.db, { workerId: 'died', now: clock.now(), leaseMs: 1_000, limit: 1, types: ['crashy'] });
      clock.advance(1_001);
      await worker({ crashy: async () => 'never' }).drain();
      const row = (await queue.get(null, job.id))!;
      assert.equal(row.status, 'dead');
      assert.equal(row.lastError?.code, 'lease_expired');
    });

    it('hands running jobs back on a graceful stop that runs out of time, so another worker takes them at once', async () => {
      const job = await queue.enqueue({ type: 'slow', workspaceId: 'ws_a' });
      const started = deferred();
      const stopping = worker({
        slow: async ({ signal }) => {
          started.resolve();
          await new Promise((resolve) => signal.addEventListener('abort', resolve));
          signal.throwIfAborted();
        },
      }, { workerId: 'stopping' });
      stopping.start();
      await started.promise;
      await stopping.stop({ graceful: true, timeoutMs: 20 });
      const released = (await queue.get('ws_a', job.id))!;
      assert.deepEqual([released.status, released.lockedBy, released.attempts], ['queued', null, 0]);
      assert.equal(await worker({ slow: async () => 'taken over' }, { workerId: 'next' }).drain(), 1);
      assert.equal((await queue.get('ws_a', job.id))?.result, 'taken over');
    });

    it('waits for running handlers on a graceful stop', async () => {
      const job = await queue.enqueue({ type: 'short' });
      const started = deferred();
      const proceed = deferred();
      const w = worker({ short: async () => (started.resolve(), await proceed.promise, 'complete') });
      w.start();
      await started.promise;
      const stopped = w.stop({ graceful: true, timeoutMs: 60_000 });
      proceed.resolve();
      await stopped;
      assert.equal((await queue.get(null, job.id))?.status, 'succeeded');
    });

    it('runs a schedule once per interval across two workers', async () => {
      const runs: string[] = [];
      const handlers = { 'maintenance.tick': async () => void runs.push(clock.now().toISOString()) };
      await queue.upsertSchedule({ name: 'tick', type: 'maintenance.tick', payload: {}, intervalSeconds: 60 });
      await queue.upsertSchedule({ name: 'tick', type: 'maintenance.tick', payload: {}, intervalSeconds: 60 }); // every start upserts
      const a = worker(handlers, { workerId: 'a' });
      const b = worker(handlers, { workerId: 'b' });
      const both = () => Promise.all([a.drain(), b.drain()]);
      await both();
      assert.equal(runs.length, 1);
      clock.advance(30_000);
      await both();
      assert.equal(runs.length, 1, 'not before the interval');
      clock.advance(30_000);
      await both();
      assert.equal(runs.length, 2);
      clock.advance(10 * 60_000); // the hub was down for ten intervals: one catch-up run, not ten
      await both();
      await both();
      assert.equal(runs.length, 3);
      const counts = await queue.countByStatus();
      assert.equal(counts.succeeded, 3);
      assert.equal(counts.queued + counts.running, 0);
    });
  });
}
