// The bytes of a generated file, made on the fly from (drive, item, version): nothing is stored, a 4 GiB file costs
// nothing until it is read, any range can be produced directly (for `Range` requests), and its QuickXorHash is derived
// in O(size / 640 KiB) rather than by reading every byte.
//
// Layout: the file is a run of blocks of L = 160 × 4095 bytes. Block j is U ⊕ stripe(S_j), where U is one AES-128-CTR
// keystream of length L (the same for every block of the file) and stripe(S_j) repeats a 160-byte value S_j over the
// block. Both are native work: the stripe is Buffer.fill, the XOR is AES-CTR "encrypting" the stripe. Because L is an
// odd multiple of 160, the QuickXorHash fold of block j is fold(U) ⊕ S_j (quick-xor-hash.ts explains the fold), so a
// whole file folds to (n mod 2)·fold(U) ⊕ S_0 ⊕ … ⊕ S_{n-1} plus its last partial block.
import { createCipheriv, createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { QuickXorFold } from './quick-xor-hash.js';

const stripeWidth = 160;
export const blockLength = stripeWidth * 4095;
const chunkLength = 256 * 1024;

function counterIv(counter: number): Buffer {
  const iv = Buffer.alloc(16);
  iv.writeUIntBE(counter, 10, 6);
  return iv;
}

/** Keystream bytes of AES-128-CTR under `key` from byte `offset` (a multiple of 16), XORed onto `plain`. */
function ctr(key: Buffer, offset: number, plain: Buffer): Buffer {
  const cipher = createCipheriv('aes-128-ctr', key, counterIv(offset / 16));
  return cipher.update(plain);
}

export class GeneratedContent {
  private readonly blockKey: Buffer;
  private readonly stripeKey: Buffer;

  /** `seed` names the bytes: the same (drive, item, version) always gives the same content. */
  constructor(
    seed: string,
    readonly size: number,
  ) {
    const digest = createHash('sha256').update(`m365hub-emulator/file-content/${seed}`).digest();
    this.blockKey = digest.subarray(0, 16);
    this.stripeKey = digest.subarray(16, 32);
  }

  /** S_j for blocks first..first+count-1, 160 bytes each. */
  private stripes(first: number, count: number): Buffer {
    return ctr(this.stripeKey, first * stripeWidth, Buffer.alloc(count * stripeWidth));
  }

  /** Bytes [start, end) of the file; start and end within one block, start a multiple of 16. */
  private piece(start: number, end: number): Buffer {
    const block = Math.floor(start / blockLength);
    const within = start - block * blockLength;
    const stripe = this.stripes(block, 1);
    const phase = within % stripeWidth;
    const rotated = Buffer.concat([stripe.subarray(phase), stripe.subarray(0, phase)]);
    const plain = Buffer.alloc(end - start);
    plain.fill(rotated);
    return ctr(this.blockKey, within, plain);
  }

  /** Bytes [start, end] (inclusive, as HTTP ranges are), in chunks of at most 256 KiB. */
  *chunks(start = 0, end = this.size - 1): Generator<Buffer> {
    let position = start - (start % 16);
    let skip = start % 16;
    while (position <= end) {
      const blockEnd = (Math.floor(position / blockLength) + 1) * blockLength;
      const stop = Math.min(end + 1, blockEnd, position + chunkLength);
      const bytes = this.piece(position, stop);
      yield skip ? bytes.subarray(skip) : bytes;
      skip = 0;
      position = stop;
    }
  }

  stream(start = 0, end = this.size - 1): Readable {
    return Readable.from(this.chunks(start, end), { objectMode: false });
  }

  /** The QuickXorHash of the whole file, derived block-wise (see the header). */
  quickXorHash(): string {
    const blocks = Math.floor(this.size / blockLength);
    const fold = new QuickXorFold();
    if (blocks > 0) {
      // fold(U) counts once per odd number of blocks; the S_j fold onto the residues directly.
      if (blocks % 2 === 1) fold.update(ctr(this.blockKey, 0, Buffer.alloc(blockLength)));
      fold.xorResidues(new QuickXorFold().update(this.stripes(0, blocks)).residues());
      fold.addLength(blocks * blockLength - fold.bytes);
    }
    for (const chunk of this.chunks(blocks * blockLength, this.size - 1)) fold.update(chunk);
    return fold.digest();
  }
}
