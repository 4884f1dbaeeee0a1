// JSON text in pieces: the same text JSON.stringify gives, cut into chunks of about `chunkChars` characters, so a
// 100,000-user directory (the organisation file, a control answer) never exists as one 30 MB string. Objects and
// arrays are walked; each array element is stringified whole (one user, one group), and elements are joined until
// a chunk is full.

const defaultChunkChars = 64 * 1024;

type Json = unknown;

/** What JSON.stringify does to a value before writing it: `toJSON` first; undefined, functions and symbols vanish. */
function prepared(value: Json, key: string): Json {
  const withToJson = value as { toJSON?: (key: string) => Json } | null;
  return typeof withToJson?.toJSON === 'function' ? withToJson.toJSON(key) : value;
}

const isContainer = (value: Json): value is object => typeof value === 'object' && value !== null;
const vanishes = (value: Json) => value === undefined || typeof value === 'function' || typeof value === 'symbol';

/** The JSON text of `value` (as JSON.stringify would write it) in chunks of about `chunkChars` characters. */
export function* jsonChunks(value: Json, chunkChars = defaultChunkChars): Generator<string> {
  let pending = '';
  function* emit(text: string): Generator<string> {
    pending += text;
    if (pending.length >= chunkChars) {
      yield pending;
      pending = '';
    }
  }
  // `v` is already prepared. Containers are walked down to a few levels (a module's data, its maps and lists);
  // an array's elements and deeper values are small records, stringified whole.
  function* walk(v: Json, depth: number): Generator<string> {
    if (!isContainer(v) || depth > 3) return yield* emit(JSON.stringify(v) ?? 'null');
    if (Array.isArray(v)) {
      yield* emit('[');
      for (let i = 0; i < v.length; i++) {
        const element = prepared(v[i], String(i));
        yield* emit(`${i > 0 ? ',' : ''}${vanishes(element) ? 'null' : JSON.stringify(element)}`);
      }
      return yield* emit(']');
    }
    yield* emit('{');
    let first = true;
    for (const [key, raw] of Object.entries(v)) {
      const child = prepared(raw, key);
      if (vanishes(child)) continue;
      yield* emit(`${first ? '' : ','}${JSON.stringify(key)}:`);
      first = false;
      yield* walk(child, depth + 1);
    }
    yield* emit('}');
  }
  yield* walk(prepared(value, ''), 0);
  if (pending) yield pending;
}
