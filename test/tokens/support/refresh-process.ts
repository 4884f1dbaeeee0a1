// A separate OS process for the cross-process tests and the refresh-storm benchmark: opens the same PostgreSQL
// schema, builds its own TokenService, waits for "go" on stdin, fires `calls` concurrent getAccessToken for one
// connection, and prints one JSON line: the distinct tokens it received, each call's latency in ms, and where the
// refresh's time went (lock wait, Microsoft, store) as the token service reports it.
import { INTEGRATION_LISTENERS } from '../../../src/app/integration-listeners.js';
import { createInterface } from 'node:readline';
import { createTrustingFetch } from '../../../emulator/client/trusting-fetch.js';
import { createEntraClient } from '../../../src/microsoft/identity/index.js';
import { IntegrationStore } from '../../../src/features/integrations/integration-store.js';
import { createLogger } from '../../../src/platform/logging/logger.js';
import { openStore } from '../../../src/platform/store/database.js';
import { ManualClock } from '../../../src/platform/time/clock.js';
import { TokenService, type RefreshTiming } from '../../../src/features/tokens/token-service.js';
import { RecordingEvents, testKeyRing } from './token-kit.js';

export interface RefreshProcessInput {
  url: string;
  schema: string;
  emulatorUrl: string;
  caPem: string;
  workspaceId: string;
  externalUserId: string;
  calls: number;
  nowMs: number;
  /**
   * Connections (of another app) whose expired tokens are fetched before "ready", process i taking those at indexes
   * i, i + processes, …: each process refreshes its own, which warms what a long-running hub process has warm
   * (tenant metadata and signing keys, the refresh path's code) without touching the measured one. One connection
   * shared by all would be refreshed by the first process only; the others would find it refreshed and stay cold.
   */
  warmUp?: { workspaceId: string; externalUserIds: string[] };
  /** How many processes run (set by runRefreshProcesses). */
  processes: number;
}

const input = JSON.parse(process.argv[2]!) as RefreshProcessInput;
const processIndex = Number(process.argv[3] ?? 0);
const store = await openStore({ dialect: 'postgres', url: input.url, schema: input.schema, poolSize: 4 });
const clock = new ManualClock(new Date(input.nowMs));
const logger = createLogger({ level: 'silent' });
const keyRing = testKeyRing();
const { fetch, agent } = createTrustingFetch(input.caPem);
const identity = createEntraClient({ loginUrl: input.emulatorUrl, fetch, logger });
const integrations = new IntegrationStore({ db: store.db, keyRing, clock, redirectDefaults: {}, listeners: INTEGRATION_LISTENERS });
// Where each refresh's time went, with when it ended (ms after "go"), for the benchmark's breakdown.
const refreshes: (RefreshTiming & { endedAtMs: number })[] = [];
let goAt = 0;
const tokens = new TokenService({
  db: store.db,
  dialect: 'postgres',
  keyRing,
  identity,
  integrations,
  events: new RecordingEvents(),
  clock,
  logger,
  observeRefresh: (timing) => refreshes.push({ ...timing, endedAtMs: performance.now() - goAt }),
});

// Warm what any long-running hub process already has warm, so latencies measure the storm, not a cold start:
// the database pool, and a TLS connection to the identity platform.
await Promise.all(Array.from({ length: 4 }, () => store.db.selectFrom('m365_connections').select('id').limit(1).execute()));
await fetch(`${input.emulatorUrl}/organizations/v2.0/.well-known/openid-configuration`).then((r) => r.arrayBuffer());
if (input.warmUp) {
  const own = input.warmUp.externalUserIds.filter((_, i) => i % input.processes === processIndex);
  if (own.length === 0) throw new Error(`no warm-up connection for process ${processIndex}`);
  for (const externalUserId of own) {
    await tokens.getAccessToken({ workspaceId: input.warmUp.workspaceId, principal: { kind: 'user', externalUserId } });
  }
  // Each must have been this process's own refresh (or the identity client would be cold).
  if (refreshes.length !== own.length || refreshes.some((r) => !r.refreshed)) throw new Error(`process ${processIndex} did not refresh its warm-up connections itself`);
  refreshes.length = 0;
}
console.log('ready');
for await (const line of createInterface({ input: process.stdin })) if (line === 'go') break;
const latencies: number[] = [];
const endedAt: number[] = [];
goAt = performance.now();
const results = await Promise.all(
  Array.from({ length: input.calls }, async () => {
    const started = performance.now();
    const token = await tokens.getAccessToken({ workspaceId: input.workspaceId, principal: { kind: 'user', externalUserId: input.externalUserId } });
    const ended = performance.now();
    latencies.push(ended - started);
    endedAt.push(ended - goAt);
    return token.accessToken;
  }),
);
console.log(JSON.stringify({ tokens: [...new Set(results)], latencies, endedAt, refreshes }));
agent.destroy();
await store.close();
