// One snapshot area as it is stored: the sha256 of its canonical JSON (without secret material) and that JSON
// gzip-compressed. Streamed: the canonical text is written in pieces that go to the hash and the compressor as they
// come, so a 100,000-user area never exists as a canonical copy or one string beside the collected objects (the
// hub's memory stays near the size of what it collected). The bytes are the ones `canonicalJson(withoutSecrets(area))`
// gives, so snapshots stored before this verify the same.
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { setImmediate } from 'node:timers/promises';
import { createGzip } from 'node:zlib';
import { canonicalJsonChunks } from './canonical-json.js';
import { isSecretProperty } from './snapshot-secrets.js';

export interface StoredAreaBody {
  sha256: string;
  body: Buffer;
}

const MAX_QUEUED_BYTES = 1024 * 1024;

export async function storedAreaBody(area: unknown): Promise<StoredAreaBody> {
  const hash = createHash('sha256');
  // The fastest level: the body is read back by gunzip, whatever level made it, and the hash is of the canonical
  // text, not of these bytes, so stored snapshots of every level verify alike. memLevel 9 is faster still.
  const gzip = createGzip({ level: 1, memLevel: 9 });
  const parts: Buffer[] = [];
  gzip.on('data', (part: Buffer) => parts.push(part));
  const ended = once(gzip, 'end');
  for (const bytes of canonicalJsonChunks(area, { omit: isSecretProperty })) {
    hash.update(bytes);
    // Up to a megabyte waits for the compressor (on libuv's threads) while this thread writes the next pieces; waiting
    // whenever the stream's 16 KB is exceeded would leave one of the two threads idle at a time. Between pieces the
    // event loop turns, so the pages of areas still being read are taken as they arrive, not after this area.
    gzip.write(bytes);
    if (gzip.writableLength > MAX_QUEUED_BYTES) await once(gzip, 'drain');
    else await setImmediate();
  }
  gzip.end();
  await ended;
  return { sha256: hash.digest('hex'), body: Buffer.concat(parts) };
}
