// The hub's side of `npm run bench -- directory-sync`, run as its own plain Node process on the built hub (dist/,
// as `m365hub` runs it), so the peak RSS it reports is the hub's: under tsx the bench process holds about 80 MB of
// tsx's own. Alternates ROUNDS of (a) a raw walk of every request a full sync makes, by bare fetch, and (b) the
// hub's full sync (collectSnapshot + appendSnapshot into PostgreSQL), and prints one JSON line with both.
// Plain JavaScript because it must run without tsx; bench/directory-sync.bench.ts starts it and prints the figures.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const dist = (file) => import(pathToFileURL(path.resolve(import.meta.dirname, '../../dist', file)).href);
const { AREA_READS, DIRECTORY_READS, USER_SELECT } = await dist('src/features/compliance/collectors/area-reads.js');
const { collectSnapshot } = await dist('src/features/compliance/collectors/collect-areas.js');
const { appendSnapshot } = await dist('src/features/compliance/snapshot-store.js');
const { createGraphClient } = await dist('src/microsoft/graph/graph-client.js');
const { openStore } = await dist('src/platform/store/database.js');
const { createTrustingFetch } = await dist('emulator/client/trusting-fetch.js');

const { EMULATOR_URL: emulatorUrl, EMULATOR_CA: caPath, TOKEN: token, TENANT: tenant, DATABASE_URL: url, SCHEMA: schema, ROUNDS } = process.env;
const { fetch, agent } = createTrustingFetch(readFileSync(caPath, 'utf8'));
const store = await openStore({ dialect: 'postgres', url, schema });
await store.migrate();
const workspaceId = 'ws_bench';
await store.db.insertInto('workspaces').values({ id: workspaceId, name: 'Bench' }).execute();
const graph = createGraphClient({ graphUrl: emulatorUrl, accessToken: async () => token, fetch });

/** Every request of a full sync, by bare fetch: the same objects, none of the hub's work. */
async function raw() {
  const started = performance.now();
  let objects = 0;
  const get = async (pathOrLink) => {
    const response = await fetch(pathOrLink.startsWith('/') ? `${emulatorUrl}/v1.0${pathOrLink}` : pathOrLink, { headers: { authorization: `Bearer ${token}` } });
    return response.ok ? await response.json() : undefined;
  };
  // Keeps the items only of the lists it reads further (groups, policy assignments): held to the end, 300,000 objects
  // would still be uncollected garbage in this process's heap while the sync after it runs, and count in its RSS.
  const list = async (listPath, keep = false) => {
    const items = [];
    let count = 0;
    for (let page = await get(listPath); page; page = page['@odata.nextLink'] ? await get(page['@odata.nextLink']) : undefined) {
      count += page.value.length;
      if (keep) items.push(...page.value);
    }
    objects += count;
    return { items, count };
  };
  const users = (await list(`/users?$select=${[...USER_SELECT, 'signInActivity'].join(',')}&$top=999`)).count;
  await get(`/users/delta?$select=${USER_SELECT.join(',')}&$deltatoken=latest`);
  for (const read of DIRECTORY_READS) {
    if (read.property !== 'groups') {
      await list(read.path);
      continue;
    }
    const { items } = await list(read.path, true);
    for (const group of items) await list(`/groups/${encodeURIComponent(String(group.id))}/transitiveMembers?$select=id&$top=999`);
  }
  for (const read of Object.values(AREA_READS).flat()) {
    if (read.kind === 'object') {
      if (await get(read.path)) objects += 1;
      continue;
    }
    const { items } = await list(read.path, read.withPolicyRules);
    if (!read.withPolicyRules) continue;
    for (const policyId of new Set(items.map((item) => String(item.policyId)))) await list(`/policies/roleManagementPolicies/${encodeURIComponent(policyId)}/rules`);
  }
  return { ms: performance.now() - started, users, objects };
}

let peakRss = 0;
async function sync() {
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 25);
  const started = performance.now();
  try {
    const collected = await collectSnapshot(graph, tenant, new Date());
    await appendSnapshot(store.db, { workspaceId, tenantId: tenant, collectedAt: new Date(), snapshot: collected.snapshot });
    return { ms: performance.now() - started, users: collected.snapshot.areas.directory?.users?.length ?? 0, objects: collected.objects, faults: Object.keys(collected.snapshot.faults ?? {}) };
  } finally {
    clearInterval(sampler);
  }
}

try {
  const rssBefore = process.memoryUsage().rss;
  const raws = [];
  const syncs = [];
  for (let round = 0; round < Number(ROUNDS); round++) {
    raws.push(await raw());
    syncs.push(await sync());
  }
  console.log(JSON.stringify({ raws, syncs, peakRss, rssBefore }));
} finally {
  agent.destroy();
  await store.close();
}
