// Ids of items clients create: OneDrive for Business's format (`01` and 32 upper-case base32 characters), random.
import { randomBytes } from 'node:crypto';

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function newItemId(): string {
  const bytes = randomBytes(32);
  let out = '01';
  for (let i = 0; i < 32; i++) out += alphabet[bytes[i]! % 32];
  return out;
}
