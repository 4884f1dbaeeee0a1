// QuickXorHash, the content hash OneDrive for Business and SharePoint report in `file.hashes.quickXorHash`
// (https://learn.microsoft.com/onedrive/developer/code-snippets/quickxorhash). Microsoft's algorithm XORs each byte
// into a circular 160-bit register at bit offset (11 × position) mod 160, then XORs the 64-bit little-endian length
// into the register's last 8 bytes, and the result is Base64.
//
// Since 160 × 11 ≡ 0 (mod 160), a byte's offset depends only on its position mod 160. So the hash is a function of a
// 160-byte "fold" (the XOR of all bytes sharing a position mod 160) and the length. The fold is linear, which lets
// content-generator.ts derive the hash of a 4 GiB generated file without reading 4 GiB, and lets this module hash
// streamed bytes with word-wide XORs.

const width = 160;

/** The XOR of every byte at each position mod 160, plus the byte count: QuickXorHash's whole state. */
export class QuickXorFold {
  private readonly acc = new Uint8Array(width);
  private readonly acc32 = new Uint32Array(this.acc.buffer);
  private length = 0;

  get bytes(): number {
    return this.length;
  }

  update(chunk: Uint8Array): this {
    const n = chunk.length;
    let pos = this.length % width;
    let i = 0;
    // Register position and chunk address advance together; when they agree mod 4, XOR whole words.
    if ((((pos - chunk.byteOffset) % 4) + 4) % 4 === 0) {
      for (; i < n && pos % 4 !== 0; i++, pos = pos + 1 === width ? 0 : pos + 1) this.acc[pos]! ^= chunk[i]!;
      const words = Math.floor((n - i) / 4);
      const view = new Uint32Array(chunk.buffer, chunk.byteOffset + i, words);
      let w = pos / 4;
      for (let k = 0; k < words; k++) {
        this.acc32[w]! ^= view[k]!;
        w = w + 1 === width / 4 ? 0 : w + 1;
      }
      i += words * 4;
      pos = w * 4;
    }
    for (; i < n; i++, pos = pos + 1 === width ? 0 : pos + 1) this.acc[pos]! ^= chunk[i]!;
    this.length += n;
    return this;
  }

  /** Folds another fold in, as if its bytes followed at a position ≡ 0 mod 160 (length added). */
  combine(other: QuickXorFold): this {
    if (this.length % width !== 0) throw new Error('QuickXorFold.combine needs a length that is a multiple of 160');
    for (let k = 0; k < width; k++) this.acc[k]! ^= other.acc[k]!;
    this.length += other.length;
    return this;
  }

  /** XORs 160 bytes in at positions 0..159 without counting them (a stripe whose copies cancel but one). */
  xorResidues(residues: Uint8Array): this {
    for (let k = 0; k < width; k++) this.acc[k]! ^= residues[k]!;
    return this;
  }

  /** The 160 per-residue XORs (a copy). */
  residues(): Uint8Array {
    return this.acc.slice();
  }

  /** Counts bytes whose XOR was applied through xorResidues. */
  addLength(bytes: number): this {
    this.length += bytes;
    return this;
  }

  /** Microsoft's register: each residue's byte at bit (11 × residue) mod 160, then the length; Base64. */
  digest(): string {
    const register = new Uint8Array(width / 8);
    for (let r = 0; r < width; r++) {
      const value = this.acc[r]!;
      if (value === 0) continue;
      const bit = (r * 11) % width;
      const byte = bit >> 3;
      const shift = bit & 7;
      register[byte]! ^= (value << shift) & 0xff;
      if (shift !== 0) register[(byte + 1) % register.length]! ^= value >> (8 - shift);
    }
    let length = BigInt(this.length);
    for (let i = 0; i < 8; i++) {
      register[width / 8 - 8 + i]! ^= Number(length & 0xffn);
      length >>= 8n;
    }
    return Buffer.from(register).toString('base64');
  }
}

/** The QuickXorHash of bytes held in memory. */
export const quickXorHash = (bytes: Uint8Array) => new QuickXorFold().update(bytes).digest();
