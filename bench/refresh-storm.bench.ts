// refresh-storm: 1,000 concurrent getAccessToken on one expired token from 2 processes on PostgreSQL (500 each).
// Counts the refreshes the emulator saw (/_emulator/requests): must be exactly 1. Prints the callers' p50/p99
// latency against one plain refresh through the same identity client.
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { startEmulator } from '../emulator/harness.js';
import { openStore } from '../src/platform/store/database.js';
import { ManualClock } from '../src/platform/time/clock.js';
import { connectUser, createFixture, expireStoredToken, newApp, refreshCount, workspaceWithApp } from '../test/tokens/support/token-kit.js';
import { runRefreshProcesses } from '../test/tokens/support/refresh-processes.js';

const url = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const schema = `bench_${randomBytes(5).toString('hex')}`;
const admin = new pg.Client({ connectionString: url });
await admin.connect();
await admin.query(`create schema ${schema}`);
const emulator = await startEmulator();
const store = await openStore({ dialect: 'postgres', url, schema });
try {
  await store.migrate();
  const clock = new ManualClock(new Date());
  const f = await createFixture(emulator, store, clock);
  const app = await newApp(emulator);
  const ws = await workspaceWithApp(f, app);
  const { redeemed } = await connectUser(emulator, f, app, ws, 'storm');

  // One plain refresh, for scale (warm: the tenant metadata is already cached by the connect).
  const plainStarted = performance.now();
  await f.identity.refreshAccessToken({ tenant: 'organizations', credentials: { clientId: app.appId, clientSecret: app.secret }, refreshToken: redeemed.refreshToken, scopes: ['https://graph.microsoft.com/Files.Read'] });
  const plain = performance.now() - plainStarted;
  const before = await refreshCount(emulator, app.appId);

  const { connection } = { connection: (await store.db.selectFrom('m365_connections').select('id').where('workspace_id', '=', ws).executeTakeFirstOrThrow()) };
  await expireStoredToken(f, connection.id);
  const outputs = await runRefreshProcesses(2, {
    url,
    schema,
    emulatorUrl: emulator.url,
    caPem: emulator.ca,
    workspaceId: ws,
    externalUserId: 'storm',
    calls: 500,
    nowMs: clock.now().getTime(),
  });
  const refreshes = (await refreshCount(emulator, app.appId)) - before;
  const latencies = outputs.flatMap((o) => o.latencies).sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!;
  const distinct = new Set(outputs.flatMap((o) => o.tokens)).size;
  console.log(`calls: ${latencies.length} from 2 processes; distinct tokens handed out: ${distinct}`);
  console.log(`refreshes the emulator saw: ${refreshes} ${refreshes === 1 ? '(exactly 1: ok)' : '(MUST be 1)'}`);
  console.log(`one plain refresh: ${plain.toFixed(1)} ms`);
  console.log(`storm p50: ${pct(50).toFixed(1)} ms (${(pct(50) / plain).toFixed(2)}× plain), p99: ${pct(99).toFixed(1)} ms (${(pct(99) / plain).toFixed(2)}× plain)`);
  if (refreshes !== 1) process.exitCode = 1;
} finally {
  await store.close();
  await emulator.close();
  await admin.query(`drop schema ${schema} cascade`);
  await admin.end();
}
