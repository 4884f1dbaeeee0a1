// A part of a snapshot area's canonical text already compressed for storing, so the compression is not done again
// after a sync's last read: raw deflate that refers to nothing before its start and ends on a sync flush
// (byte-aligned, no final block). A gzip body can carry such parts as they are between its other parts, and gunzip
// reads the whole as one stream (snapshot-area-body.ts). A CanonicalList holds its batches of lines in this form too.
import { promisify } from 'node:util';
import { constants, deflateRawSync, inflateRaw, inflateRawSync } from 'node:zlib';

const inflateRawAsync = promisify(inflateRaw);

export class DeflatedText {
  private constructor(
    readonly deflated: Buffer,
    /** The text's length in bytes. */
    readonly size: number,
  ) {}

  /** The fastest level, as the stored bodies are made (memLevel 9 is faster still). */
  static of(text: Buffer): DeflatedText {
    const deflated = deflateRawSync(text, { level: 1, memLevel: 9, finishFlush: constants.Z_SYNC_FLUSH });
    // A small answer is a view of zlib's 16 KB output buffer: copied, so the part keeps only its own bytes.
    return new DeflatedText(deflated.byteLength < deflated.buffer.byteLength / 2 ? Buffer.from(deflated) : deflated, text.length);
  }

  text(): Buffer {
    return inflateRawSync(this.deflated, this.#inflating());
  }

  /** The text, decompressed on libuv's threads: several parts at once, while this thread hashes the ones before. */
  textInBackground(): Promise<Buffer> {
    return inflateRawAsync(this.deflated, this.#inflating());
  }

  #inflating() {
    // A byte to spare: output that fills zlib's buffer exactly has it allocate another for what might follow.
    return { finishFlush: constants.Z_SYNC_FLUSH, chunkSize: Math.max(64, this.size + 1) };
  }
}
