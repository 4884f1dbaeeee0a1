// A collected list of Graph objects held the way it will be stored: each item's canonical JSON (secrets left out)
// written as it arrives, kept deflate-compressed, in buckets by the first character of its id. A 100,000-user list
// is then about a tenth of its canonical text in memory instead of 100,000 objects (about 60 MB each for users and
// registration details), and storing it is a decompress, a sort of one bucket at a time and a write: the items'
// canonical text is made while the next page is on its way, not after the last one.
// The text written is what canonicalJson(withoutSecrets(list)) writes for the same items: ordered by id (a stable
// sort, as Array.prototype.sort is) when every item has a string id, else in the order they came.
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { CANONICAL_ITEMS, canonicalise, type PrecanonicalList } from './canonical-json.js';
import { isSecretProperty } from './snapshot-secrets.js';
import type { GraphObject } from './snapshot.js';

/**
 * Text a bucket gathers before it is compressed: big enough to compress well, small times the buckets (16 for
 * GUIDs), and below V8's 128 KB limit for ordinary heap objects, so a batch's string dies young when read back.
 */
const BATCH_CHARS = 100_000;

interface Bucket {
  /** Compressed batches, in order, each whole lines. */
  batches: Buffer[];
  pending: string;
}

/** A line per item: its id as JSON, a tab, its canonical JSON (JSON escapes tabs and newlines inside both). */
const SEPARATOR = '\t';

export class CanonicalList implements PrecanonicalList {
  #length = 0;
  #sortable = true;
  readonly #buckets = new Map<number, Bucket>();
  /** Each item's bucket in arrival order: only read when an item without an id leaves the list unsorted. */
  readonly #arrival: number[] = [];

  static of(items: Iterable<GraphObject>): CanonicalList {
    const list = new CanonicalList();
    for (const item of items) list.push(item);
    return list.finish();
  }

  get length(): number {
    return this.#length;
  }

  push(item: GraphObject): void {
    const text = JSON.stringify(canonicalise(item, isSecretProperty));
    const id = item.id;
    const key = typeof id === 'string' ? (id === '' ? -1 : id.charCodeAt(0)) : -2;
    if (typeof id !== 'string') this.#sortable = false;
    let bucket = this.#buckets.get(key);
    if (!bucket) this.#buckets.set(key, (bucket = { batches: [], pending: '' }));
    bucket.pending += `${JSON.stringify(id ?? null)}${SEPARATOR}${text}\n`;
    if (bucket.pending.length >= BATCH_CHARS) this.#seal(bucket);
    this.#arrival.push(key);
    this.#length += 1;
  }

  #seal(bucket: Bucket): void {
    // In this thread: zlib's asynchronous calls cost three times the CPU for batches this small (a new stream each),
    // and the fastest level, as this copy lives only until the list is stored. memLevel 9 is faster still.
    const batch = deflateRawSync(bucket.pending, { level: 1, memLevel: 9 });
    // A small answer is a view of zlib's 16 KB output buffer: copied, so the batch keeps only its own bytes.
    bucket.batches.push(batch.byteLength < batch.buffer.byteLength / 2 ? Buffer.from(batch) : batch);
    bucket.pending = '';
  }

  /** Compresses what is left: after it, `canonicalItems` may run. */
  finish(): this {
    for (const bucket of this.#buckets.values()) if (bucket.pending) this.#seal(bucket);
    return this;
  }

  /** Each item's canonical JSON in the stored order; one bucket's text is decompressed at a time. */
  *canonicalItems(): Generator<string> {
    if (this.#length > 1 && !this.#sortable) {
      yield* this.#inArrivalOrder();
      return;
    }
    for (const key of [...this.#buckets.keys()].sort((a, b) => a - b)) {
      const entries = this.#lines(key).map((line) => {
        const tab = line.indexOf(SEPARATOR);
        const quoted = line.slice(0, tab);
        // Without a backslash the JSON string is the id between its quotes (the usual GUID): no parse needed.
        return { id: quoted.includes('\\') ? (JSON.parse(quoted) as string) : quoted.slice(1, -1), text: line.slice(tab + 1) };
      });
      entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      for (const entry of entries) yield entry.text;
    }
  }

  [CANONICAL_ITEMS](): Iterator<string> {
    return this.canonicalItems();
  }

  /** Pathological (Graph objects carry ids): every bucket at once, interleaved back into arrival order. */
  *#inArrivalOrder(): Generator<string> {
    const lines = new Map([...this.#buckets.keys()].map((key) => [key, { lines: this.#lines(key), at: 0 }]));
    for (const key of this.#arrival) {
      const bucket = lines.get(key)!;
      const line = bucket.lines[bucket.at++]!;
      yield line.slice(line.indexOf(SEPARATOR) + 1);
    }
  }

  #lines(key: number): string[] {
    const bucket = this.#buckets.get(key)!;
    if (bucket.pending) throw new Error('CanonicalList: finish() before reading the items');
    // Batch by batch (each is whole lines), never the bucket as one string: megabyte strings go straight to V8's
    // large-object space and stay there until a full collection, which is most of a sync's peak memory.
    return bucket.batches.flatMap((batch) => inflateRawSync(batch).toString('utf8').split('\n').slice(0, -1));
  }
}
