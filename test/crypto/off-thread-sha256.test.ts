// SHA-256 of shared-memory blocks on the worker thread (src/platform/crypto/off-thread-sha256.ts): the digest must be
// that of the blocks in the order given, although their memory is refilled once hashed; a session given up does not
// keep the worker from serving the next one.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { OffThreadSha256 } from '../../src/platform/crypto/off-thread-sha256.js';

test('hashes the blocks in order while their memory is refilled as soon as each is hashed', async () => {
  const memory = new SharedArrayBuffer(2 * 1000);
  const bytes = new Uint8Array(memory);
  const data = randomBytes(7 * 1000 + 333);
  const hash = new OffThreadSha256(memory);
  for (let at = 0, block = 0; at < data.length; at += 1000, block++) {
    const slot = block % 2;
    if (block >= 2) await hash.whenHashed(block - 1); // the block that last used this slot
    const length = data.copy(bytes, slot * 1000, at, Math.min(at + 1000, data.length));
    hash.update(slot * 1000, length);
  }
  assert.equal(await hash.digest(), createHash('sha256').update(data).digest('hex'));
});

test('a session given up leaves the worker serving the others', async () => {
  const memory = new SharedArrayBuffer(64);
  new Uint8Array(memory).fill(7);
  const abandoned = new OffThreadSha256(memory);
  const kept = new OffThreadSha256(memory);
  abandoned.update(0, 64);
  kept.update(0, 32);
  abandoned.abandon();
  assert.equal(await kept.digest(), createHash('sha256').update(Buffer.alloc(32, 7)).digest('hex'));
});
