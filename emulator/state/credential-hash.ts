import { createHash, timingSafeEqual } from 'node:crypto';

// Passwords and client secrets are kept only as digests, so an exported state file never carries them in clear
// (Entra ID itself never shows a secret again after creation). A fast digest is enough: these are emulator
// credentials, and token throughput matters more than resistance to offline guessing.
export function hashCredential(value: string): string {
  return createHash('sha256').update(`m365hub-emulator:${value}`).digest('base64url');
}

export function credentialMatches(value: string, hash: string): boolean {
  const a = Buffer.from(hashCredential(value));
  const b = Buffer.from(hash);
  return a.length === b.length && timingSafeEqual(a, b);
}
