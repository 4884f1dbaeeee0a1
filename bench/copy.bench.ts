// copy: a 1 GiB file (the emulator's seeded `Large files/Backup.zip`) copied through the hub's byte path into local
// document storage — Graph's 302, the download URL, SHA-256 and QuickXorHash on the way, fsync and an atomic rename
// (src/features/files/stream-to-storage.ts, what the copy job runs) — against a raw download of the same bytes from
// the emulator (fetch, follow the redirect, read and drop). Side by side, alternating, in one run; prints the
// throughput ratio (goal ≥ 0.9×) and the peak RSS of this process while the hub copied (goal < 150 MB). The emulator
// runs in its own process (bench/support/files-emulator-process.ts), as Microsoft is another machine in production, so the
// RSS is the hub's own; raw and hub downloads cross the same loopback TLS from the same emulator.
//
// It also prints each program's CPU per GiB while each side ran (this process, its main thread, the emulator) and
// each side's floor: a side cannot be faster than its busiest thread, nor than all the CPU it needs spread over the
// cores. Those figures hardly move with other load, and their ratio is the best the hub can reach on these cores.
// 2026-12-06 04:34 UTC, load 4–5 from other work, three runs: raw 1.39–1.64 s on the main thread (the TLS, HTTP and
// web-stream work of the download), the emulator 1.24–1.38 s; the hub 2.69–2.79 s on the main thread (the same
// download, SHA-256, QuickXorHash, the blocks), 3.15–3.29 s in all its threads; floors raw 1.42–1.64 s, hub
// 2.69–2.79 s: at best 0.53–0.63×. The goal of 0.9× would need the hub's whole process under about 2.5 s per GiB
// (two cores for 1/0.9 of the raw side's time, less the emulator's share), while the raw download's own work (1.6–1.8
// s in all threads) and the hashes the copy must compute (0.7 s) already come to more: on two cores shared with the
// emulator it is out of reach, whichever thread does the hashing. 05:41 UTC, machine otherwise idle, two runs: 0.58× and
// 0.60× measured, floors 1.52/2.59 and 1.54/2.70 s: at best 0.59× and 0.57×.
// Measured 2026-12-06 02:31–02:42 UTC, 2 cores loaded 3.7–4.9 by other work (12 runs): raw 322–567 MiB/s, hub 193–285
// MiB/s, ratio 0.46–0.75× (median 0.65×; goal not met); peak RSS 128–150 MB, median 136 (goal met in 11 of 12; one run
// read 150). The code before (buffered writes, QuickXorHash in JavaScript) in the same minutes, 5 runs: 0.39–0.63×
// (median 0.43×), 125–134 MB. Per GiB the hub now uses about 3.3–4.2 s of CPU in all threads against 5–7 s before: the
// disk writes went from 1–3.5 s of kernel CPU (page cache, then its writeback) to 0.15–0.4 s (O_DIRECT), QuickXorHash
// from 0.19 to 0.08 s (WebAssembly). What is left on the copy's thread beyond the raw download's own (TLS, HTTP, web
// streams: 1.5–2 s) is mostly SHA-256 (0.6 s, at the CPU's SHA extensions' speed); with the emulator on the other core
// that thread sets the pace. The load makes single runs vary by ±30%; the raw side's best is usually its first round,
// before the collector starts its frequent mark-compacts (driven by the network chunks' external memory) that slow both
// sides in later rounds.
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { streamToStorage } from '../src/features/files/stream-to-storage.js';
import { createMicrosoftTransport } from '../src/microsoft/transport/index.js';
import { createLocalDiskStorage } from '../src/platform/storage/local-disk-storage.js';
import { startEmulatorProcess } from './support/files-emulator-process.js';
import { cpuFloor, cpuMicros, threadCpuMicros } from './support/process-stats.js';
import { streamingFetch } from './support/streaming-fetch.js';

const ROUNDS = 2;
const MiB = 1024 * 1024;

