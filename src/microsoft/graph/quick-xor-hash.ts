// QuickXorHash, the hash OneDrive for Business and SharePoint give for every file (`file.hashes.quickXorHash`), so a
// copy can be checked against Microsoft's own digest of the bytes. Specification:
// https://learn.microsoft.com/en-us/onedrive/developer/code-snippets/quickxorhash — a 160-bit circular bit vector;
// byte n of the input is XORed in at bit (11·n) mod 160; at the end the input length (64-bit little endian) is XORed
// into the last 8 bytes, and the 20 bytes are given in base64.
//
// XOR is linear and the bit position repeats every 160 bytes, so the input is folded into 160 one-byte lanes first
// (lane k holds the XOR of every byte whose index ≡ k mod 160) and the lanes are spread onto the vector once, at the
// digest: streaming a gigabyte costs one XOR per byte and no per-byte shifting.

const WIDTH_BITS = 160;
const SHIFT = 11;
const LANES = WIDTH_BITS; // 160 / gcd(11, 160) positions before the pattern repeats
const VECTOR_BYTES = WIDTH_BITS / 8;
const WORDS = LANES / 4; // 40: a multiple of the 10-word step in update()

export class QuickXorHash {
  readonly #lanes = new Uint8Array(LANES);
  /** The same lanes as 32-bit words: XOR is bytewise, so a word XOR is four lane XORs. */
  readonly #lanes32 = new Uint32Array(this.#lanes.buffer);
  #lane = 0;
  #length = 0n;

  update(chunk: Uint8Array): this {
    const lanes = this.#lanes;
    let lane = this.#lane;
    let i = 0;
    // Byte by byte up to a block boundary (lane 0), then whole 160-byte blocks as 40 32-bit words, then the tail.
    for (; i < chunk.length && lane !== 0; i++) {
      lanes[lane]! ^= chunk[i]!;
      if (++lane === LANES) lane = 0;
    }
    const blocks = Math.floor((chunk.length - i) / LANES);
    if (blocks > 0) {
      const words = this.#lanes32;
      const length = blocks * LANES;
      const start = chunk.byteOffset + i;
      // A word view needs 4-byte alignment; an unaligned chunk is copied once (a native memcpy) into one that is.
      const source = start % 4 === 0 ? new Uint32Array(chunk.buffer, start, length / 4) : new Uint32Array(Uint8Array.prototype.slice.call(chunk, i, i + length).buffer);
      // Ten words per step: with one word per loop turn the loop's own bookkeeping cost twice the XORs (about 0.4 s
      // of CPU per GiB against 0.15 s unrolled like this, measured on Node 20).
      for (let w = 0; w < source.length; w += WORDS) {
        for (let k = 0; k < WORDS; k += 10) {
          const s = w + k;
          words[k]! ^= source[s]!;
          words[k + 1]! ^= source[s + 1]!;
          words[k + 2]! ^= source[s + 2]!;
          words[k + 3]! ^= source[s + 3]!;
          words[k + 4]! ^= source[s + 4]!;
          words[k + 5]! ^= source[s + 5]!;
          words[k + 6]! ^= source[s + 6]!;
          words[k + 7]! ^= source[s + 7]!;
          words[k + 8]! ^= source[s + 8]!;
          words[k + 9]! ^= source[s + 9]!;
        }
      }
      i += length;
    }
    for (; i < chunk.length; i++) {
      lanes[lane]! ^= chunk[i]!;
      if (++lane === LANES) lane = 0;
    }
    this.#lane = lane;
    this.#length += BigInt(chunk.length);
    return this;
  }

  /** The base64 digest, as Microsoft writes it in `quickXorHash`. */
  digest(): string {
    const vector = new Uint8Array(VECTOR_BYTES);
    for (let lane = 0; lane < LANES; lane++) {
      const value = this.#lanes[lane]!;
      if (value === 0) continue;
      const bit = (lane * SHIFT) % WIDTH_BITS;
      const at = bit >> 3;
      const offset = bit & 7;
      vector[at]! ^= (value << offset) & 0xff;
      // The high bits spill into the next byte, wrapping from bit 159 round to bit 0.
      if (offset !== 0) vector[(at + 1) % VECTOR_BYTES]! ^= value >> (8 - offset);
    }
    const length = Buffer.alloc(8);
    length.writeBigUInt64LE(this.#length);
    for (let i = 0; i < 8; i++) vector[VECTOR_BYTES - 8 + i]! ^= length[i]!;
    return Buffer.from(vector).toString('base64');
  }
}

export function quickXorHash(data: Uint8Array): string {
  return new QuickXorHash().update(data).digest();
}
