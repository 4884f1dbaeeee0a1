// Secrets handed out once (session cookies, CSRF tokens, API keys) are stored only as SHA-256 digests: they are
// long random values, so a fast hash is enough and a stolen database yields nothing usable.
import { timingSafeEqual } from 'node:crypto';
import { sha256 } from './sha256.js';

export function digestSecret(secret: string): string {
  return sha256(secret, 'hex');
}

export function secretMatchesDigest(secret: string, digest: string): boolean {
  const actual = Buffer.from(digestSecret(secret), 'hex');
  const expected = Buffer.from(digest, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
