// Key ring seal+open vs raw node:crypto AES-256-GCM on the same payloads, side by side in one run.
// The raw side does the bare minimum (cipher, AAD, tag, decipher) with binary output; the key ring adds the text
// format (base64url), the place-bound associated data and the checks. Goal: ratio ≥ 0.8.
import { createCipheriv, createDecipheriv, createSecretKey, randomBytes } from 'node:crypto';
import { KeyRing } from '../src/crypto/key-ring.js';

const key = randomBytes(32);
const keyObject = createSecretKey(key);
const ring = new KeyRing([{ id: 'k2026a', key }]);
const place = { table: 'sealed_secrets', rowId: 'sec_0123456789abcdefghijklmnop', column: 'sealed' };
const rawAad = Buffer.from('sealed_secrets.sealed.sec_0123456789abcdefghijklmnop');

function raw(payload: Buffer): Buffer {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyObject, nonce);
  cipher.setAAD(rawAad);
  const sealed = cipher.update(payload);
  cipher.final(); // GCM: no trailing bytes, computes the tag
  const tag = cipher.getAuthTag();
  const decipher = createDecipheriv('aes-256-gcm', keyObject, nonce);
  decipher.setAAD(rawAad);
  decipher.setAuthTag(tag);
  const opened = decipher.update(sealed);
  decipher.final(); // throws when authentication fails
  return opened;
}

function viaRing(payload: Buffer): Buffer {
  return ring.open(ring.seal(payload, place), place);
}

/** Seconds for a fixed number of rounds (bounded loops only). */
function time(fn: (payload: Buffer) => Buffer, payload: Buffer, rounds: number): number {
  const start = process.hrtime.bigint();
  for (let i = 0; i < rounds; i += 1) fn(payload);
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** Best ops/s of each over five alternating trials, after a warm-up, so drift in machine load hits both sides. */
function compare(payload: Buffer, rounds: number): { rawOps: number; ringOps: number } {
  time(raw, payload, Math.min(rounds, 2_000));
  time(viaRing, payload, Math.min(rounds, 2_000));
  let rawOps = 0;
  let ringOps = 0;
  for (let trial = 0; trial < 5; trial += 1) {
    rawOps = Math.max(rawOps, rounds / time(raw, payload, rounds));
    ringOps = Math.max(ringOps, rounds / time(viaRing, payload, rounds));
  }
  return { rawOps, ringOps };
}

const sizes: [string, number, number][] = [
  ['64 B', 64, 50_000],
  ['1 KiB', 1024, 40_000],
  ['16 KiB', 16 * 1024, 10_000],
];
console.log('payload   raw node:crypto ops/s   key ring ops/s   ratio (goal ≥ 0.80)');
for (const [label, size, rounds] of sizes) {
  const payload = randomBytes(size);
  if (!viaRing(payload).equals(payload) || !raw(payload).equals(payload)) throw new Error('round trip failed');
  const { rawOps, ringOps } = compare(payload, rounds);
  console.log(
    `${label.padEnd(9)} ${Math.round(rawOps).toString().padStart(21)}   ${Math.round(ringOps).toString().padStart(14)}   ${(ringOps / rawOps).toFixed(2)}`,
  );
}
