// A streamed body arrives as one new Buffer per socket read (Node's HTTP parser copies each piece of a body), whose
// memory lies outside V8's heap and is freed only when a garbage collection finds that Buffer dead. Passing a large
// body on allocates little on V8's own heap, so the young generation filled slowly and tens of MB of chunks already
// passed on waited for a collection (proxy-stream bench, 2026-12-06: the hub's `external` memory peaked at 37 MB
// during a 250 MiB upload, 7 MB with this). A young-generation collection every few MiB passed on frees them as they
// go; almost nothing in it survives, so each costs a fraction of a millisecond.
import type { Readable } from 'node:stream';
import v8 from 'node:v8';
import vm from 'node:vm';

type MinorGc = (options: { type: 'minor' }) => void;

let collect: MinorGc | undefined;

function minorGc(): MinorGc {
  if (collect) return collect;
  const exposed = (globalThis as { gc?: MinorGc }).gc;
  if (exposed) return (collect = exposed);
  // V8 gives `gc` only to contexts created while --expose-gc is on: this throwaway one, not the hub's global scope.
  v8.setFlagsFromString('--expose-gc');
  try {
    collect = vm.runInNewContext('gc') as MinorGc;
  } finally {
    v8.setFlagsFromString('--no-expose-gc');
  }
  return collect;
}

export const COLLECT_EVERY_BYTES = 4 * 1024 * 1024;

/**
 * Collects the young generation each time `stream` has passed on another `everyBytes`; attach after its consumer.
 * `collect` is V8's own minor collection unless a test counts the calls.
 */
export function collectAsItFlows(stream: Readable, everyBytes = COLLECT_EVERY_BYTES, collect: () => void = () => minorGc()({ type: 'minor' })): void {
  let since = 0;
  stream.on('data', (chunk: Buffer) => {
    since += chunk.length;
    if (since < everyBytes) return;
    since = 0;
    collect();
  });
}
