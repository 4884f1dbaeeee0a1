// delta-sync: the users collector's incremental sync after 1% of the users changed, against a full sync of the
// same emulator organisation (src/features/compliance/directory-delta-collector.ts both times, through the one
// Graph client). Prints the delta sync's time as a share of the full sync's (goal ≤ 3%).
// Size defaults to 10,000 extra users; M365HUB_BENCH_USERS overrides it.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTrustingFetch } from '../emulator/client/trusting-fetch.js';
import { startEmulatorServer } from '../emulator/server/emulator-server.js';
import { collectByDelta } from '../src/features/compliance/directory-delta-collector.js';
import { createGraphClient } from '../src/microsoft/graph/graph-client.js';

const users = Number(process.env.M365HUB_BENCH_USERS ?? 10_000);
const select = ['id', 'displayName', 'userPrincipalName', 'userType', 'accountEnabled'];
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'm365hub-bench-delta-'));
const running = await startEmulatorServer({ port: 0, dataDir, seed: 'demo', users });
const { fetch, agent } = createTrustingFetch(running.caPem);
try {
  const seed = running.ctx.seed!;
  const tid = seed.tenant.id;
  const tokenResponse = await fetch(`${running.url}/${tid}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: seed.application.appId, client_secret: seed.application.clientSecret, scope: 'https://graph.microsoft.com/.default' }).toString(),
  });
  const token = ((await tokenResponse.json()) as { access_token: string }).access_token;
  const graph = createGraphClient({ graphUrl: running.url, accessToken: async () => token, fetch });

  let started = performance.now();
  const full = await collectByDelta(graph, 'users', select, { objects: [] });
  const fullMs = performance.now() - started;

  const all = running.ctx.directory.usersOf(tid);
  const changed = all.filter((_, i) => i % 100 === 0);
  for (const user of changed) {
    const response = await fetch(`${running.url}/_emulator/tenants/${tid}/users/${encodeURIComponent(user.userPrincipalName)}/security`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userType: 'Guest' }),
    });
    if (!response.ok) throw new Error(`changing ${user.userPrincipalName} answered ${response.status}`);
    await response.arrayBuffer();
  }

  started = performance.now();
  const delta = await collectByDelta(graph, 'users', select, full);
  const deltaMs = performance.now() - started;
  if (delta.mode !== 'delta' || delta.objects.length !== full.objects.length) throw new Error(`delta sync went wrong: ${delta.mode}, ${delta.objects.length} of ${full.objects.length}`);

  console.log(`users ${full.objects.length}; changed ${changed.length} (1%), delta round fetched ${delta.fetched} in ${delta.pages} page(s)`);
  console.log(`full sync ${fullMs.toFixed(0)} ms (${full.pages} pages); delta sync ${deltaMs.toFixed(1)} ms`);
  console.log(`delta / full = ${((deltaMs / fullMs) * 100).toFixed(2)}% (goal ≤ 3%)`);
} finally {
  agent.destroy();
  await running.close();
  rmSync(dataDir, { recursive: true, force: true });
}
