// The security configuration routes do not grow with the number of users: requests per second of each route on a
// small organisation and on a large one, side by side in one run (the route's rate on the large one over its rate
// on the small one should stay near 1), with GET /organization as the reference of a constant-cost Graph route.
// Sizes default to 200 and 10,000 extra users (seeding is the slow part); M365HUB_BENCH_USERS overrides the large one.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTrustingFetch } from '../emulator/client/trusting-fetch.js';
import { startEmulatorServer } from '../emulator/server/emulator-server.js';

const requestsPerRound = 300;
const concurrency = 8;
const large = Number(process.env.M365HUB_BENCH_USERS ?? 10_000);
const filter = encodeURIComponent("scopeId eq '/' and scopeType eq 'DirectoryRole'");
const routes = [
  '/organization',
  '/policies/identitySecurityDefaultsEnforcementPolicy',
  '/identity/conditionalAccess/policies',
  '/directoryRoles',
  '/roleManagement/directory/roleAssignments',
  `/policies/roleManagementPolicies?$filter=${filter}`,
  '/users?$top=1',
];

async function ratesFor(users: number): Promise<number[]> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'm365hub-bench-security-'));
  const running = await startEmulatorServer({ port: 0, dataDir, seed: 'demo', users });
  const { fetch, agent } = createTrustingFetch(running.caPem);
  try {
    const seed = running.ctx.seed!;
    const tokenResponse = await fetch(`${running.url}/${seed.tenant.id}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: seed.application.appId, client_secret: seed.application.clientSecret, scope: 'https://graph.microsoft.com/.default' }).toString(),
    });
    const token = ((await tokenResponse.json()) as { access_token: string }).access_token;
    const rates: number[] = [];
    for (const route of routes) {
      const call = async () => {
        const response = await fetch(`${running.url}/v1.0${route}`, { headers: { authorization: `Bearer ${token}` } });
        if (response.status !== 200) throw new Error(`${route} answered ${response.status}`);
        await response.arrayBuffer();
      };
      await call();
      let next = 0;
      const started = process.hrtime.bigint();
      await Promise.all(Array.from({ length: concurrency }, async () => {
        while (next++ < requestsPerRound) await call();
      }));
      rates.push(requestsPerRound / (Number(process.hrtime.bigint() - started) / 1e9));
    }
    return rates;
  } finally {
    agent.destroy();
    await running.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const small = await ratesFor(200);
const big = await ratesFor(large);
console.log(`requests per route ${requestsPerRound}, concurrency ${concurrency}; organisations of 200 and ${large} extra users`);
console.log(`${'route'.padEnd(70)} ${'small'.padStart(8)} ${'large'.padStart(8)}  large/small`);
routes.forEach((route, i) => console.log(`${route.padEnd(70)} ${small[i]!.toFixed(0).padStart(8)} ${big[i]!.toFixed(0).padStart(8)}  ${(big[i]! / small[i]!).toFixed(2)}`));
