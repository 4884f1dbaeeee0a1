// A collected list of Graph objects held the way it will be stored: each item's canonical JSON (secrets left out)
// written as it arrives, kept deflate-compressed, in buckets by the first character of its id. A 100,000-user list
// is then about a tenth of its canonical text in memory instead of 100,000 objects (about 60 MB each for users and
// registration details), and storing it is a decompress, a sort of one bucket at a time and a write: the items'
// canonical text is made while the next page is on its way, not after the last one.
// The text written is what canonicalJson(withoutSecrets(list)) writes for the same items: ordered by id (a stable
// sort, as Array.prototype.sort is) when every item has a string id, else in the order they came.
import { setImmediate } from 'node:timers/promises';
import { CANONICAL_TEXT, canonicalise, type PrecanonicalList } from './canonical-json.js';
import { DeflatedText } from './deflated-text.js';
import { isSecretProperty } from './snapshot-secrets.js';
import type { GraphObject } from './snapshot.js';

/** Bytes a bucket gathers before it is compressed: big enough to compress well, small times the buckets (16 for GUIDs). */
const BATCH_BYTES = 100_000;

interface Bucket {
  /**
   * Compressed batches, in order, each whole lines. Compressed in this thread: zlib's asynchronous calls cost three
   * times the CPU for batches this small (a new stream each).
   */
  batches: DeflatedText[];
  /** Lines not yet compressed, as UTF-8: written straight into this buffer, not gathered in a string first. */
  pending: Buffer;
  used: number;
}

const NOTHING_PENDING = Buffer.alloc(0);

/** A line per item: its id as JSON, a tab, its canonical JSON (JSON escapes tabs and newlines inside both). */
const SEPARATOR = '\t';
const TAB = SEPARATOR.charCodeAt(0);
const NEWLINE = 0x0a;

