// Runs queued jobs: claims ready ones (and ones whose worker died), runs their handler under a lease kept alive by
// heartbeats, and records the outcome — success with its result, a retry after backoff, or the dead letter.
// Several workers, in one process or many, share one queue; the database decides who runs what.
import type { Kysely } from 'kysely';
import type { Wakeups } from '../store/database.js';
import type { Logger } from '../logging/logger.js';
import type { Database } from '../store/schema.js';
import type { Clock } from '../time/clock.js';
import { describeFailure, isFlaggedCondition, isRetryable, type ConditionClassifier, type JobErrorRecord } from './job-failure.js';
import { claimJobs, finishAttempt, heartbeat, leaseOf, reclaimExpiredLeases, recordProgress, type AttemptOutcome, type Lease } from './job-leases.js';
import { JobQueue, toJob, type Job, type JobRow } from './job-queue.js';
import { enqueueDueSchedules } from './job-schedules.js';
import { defaultRetryPolicy, retryDelayMs, type RetryPolicy } from './retry-backoff.js';

export interface JobContext {
  job: Job;
  /** Aborted when the job is cancelled, when the worker shuts down, or when the lease was lost; stop soon after. */
  signal: AbortSignal;
  /** Records progress (visible through the job resource) and extends the lease. */
  progress(done: number, total: number, message?: string): Promise<void>;
  /** Extends the lease now and picks up a cancellation request (heartbeats also run on their own). */
  heartbeat(): Promise<void>;
}

/** Runs one job; what it resolves to (JSON) is stored as the job's result. */
export type JobHandler = (context: JobContext) => Promise<unknown>;

export type AbortReason = 'cancelled' | 'shutdown' | 'lease_lost';

export interface JobWorkerOptions {
  db: Kysely<Database>;
  queue?: JobQueue;
  clock: Clock;
  logger: Logger;
  /** Names this worker in `locked_by` (host:pid is a good choice). */
  workerId: string;
  handlers: Record<string, JobHandler>;
  /** Jobs run at once by this worker. */
  concurrency?: number;
  /** How long a claimed job stays ours without a heartbeat. */
  leaseMs?: number;
  /** Automatic heartbeat period; a third of the lease by default. */
  heartbeatMs?: number;
  /** Wait between polls when the queue had nothing ready. */
  pollMs?: number;
  /** PostgreSQL: woken at once when a job is enqueued (LISTEN/NOTIFY); the poll stays as the fallback. */
  wakeups?: Wakeups;
  retry?: RetryPolicy;
  random?: () => number;
  /** Which failures are conditions a person must fix rather than faults (see JobFailure's `condition`). */
  isCondition?: ConditionClassifier;
}

interface Running {
  job: JobRow;
  lease: Lease;
  controller: AbortController;
  done: Promise<void>;
  /** Set when the lease was handed back or lost: the attempt's outcome must not be written any more. */
  settled: boolean;
}

export class JobWorker {
  readonly #db: Kysely<Database>;
  readonly #queue: JobQueue;
  readonly #clock: Clock;
  readonly #logger: Logger;
  readonly #workerId: string;
  readonly #handlers: Record<string, JobHandler>;
  readonly #concurrency: number;
  readonly #leaseMs: number;
  readonly #heartbeatMs: number;
  readonly #pollMs: number;
  readonly #retry: RetryPolicy;
  readonly #random: () => number;
  readonly #isCondition: ConditionClassifier;
  readonly #running = new Map<string, Running>();
  #loop: Promise<void> | undefined;
  #stopping = false;
  #wake: (() => void) | undefined;
  /** A wake-up that arrived while a poll was under way: the loop polls again instead of sleeping. */
  #wakeRequested = false;
  #idleWaiters: (() => void)[] = [];
  readonly #wakeups: Wakeups | undefined;
  #unlisten: Promise<(() => Promise<void>) | undefined> | undefined;

