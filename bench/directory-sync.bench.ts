// directory-sync: a full compliance sync of a 100,000-user tenant through the hub's sync path (every area collected
// through the one Graph client, users 999 a page with sign-in activity, groups with their members, then the snapshot
// canonicalised, hashed, compressed and appended to the chain in PostgreSQL) against a raw `/users?$top=999` page
// walk of the same emulator data, alternating in one run. Prints the time of each, the ratio of throughput (users per
// second; goal ≥ 0.9×) and the peak RSS of this process while it synced (goal < 250 MB). The emulator runs as its
// own process, as Microsoft does, so this process's memory is the hub's side alone. Needs PostgreSQL (DATABASE_URL
// or the local cluster), as a multi-process deployment runs.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { collectSnapshot } from '../src/features/compliance/collectors/collect-areas.js';
import { appendSnapshot } from '../src/features/compliance/snapshot-store.js';
import { createGraphClient } from '../src/microsoft/graph/graph-client.js';
import { openStore } from '../src/platform/store/database.js';
import { appToken, startEmulator } from './support/emulator-process.js';

const USERS = Number(process.env.M365HUB_BENCH_USERS ?? 100_000);
const ROUNDS = 2;
const MB = 1024 * 1024;

const url = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const schema = `bench_${randomBytes(5).toString('hex')}`;
const admin = new pg.Client({ connectionString: url });
await admin.connect();
await admin.query(`create schema ${schema}`);
const emulator = await startEmulator(USERS);
const store = await openStore({ dialect: 'postgres', url, schema });
try {
  await store.migrate();
  const { token, tenant } = await appToken(emulator);
  const workspaceId = 'ws_bench';
  await store.db.insertInto('workspaces').values({ id: workspaceId, name: 'Bench' } as never).execute();
  const graph = createGraphClient({ graphUrl: emulator.url, accessToken: async () => token, fetch: emulator.fetch });

  async function raw(): Promise<{ ms: number; users: number }> {
    const started = performance.now();
    let next: string | undefined = `${emulator.url}/v1.0/users?$top=999`;
    let users = 0;
    while (next) {
      const response = await emulator.fetch(next, { headers: { authorization: `Bearer ${token}` } });
      const page = (await response.json()) as { value: unknown[]; '@odata.nextLink'?: string };
      users += page.value.length;
      next = page['@odata.nextLink'];
    }
    return { ms: performance.now() - started, users };
  }

  let peakRss = 0;
  async function sync(): Promise<{ ms: number; users: number; objects: number; faults: string[] }> {
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 25);
    const started = performance.now();
    try {
      const collected = await collectSnapshot(graph, tenant, new Date());
      await appendSnapshot(store.db, { workspaceId, tenantId: tenant, collectedAt: new Date(), snapshot: collected.snapshot });
      return { ms: performance.now() - started, users: collected.snapshot.areas.directory?.users?.length ?? 0, objects: collected.objects, faults: Object.keys(collected.snapshot.faults ?? {}) };
    } finally {
      clearInterval(sampler);
    }
  }

  const before = process.memoryUsage().rss;
  const raws: Array<{ ms: number; users: number }> = [];
  const syncs: Array<Awaited<ReturnType<typeof sync>>> = [];
  for (let round = 0; round < ROUNDS; round++) {
    raws.push(await raw());
    syncs.push(await sync());
  }
  const best = <T extends { ms: number }>(runs: T[]) => runs.reduce((a, b) => (a.ms <= b.ms ? a : b));
  const r = best(raws);
  const s = best(syncs);
  const rate = (run: { ms: number; users: number }) => (run.users / (run.ms / 1000)).toFixed(0);
  console.log(`${r.users} users; ${ROUNDS} alternating rounds, best of each`);
  console.log(`raw /users?$top=999 walk:  ${(r.ms / 1000).toFixed(2)} s, ${rate(r)} users/s (${raws.map((x) => x.ms.toFixed(0)).join(', ')} ms)`);
  console.log(`full compliance sync:      ${(s.ms / 1000).toFixed(2)} s, ${rate(s)} users/s, ${s.objects} objects in all areas (${syncs.map((x) => x.ms.toFixed(0)).join(', ')} ms)${s.faults.length ? `; areas not read: ${s.faults.join(', ')}` : ''}`);
  console.log(`ratio sync/raw throughput: ${(r.ms / s.ms).toFixed(2)}× (goal ≥ 0.9×)`);
  console.log(`peak RSS of the hub side while syncing: ${(peakRss / MB).toFixed(0)} MB (goal < 250 MB; ${(before / MB).toFixed(0)} MB before the first round)`);
} finally {
  await store.close();
  await emulator.close();
  await admin.query(`drop schema ${schema} cascade`).catch(() => {});
  await admin.end();
}
