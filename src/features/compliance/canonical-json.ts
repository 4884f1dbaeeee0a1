// Canonical JSON, so the same tenant state always hashes the same: object keys sorted, no whitespace, and lists
// of Graph objects ordered by id (Graph promises no order; a reordered page is not a change).
import { createHash } from 'node:crypto';

const hasStringId = (v: unknown): v is { id: string } =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as { id?: unknown }).id === 'string';

export function canonicalise(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(canonicalise);
    if (items.length > 1 && items.every(hasStringId)) items.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return items;
  }
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = canonicalise(v);
    }
    return out;
  }
  return value;
}

export const canonicalJson = (value: unknown): string => JSON.stringify(canonicalise(value));

export const sha256Hex = (text: string | Uint8Array): string => createHash('sha256').update(text).digest('hex');
