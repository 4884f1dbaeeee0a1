// One snapshot area as it is stored: the sha256 of its canonical JSON (without secret material) and that JSON
// gzip-compressed. Streamed: the canonical text is written in pieces that go to the hash and the compressor as they
// come, so a 100,000-user area never exists as a canonical copy or one string beside the collected objects (the
// hub's memory stays near the size of what it collected). The bytes are the ones `canonicalJson(withoutSecrets(area))`
// gives, so snapshots stored before this verify the same.
// A list that compressed parts of its text already (DeflatedText: a sync's users, sorted and compressed while the
// groups were read) has those parts carried into the body as they are, only decompressed for the hash: the gzip body
// is then this module's header, deflate runs of the text it compressed itself and those parts, each ending
// byte-aligned on a sync flush, one final block and the trailer (CRC-32 and length of the whole text). gunzip reads
// it as one stream, as it reads a body of one run.
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { setImmediate } from 'node:timers/promises';
import { constants, crc32, createDeflateRaw, deflateRawSync, type DeflateRaw } from 'node:zlib';
import { canonicalJsonChunks } from './canonical-json.js';
import { DeflatedText } from './deflated-text.js';
import { isSecretProperty } from './snapshot-secrets.js';

export interface StoredAreaBody {
  sha256: string;
  body: Buffer;
}

const MAX_QUEUED_BYTES = 1024 * 1024;
/** Compressed parts decompressed side by side (libuv has four threads; the machine may have two cores). */
const PARTS_DECOMPRESSED_AT_ONCE = 4;

/** gzip's header (RFC 1952): deflate, no name or time, "fastest" (XFL 4), Unix (OS 3), as zlib writes at level 1. */
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 4, 3]);
/** An empty final block: what ends the deflate stream after runs and parts that each ended on a sync flush. */
const FINAL_BLOCK = deflateRawSync(Buffer.alloc(0));

export async function storedAreaBody(area: unknown): Promise<StoredAreaBody> {
  const hash = createHash('sha256');
  let crc = 0;
  let size = 0;
  // The text in order, for the hash and the trailer: compressed parts are decompressed a few at a time in the
  // background (the users of a sync, after its last read), the rest waits its turn behind them.
  const texts: Array<Uint8Array | Promise<Uint8Array>> = [];
  const take = async (keep: number) => {
    while (texts.length > keep) {
      const text = await texts.shift()!;
      hash.update(text);
      crc = crc32(text, crc);
      size += text.length;
    }
  };
  // The body's pieces in order: each run's output (filled as its compressor answers) and the parts carried as they are.
  const sections: Buffer[][] = [[GZIP_HEADER]];
  const runsEnded: Promise<unknown>[] = [];
  let run: DeflateRaw | undefined;
  const endRun = () => {
    run?.end();
    run = undefined;
  };
  for (const piece of canonicalJsonChunks(area, { omit: isSecretProperty, deflated: true })) {
    if (piece instanceof DeflatedText) {
      endRun();
      sections.push([piece.deflated]);
      const text = piece.textInBackground();
      // Awaited in its turn; a body given up before then (a failed write) must not leave an unhandled rejection.
      text.catch(() => {});
      texts.push(text);
      await take(PARTS_DECOMPRESSED_AT_ONCE);
      continue;
    }
    texts.push(piece);
    await take(PARTS_DECOMPRESSED_AT_ONCE);
    if (!run) {
      // The fastest level: the body is read back by gunzip, whatever level made it, and the hash is of the canonical
      // text, not of these bytes, so stored snapshots of every level verify alike. memLevel 9 is faster still. A run
      // ends on a sync flush, so a part carried as it is may follow it.
      run = createDeflateRaw({ level: 1, memLevel: 9, finishFlush: constants.Z_SYNC_FLUSH });
      const output: Buffer[] = [];
      sections.push(output);
      run.on('data', (part: Buffer) => output.push(part));
      runsEnded.push(once(run, 'end'));
    }
    // Up to a megabyte waits for the compressor (on libuv's threads) while this thread writes the next pieces; waiting
    // whenever the stream's 16 KB is exceeded would leave one of the two threads idle at a time. Between pieces the
    // event loop turns, so the pages of areas still being read are taken as they arrive, not after this area.
    run.write(piece);
    if (run.writableLength > MAX_QUEUED_BYTES) await once(run, 'drain');
    else await setImmediate();
  }
  endRun();
  await take(0);
  await Promise.all(runsEnded);
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(size % 2 ** 32, 4);
  return { sha256: hash.digest('hex'), body: Buffer.concat([...sections.flat(), FINAL_BLOCK, trailer]) };
}
