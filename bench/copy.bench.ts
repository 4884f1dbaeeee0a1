// copy: a 1 GiB file (the emulator's seeded `Large files/Backup.zip`) copied through the hub's byte path into local
// document storage — Graph's 302, the download URL, SHA-256 and QuickXorHash on the way, fsync and an atomic rename
// (src/features/files/stream-to-storage.ts, what the copy job runs) — against a raw download of the same bytes from
// the emulator (fetch, follow the redirect, read and drop). Side by side, alternating, in one run; prints the
// throughput ratio (goal ≥ 0.9×) and the peak RSS seen while the hub copied (goal < 150 MB). The emulator runs in
// this process too, so the RSS figure is an upper bound for the hub's own.
import { mkdtempSync, rmSync } from 'node:fs';
import https from 'node:https';
import { Readable } from 'node:stream';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmulator } from '../emulator/harness.js';
import { userToken } from '../emulator/graph/test/graph-test-client.js';
import { streamToStorage } from '../src/features/files/stream-to-storage.js';
import { createMicrosoftTransport, type FetchLike } from '../src/microsoft/transport/index.js';
import { createLocalDiskStorage } from '../src/platform/storage/local-disk-storage.js';

const ROUNDS = 2;

/**
 * A fetch that trusts the emulator's CA and streams bodies (the harness's test fetch buffers them, and Node 20's
 * global fetch takes no CA), as production's fetch streams from Microsoft. GET only; follows redirects when asked.
 */
function streamingFetch(ca: string): FetchLike {
  const agent = new https.Agent({ ca, keepAlive: true });
  const once = (url: URL, init: RequestInit) =>
    new Promise<Response>((resolve, reject) => {
      const request = https.get(url, { headers: Object.fromEntries(new Headers(init.headers)), agent, ...(init.signal ? { signal: init.signal } : {}) }, (res) => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(res.headers)) if (typeof value === 'string') headers.set(name, value);
        const status = res.statusCode ?? 500;
        resolve(new Response(status === 204 || status === 302 ? (res.resume(), null) : (Readable.toWeb(res) as ReadableStream<Uint8Array>), { status, headers }));
      });
      request.on('error', reject);
    });
  return async (input, init = {}) => {
    let url = new URL(String(input));
    for (let hops = 0; ; hops++) {
      const response = await once(url, init);
      const location = response.headers.get('location');
      if ((init.redirect ?? 'follow') !== 'follow' || response.status !== 302 || !location || hops > 5) return response;
      url = new URL(location, url);
    }
  };
}
const MiB = 1024 * 1024;

const emulator = await startEmulator({ autoSignIn: true, autoConsent: true });
const documents = mkdtempSync(path.join(tmpdir(), 'm365hub-copy-bench-'));
try {
  const token = await userToken(emulator, 'dana@contoso.onmicrosoft.com', 'Files.Read.All');
  const itemResponse = await emulator.fetch(`${emulator.url}/v1.0/me/drive/root:/Large files/Backup.zip`, { headers: { authorization: `Bearer ${token}` } });
  const item = (await itemResponse.json()) as { id: string; size: number; parentReference: { driveId: string }; file: { hashes: { quickXorHash: string } } };
  const target = { driveId: item.parentReference.driveId, itemId: item.id };
  const fetch = streamingFetch(emulator.ca);
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

  const raws: number[] = [];
  const hubs: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    raws.push(await raw());
    hubs.push(await hub(round));
  }
  const best = (runs: number[]) => Math.min(...runs);
  const rate = (ms: number) => item.size / MiB / (ms / 1000);
  console.log(`file: ${(item.size / MiB).toFixed(0)} MiB, ${ROUNDS} rounds each, best of each`);
  console.log(`raw download from the emulator: ${rate(best(raws)).toFixed(0)} MiB/s (${raws.map((ms) => ms.toFixed(0)).join(', ')} ms)`);
  console.log(`hub copy into local storage:    ${rate(best(hubs)).toFixed(0)} MiB/s (${hubs.map((ms) => ms.toFixed(0)).join(', ')} ms)`);
  console.log(`ratio hub/raw throughput: ${(best(raws) / best(hubs)).toFixed(2)}x (goal >= 0.9x)`);
  console.log(`peak RSS while the hub copied (emulator in the same process): ${(peakRss / MiB).toFixed(0)} MB (goal < 150 MB)`);
} finally {
  await emulator.close();
  rmSync(documents, { recursive: true, force: true });
}
