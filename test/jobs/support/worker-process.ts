// One hub-like worker process on a PostgreSQL schema, for the two-process test. Every job of type `count` records
// its run in `job_runs` (created by the test); prints `ready` once polling, stops gracefully on SIGTERM.
// Usage: worker-process.ts <json: { url, schema, workerId }>
import { sql } from 'kysely';
import { JobWorker } from '../../../src/platform/jobs/job-worker.js';
import { createLogger } from '../../../src/platform/logging/logger.js';
import { openStore } from '../../../src/platform/store/database.js';
import { systemClock } from '../../../src/platform/time/clock.js';

const { url, schema, workerId } = JSON.parse(process.argv[2]!) as { url: string; schema: string; workerId: string };
const store = await openStore({ dialect: 'postgres', url, schema, poolSize: 4 });
const worker = new JobWorker({
  db: store.db,
  clock: systemClock,
  logger: createLogger({ level: 'warn', destination: process.stderr }),
  workerId,
  concurrency: 4,
  pollMs: 20,
  handlers: {
    count: async ({ job }) => {
      await sql`insert into job_runs (job_id, worker) values (${job.id}, ${workerId})
        on conflict (job_id) do update set runs = job_runs.runs + 1`.execute(store.db);
      return { worker: workerId };
    },
  },
});
worker.start();
process.stdout.write('ready\n');
process.once('SIGTERM', () => {
  void (async () => {
    await worker.stop({ graceful: true });
    await store.close();
    process.exit(0);
  })();
});
