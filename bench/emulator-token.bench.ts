// Client-credential tokens per second against the emulator vs a bare route on the same stack (the emulator's own
// Fastify HTTPS server, GET /_emulator/health), side by side in one run, over loopback with keep-alive and a fixed
// number of requests. RSA signing dominates a token, so the emulator reuses a signed app-only token for identical
// claims within the same second (see identity/token-minter.ts); the raw signing rate is printed for reference.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTrustingFetch } from '../emulator/client/trusting-fetch.js';
import { startEmulatorServer } from '../emulator/server/emulator-server.js';

const requestsPerRound = 3000;
const concurrency = 16;
const rounds = 3;

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'm365hub-bench-emulator-'));
const running = await startEmulatorServer({ port: 0, dataDir, seed: 'demo' });
const { fetch, agent } = createTrustingFetch(running.caPem);
const seed = running.ctx.seed!;
const tokenBody = new URLSearchParams({
  grant_type: 'client_credentials',
  client_id: seed.application.appId,
  client_secret: seed.application.clientSecret,
  scope: 'https://graph.microsoft.com/.default',
}).toString();

const hello = async () => {
  const response = await fetch(`${running.url}/_emulator/health`);
  if (response.status !== 200) throw new Error(`hello answered ${response.status}`);
  await response.arrayBuffer();
};
const token = async () => {
  const response = await fetch(`${running.url}/${seed.tenant.id}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: tokenBody,
  });
  if (response.status !== 200) throw new Error(`token answered ${response.status}: ${await response.text()}`);
  await response.arrayBuffer();
};

async function measure(call: () => Promise<void>): Promise<number> {
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < requestsPerRound) await call();
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return requestsPerRound / seconds;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

try {
  await measure(hello);
  await measure(token);
  const helloRates: number[] = [];
  const tokenRates: number[] = [];
  for (let round = 0; round < rounds; round++) {
    helloRates.push(await measure(hello));
    tokenRates.push(await measure(token));
  }
  const signer = running.ctx.signer;
  const signs = 500;
  const signStart = process.hrtime.bigint();
  for (let i = 0; i < signs; i++) signer.sign({ i, aud: 'https://graph.microsoft.com' }, 'v1');
  const signRate = signs / (Number(process.hrtime.bigint() - signStart) / 1e9);

  const h = median(helloRates);
  const t = median(tokenRates);
  console.log(`requests per round ${requestsPerRound}, concurrency ${concurrency}, rounds ${rounds} (median shown)`);
  console.log(`bare hello route (GET /_emulator/health)   ${h.toFixed(0).padStart(7)} req/s`);
  console.log(`client-credential tokens (POST …/token)     ${t.toFixed(0).padStart(7)} tokens/s`);
  console.log(`ratio tokens / hello                        ${(t / h).toFixed(2)}`);
  console.log(`raw RS256 signing, one core (reference)     ${signRate.toFixed(0).padStart(7)} signatures/s`);
} finally {
  agent.destroy();
  await running.close();
  rmSync(dataDir, { recursive: true, force: true });
}
