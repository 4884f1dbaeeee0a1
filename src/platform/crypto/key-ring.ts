// Secrets at rest: AES-256-GCM under a versioned key ring. The newest key seals; every key in the ring opens, so
// a rotation can re-seal row by row while old blobs keep working.
//
// Blob format (text, fits any text column):  v1.<keyId>.<nonce>.<ciphertext>.<tag>   (base64url, no padding)
// The associated data binds the blob to where it lives (table, row id, column) and to its own version and key id,
// so a blob copied to another row or column, or relabelled with another key id, fails authentication.
import { createCipheriv, createDecipheriv, createSecretKey, randomFillSync, type KeyObject } from 'node:crypto';
import type { EncryptionKey } from '../config/config.js';
import { SealedBlobError } from './sealed-blob-error.js';

export { SealedBlobError, type SealedBlobErrorCode } from './sealed-blob-error.js';

/** Where a sealed value is stored; bound into the ciphertext as associated data. */
export interface SealedPlace {
  table: string;
  rowId: string;
  column: string;
}

const VERSION = 'v1';
const ALGORITHM = 'aes-256-gcm';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
// base64url lengths (no padding) of the fixed-size parts.
const NONCE_TEXT = 16;
const TAG_TEXT = 22;
const BASE64URL = /^[A-Za-z0-9_-]*$/;
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/; // as the configuration accepts
// Nonces come from a pool filled by the CSPRNG in one call per 512 seals: a call per 12 bytes costs more than
// sealing a small secret. Each pool byte is used once; the pool is refilled before any byte would repeat.
const NONCE_POOL = Buffer.alloc(NONCE_BYTES * 512);
let noncePoolOffset = NONCE_POOL.length;

/** A fresh random nonce, valid until the next call (createCipheriv copies it). */
function nextNonce(): Buffer {
  if (noncePoolOffset === NONCE_POOL.length) {
    randomFillSync(NONCE_POOL);
    noncePoolOffset = 0;
  }
  const nonce = NONCE_POOL.subarray(noncePoolOffset, noncePoolOffset + NONCE_BYTES);
  noncePoolOffset += NONCE_BYTES;
  return nonce;
}

interface RingKey {
  id: string;
  key: KeyObject;
}

function describe(place: SealedPlace): string {
  return `${place.table}.${place.column} of row ${place.rowId}`;
}

/**
 * Length-prefixed so no two different places (or key ids) produce the same bytes, whatever characters they hold.
 */
function associatedData(keyId: string, place: SealedPlace): Buffer {
  const parts = [VERSION, keyId, place.table, place.column, place.rowId];
  let text = '';
  for (const part of parts) text += `${part.length}:${part};`;
  return Buffer.from(text, 'utf8');
}

interface ParsedBlob {
  keyId: string;
  nonce: string;
  ciphertext: string;
  tag: string;
}

function parse(sealed: string, place?: SealedPlace): ParsedBlob {
  const malformed = () => new SealedBlobError('sealed_blob_malformed', place && describe(place));
  if (typeof sealed !== 'string') throw malformed();
  const parts = sealed.split('.');
  if (parts.length !== 5 || parts[0] !== VERSION) throw malformed();
  const [, keyId, nonce, ciphertext, tag] = parts as [string, string, string, string, string];
  if (
    !KEY_ID.test(keyId) ||
    nonce.length !== NONCE_TEXT ||
    tag.length !== TAG_TEXT ||
    !BASE64URL.test(nonce) ||
    !BASE64URL.test(tag) ||
    ciphertext.length % 4 === 1 || // no base64url text of any byte length has this length
    // The decoder also accepts standard base64 and skips junk; a regex over a large ciphertext would cost more
    // than the cipher, so the ciphertext is checked with native scans here and by its decoded length in open().
    ciphertext.includes('+') ||
    ciphertext.includes('/') ||
    ciphertext.includes('=')
  ) {
    throw malformed();
  }
  return { keyId, nonce, ciphertext, tag };
}

export class KeyRing {
  readonly #keys: Map<string, KeyObject>;
  readonly #sealing: RingKey;

