// proxy: 10,000 small Graph GETs (/users?$top=1 as the workspace's app) through the hub's pass-through vs the same
// call direct to the emulator, same concurrency, side by side in rounds. Prints throughput of each, the ratio (goal
// ≥ 0.8×) and p50/p99 latency with the p99 the hub adds (goal under 2 ms). The hub reaches the emulator over HTTPS
// with the same CA-trusting fetch the direct calls use; the caller reaches the hub over plain HTTP on loopback.
import { appWithRoles } from '../emulator/graph/test/graph-test-client.js';
import { CONTOSO, startConnectKit } from '../test/connect/support/connect-kit.js';

const total = 10_000;
const rounds = 4;
const concurrency = 16;

const kit = await startConnectKit('pglite', { env: { M365HUB_LOG_LEVEL: 'warn', M365HUB_PROXY_RATE_LIMIT: '1000000', M365HUB_PROXY_KEY_RATE_LIMIT: '1000000' } });
try {
  const ws = await kit.workspace('Bench', { azureTenantId: CONTOSO });
  const direct = await appWithRoles(kit.emulator, CONTOSO, ['User.Read.All']);
  const viaHub = async () => {
    const response = await fetch(`${kit.hub.url}/api/v1/workspaces/${ws.id}/proxy/graph/v1.0/users?$top=1`, { headers: { authorization: `Bearer ${ws.apiKey}`, 'x-m365hub-mode': 'application' } });
    if (response.status !== 200) throw new Error(`proxy answered ${response.status}: ${await response.text()}`);
    await response.arrayBuffer();
  };
  const toGraph = async () => {
    const response = await kit.emulator.fetch(`${kit.emulator.url}/v1.0/users?$top=1`, { headers: { authorization: `Bearer ${direct.token}` } });
    if (response.status !== 200) throw new Error(`graph answered ${response.status}`);
    await response.arrayBuffer();
  };

  async function measure(call: () => Promise<void>, requests: number): Promise<{ rate: number; latencies: number[] }> {
    let next = 0;
    const latencies: number[] = [];
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next++ < requests) {
          const t = performance.now();
          await call();
          latencies.push(performance.now() - t);
        }
      }),
    );
    return { rate: requests / ((performance.now() - started) / 1000), latencies };
  }
  const pct = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!;

  await measure(viaHub, 500);
  await measure(toGraph, 500);
  const hub = { rate: 0, latencies: [] as number[] };
  const raw = { rate: 0, latencies: [] as number[] };
  for (let round = 0; round < rounds; round++) {
    const a = await measure(viaHub, total / rounds);
    const b = await measure(toGraph, total / rounds);
    hub.rate += a.rate / rounds;
    raw.rate += b.rate / rounds;
    hub.latencies.push(...a.latencies);
    raw.latencies.push(...b.latencies);
  }
  console.log(`${total} GET /users?$top=1 each way, concurrency ${concurrency}, ${rounds} alternating rounds`);
  console.log(`direct to Graph (emulator)   ${raw.rate.toFixed(0).padStart(6)} req/s   p50 ${pct(raw.latencies, 50).toFixed(2)} ms   p99 ${pct(raw.latencies, 99).toFixed(2)} ms`);
  console.log(`through the hub's proxy      ${hub.rate.toFixed(0).padStart(6)} req/s   p50 ${pct(hub.latencies, 50).toFixed(2)} ms   p99 ${pct(hub.latencies, 99).toFixed(2)} ms`);
  console.log(`throughput ratio proxy/direct ${(hub.rate / raw.rate).toFixed(2)}× (goal ≥ 0.8×)`);
  console.log(`p99 added by the hub          ${(pct(hub.latencies, 99) - pct(raw.latencies, 99)).toFixed(2)} ms (goal < 2 ms)`);
} finally {
  await kit.close();
}
