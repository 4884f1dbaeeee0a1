// proxy-stream: large bodies through the hub's Graph pass-through, memory bounded, against the same calls direct.
//
// - Upload: 1000 MiB as four simple uploads of 250 MiB (PUT …/root:/{name}:/content, Graph's largest simple upload,
//   https://learn.microsoft.com/en-us/graph/api/driveitem-put-content) through …/proxy/graph/v1.0 as the workspace's
//   app, vs the same PUTs straight to the emulator; alternating, best of each; prints the throughput ratio (goal
//   ≥ 0.9×), each program's CPU seconds per GiB (the hub's, and the emulator's direct and through the hub: unlike
//   the ratio, not skewed by other work on the machine) and the hub process's peak RSS while it streamed (goal
//   < 150 MB). What that peak was made of (2026-12-06): besides the idle hub's ~140 MB, the chunks already passed on
//   waiting for a garbage collection (`external` up to 37 MB: now a young-generation collection every 4 MiB,
//   src/platform/streams/collect-as-it-flows.ts) and, for a tenth of a second, V8's optimising recompile of
//   fetch's WebAssembly HTTP parser (~30 MB: the launcher now keeps WebAssembly on the baseline compiler on
//   PostgreSQL, src/platform/runtime/v8-settings.ts).
// - 2 GiB in one PUT through the proxy: Graph refuses a simple upload over 250 MB (413); the hub must stream the
//   body, pass the 413 back and stay within the same memory, not gather the 2 GiB first.
// - Download: the seeded 1 GiB `Large files/Backup.zip` as a host backend downloads it through the pass-through
//   (GET …/content: Graph answers 302 with a pre-authenticated URL, driveitem-get-content, which the pass-through
//   hands back unchanged, never followed with the token; then the caller reads that URL from the download host) vs
//   the same two requests direct; alternating, best of each; ratio and the hub's peak RSS. The bytes never cross the
//   hub, by Graph's design, so this ratio is near 1 whatever the hub does: the uploads above are where the hub moves
//   bytes.
// The emulator and the hub each run in their own process (bench/support/proxy-bench-kit.ts: the hub as operators run
// it, on PostgreSQL), so the peak RSS is the hub's alone (the kernel's high-water mark, reset before each phase);
// this process is the caller, whose body is one reused 1 MiB buffer.
import https from 'node:https';
import { cpuMicros } from './support/process-stats.js';
import { startProxyBenchKit } from './support/proxy-bench-kit.js';

const MiB = 1024 * 1024;
const FILE_BYTES = 250 * MiB;
const FILES = 4;
const ROUNDS = 2;
const OVERSIZED = 2048 * MiB;

