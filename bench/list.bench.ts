// list: walking a 10,000-item folder of a user's OneDrive through the hub's files API (200 a page, opaque cursors)
// against raw paged Graph fetches of the same folder (Graph's default 200 a page, following @odata.nextLink), side
// by side in alternating rounds in one run. Prints items/s each way and the ratio (goal ≥ 0.9×). The caller, the
// hub, the emulator and the embedded database share this one process.
import { startFilesBenchKit } from './support/files-bench-kit.js';

const FOLDER = 10_000;
const ROUNDS = 3;

const bench = await startFilesBenchKit(FOLDER);
try {
  const { filesBase, driveId, folderId } = bench;
  async function viaHub(): Promise<number> {
    let count = 0;
    let cursor: string | null = null;
    do {
      const page = (await bench.hubGet(`${filesBase}/drives/${driveId}/items/${folderId}/children?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)) as { items: unknown[]; nextCursor: string | null };
      count += page.items.length;
      cursor = page.nextCursor;
    } while (cursor);
    return count;
  }
  async function raw(): Promise<number> {
    let count = 0;
    let next: string | undefined = `/drives/${driveId}/items/${folderId}/children`;
    while (next) {
      const page = (await bench.graphGet(next)) as { value: unknown[]; '@odata.nextLink'?: string };
      count += page.value.length;
      next = page['@odata.nextLink'];
    }
    return count;
  }
  const timed = async (walk: () => Promise<number>) => {
    const started = performance.now();
    const count = await walk();
    if (count !== FOLDER) throw new Error(`walked ${count} of ${FOLDER} items`);
    return performance.now() - started;
  };

  await timed(viaHub);
  await timed(raw);
  const hubRuns: number[] = [];
  const rawRuns: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    rawRuns.push(await timed(raw));
    hubRuns.push(await timed(viaHub));
  }
  const median = (runs: number[]) => [...runs].sort((a, b) => a - b)[Math.floor(runs.length / 2)]!;
  const rate = (ms: number) => (FOLDER / (ms / 1000)).toFixed(0);
  console.log(`${FOLDER} items, ${ROUNDS} alternating rounds after a warm-up, median of each`);
  console.log(`raw Graph pages (200 each):       ${rate(median(rawRuns)).padStart(7)} items/s (${rawRuns.map((ms) => ms.toFixed(0)).join(', ')} ms)`);
  console.log(`hub files API pages (200 each):   ${rate(median(hubRuns)).padStart(7)} items/s (${hubRuns.map((ms) => ms.toFixed(0)).join(', ')} ms)`);
  console.log(`ratio hub/raw throughput: ${(median(rawRuns) / median(hubRuns)).toFixed(2)}× (goal ≥ 0.9×)`);
} finally {
  await bench.close();
}
