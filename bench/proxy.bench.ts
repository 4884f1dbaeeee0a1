// proxy: 10,000 small Graph GETs (/users?$top=1 as the workspace's app) through the hub's pass-through vs the same
// call direct to the emulator, same concurrency, side by side in rounds. Prints throughput of each, the ratio (goal
// ≥ 0.8×) and p50/p99 latency with the p99 the hub adds (goal under 2 ms). The emulator runs in its own process, as
// Microsoft is another machine in production (bench/support/proxy-bench-kit.ts): an earlier version ran it in this
// process, so every microsecond of the hub was also taken from Graph's own throughput and the ratio measured the sum.
// The hub reaches the emulator over HTTPS with the same CA-trusting fetch the direct calls use; the caller reaches the
// hub over plain HTTP on loopback with node:http and keep-alive. The breakdown says where a pass-through call's time
// goes: the HTTP hop to the hub alone (/healthz), the hub's own checks (a call refused after authentication and
// policy, before Graph), and the whole call.
import { createTrustingFetch } from '../emulator/client/trusting-fetch.js';
import { startProxyBenchKit } from './support/proxy-bench-kit.js';

const total = 10_000;
const rounds = 4;
const concurrency = 16;

const kit = await startProxyBenchKit();
const direct = createTrustingFetch(kit.emulator.ca);
try {
  const hubGet = async (path: string, headers: Record<string, string> = {}) => {
    const res = await kit.hubRequest('GET', path, headers);
    const chunks: Buffer[] = [];
    for await (const chunk of res) chunks.push(chunk as Buffer);
    return { status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() };
  };
  const viaHub = async () => {
    const response = await hubGet(`/api/v1/workspaces/${kit.workspaceId}/proxy/graph/v1.0/users?$top=1`, kit.asApp);
    if (response.status !== 200) throw new Error(`proxy answered ${response.status}: ${response.body}`);
  };
  const hubHop = async () => {
    const response = await hubGet('/healthz');
    if (response.status !== 200) throw new Error(`healthz answered ${response.status}`);
  };
  // An uncovered path: authenticated, rate-counted and policed like the real call, answered before any token or Graph.
  const hubChecks = async () => {
    const response = await hubGet(`/api/v1/workspaces/${kit.workspaceId}/proxy/graph/v1.0/print/printers`, kit.asApp);
    if (response.status !== 403) throw new Error(`uncovered path answered ${response.status}`);
  };
  const toGraph = async () => {
    const response = await direct.fetch(`${kit.emulator.url}/v1.0/users?$top=1`, { headers: { authorization: `Bearer ${kit.emulator.directToken}` } });
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
  const line = (label: string, m: { rate: number; latencies: number[] }) =>
    console.log(`${label.padEnd(29)}${m.rate.toFixed(0).padStart(6)} req/s   p50 ${pct(m.latencies, 50).toFixed(2)} ms   p99 ${pct(m.latencies, 99).toFixed(2)} ms`);
  console.log('breakdown (2,000 calls each, same concurrency):');
  line('  hub HTTP hop (/healthz)', await measure(hubHop, 2_000));
  line('  + auth, limits, policy', await measure(hubChecks, 2_000));
  line('  + token, Graph call', await measure(viaHub, 2_000));
  line('  Graph alone (direct)', await measure(toGraph, 2_000));
  console.log(`throughput ratio proxy/direct ${(hub.rate / raw.rate).toFixed(2)}× (goal ≥ 0.8×)`);
  console.log(`p99 added by the hub          ${(pct(hub.latencies, 99) - pct(raw.latencies, 99)).toFixed(2)} ms (goal < 2 ms)`);
} finally {
  direct.agent.destroy();
  await kit.close();
}