  constructor(options: JobWorkerOptions) {
    this.#db = options.db;
    this.#clock = options.clock;
    this.#logger = options.logger.child({ component: 'job-worker', workerId: options.workerId });
    this.#queue = options.queue ?? new JobQueue({ db: options.db, clock: options.clock, logger: options.logger });
    this.#workerId = options.workerId;
    this.#handlers = options.handlers;
    this.#concurrency = Math.max(1, options.concurrency ?? 4);
    this.#leaseMs = options.leaseMs ?? 60_000;
    this.#heartbeatMs = options.heartbeatMs ?? Math.max(1_000, Math.floor(this.#leaseMs / 3));
    this.#pollMs = options.pollMs ?? 1_000;
    this.#wakeups = options.wakeups;
    this.#retry = options.retry ?? defaultRetryPolicy;
    this.#random = options.random ?? Math.random;
    this.#isCondition = options.isCondition ?? isFlaggedCondition;
  }

  /** Polls in the background until stop(). */
  start(): void {
    if (this.#loop || this.#stopping) return;
    if (this.#wakeups) {
      this.#unlisten = this.#wakeups.listen(() => this.#wakeUp()).catch((error: unknown) => {
        this.#logger.warn({ err: error }, 'could not listen for job wake-ups; new jobs wait for the next poll');
        return undefined;
      });
    }
    this.#loop = this.#pollLoop();
  }

  /** Resolves the next time the worker has nothing running and goes to sleep until a poll or a wake-up. */
  idle(): Promise<void> {
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  #wakeUp(): void {
    if (this.#wake) this.#wake();
    else this.#wakeRequested = true;
  }

  /**
   * Stops claiming. Graceful: waits for running handlers up to `timeoutMs`; whatever still runs then is aborted and
   * its lease handed back to the queue at once (the attempt does not count), so another process takes it over.
   */
  async stop(options: { graceful?: boolean; timeoutMs?: number } = {}): Promise<void> {
    this.#stopping = true;
    this.#wake?.();
    await this.#loop;
    await (await this.#unlisten)?.();
    const graceful = options.graceful ?? true;
    if (graceful && this.#running.size > 0) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, options.timeoutMs ?? 10_000);
      });
      await Promise.race([Promise.all([...this.#running.values()].map((r) => r.done)), timeout]);
      clearTimeout(timer);
    }
    await Promise.all([...this.#running.values()].map((running) => this.#release(running)));
  }

  /** One poll: fire due schedules, reclaim dead workers' jobs, claim and run what is ready; resolves when those finish. */
  async runOnce(): Promise<number> {
    const started = await this.#tick();
    await Promise.all(started.map((running) => running.done));
    return started.length;
  }

  /** Runs jobs until none is ready at the clock's current time (tests: no timers needed). */
  async drain(): Promise<number> {
    let total = 0;
    for (let ran = await this.runOnce(); ran > 0; ran = await this.runOnce()) total += ran;
    return total;
  }

  async #pollLoop(): Promise<void> {
    while (!this.#stopping) {
      let claimed = 0;
      try {
        claimed = (await this.#tick()).length;
      } catch (error) {
        this.#logger.error({ err: error }, 'job poll failed; retrying after the poll interval');
      }
      if (this.#stopping) break;
      // Keep claiming while there was work and room for it; otherwise sleep until the next poll or a free slot.
      if (claimed > 0 && this.#running.size < this.#concurrency) continue;
      if (this.#wakeRequested) {
        this.#wakeRequested = false;
        continue;
      }
      if (this.#running.size === 0) for (const resolve of this.#idleWaiters.splice(0)) resolve();
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.#pollMs);
        this.#wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.#wake = undefined;
    }
  }

  async #tick(): Promise<Running[]> {
    const now = this.#clock.now();
    const scheduled = await enqueueDueSchedules(this.#db, this.#queue, now);
    if (scheduled.length > 0) this.#logger.info({ schedules: scheduled }, 'scheduled jobs enqueued');
    const reclaimed = await reclaimExpiredLeases(this.#db, now);
    if (reclaimed.length > 0) this.#logger.warn({ jobs: reclaimed }, 'jobs whose worker stopped answering were reclaimed');
    const room = this.#concurrency - this.#running.size;
    if (room <= 0 || this.#stopping) return [];
    const jobs = await claimJobs(this.#db, { workerId: this.#workerId, now, leaseMs: this.#leaseMs, limit: room, types: Object.keys(this.#handlers) });
    return jobs.map((job) => this.#launch(job));
  }

  #launch(job: JobRow): Running {
    const running: Running = {
      job,
      lease: leaseOf(job, this.#workerId),
      controller: new AbortController(),
      done: Promise.resolve(),
      settled: false,
    };
    this.#running.set(job.id, running);
    running.done = this.#run(running)
      .catch((error) => this.#logger.error({ err: error, jobId: job.id }, 'recording a job outcome failed; its lease will expire'))
      .finally(() => {
        this.#running.delete(job.id);
        this.#wake?.();
      });
    return running;
  }

  async #run(running: Running): Promise<void> {
    const { job, lease, controller } = running;
    const log = this.#logger.child({ jobId: job.id, type: job.type, attempt: job.attempts });
    const handler = Object.hasOwn(this.#handlers, job.type) ? this.#handlers[job.type] : undefined;
    if (!handler) {
      await this.#finish(running, {
        status: 'dead',
        error: { code: 'unknown_job_type', message: `no handler is registered for jobs of type ${job.type}` },
      });
      log.error('job has a type no handler knows; moved to the dead letter');
      return;
    }
    if (job.cancel_requested) {
      await this.#finish(running, { status: 'cancelled' });
      return;
    }

    const applyLeaseState = (state: Awaited<ReturnType<typeof heartbeat>>) => {
      if (!state.held) this.#abort(running, 'lease_lost');
      else if (state.cancelRequested) this.#abort(running, 'cancelled');
    };
    const beat = async () => applyLeaseState(await heartbeat(this.#db, lease, this.#clock.now(), this.#leaseMs));
    const timer = setInterval(() => {
      beat().catch((error) => log.warn({ err: error }, 'job heartbeat failed'));
    }, this.#heartbeatMs);
    timer.unref();

    const context: JobContext = {
      job: toJob(job),
      signal: controller.signal,
      heartbeat: beat,
      progress: async (done, total, message) => {
        applyLeaseState(
          await recordProgress(this.#db, lease, this.#clock.now(), this.#leaseMs, { done, total, message: message ?? null }),
        );
      },
    };

    let outcome: AttemptOutcome;
    try {
      const result = await handler(context);
      outcome = { status: 'succeeded', result: serialisable(result) };
    } catch (error) {
      outcome = this.#failureOutcome(running, error, log);
    } finally {
      clearInterval(timer);
    }
    await this.#finish(running, outcome);
  }

  #failureOutcome(running: Running, error: unknown, log: Logger): AttemptOutcome {
    const reason = running.controller.signal.aborted ? (running.controller.signal.reason as AbortReason) : undefined;
    if (reason === 'cancelled') return { status: 'cancelled' };
    if (reason === 'shutdown') return { status: 'released' };
    const record: JobErrorRecord = describeFailure(error);
    const { job } = running;
    if (this.#isCondition(error)) {
      // Not the hub's fault and not worth another attempt: no stack, no error level, no dead letter.
      log.info({ errorCode: record.code, reason: record.message }, 'job ended on a condition a person must fix');
      return { status: 'failed', error: record };
    }
    if (isRetryable(error) && job.attempts < job.max_attempts) {
      const runAt = new Date(this.#clock.now().getTime() + retryDelayMs(job.attempts, this.#retry, this.#random));
      log.warn({ err: error, errorCode: record.code, retryAt: runAt }, 'job attempt failed; it will be retried');
      return { status: 'retry', error: record, runAt };
    }
    log.error({ err: error, errorCode: record.code }, 'job failed for good; moved to the dead letter');
    return { status: 'dead', error: record };
  }

  async #finish(running: Running, outcome: AttemptOutcome): Promise<void> {
    if (running.settled) return;
    running.settled = true;
    const written = await finishAttempt(this.#db, running.lease, this.#clock.now(), outcome);
    if (!written) {
      this.#logger.warn({ jobId: running.job.id }, 'job lease was lost before the attempt finished; its outcome is discarded');
    }
  }

  #abort(running: Running, reason: AbortReason): void {
    if (!running.controller.signal.aborted) running.controller.abort(reason);
  }

  async #release(running: Running): Promise<void> {
    this.#abort(running, 'shutdown');
    try {
      await this.#finish(running, { status: 'released' });
    } catch (error) {
      this.#logger.error({ err: error, jobId: running.job.id }, 'could not hand a job back; its lease will expire');
    }
  }
}

/** Results are stored as JSON: fail the attempt now rather than store something that cannot be read back. */
function serialisable(result: unknown): unknown {
  if (result === undefined) return null;
  JSON.stringify(result);
  return result;
}