  /** `keys` newest first: the first seals, all open. */
  constructor(keys: readonly EncryptionKey[]) {
    if (keys.length === 0) throw new Error('a key ring needs at least one key');
    this.#keys = new Map();
    for (const { id, key } of keys) {
      if (key.length !== KEY_BYTES) throw new Error(`encryption key ${id} must be ${KEY_BYTES} bytes`);
      if (!KEY_ID.test(id)) throw new Error(`encryption key id ${JSON.stringify(id)} is not valid`);
      if (this.#keys.has(id)) throw new Error(`encryption key id ${id} appears twice`);
      // KeyObjects are made once: building one per operation would cost more than the cipher on small payloads.
      this.#keys.set(id, createSecretKey(key));
    }
    const newest = keys[0]!;
    this.#sealing = { id: newest.id, key: this.#keys.get(newest.id)! };
  }

  /** The id of the key that seals new values. */
  get currentKeyId(): string {
    return this.#sealing.id;
  }

  /** Ids of every key that opens, newest first. */
  get keyIds(): string[] {
    return [...this.#keys.keys()];
  }

  seal(plaintext: string | Buffer, place: SealedPlace): string {
    const { id, key } = this.#sealing;
    // A fresh random 96-bit nonce per seal: with at most a few million seals per key, collisions stay far below
    // GCM's 2^-32 bound; rotation resets the count.
    const nonce = nextNonce();
    const cipher = createCipheriv(ALGORITHM, key, nonce, { authTagLength: TAG_BYTES });
    cipher.setAAD(associatedData(id, place));
    const input = typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : plaintext;
    const head = cipher.update(input);
    const tail = cipher.final(); // GCM is a stream mode: empty, but final() computes the tag
    const body = tail.length === 0 ? head : Buffer.concat([head, tail]);
    return `${VERSION}.${id}.${nonce.toString('base64url')}.${body.toString('base64url')}.${cipher
      .getAuthTag()
      .toString('base64url')}`;
  }

  open(sealed: string, place: SealedPlace): Buffer {
    const blob = parse(sealed, place);
    const key = this.#keys.get(blob.keyId);
    if (!key) throw new SealedBlobError('sealed_blob_unknown_key', describe(place));
    const nonce = Buffer.from(blob.nonce, 'base64url');
    const tag = Buffer.from(blob.tag, 'base64url');
    const ciphertext = Buffer.from(blob.ciphertext, 'base64url');
    // Decoding ignores stray bits in a part's last character, so a flipped one would still open: refuse it.
    if (ciphertext.length !== Math.floor((blob.ciphertext.length * 3) / 4)) {
      throw new SealedBlobError('sealed_blob_malformed', describe(place)); // characters the decoder skipped
    }
    if (!isCanonicalBase64url(blob.tag, TAG_BYTES) || !isCanonicalBase64url(blob.ciphertext, ciphertext.length)) {
      throw new SealedBlobError('sealed_blob_tampered', describe(place));
    }
    const decipher = createDecipheriv(ALGORITHM, key, nonce, { authTagLength: TAG_BYTES });
    decipher.setAAD(associatedData(blob.keyId, place));
    decipher.setAuthTag(tag);
    const head = decipher.update(ciphertext);
    try {
      const tail = decipher.final();
      return tail.length === 0 ? head : Buffer.concat([head, tail]);
    } catch {
      // Authentication failed: the plaintext computed so far is unauthenticated and must not escape.
      head.fill(0);
      throw new SealedBlobError('sealed_blob_tampered', describe(place));
    }
  }

  openText(sealed: string, place: SealedPlace): string {
    return this.open(sealed, place).toString('utf8');
  }

  /** True when the blob was sealed under an older key than the newest (a rotation should re-seal it). */
  needsReseal(sealed: string): boolean {
    return parse(sealed).keyId !== this.#sealing.id;
  }

  /** The prefix every blob sealed under the newest key starts with (lets a rotation filter in SQL). */
  get currentPrefix(): string {
    return `${VERSION}.${this.#sealing.id}.`;
  }
}

/**
 * Only the last character of base64url text can hide stray bits. Checking it alone avoids re-encoding a large
 * ciphertext on every open. (The 12-byte nonce encodes without spare bits.)
 */
function isCanonicalBase64url(text: string, byteLength: number): boolean {
  const rest = byteLength % 3;
  if (rest === 0 || text.length === 0) return true;
  const last = text.charCodeAt(text.length - 1);
  const value =
    last >= 65 && last <= 90 ? last - 65 : last >= 97 && last <= 122 ? last - 71 : last >= 48 && last <= 57 ? last + 4 : last === 45 ? 62 : 63;
  // One trailing byte leaves 4 unused bits in the last character, two trailing bytes leave 2.
  return (value & (rest === 1 ? 0b1111 : 0b11)) === 0;
}
