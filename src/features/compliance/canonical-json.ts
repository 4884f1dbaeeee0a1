// Canonical JSON, so the same tenant state always hashes the same: object keys sorted, no whitespace, and lists
// of Graph objects ordered by id (Graph promises no order; a reordered page is not a change).
// `canonicalJsonChunks` writes the very same text in pieces, without the canonical copy or the whole string, so a
// 100,000-user area is hashed and compressed as it is written (snapshot-area-body.ts); `canonicalJson` stays the
// definition the stored hashes were made with, and a test holds the two to the same bytes.
import { createHash } from 'node:crypto';
import type { DeflatedText } from './deflated-text.js';

const hasStringId = (v: unknown): v is { id: string } =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as { id?: unknown }).id === 'string';

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The canonical copy of a value; `omit` leaves out object keys at any depth, as if they had been deleted first. */
export function canonicalise(value: unknown, omit?: (key: string) => boolean): unknown {
  if (Array.isArray(value)) {
    const items = value.map((item) => canonicalise(item, omit));
    if (items.length > 1 && items.every(hasStringId)) items.sort(byId);
    return items;
  }
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const key of keptKeysInOrder(Object.keys(value), omit)) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = canonicalise(v, omit);
    }
    return out;
  }
  return value;
}

/**
 * The keys of `keys` that `omit` keeps, sorted. The last few key lists are remembered with their answer: a page of
 * Graph objects is 999 objects of one shape (and its nested shapes), each of whose keys would be sorted again.
 */
function keptKeysInOrder(keys: string[], omit: ((key: string) => boolean) | undefined): readonly string[] {
  next: for (const shape of shapes) {
    if (shape.omit !== omit || shape.keys.length !== keys.length) continue;
    for (let i = 0; i < keys.length; i++) if (shape.keys[i] !== keys[i]) continue next;
    return shape.kept;
  }
  const kept = (omit ? keys.filter((key) => !omit(key)) : [...keys]).sort();
  shapes[nextShape] = { keys, omit, kept };
  nextShape = (nextShape + 1) % SHAPES;
  return kept;
}
const SHAPES = 8;
const shapes: Array<{ keys: readonly string[]; omit: ((key: string) => boolean) | undefined; kept: readonly string[] }> = [];
let nextShape = 0;

export const canonicalJson = (value: unknown): string => JSON.stringify(canonicalise(value));

export const sha256Hex = (text: string | Uint8Array): string => createHash('sha256').update(text).digest('hex');

/**
 * A list that already holds its items' canonical JSON (secrets left out) and hands it out in canonical order
 * (canonical-list.ts): the items comma-separated, in UTF-8 pieces, which `canonicalJsonChunks` passes on as they are.
 */
export const CANONICAL_TEXT = Symbol('canonical text');
export interface PrecanonicalList {
  /** With `deflated`, a list may hand out parts of its text already compressed (DeflatedText) instead of as bytes. */
  [CANONICAL_TEXT](options?: { deflated?: boolean }): Iterator<Uint8Array | DeflatedText>;
}

const isPrecanonical = (v: unknown): v is PrecanonicalList => typeof v === 'object' && v !== null && CANONICAL_TEXT in v;

type Frame =
  | { items: readonly unknown[]; at: number }
  | { object: Record<string, unknown>; keys: string[]; at: number }
  | { pieces: Iterator<Uint8Array | DeflatedText> };

/** What JSON.stringify leaves out of an object (and writes as null in an array). */
const unwritable = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';

/**
 * `canonicalJson(value)` as UTF-8, in pieces of about `chunkSize` characters. The value and its lists are walked in
 * place (an explicit stack, so a consumer can pause between pieces); each item of a list two levels down (an area's
 * users) is written whole through canonicalJson, which is native JSON.stringify's speed and only that item's copy at
 * a time. `omit` leaves out object keys at any depth, as if they had been deleted first. A PrecanonicalList is
 * written from its own UTF-8 pieces as they are, never decoded (made with the storage's omit, isSecretProperty); with
 * `deflated`, from its DeflatedText parts where it has them (a consumer that stores them as they are).
 */
export function canonicalJsonChunks(value: unknown, options?: { omit?: (key: string) => boolean; chunkSize?: number; deflated?: false }): Generator<Uint8Array>;
export function canonicalJsonChunks(value: unknown, options: { omit?: (key: string) => boolean; chunkSize?: number; deflated: boolean }): Generator<Uint8Array | DeflatedText>;
export function* canonicalJsonChunks(value: unknown, options: { omit?: (key: string) => boolean; chunkSize?: number; deflated?: boolean } = {}): Generator<Uint8Array | DeflatedText> {
  const { omit, chunkSize = 64 * 1024, deflated = false } = options;
  const stack: Frame[] = [];
  let out = '';
  const write = (v: unknown, inArray: boolean) => {
    if (isPrecanonical(v)) {
      out += '[';
      stack.push({ pieces: v[CANONICAL_TEXT]({ deflated }) });
    } else if (stack.length >= 2) {
      out += JSON.stringify(canonicalise(v, omit)) ?? (inArray ? 'null' : '');
    } else if (Array.isArray(v)) {
      out += '[';
      // Sorted only when every item is an object with a string id, as canonicalise decides (a stable sort of the same items).
      stack.push({ items: v.length > 1 && v.every(hasStringId) ? [...(v as { id: string }[])].sort(byId) : v, at: 0 });
    } else if (typeof v === 'object' && v !== null) {
      out += '{';
      const object = v as Record<string, unknown>;
      stack.push({ object, keys: Object.keys(object).filter((k) => !unwritable(object[k]) && !omit?.(k)).sort(), at: 0 });
    } else {
      out += unwritable(v) ? (inArray ? 'null' : '') : JSON.stringify(v);
    }
  };
  if (value === undefined) return;
  write(value, false);
  while (stack.length > 0) {
    const frame = stack.at(-1)!;
    if ('pieces' in frame) {
      const next = frame.pieces.next();
      if (next.done) {
        out += ']';
        stack.pop();
      } else {
        if (out) yield Buffer.from(out);
        out = '';
        yield next.value;
        continue;
      }
    } else if ('items' in frame) {
      if (frame.at === frame.items.length) {
        out += ']';
        stack.pop();
      } else {
        if (frame.at > 0) out += ',';
        write(frame.items[frame.at++], true);
      }
    } else if (frame.at === frame.keys.length) {
      out += '}';
      stack.pop();
    } else {
      if (frame.at > 0) out += ',';
      const key = frame.keys[frame.at++]!;
      out += `${JSON.stringify(key)}:`;
      write(frame.object[key], false);
    }
    if (out.length >= chunkSize) {
      yield Buffer.from(out);
      out = '';
    }
  }
  if (out) yield Buffer.from(out);
}
