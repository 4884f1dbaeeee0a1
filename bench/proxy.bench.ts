// proxy: 10,000 small Graph GETs (/users?$top=1 as the workspace's app) through the hub's pass-through vs the same
// call direct to the emulator, same concurrency, side by side in rounds. Prints throughput of each, the ratio (goal
// ≥ 0.8×) and p50/p99 latency with the p99 the hub adds (goal under 2 ms), and the CPU time each program spent per
// call. Three programs, as in production: the emulator in its own process (Microsoft is another machine), the hub in
// its own as operators run it (built code, production's transport, PostgreSQL: bench/support/hub-process.ts), and
// the caller (a host backend) here, reaching the hub over plain HTTP on loopback and the emulator over HTTPS, both
// with node:http(s) keep-alive agents. On a 2-core machine the three share two cores, so the hub's CPU per call
// decides the ratio: the caller and the emulator cost the same either way. The breakdown says where a pass-through
// call's time goes: the HTTP hop to the hub alone (/healthz), the hub's own checks (a call refused after
// authentication and policy, before Graph), and the whole call. It also prints each side's floor per call (its
// busiest program, or all its programs' CPU spread over the cores) and their ratio: the best the cores allow.
import https from 'node:https';
import { availableParallelism } from 'node:os';
import { cpuFloor, cpuMicros } from './support/process-stats.js';
import { startProxyBenchKit } from './support/proxy-bench-kit.js';

const total = 10_000;
const rounds = 4;
const concurrency = 16;

const kit = await startProxyBenchKit();
const directAgent = new https.Agent({ ca: kit.emulator.ca, keepAlive: true });
const emulatorCpuMicros = () => cpuMicros(kit.emulator.pid);
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
  const toGraph = () =>
    new Promise<void>((resolve, reject) => {
      https
        .get(`${kit.emulator.url}/v1.0/users?$top=1`, { agent: directAgent, headers: { authorization: `Bearer ${kit.emulator.directToken}` } }, (res) => {
          res.resume();
          res.on('error', reject);
          res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`graph answered ${res.statusCode}`))));
        })
        .on('error', reject);
    });

  interface Measured {
    rate: number;
    latencies: number[];
    /** CPU µs per call of the caller, the hub and the emulator. */
    cpu: { caller: number; hub: number; emulator: number };
  }
  async function measure(call: () => Promise<void>, requests: number): Promise<Measured> {
    let next = 0;
    const latencies: number[] = [];
    const cpuBefore = { caller: process.cpuUsage(), hub: kit.hub.cpuMicros(), emulator: emulatorCpuMicros() };
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
    const rate = requests / ((performance.now() - started) / 1000);
    const caller = process.cpuUsage(cpuBefore.caller);
    const cpu = { caller: (caller.user + caller.system) / requests, hub: (kit.hub.cpuMicros() - cpuBefore.hub) / requests, emulator: (emulatorCpuMicros() - cpuBefore.emulator) / requests };
    return { rate, latencies, cpu };
  }
  const pct = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!;

  await measure(viaHub, 500);
  await measure(toGraph, 500);
  const hub: Measured = { rate: 0, latencies: [], cpu: { caller: 0, hub: 0, emulator: 0 } };
  const raw: Measured = { rate: 0, latencies: [], cpu: { caller: 0, hub: 0, emulator: 0 } };
  const addCpu = (into: Measured, from: Measured) => {
    for (const key of ['caller', 'hub', 'emulator'] as const) into.cpu[key] += from.cpu[key] / rounds;
  };
  for (let round = 0; round < rounds; round++) {
    const a = await measure(viaHub, total / rounds);
    const b = await measure(toGraph, total / rounds);
    hub.rate += a.rate / rounds;
    raw.rate += b.rate / rounds;
    hub.latencies.push(...a.latencies);
    raw.latencies.push(...b.latencies);
    addCpu(hub, a);
    addCpu(raw, b);
  }
  console.log(`${total} GET /users?$top=1 each way, concurrency ${concurrency}, ${rounds} alternating rounds`);
  console.log(`direct to Graph (emulator)   ${raw.rate.toFixed(0).padStart(6)} req/s   p50 ${pct(raw.latencies, 50).toFixed(2)} ms   p99 ${pct(raw.latencies, 99).toFixed(2)} ms`);
  console.log(`through the hub's proxy      ${hub.rate.toFixed(0).padStart(6)} req/s   p50 ${pct(hub.latencies, 50).toFixed(2)} ms   p99 ${pct(hub.latencies, 99).toFixed(2)} ms`);
  const cpuLine = (label: string, m: Measured) =>
    console.log(`  CPU per call ${label.padEnd(15)} caller ${m.cpu.caller.toFixed(0).padStart(4)} µs   hub ${m.cpu.hub.toFixed(0).padStart(4)} µs   emulator ${m.cpu.emulator.toFixed(0).padStart(4)} µs`);
  cpuLine('direct', raw);
  cpuLine('through the hub', hub);
  // Each program handles its calls on one thread: its CPU per call is both a thread's and a program's (cpuFloor). The
  // floors' ratio is the best throughput ratio these cores allow the hub, whatever the scheduling.
  const cores = availableParallelism();
  const floor = ({ cpu }: Measured) => cpuFloor([cpu.caller, cpu.hub, cpu.emulator], [cpu.caller, cpu.hub, cpu.emulator], cores);
  console.log(`  floor per call on ${cores} cores  direct ${floor(raw).toFixed(0)} µs   through the hub ${floor(hub).toFixed(0)} µs: at best ${(floor(raw) / floor(hub)).toFixed(2)}×`);
  const line = (label: string, m: Measured) =>
    console.log(`${label.padEnd(29)}${m.rate.toFixed(0).padStart(6)} req/s   p50 ${pct(m.latencies, 50).toFixed(2)} ms   p99 ${pct(m.latencies, 99).toFixed(2)} ms   hub CPU ${m.cpu.hub.toFixed(0)} µs/call`);
  console.log('breakdown (2,000 calls each, same concurrency):');
  line('  hub HTTP hop (/healthz)', await measure(hubHop, 2_000));
  line('  + auth, limits, policy', await measure(hubChecks, 2_000));
  line('  + token, Graph call', await measure(viaHub, 2_000));
  line('  Graph alone (direct)', await measure(toGraph, 2_000));
  console.log(`throughput ratio proxy/direct ${(hub.rate / raw.rate).toFixed(2)}× (goal ≥ 0.8×)`);
  console.log(`p99 added by the hub          ${(pct(hub.latencies, 99) - pct(raw.latencies, 99)).toFixed(2)} ms (goal < 2 ms)`);
} finally {
  directAgent.destroy();
  await kit.close();
}
