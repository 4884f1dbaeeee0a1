// QuickXorHash, the hash OneDrive for Business and SharePoint give for every file (`file.hashes.quickXorHash`), so a
// copy can be checked against Microsoft's own digest of the bytes. Specification:
// https://learn.microsoft.com/en-us/onedrive/developer/code-snippets/quickxorhash — a 160-bit circular bit vector;
// byte n of the input is XORed in at bit (11·n) mod 160; at the end the input length (64-bit little endian) is XORed
// into the last 8 bytes, and the 20 bytes are given in base64.
//
// XOR is linear and the bit position repeats every 160 bytes, so the input is folded into 160 one-byte lanes first
// (lane k holds the XOR of every byte whose index ≡ k mod 160) and the lanes are spread onto the vector once, at the
// digest: streaming a gigabyte costs one XOR per byte and no per-byte shifting. The folding is a small WebAssembly
// loop (quick-xor-fold-wasm.ts), 16 bytes per instruction.
import { MEMORY_BYTES, quickXorFolder, SCRATCH_AT, LANES_AT, type QuickXorFolder } from './quick-xor-fold-wasm.js';

const WIDTH_BITS = 160;
const SHIFT = 11;
const LANES = WIDTH_BITS; // 160 / gcd(11, 160) positions before the pattern repeats
const VECTOR_BYTES = WIDTH_BITS / 8;
/**
 * Input bytes copied into the folder's memory at a time: they start at their lane's place in a group and the group
 * they end in is padded out, so a piece takes up to two groups more than its length.
 */
const PIECE = MEMORY_BYTES - SCRATCH_AT - 2 * LANES;

export class QuickXorHash {
  readonly #folder: QuickXorFolder = quickXorFolder();
  #lane = 0;
  #length = 0n;

  update(chunk: Uint8Array): this {
    const { memory, fold } = this.#folder;
    for (let at = 0; at < chunk.length; ) {
      // The piece is copied in `lane` bytes into a group, the bytes before it and after it up to the group's end
      // zeroed: XORing zeros changes no lane, so whole groups can be folded whatever lane the piece starts on.
      const lane = this.#lane;
      const take = Math.min(chunk.length - at, PIECE);
      const end = SCRATCH_AT + lane + take;
      const groups = Math.ceil((lane + take) / LANES);
      memory.fill(0, SCRATCH_AT, SCRATCH_AT + lane);
      memory.set(take === chunk.length ? chunk : chunk.subarray(at, at + take), SCRATCH_AT + lane);
      memory.fill(0, end, SCRATCH_AT + groups * LANES);
      fold(SCRATCH_AT, groups);
      this.#lane = (lane + take) % LANES;
      at += take;
    }
    this.#length += BigInt(chunk.length);
    return this;
  }

  /** The base64 digest, as Microsoft writes it in `quickXorHash`. */
  digest(): string {
    const lanes = this.#folder.memory.subarray(LANES_AT, LANES_AT + LANES);
    const vector = new Uint8Array(VECTOR_BYTES);
    for (let lane = 0; lane < LANES; lane++) {
      const value = lanes[lane]!;
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
