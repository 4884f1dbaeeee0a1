// The copy's hashes, computed on a worker thread (src/features/files/copy-hashes.ts) from blocks regrouped by
// src/platform/storage/chunk-blocks.ts: what a copy records must be exactly SHA-256 and Microsoft's QuickXorHash of
// the bytes (https://learn.microsoft.com/en-us/onedrive/developer/code-snippets/quickxorhash), whatever the chunking
// and however many copies hash at once; and regrouping must keep every byte, in order.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { quickXorHash } from '../../src/microsoft/graph/quick-xor-hash.js';
import { CopyHashes } from '../../src/features/files/copy-hashes.js';
import { chunkBlocks } from '../../src/platform/storage/chunk-blocks.js';

async function* pieces(data: Buffer, sizes: number[]): AsyncGenerator<Uint8Array> {
  for (let at = 0, i = 0; at < data.length; i++) {
    const size = sizes[i % sizes.length]!;
    yield data.subarray(at, at + size);
    at += size;
  }
}

describe('copy hashes', () => {
  it('regroups network-sized pieces into blocks without losing, reordering or overshooting a bound', async () => {
    const data = randomBytes(5 * 1024 * 1024 + 333);
    const blocks: Uint8Array[] = [];
    for await (const block of chunkBlocks(pieces(data, [16_384, 65_536, 7, 3 * 1024 * 1024]), 1024 * 1024)) blocks.push(block);
    assert.deepEqual(Buffer.concat(blocks), data);
    // A block is at most one block plus the piece that filled it (or a piece already larger, passed as it is).
    for (const block of blocks) assert.ok(block.length <= 4 * 1024 * 1024, `block of ${block.length} bytes`);
    assert.ok(blocks.length < 20, `${blocks.length} blocks for 5 MiB`);
  });

  it('gives SHA-256 and QuickXorHash of the bytes, for copies hashing side by side', async () => {
    const inputs = [randomBytes(3 * 1024 * 1024 + 17), randomBytes(1), randomBytes(0)];
    const digests = await Promise.all(
      inputs.map(async (data) => {
        const hashes = new CopyHashes();
        for await (const block of chunkBlocks(pieces(data, [65_536, 999]))) await hashes.update(block);
        return hashes.digest();
      }),
    );
    inputs.forEach((data, i) => {
      assert.equal(digests[i]!.sha256, createHash('sha256').update(data).digest('hex'));
      assert.equal(digests[i]!.quickXorHash, quickXorHash(data));
    });
  });

  it('reuses the memory the worker hands back without hashing stale bytes or a block twice', async () => {
    // Long blocks then short ones, many more than wait for the worker at once: a reused buffer is larger than the
    // block copied into it, and must be hashed up to the block's length only.
    const data = randomBytes(9 * 1024 * 1024 + 4321);
    const hashes = new CopyHashes();
    for await (const block of pieces(data, [1024 * 1024 + 5, 10, 2 * 1024 * 1024, 300 * 1024, 1, 700 * 1024])) await hashes.update(block);
    const digest = await hashes.digest();
    assert.equal(digest.sha256, createHash('sha256').update(data).digest('hex'));
    assert.equal(digest.quickXorHash, quickXorHash(data));
  });

  it('does not hash a block the caller changes after handing it over', async () => {
    const block = Buffer.from('the bytes as written');
    const hashes = new CopyHashes();
    const pending = hashes.update(block);
    block.fill(0);
    await pending;
    assert.equal((await hashes.digest()).sha256, createHash('sha256').update('the bytes as written').digest('hex'));
  });
});
