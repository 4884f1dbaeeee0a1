// proxy-overhead: browsing one folder (its first page of 50 children) through the hub's files API against the same
// Graph call direct to the emulator, one call at a time, alternating, in one run. Prints each side's median and p99
// and the ratio; the issue asks for the ratio to be reported, with no goal. Caller, hub, emulator and the embedded
// database share this one process.
import { startFilesBenchKit } from './support/files-bench-kit.js';

const CALLS = 500;

const bench = await startFilesBenchKit(500);
try {
  const { filesBase, driveId, folderId } = bench;
  const viaHub = () => bench.hubGet(`${filesBase}/drives/${driveId}/items/${folderId}/children?limit=50`);
  const direct = () => bench.graphGet(`/drives/${driveId}/items/${folderId}/children?$top=50`);
  const hub: number[] = [];
  const raw: number[] = [];
  for (let i = 0; i < 50; i++) {
    await viaHub();
    await direct();
  }
  for (let i = 0; i < CALLS; i++) {
    let t = performance.now();
    await direct();
    raw.push(performance.now() - t);
    t = performance.now();
    await viaHub();
    hub.push(performance.now() - t);
  }
  const pct = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!;
  console.log(`${CALLS} browses of one folder (50 children) each way, one at a time, alternating`);
  console.log(`direct Graph call: p50 ${pct(raw, 50).toFixed(2)} ms, p99 ${pct(raw, 99).toFixed(2)} ms`);
  console.log(`hub files API:     p50 ${pct(hub, 50).toFixed(2)} ms, p99 ${pct(hub, 99).toFixed(2)} ms`);
  console.log(`ratio hub/direct time at p50: ${(pct(hub, 50) / pct(raw, 50)).toFixed(2)}×; added at p50 ${(pct(hub, 50) - pct(raw, 50)).toFixed(2)} ms`);
} finally {
  await bench.close();
}
