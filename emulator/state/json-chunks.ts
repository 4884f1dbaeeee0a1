// JSON text in pieces: the same text JSON.stringify gives, cut into chunks of about `chunkChars` characters, so a
// 100,000-user directory (the organisation file, a control answer) never exists as one 30 MB string. Objects and
// arrays are walked; each array element is stringified whole (one user, one group), and elements are joined until
// a chunk is full.
import { Readable } from 'node:stream';

const defaultChunkChars = 64 * 1024;
/** A response body's chunk: about what a socket buffers before it asks the writer to wait. */
const bodyChunkChars = 16 * 1024;

type Json = unknown;

/** What JSON.stringify does to a value before writing it: `toJSON` first; undefined, functions and symbols vanish. */
function prepared(value: Json, key: string): Json {
  const withToJson = value as { toJSON?: (key: string) => Json } | null;
  return typeof withToJson?.toJSON === 'function' ? withToJson.toJSON(key) : value;
}

const isContainer = (value: Json): value is object => typeof value === 'object' && value !== null;
const vanishes = (value: Json) => value === undefined || typeof value === 'function' || typeof value === 'symbol';

/** Joins small pieces of text into chunks of about `chunkChars` characters (the last one may be shorter). */
export function* chunked(pieces: Iterable<string>, chunkChars = defaultChunkChars): Generator<string> {
  let pending = '';
  for (const piece of pieces) {
    pending += piece;
    if (pending.length >= chunkChars) {
      yield pending;
      pending = '';
    }
  }
  if (pending) yield pending;
}

/** The JSON text of `value` (as JSON.stringify would write it) in chunks of about `chunkChars` characters. */
export function jsonChunks(value: Json, chunkChars = defaultChunkChars): Generator<string> {
  return chunked(jsonPieces(value), chunkChars);
}

/** The JSON text of `value` in small pieces (a bracket, a key, one array element), for `chunked` or `jsonBody`. */
export function jsonPieces(value: Json): Generator<string> {
  return walkPieces(prepared(value, ''), 0);
}

/**
 * `v` is already prepared. Containers are walked down to a few levels (a module's data, its maps and lists); an
 * array's elements and deeper values are small records, stringified whole.
 */
function* walkPieces(v: Json, depth: number): Generator<string> {
  if (!isContainer(v) || depth > 3) return yield JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) {
    yield '[';
    for (let i = 0; i < v.length; i++) {
      const element = prepared(v[i], String(i));
      yield `${i > 0 ? ',' : ''}${vanishes(element) ? 'null' : JSON.stringify(element)}`;
    }
    return yield ']';
  }
  yield '{';
  let first = true;
  for (const [key, raw] of Object.entries(v)) {
    const child = prepared(raw, key);
    if (vanishes(child)) continue;
    yield `${first ? '' : ','}${JSON.stringify(key)}:`;
    first = false;
    yield* walkPieces(child, depth + 1);
  }
  yield '}';
}

/**
 * JSON text pieces as a response body in chunks, made one at a time as the client reads (one chunk ahead of the
 * socket): a large answer holds about one chunk, not the whole text and not a queue of chunks.
 */
export function jsonBody(pieces: Iterable<string>): Readable {
  return Readable.from(chunked(pieces, bodyChunkChars), { objectMode: false, highWaterMark: 1 });
}
