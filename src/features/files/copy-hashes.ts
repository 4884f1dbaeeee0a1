// SHA-256 and QuickXorHash of a copy, computed on the way from the network to the disk, in 1 MiB blocks.
//
// The bytes are copied once: from the network's chunks (16 KiB TLS records) into blocks that are hashed here and then
// written, so a gigabyte costs a thousand hash calls and disk writes rather than sixty thousand. The blocks are two
// buffers used in turn, allocated once per copy: a fresh megabyte per block cost more CPU in page faults than the
// copying itself, and left garbage the collector freed late. They are page-aligned, so the local disk writes them
// without its page cache (local-disk-storage.ts).
//
// Hashed on this thread, not a worker: measured per GiB on the 2-core bench machine (bench/copy.bench.ts, the
// emulator beside it), the hashing itself is 0.7 s (SHA-256 is native, 0.6 s; QuickXorHash 0.08 s), and with both
// cores busy (the download here, the emulator there) moving it to a worker brought no throughput that the load's
// noise did not hide, while its isolate cost 12–15 MB of RSS (a worker in plain JavaScript over shared memory, SHA-256
// only; one loading this program's modules through tsx cost 20 MB and 0.6 s more CPU). A block takes under a
// millisecond to hash, so other requests wait no longer than that.
import { createHash } from 'node:crypto';
import { QuickXorHash } from '../../microsoft/graph/quick-xor-hash.js';
import { directIoBlocks } from '../../platform/storage/direct-io-memory.js';

/** The size of the blocks hashed and handed to the writer: one hash call and one disk write each. */
export const BLOCK_BYTES = 1024 * 1024;

export class CopyHashes {
  readonly #sha256 = createHash('sha256');
  readonly #quickXor = new QuickXorHash();
  /**
   * The two blocks used in turn: the writer may still read the previous block while the next one fills (see
   * blocks()). Allocated on first use, and resident only as far as filled (a small file touches a few pages).
   */
  #buffers: Uint8Array[] | undefined;
  #blocks = 0;

  /**
   * The bytes of `chunks`, in order, regrouped into blocks of BLOCK_BYTES (the last one shorter), each hashed before
   * it is yielded. A yielded block is the caller's until it asks for the block after next: its memory is then filled
   * again (DocumentStorage.appendStaged consumes blocks that way). The chunks are copied as they arrive, so their
   * source may reuse them. Callable more than once (staged bytes, then the download): the hashes run on.
   */
  async *blocks(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
    let block: Uint8Array | undefined;
    let filled = 0;
    for await (const chunk of chunks) {
      for (let at = 0; at < chunk.length; ) {
        block ??= (this.#buffers ??= directIoBlocks(2, BLOCK_BYTES))[this.#blocks % 2]!;
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

  digest(): { sha256: string; quickXorHash: string } {
    return { sha256: this.#sha256.digest('hex'), quickXorHash: this.#quickXor.digest() };
  }

  #hashed(block: Uint8Array): Uint8Array {
    this.#sha256.update(block);
    this.#quickXor.update(block);
    this.#blocks += 1;
    return block;
  }
}
