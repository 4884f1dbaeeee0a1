// SHA-256 and QuickXorHash of a copy, computed on the way from the network to the disk, in 512 KiB blocks.
//
// The bytes are copied once: from the network's chunks (16 KiB TLS records) into blocks that are hashed and written
// from where they are, so a gigabyte costs two thousand hash calls and disk writes rather than sixty thousand. The
// blocks are a ring of RING buffers allocated once per copy (a fresh megabyte per block cost more CPU in page faults
// than the copying itself, and left garbage the collector freed late), page-aligned so the local disk writes them
// without its page cache (local-disk-storage.ts), and shared with the SHA-256 worker (off-thread-sha256.ts).
//
// SHA-256 (0.6 s of CPU per GiB) runs on that worker while this thread reads the network; QuickXorHash (0.08 s) runs
// here, as each block is handed on, the worker needing no module of ours that way.
import { OffThreadSha256 } from '../../platform/crypto/off-thread-sha256.js';
import { QuickXorHash } from '../../microsoft/graph/quick-xor-hash.js';
import { directIoBlocks } from '../../platform/storage/direct-io-memory.js';

/**
 * The size of the blocks hashed and handed to the writer: one hash call, one message and one disk write each. Half a
 * MiB keeps the ring (resident while a copy runs) at 2 MiB; the messages and writes this doubles against 1 MiB blocks
 * cost about 0.05 s of CPU per GiB.
 */
export const BLOCK_BYTES = 512 * 1024;
/**
 * Blocks per copy: the one being filled, the one the writer may still hold (it may write a block until it asks for
 * the block after next), and the rest waiting for the worker; when it falls that far behind, the copy waits for it.
 */
const RING = 4;

export class CopyHashes {
  readonly #quickXor = new QuickXorHash();
  /** Allocated on first use; resident only as far as filled (a small file touches a few pages). */
  #ring: { memory: SharedArrayBuffer; blocks: Uint8Array[] } | undefined;
  #sha256: OffThreadSha256 | undefined;

  /**
   * The bytes of `chunks`, in order, regrouped into blocks of BLOCK_BYTES (the last one shorter), each hashed (SHA-256
   * meanwhile on the worker) as it is yielded. A yielded block is the caller's until it asks for the block after next:
   * its memory may then be filled again (DocumentStorage.appendStaged consumes blocks that way). The chunks are copied
   * as they arrive, so their source may reuse them. Callable more than once (staged bytes, then the download): the
   * hashes run on.
   */
  async *blocks(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
    let block: Uint8Array | undefined;
    let filled = 0;
    for await (const chunk of chunks) {
      for (let at = 0; at < chunk.length; ) {
        block ??= await this.#freeBlock();
        const take = Math.min(chunk.length - at, BLOCK_BYTES - filled);
        block.set(take === chunk.length ? chunk : chunk.subarray(at, at + take), filled);
        filled += take;
        at += take;
        if (filled === BLOCK_BYTES) {
          yield this.#hashed(block);
          block = undefined;
          filled = 0;
        }
      }
    }
    if (block) yield this.#hashed(block.subarray(0, filled));
  }

  async digest(): Promise<{ sha256: string; quickXorHash: string }> {
    // A copy with no byte posted nothing to the worker: nothing to wait for.
    const sha256 = this.#sha256 ? await this.#sha256.digest() : EMPTY_SHA256;
    return { sha256, quickXorHash: this.#quickXor.digest() };
  }

  /** Ends the worker's session without a digest (a copy that failed). */
  abandon(): void {
    this.#sha256?.abandon();
  }

  /** The ring's next block, once the block that last used its memory (RING blocks ago) is hashed. */
  async #freeBlock(): Promise<Uint8Array> {
    this.#ring ??= directIoBlocks(RING, BLOCK_BYTES);
    this.#sha256 ??= new OffThreadSha256(this.#ring.memory);
    const posted = this.#sha256.posted;
    if (posted >= RING) await this.#sha256.whenHashed(posted - RING + 1);
    return this.#ring.blocks[posted % RING]!;
  }

  #hashed(block: Uint8Array): Uint8Array {
    this.#sha256!.update(block.byteOffset, block.length);
    this.#quickXor.update(block);
    return block;
  }
}

/** SHA-256 of no bytes. */
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
