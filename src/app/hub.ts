// The composition root: configuration → store → key ring → job worker → HTTP server, and the reverse on close.
import { hostname } from 'node:os';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config/config.js';
import { KeyRing } from '../crypto/key-ring.js';
import { loadOrCreateKeyFile } from '../crypto/key-file.js';
import { buildServer } from '../http/server.js';
import { JobQueue } from '../jobs/job-queue.js';
import { JobWorker } from '../jobs/job-worker.js';
import type { Logger } from '../logging/logger.js';
import type { Store } from '../store/database.js';
import { systemClock, type Clock } from '../time/clock.js';
import { maintenanceJobs, scheduleMaintenance } from './maintenance-jobs.js';
import { openConfiguredStore } from './open-configured-store.js';
import { builtConsoleDir } from './package-paths.js';

export interface HubOptions {
  config: Config;
  logger: Logger;
  clock?: Clock;
  /** An already opened and migrated store (tests); by default the one the configuration names. */
  store?: Store;
  /** The built console; defaults to the package's dist/console. */
  consoleDir?: string;
}

export interface RunningHub {
  url: string;
  store: Store;
  keyRing: KeyRing;
  jobs: JobQueue;
  server: FastifyInstance;
  /** Graceful: stop taking requests, finish in-flight ones, release job leases, close the store. */
  close(): Promise<void>;
}

export function keyRingFor(config: Config, logger: Logger): KeyRing {
  return new KeyRing(config.encryptionKeys ?? loadOrCreateKeyFile(config.dataDir, logger));
}

export async function startHub(options: HubOptions): Promise<RunningHub> {
  const { config, logger } = options;
  const clock = options.clock ?? systemClock;
  const store = options.store ?? (await openConfiguredStore(config));
  const ownsStore = options.store === undefined;
  try {
    const keyRing = keyRingFor(config, logger);
    const jobs = new JobQueue({ db: store.db, clock, logger });
    await scheduleMaintenance(jobs);
    const worker = new JobWorker({
      db: store.db,
      queue: jobs,
      clock,
      logger,
      workerId: `${hostname()}:${process.pid}`,
      handlers: maintenanceJobs({ db: store.db, clock }),
    });
    const server = await buildServer({
      config,
      store,
      logger,
      clock,
      jobs,
      consoleDir: options.consoleDir ?? builtConsoleDir,
    });
    await server.listen({ host: config.host, port: config.port });
    worker.start();
    const address = server.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
    logger.info({ url, database: store.dialect }, 'm365hub listening');

    let closing: Promise<void> | undefined;
    return {
      url,
      store,
      keyRing,
      jobs,
      server,
      close() {
        closing ??= (async () => {
          // Readiness turns 503 first, so a load balancer stops sending work while in-flight requests finish.
          server.markShuttingDown();
          await server.close();
          await worker.stop({ graceful: true });
          if (ownsStore) await store.close();
        })();
        return closing;
      },
    };
  } catch (error) {
    if (ownsStore) await store.close();
    throw error;
  }
}