const emulator = await startEmulatorProcess();
const documents = mkdtempSync(path.join(tmpdir(), 'm365hub-copy-bench-'));
try {
  const token = emulator.token;
  const fetch = streamingFetch(emulator.ca);
  const itemResponse = await fetch(`${emulator.url}/v1.0/me/drive/root:/Large files/Backup.zip`, { headers: { authorization: `Bearer ${token}` } });
  const item = (await itemResponse.json()) as { id: string; size: number; parentReference: { driveId: string }; file: { hashes: { quickXorHash: string } } };
  const target = { driveId: item.parentReference.driveId, itemId: item.id };
  const transfer = { graphUrl: emulator.url, accessToken: async () => token, transport: createMicrosoftTransport({ fetch }) };
  const storage = createLocalDiskStorage(documents);

  async function raw(): Promise<number> {
    const started = performance.now();
    // Graph's 302, then the download URL without the token (a redirect to another origin drops it anyway).
    const redirect = await fetch(`${emulator.url}/v1.0/drives/${target.driveId}/items/${target.itemId}/content`, { redirect: 'manual', headers: { authorization: `Bearer ${token}` } });
    const response = await fetch(redirect.headers.get('location')!);
    let bytes = 0;
    const reader = response.body!.getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) bytes += read.value.length;
    if (bytes !== item.size) throw new Error(`raw download got ${bytes} of ${item.size} bytes`);
    return performance.now() - started;
  }

  let peakRss = 0;
  async function hub(round: number): Promise<number> {
    const key = `bench/copy-${round}`;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
    const started = performance.now();
    try {
      const copy = await streamToStorage(transfer, target, storage, key);
      await storage.commit(key);
      if (copy.bytes !== item.size || copy.quickXorHash !== item.file.hashes.quickXorHash) throw new Error('the copy does not match Microsoft\'s size and QuickXorHash');
      return performance.now() - started;
    } finally {
      clearInterval(sampler);
      await storage.remove(key);
    }
  }

  // CPU seconds per GiB of each program while a side runs: what the two cores have to share, whatever the load.
  interface Cpu {
    process: number;
    mainThread: number;
    emulator: number;
  }
  const perGiB = (micros: number) => micros / 1e6 / (item.size / 1024 / MiB);
  async function measured(side: () => Promise<number>, cpus: Cpu[]): Promise<number> {
    const before = { process: process.cpuUsage(), mainThread: threadCpuMicros(process.pid), emulator: cpuMicros(emulator.pid) };
    const ms = await side();
    const used = process.cpuUsage(before.process);
    cpus.push({ process: perGiB(used.user + used.system), mainThread: perGiB(threadCpuMicros(process.pid) - before.mainThread), emulator: perGiB(cpuMicros(emulator.pid) - before.emulator) });
    return ms;
  }

  const raws: number[] = [];
  const hubs: number[] = [];
  const rawCpu: Cpu[] = [];
  const hubCpu: Cpu[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    raws.push(await measured(raw, rawCpu));
    hubs.push(await measured(() => hub(round), hubCpu));
  }
  const best = (runs: number[]) => Math.min(...runs);
  const least = (cpus: Cpu[], key: keyof Cpu) => Math.min(...cpus.map((cpu) => cpu[key]));
  const cpuLine = (cpus: Cpu[]) => `this process ${least(cpus, 'process').toFixed(2)} s (its main thread ${least(cpus, 'mainThread').toFixed(2)} s), the emulator ${least(cpus, 'emulator').toFixed(2)} s`;
  const rate = (ms: number) => item.size / MiB / (ms / 1000);
  console.log(`file: ${(item.size / MiB).toFixed(0)} MiB, ${ROUNDS} rounds each, best of each`);
  console.log(`raw download from the emulator: ${rate(best(raws)).toFixed(0)} MiB/s (${raws.map((ms) => ms.toFixed(0)).join(', ')} ms)`);
  console.log(`hub copy into local storage:    ${rate(best(hubs)).toFixed(0)} MiB/s (${hubs.map((ms) => ms.toFixed(0)).join(', ')} ms)`);
  console.log(`ratio hub/raw throughput: ${(best(raws) / best(hubs)).toFixed(2)}x (goal >= 0.9x)`);
  // The ratio of the two sides' floors (cpuFloor) is the best these cores allow the hub, whatever else runs on them.
  const cores = availableParallelism();
  const floor = (cpus: Cpu[]) => cpuFloor([least(cpus, 'mainThread')], [least(cpus, 'process'), least(cpus, 'emulator')], cores);
  console.log(`CPU per GiB, least of the rounds: raw: ${cpuLine(rawCpu)}; hub: ${cpuLine(hubCpu)}`);
  console.log(`floor per GiB on ${cores} cores (the busiest thread, or all the CPU spread over every core): raw ${floor(rawCpu).toFixed(2)} s, hub ${floor(hubCpu).toFixed(2)} s: at best ${(floor(rawCpu) / floor(hubCpu)).toFixed(2)}x`);
  console.log(`peak RSS while the hub copied (emulator in its own process): ${(peakRss / MiB).toFixed(0)} MB (goal < 150 MB)`);
} finally {
  await emulator.close();
  rmSync(documents, { recursive: true, force: true });
}
