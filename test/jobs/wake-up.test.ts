// On PostgreSQL an idle worker is woken by LISTEN/NOTIFY the moment a job is enqueued (by any process), instead of
// waiting for its next poll. The poll interval here is an hour, so only the notification can make the job run.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { JobQueue } from '../../src/platform/jobs/job-queue.js';
import { JobWorker } from '../../src/platform/jobs/job-worker.js';
import { systemClock } from '../../src/platform/time/clock.js';
import { openTestStore, skipReason, type TestStore } from '../support/stores.js';
import { deferred, silentLogger } from './support/job-test-kit.js';

describe('job wake-ups on postgres', { skip: skipReason('postgres') }, () => {
  let store: TestStore;
  before(async () => {
    store = await openTestStore('postgres');
  });
  after(async () => store?.close());

  it('an idle worker polling hourly runs a newly enqueued job at once, also when the enqueue commits in a transaction', { timeout: 30_000 }, async () => {
    assert.ok(store.wakeups, 'PostgreSQL stores offer wake-ups');
    const queue = new JobQueue({ db: store.db, clock: systemClock, logger: silentLogger, wakeChannel: store.wakeups.channel });
    const ran: string[] = [];
    const done = { first: deferred(), second: deferred(), third: deferred() };
    const worker = new JobWorker({
      db: store.db,
      queue,
      clock: systemClock,
      logger: silentLogger,
      workerId: 'listener',
      pollMs: 3_600_000,
      wakeups: store.wakeups,
      handlers: {
        note: async ({ job }) => {
          ran.push(String(job.payload.name));
          done[String(job.payload.name) as keyof typeof done].resolve();
          return {};
        },
      },
    });
    try {
      await queue.enqueue({ type: 'note', payload: { name: 'first' } });
      let idle = worker.idle();
      worker.start();
      await done.first.promise; // the start's own poll
      await idle; // from here on the worker sleeps for an hour
      // Another process's queue (no shared memory with the worker): only the database can carry the wake-up.
      const otherProcessQueue = new JobQueue({ db: store.db, clock: systemClock, logger: silentLogger, wakeChannel: store.wakeups.channel });
      idle = worker.idle();
      await otherProcessQueue.enqueue({ type: 'note', payload: { name: 'second' } });
      await done.second.promise;
      await idle;
      await store.db.transaction().execute((trx) => otherProcessQueue.enqueue({ type: 'note', payload: { name: 'third' } }, trx));
      await done.third.promise;
      assert.deepEqual(ran, ['first', 'second', 'third']);
    } finally {
      await worker.stop({ graceful: true });
    }
  });
});