export class CanonicalList implements PrecanonicalList {
  #length = 0;
  #sortable = true;
  readonly #buckets = new Map<number, Bucket>();
  /** Each item's bucket in arrival order: only read when an item without an id leaves the list unsorted. */
  #arrival: number[] = [];
  /** The text in the stored order, compressed a piece at a time, once `putInOrder` has run (the buckets are gone). */
  #inOrder: DeflatedText[] | undefined;

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
    if (!bucket) this.#buckets.set(key, (bucket = { batches: [], pending: NOTHING_PENDING, used: 0 }));
    const quotedId = JSON.stringify(id ?? null);
    const atMost = (quotedId.length + text.length) * 3 + 2;
    // A line larger than a batch (a group's 100,000 member ids, 4 MB) gets room for its exact size, not three times it:
    // it comes as a sync's last read ends, when the hub holds the most.
    this.#makeRoom(bucket, atMost <= BATCH_BYTES ? atMost : Buffer.byteLength(quotedId) + Buffer.byteLength(text) + 2);
    const pending = bucket.pending;
    let at = bucket.used;
    at += pending.write(quotedId, at);
    pending[at++] = TAB;
    at += pending.write(text, at);
    pending[at++] = NEWLINE;
    bucket.used = at;
    if (at >= BATCH_BYTES) this.#seal(bucket);
    this.#arrival.push(key);
    this.#length += 1;
  }

  /** Room for `bytes` more (at most 3 bytes of UTF-8 per UTF-16 unit): the buffer grows by doubling, from small. */
  #makeRoom(bucket: Bucket, bytes: number): void {
    if (bucket.used + bytes <= bucket.pending.length) return;
    if (bucket.used > 0 && bucket.used + bytes > BATCH_BYTES) this.#seal(bucket);
    if (bucket.used + bytes <= bucket.pending.length) return;
    const grown = Buffer.allocUnsafe(Math.max(4096, bucket.pending.length * 2, bucket.used + bytes));
    bucket.pending.copy(grown, 0, 0, bucket.used);
    bucket.pending = grown;
  }

  #seal(bucket: Bucket): void {
    bucket.batches.push(DeflatedText.of(bucket.pending.subarray(0, bucket.used)));
    bucket.used = 0;
    // The buffer is written again from its start; one grown for a line larger than a batch is let go.
    if (bucket.pending.length > 2 * BATCH_BYTES) bucket.pending = NOTHING_PENDING;
  }

  /** Compresses what is left: after it, `canonicalText` may run. */
  finish(): this {
    for (const bucket of this.#buckets.values()) {
      if (bucket.used > 0) this.#seal(bucket);
      bucket.pending = NOTHING_PENDING;
    }
    return this;
  }

  /**
   * The items' canonical JSON in the stored order, comma-separated, as UTF-8 pieces of about PIECE_BYTES: the bytes
   * are the decompressed batches' own (never decoded to strings and encoded again), and one bucket is decompressed
   * at a time.
   */
  *canonicalText(): Generator<Buffer> {
    if (this.#inOrder) {
      for (const part of this.#inOrder) yield part.text();
      return;
    }
    yield* this.#pieces(PIECE_BYTES, false);
  }

  /**
   * The pieces of `canonicalText`, of about `size` bytes. `reuse` writes each piece into the same buffer, for a
   * consumer done with a piece when it asks for the next; otherwise each is its own, as the consumer may still hold
   * it (a compressor's queue).
   */
  *#pieces(size: number, reuse: boolean): Generator<Buffer> {
    let piece = Buffer.allocUnsafe(size);
    let at = 0;
    let first = true;
    const next = () => {
      if (!reuse) piece = Buffer.allocUnsafe(size);
      at = 0;
    };
    for (const { bytes, from, to } of this.#ordered()) {
      if (at > 0 && at + 1 + to - from > size) {
        yield piece.subarray(0, at);
        next();
      }
      if (!first) piece[at++] = COMMA;
      first = false;
      if (at + to - from <= size) {
        at += bytes.copy(piece, at, from, to);
        continue;
      }
      // An item larger than a piece (a group's 100,000 member ids) goes on as it is, after its comma.
      if (at > 0) yield piece.subarray(0, at);
      next();
      yield bytes.subarray(from, to);
    }
    if (at > 0) yield piece.subarray(0, at);
  }

  /**
   * Sorts and compresses the text ahead of its storing, a piece at a time between turns of the event loop, for a list
   * complete before the rest of its area (users, while group members are still being read): each piece is compressed
   * as the stored body carries it (DeflatedText), so storing the list after the last read is a decompress for the
   * hash, not a sort and a compression. The list is stored only once this has settled.
   */
  async putInOrder(): Promise<void> {
    const inOrder: DeflatedText[] = [];
    // Larger pieces than for a consumer: fewer compressions (each sets up its own zlib stream) for the same text.
    for (const piece of this.#pieces(4 * PIECE_BYTES, true)) {
      inOrder.push(DeflatedText.of(piece));
      await setImmediate();
    }
    this.#inOrder = inOrder;
    this.#buckets.clear();
    this.#arrival = [];
  }

  [CANONICAL_TEXT](options?: { deflated?: boolean }): Iterator<Buffer | DeflatedText> {
    return options?.deflated && this.#inOrder ? this.#inOrder.values() : this.canonicalText();
  }

  *#ordered(): Generator<Line> {
    if (this.#length > 1 && !this.#sortable) {
      yield* this.#inArrivalOrder();
      return;
    }
    for (const key of [...this.#buckets.keys()].sort((a, b) => a - b)) {
      const lines = this.#lines(key);
      // By the id each line starts with: without a backslash the JSON string is the id between its quotes (the usual
      // GUID), so no parse is needed.
      const entries = lines.map((line) => {
        const id = line.bytes.toString('utf8', line.start + 1, line.from - 2);
        return { line, id: id.includes('\\') ? (JSON.parse(line.bytes.toString('utf8', line.start, line.from - 1)) as string) : id };
      });
      entries.sort((a, b) => (a.id < b.id ? -1 : a.id === b.id ? 0 : 1));
      for (const entry of entries) yield entry.line;
    }
  }

  /** Pathological (Graph objects carry ids): every bucket at once, interleaved back into arrival order. */
  *#inArrivalOrder(): Generator<Line> {
    const lines = new Map([...this.#buckets.keys()].map((key) => [key, { lines: this.#lines(key), at: 0 }]));
    for (const key of this.#arrival) {
      const bucket = lines.get(key)!;
      yield bucket.lines[bucket.at++]!;
    }
  }

  #lines(key: number): Line[] {
    const bucket = this.#buckets.get(key)!;
    if (bucket.used > 0) throw new Error('CanonicalList: finish() before reading the items');
    const lines: Line[] = [];
    // Batch by batch (each is whole lines): JSON escapes tabs and newlines, so the first tab of a line ends its id
    // and the next newline ends its text.
    for (const batch of bucket.batches) {
      const bytes = batch.text();
      for (let start = 0; start < bytes.length; ) {
        const tab = bytes.indexOf(TAB, start);
        const end = bytes.indexOf(NEWLINE, tab);
        lines.push({ bytes, start, from: tab + 1, to: end });
        start = end + 1;
      }
    }
    return lines;
  }
}

/** One item's line in a decompressed batch: its quoted id from `start`, its canonical JSON from `from` to `to`. */
interface Line {
  bytes: Buffer;
  start: number;
  from: number;
  to: number;
}

const COMMA = ','.charCodeAt(0);

/** Bytes handed on at a time: the hash and the compressor take pieces, not 100,000 items one by one. */
const PIECE_BYTES = 64 * 1024;
