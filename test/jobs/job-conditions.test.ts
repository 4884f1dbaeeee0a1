// A job that ends because a person must do something (connect Microsoft 365, grant consent, set up the integration)
// is not a server fault: it finishes `failed` with the problem code, is not retried, and its log line is information
// without a stack, never "failed for good; moved to the dead letter". Faults keep their retries and dead letter.
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, beforeEach, describe, it } from 'node:test';
import { jobConditionClassifier } from '../../src/app/job-conditions.js';
import { hubProblemCatalogue } from '../../src/app/problem-catalogue.js';
import { TokenError } from '../../src/features/tokens/index.js';
import { AppError } from '../../src/platform/errors/app-error.js';
import { JobFailure } from '../../src/platform/jobs/job-failure.js';
import { JobQueue } from '../../src/platform/jobs/job-queue.js';
import { JobWorker, type JobHandler } from '../../src/platform/jobs/job-worker.js';
import { createLogger } from '../../src/platform/logging/logger.js';
import { ManualClock } from '../../src/platform/time/clock.js';
import { openTestStore, type TestStore } from '../support/stores.js';
import { silentLogger } from './support/job-test-kit.js';

interface LogLine {
  level: number;
  msg: string;
  err?: { stack?: string };
  errorCode?: string;
}

const INFO = 30;
const ERROR = 50;

describe('job outcomes: conditions a person must fix vs faults', () => {
  let store: TestStore;
  let clock: ManualClock;
  let queue: JobQueue;
  let lines: LogLine[];

  function worker(handlers: Record<string, JobHandler>): JobWorker {
    const logger = createLogger({
      level: 'debug',
      destination: new Writable({
        write(chunk, _encoding, done) {
          for (const text of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(text) as LogLine);
          done();
        },
      }),
    });
    return new JobWorker({
      db: store.db,
      queue,
      clock,
      logger,
      workerId: 'worker-a',
      handlers,
      pollMs: 10,
      random: () => 0,
      retry: { baseMs: 1, maxMs: 1 },
      isCondition: jobConditionClassifier(hubProblemCatalogue()),
    });
  }

  before(async () => {
    store = await openTestStore('pglite');
    await store.db.insertInto('workspaces').values({ id: 'ws_a', name: 'A', updated_at: new Date() }).execute();
  });
  beforeEach(async () => {
    await store.db.deleteFrom('jobs').execute();
    clock = new ManualClock();
    queue = new JobQueue({ db: store.db, clock, logger: silentLogger });
    lines = [];
  });
  after(async () => store?.close());

  it('a user who has not connected ends the job failed with connection_not_found, once, logged as information without a stack', async () => {
    let attempts = 0;
    const job = await queue.enqueue({ type: 'use-token', workspaceId: 'ws_a', payload: {}, maxAttempts: 5 });
    await worker({
      'use-token': async () => {
        attempts += 1;
        throw new TokenError('connection_not_found');
      },
    }).drain();
    const done = await queue.get('ws_a', job.id);
    assert.equal(done?.status, 'failed');
    assert.equal(done?.lastError?.code, 'connection_not_found');
    assert.equal(attempts, 1, 'a condition is not retried: nothing changes until a person acts');
    assert.equal(lines.filter((l) => l.level >= ERROR).length, 0, 'no error-level line');
    assert.ok(!lines.some((l) => l.msg.includes('dead letter')));
    assert.ok(!lines.some((l) => l.err?.stack), 'no stack trace');
    const info = lines.find((l) => l.errorCode === 'connection_not_found');
    assert.equal(info?.level, INFO);
  });

  it('a handler can flag its own condition with JobFailure', async () => {
    const job = await queue.enqueue({ type: 'check', workspaceId: 'ws_a', payload: {} });
    await worker({
      check: async () => {
        throw new JobFailure('integration_not_configured', 'set up the integration first', { condition: true });
      },
    }).drain();
    const done = await queue.get('ws_a', job.id);
    assert.equal(done?.status, 'failed');
    assert.equal(done?.lastError?.code, 'integration_not_configured');
  });

  it('a fault (an unknown error, or a 5xx problem) is still retried and then dead-lettered at error level', async () => {
    const job = await queue.enqueue({ type: 'flaky', workspaceId: 'ws_a', payload: {}, maxAttempts: 2 });
    let attempts = 0;
    const w = worker({
      flaky: async () => {
        attempts += 1;
        throw attempts === 1 ? new Error('socket hang up') : new AppError('microsoft_unavailable', 'Microsoft did not answer');
      },
    });
    await w.drain();
    clock.advance(1_000);
    await w.drain();
    const done = await queue.get('ws_a', job.id);
    assert.equal(done?.status, 'dead');
    assert.equal(attempts, 2);
    assert.ok(lines.some((l) => l.level === ERROR && l.msg.includes('dead letter')));
  });
});
