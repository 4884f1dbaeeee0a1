// The one SHA-256 helper: digests of secrets (stored instead of them), lock keys, credential fingerprints. Text is
// hashed as UTF-8.
import { createHash } from 'node:crypto';

export function sha256(data: string | Uint8Array): Buffer;
export function sha256(data: string | Uint8Array, encoding: 'hex' | 'base64url'): string;
export function sha256(data: string | Uint8Array, encoding?: 'hex' | 'base64url'): Buffer | string {
  const hash = createHash('sha256').update(typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
  return encoding ? hash.digest(encoding) : hash.digest();
}
