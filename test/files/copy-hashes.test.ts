// The copy's hashes, computed on the way in reused blocks (src/features/files/copy-hashes.ts): what a copy records
// must be exactly SHA-256 and Microsoft's QuickXorHash of the bytes
// (https://learn.microsoft.com/en-us/onedrive/developer/code-snippets/quickxorhash), whatever the chunking and however
// many copies hash at once; the blocks handed to the writer must carry every byte, in order, although their memory
// is reused.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { quickXorHash } from '../../src/microsoft/graph/quick-xor-hash.js';
import { BLOCK_BYTES, CopyHashes } from '../../src/features/files/copy-hashes.js';

async function* pieces(data: Buffer, sizes: number[]): AsyncGenerator<Uint8Array> {
  for (let at = 0, i = 0; at < data.length; i++) {
    const size = sizes[i % sizes.length]!;
    yield data.subarray(at, at + size);
    at += size;
  }
}

/** Consumes blocks as DocumentStorage.appendStaged may: a block is read only until the block after next is asked for. */
async function written(blocks: AsyncIterable<Uint8Array>): Promise<{ bytes: Buffer; sizes: number[] }> {
  const out: Buffer[] = [];
  let held: Uint8Array | undefined;
  for await (const block of blocks) {
    if (held) out.push(Buffer.from(held)); // the previous block, read while this one is already ours
    held = block;
  }
  if (held) out.push(Buffer.from(held));
  return { bytes: Buffer.concat(out), sizes: out.map((b) => b.length) };
}

describe('copy hashes', () => {
  it('regroups network-sized pieces into whole blocks, keeping every byte in order, and hashes them', async () => {
    // Many more blocks than there are buffers: their memory is refilled, and the writer must still see each block's bytes.
    const data = randomBytes(13 * BLOCK_BYTES + 333);
    const hashes = new CopyHashes();
    const { bytes, sizes } = await written(hashes.blocks(pieces(data, [16_384, 65_536, 7, 3 * BLOCK_BYTES])));
    assert.ok(bytes.equals(data), 'the writer got the bytes as they came');
    assert.deepEqual(sizes, [...Array<number>(13).fill(BLOCK_BYTES), 333]);
    const digest = hashes.digest();
    assert.equal(digest.sha256, createHash('sha256').update(data).digest('hex'));
    assert.equal(digest.quickXorHash, quickXorHash(data));
  });

  it('gives SHA-256 and QuickXorHash of the bytes, for copies hashing side by side', async () => {
    const inputs = [randomBytes(3 * BLOCK_BYTES + 17), randomBytes(1), randomBytes(0)];
    // Interleaved, as copies running at once are.
    const digests = await Promise.all(
      inputs.map(async (data) => {
        const hashes = new CopyHashes();
        await written(hashes.blocks(pieces(data, [65_536, 999])));
        return hashes.digest();
      }),
    );
    inputs.forEach((data, i) => {
      assert.equal(digests[i]!.sha256, createHash('sha256').update(data).digest('hex'));
      assert.equal(digests[i]!.quickXorHash, quickXorHash(data));
    });
  });

  it('runs the hashes on over several sources (staged bytes re-read, then the rest downloaded), a partial block between them', async () => {
    const data = randomBytes(2 * BLOCK_BYTES + 100_001);
    const cut = BLOCK_BYTES + 4321;
    const hashes = new CopyHashes();
    const staged = await written(hashes.blocks(pieces(data.subarray(0, cut), [65_536])));
    const downloaded = await written(hashes.blocks(pieces(data.subarray(cut), [16_384, 5])));
    assert.ok(Buffer.concat([staged.bytes, downloaded.bytes]).equals(data));
    const digest = hashes.digest();
    assert.equal(digest.sha256, createHash('sha256').update(data).digest('hex'));
    assert.equal(digest.quickXorHash, quickXorHash(data));
  });

  it('copies each piece as it arrives: a source that reuses its buffer does not change what is hashed or written', async () => {
    const data = randomBytes(3 * BLOCK_BYTES + 5);
    async function* reusing(): AsyncGenerator<Uint8Array> {
      const buffer = Buffer.alloc(65_536);
      for (let at = 0; at < data.length; at += buffer.length) {
        const piece = buffer.subarray(0, data.copy(buffer, 0, at));
        yield piece;
        piece.fill(0); // the source refills its buffer as soon as the next piece is asked for
      }
    }
    const hashes = new CopyHashes();
    const { bytes } = await written(hashes.blocks(reusing()));
    assert.ok(bytes.equals(data));
    assert.equal(hashes.digest().sha256, createHash('sha256').update(data).digest('hex'));
  });
});