const kit = await startProxyBenchKit();
try {
  const { emulator } = kit;
  const block = Buffer.alloc(MiB, 0x5a);
  async function* bodyOf(bytes: number): AsyncGenerator<Uint8Array> {
    for (let sent = 0; sent < bytes; sent += block.length) yield bytes - sent >= block.length ? block : block.subarray(0, bytes - sent);
  }
  const itemPath = (name: string) => `/users/${emulator.userId}/drive/root:/Proxy bench/${name}:/content`;
  const directAgent = new https.Agent({ ca: emulator.ca, keepAlive: true });

  async function direct(name: string, bytes: number): Promise<number> {
    return new Promise((resolve, reject) => {
      const req = https.request(`${emulator.url}/v1.0${encodeURI(itemPath(name))}`, { method: 'PUT', agent: directAgent, headers: { authorization: `Bearer ${emulator.directToken}`, 'content-type': 'application/octet-stream', 'content-length': String(bytes) } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      void (async () => {
        for await (const chunk of bodyOf(bytes)) if (!req.write(chunk)) await new Promise((drained) => req.once('drain', drained));
        req.end();
      })();
    });
  }
  async function viaHub(name: string, bytes: number): Promise<number> {
    const res = await kit.hubRequest('PUT', `/api/v1/workspaces/${kit.workspaceId}/proxy/graph/v1.0${encodeURI(itemPath(name))}`, { ...kit.asApp, 'content-type': 'application/octet-stream', 'content-length': String(bytes) }, bodyOf(bytes));
    res.resume();
    await new Promise((resolve) => res.on('end', resolve));
    return res.statusCode ?? 0;
  }

  const baseRss = kit.hub.rssBytes();
  kit.hub.resetPeak();
  async function timed(upload: (name: string, bytes: number) => Promise<number>, label: string): Promise<number> {
    const started = performance.now();
    for (let file = 0; file < FILES; file++) {
      const status = await upload(`${label}-${file}.bin`, FILE_BYTES);
      if (status !== 200 && status !== 201) throw new Error(`${label} upload answered ${status}`);
    }
    return performance.now() - started;
  }

  const raws: number[] = [];
  const hubs: number[] = [];
  // CPU seconds per GiB moved, each program's own (load-insensitive, unlike the wall-clock ratio).
  const cpu = { hub: 0, emulatorDirect: 0, emulatorProxied: 0 };
  for (let round = 0; round < ROUNDS; round++) {
    let emulatorBefore = cpuMicros(emulator.pid);
    raws.push(await timed(direct, `direct-${round}`));
    cpu.emulatorDirect += cpuMicros(emulator.pid) - emulatorBefore;
    const hubBefore = kit.hub.cpuMicros();
    emulatorBefore = cpuMicros(emulator.pid);
    hubs.push(await timed(viaHub, `proxy-${round}`));
    cpu.hub += kit.hub.cpuMicros() - hubBefore;
    cpu.emulatorProxied += cpuMicros(emulator.pid) - emulatorBefore;
  }
  const perGiB = (micros: number) => (micros / 1e6 / ((ROUNDS * FILES * FILE_BYTES) / (1024 * MiB))).toFixed(2);
  const uploadPeak = kit.hub.peakRssBytes();
  const started = performance.now();
  kit.hub.resetPeak();
  const oversized = await viaHub('oversized.bin', OVERSIZED);
  const oversizedMs = performance.now() - started;
  const oversizedPeak = kit.hub.peakRssBytes();

  // The download: Graph's 302 (through the hub or direct), then the download URL, read and dropped.
  const download = `/users/dana@contoso.onmicrosoft.com/drive/root:${encodeURI('/Large files/Backup.zip')}:/content`;
  const readAll = (url: string) =>
    new Promise<number>((resolve, reject) => {
      https
        .get(url, { agent: directAgent }, (res) => {
          let bytes = 0;
          res.on('data', (chunk: Buffer) => (bytes += chunk.length));
          res.on('end', () => (res.statusCode === 200 ? resolve(bytes) : reject(new Error(`the download URL answered ${res.statusCode}`))));
          res.on('error', reject);
        })
        .on('error', reject);
    });
  const locationOf = (res: import('node:http').IncomingMessage) => {
    res.resume();
    if (res.statusCode !== 302 || typeof res.headers.location !== 'string') throw new Error(`…/content answered ${res.statusCode}, not Graph's 302`);
    return res.headers.location;
  };
  const downloadDirect = () =>
    new Promise<string>((resolve, reject) => {
      https.get(`${emulator.url}/v1.0${download}`, { agent: directAgent, headers: { authorization: `Bearer ${emulator.directToken}` } }, (res) => resolve(locationOf(res))).on('error', reject);
    });
  const downloadViaHub = async () => locationOf(await kit.hubRequest('GET', `/api/v1/workspaces/${kit.workspaceId}/proxy/graph/v1.0${download}`, kit.asApp));
  async function timedDownload(redirect: () => Promise<string>): Promise<{ ms: number; bytes: number }> {
    const started = performance.now();
    const bytes = await readAll(await redirect());
    return { ms: performance.now() - started, bytes };
  }
  kit.hub.resetPeak();
  const downloads = { direct: [] as number[], hub: [] as number[] };
  let downloaded = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const viaDirect = await timedDownload(downloadDirect);
    const viaProxy = await timedDownload(downloadViaHub);
    if (viaDirect.bytes !== viaProxy.bytes) throw new Error(`the downloads differ: ${viaDirect.bytes} vs ${viaProxy.bytes} bytes`);
    downloaded = viaDirect.bytes;
    downloads.direct.push(viaDirect.ms);
    downloads.hub.push(viaProxy.ms);
  }
  const downloadPeak = kit.hub.peakRssBytes();

  const best = (runs: number[]) => Math.min(...runs);
  const rate = (ms: number) => (FILES * FILE_BYTES) / MiB / (ms / 1000);
  const downloadRate = (ms: number) => downloaded / MiB / (ms / 1000);
  console.log(`download: ${(downloaded / MiB).toFixed(0)} MiB (Graph's 302, then the download URL), ${ROUNDS} alternating rounds, best of each`);
  console.log(`direct to Graph (emulator):    ${downloadRate(best(downloads.direct)).toFixed(0)} MiB/s (${downloads.direct.map((ms) => ms.toFixed(0)).join(', ')} ms)`);
  console.log(`through the hub's proxy:       ${downloadRate(best(downloads.hub)).toFixed(0)} MiB/s (${downloads.hub.map((ms) => ms.toFixed(0)).join(', ')} ms)`);
  console.log(`ratio proxy/direct throughput: ${(best(downloads.direct) / best(downloads.hub)).toFixed(2)}x (goal >= 0.9x); the bytes do not cross the hub`);
  console.log(`peak RSS of the hub while downloading: ${(downloadPeak / MiB).toFixed(0)} MB (goal < 150 MB)`);
  console.log(`upload: ${FILES} × ${FILE_BYTES / MiB} MiB simple PUTs, ${ROUNDS} alternating rounds, best of each`);
  console.log(`direct to Graph (emulator):    ${rate(best(raws)).toFixed(0)} MiB/s (${raws.map((ms) => ms.toFixed(0)).join(', ')} ms)`);
  console.log(`through the hub's proxy:       ${rate(best(hubs)).toFixed(0)} MiB/s (${hubs.map((ms) => ms.toFixed(0)).join(', ')} ms)`);
  console.log(`ratio proxy/direct throughput: ${(best(raws) / best(hubs)).toFixed(2)}x (goal >= 0.9x)`);
  console.log(`CPU s per GiB: the hub ${perGiB(cpu.hub)}; the emulator ${perGiB(cpu.emulatorDirect)} direct, ${perGiB(cpu.emulatorProxied)} through the hub`);
  console.log(`peak RSS of the hub while uploading: ${(uploadPeak / MiB).toFixed(0)} MB (before: ${(baseRss / MiB).toFixed(0)} MB; goal < 150 MB)`);
  console.log(`2 GiB PUT through the proxy: Graph answered ${oversized} (413 expected: over the 250 MB simple-upload limit) after ${oversizedMs.toFixed(0)} ms; the hub's peak RSS ${(oversizedPeak / MiB).toFixed(0)} MB`);
  if (oversized !== 413) throw new Error(`the oversized upload answered ${oversized}, not 413`);
  directAgent.destroy();
} finally {
  await kit.close();
}
