// Opaque ids with a readable prefix (`ws_…`, `job_…`), as the API conventions ask. 16 random bytes in base32
// (lower case, no padding): unguessable, URL-safe, and sortable only by chance, so nothing relies on order.
import { randomBytes } from 'node:crypto';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

function base32(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

export type IdPrefix = 'ws' | 'usr' | 'key' | 'aud' | 'job' | 'sec' | (string & {});

export function newId(prefix: IdPrefix): string {
  return `${prefix}_${base32(randomBytes(16))}`;
}

/** Random URL-safe text for secrets handed out once (session cookies, API keys). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
