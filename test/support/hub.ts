// Starts a real hub in this process on a free port, on a fresh store of the chosen dialect, with a seeded
// instance administrator. For API and browser tests.
import { createServer, type AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { startHub, type RunningHub } from '../../src/app/hub.js';
import { createConsoleUser } from '../../src/features/console-auth/console-users.js';
import { loadConfig, type Config } from '../../src/platform/config/config.js';
import { createLogger } from '../../src/platform/logging/logger.js';
import type { DialectName } from '../../src/platform/store/database.js';
import type { Clock } from '../../src/platform/time/clock.js';
import type { FetchLike } from '../../src/microsoft/identity/index.js';
import type { Exchange } from '../../src/microsoft/transport/index.js';
import { openTestStore } from './stores.js';

export interface TestHub {
  url: string;
  hub: RunningHub;
  config: Config;
  admin: { email: string; password: string };
  /** Every log line the hub wrote, for redaction checks. */
  logs(): string;
  close(): Promise<void>;
}

/** A port nothing listens on right now (the OS picks it; it is released for the hub to take). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

export async function startTestHub(
  options: {
    dialect?: DialectName;
    env?: Record<string, string>;
    clock?: Clock;
    /** How the hub reaches Microsoft (e.g. emulator.fetch). */
    fetch?: FetchLike;
    /** How pass-through calls reach Microsoft (e.g. nodeExchange with the emulator's CA); default over `fetch`. */
    exchange?: Exchange;
    /** Listen on a port chosen up front and set BACKEND_URL to it, for flows where Microsoft calls the hub back. */
    withBackendUrl?: boolean;
  } = {},
): Promise<TestHub> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'm365hub-hub-'));
  const port = options.withBackendUrl ? await freePort() : 0;
  const config = loadConfig({
    M365HUB_PORT: String(port),
    ...(options.withBackendUrl ? { BACKEND_URL: `http://127.0.0.1:${port}` } : {}),
    M365HUB_DATA_DIR: dataDir,
    M365HUB_ENCRYPTION_KEYS: `test1:${Buffer.alloc(32, 7).toString('base64')}`,
    M365HUB_LOG_LEVEL: 'info',
    ...options.env,
  });
  const lines: string[] = [];
  const logger = createLogger({
    level: config.logLevel,
    destination: new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    }),
  });
  const store = await openTestStore(options.dialect ?? 'pglite');
  const admin = { email: 'admin@example.test', password: 'correct horse battery staple' };
  await createConsoleUser(store.db, { ...admin, displayName: 'Ada Admin', instanceAdmin: true });
  const hub = await startHub({ config, logger, store, ...(options.clock ? { clock: options.clock } : {}), ...(options.fetch ? { fetch: options.fetch } : {}), ...(options.exchange ? { exchange: options.exchange } : {}) });
  return {
    url: hub.url,
    hub,
    config,
    admin,
    logs: () => lines.join(''),
    async close() {
      await hub.close();
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
