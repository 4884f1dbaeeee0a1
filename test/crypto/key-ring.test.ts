import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { KeyRing, SealedBlobError, type SealedPlace } from '../../src/crypto/key-ring.js';

const place: SealedPlace = { table: 'sealed_secrets', rowId: 'sec_one', column: 'sealed' };
const oldKey = { id: 'k2025old', key: randomBytes(32) };
const newKey = { id: 'k2026new', key: randomBytes(32) };

function rejects(fn: () => unknown, code: string): void {
  assert.throws(fn, (error: unknown) => error instanceof SealedBlobError && error.code === code);
}

/** Flips one bit of the decoded bytes of one dot-separated part and re-encodes it canonically. */
function flipBitInPart(sealed: string, index: number): string {
  const parts = sealed.split('.');
  const bytes = Buffer.from(parts[index]!, 'base64url');
  bytes[0] = bytes[0]! ^ 0x01;
  parts[index] = bytes.toString('base64url');
  return parts.join('.');
}

describe('key ring', () => {
  const ring = new KeyRing([oldKey]);

  it('round-trips text, bytes, empty and large payloads', () => {
    for (const value of ['client secret ✓', '', 'x'.repeat(1 << 20)]) {
      assert.equal(ring.openText(ring.seal(value, place), place), value);
    }
    const bytes = randomBytes(70_000);
    assert.deepEqual(ring.open(ring.seal(bytes, place), place), bytes);
  });

  it('uses a fresh nonce per seal and never shows the plaintext', () => {
    const a = ring.seal('same value', place);
    const b = ring.seal('same value', place);
    assert.notEqual(a, b);
    assert.match(a, /^v1\.k2025old\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
    assert.ok(!a.includes(Buffer.from('same value').toString('base64url')));
  });

  it('refuses a blob with any bit flipped in the nonce, ciphertext or tag', () => {
    const sealed = ring.seal('a secret worth keeping', place);
    for (const index of [2, 3, 4]) rejects(() => ring.open(flipBitInPart(sealed, index), place), 'sealed_blob_tampered');
  });

  it('refuses a blob whose last character hides flipped unused bits', () => {
    const sealed = ring.seal('abcd', place); // 4 bytes: the last ciphertext character carries 4 unused bits
    const parts = sealed.split('.');
    const ciphertext = parts[3]!;
    const last = ciphertext.at(-1)!;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    parts[3] = ciphertext.slice(0, -1) + alphabet[alphabet.indexOf(last) ^ 1];
    assert.deepEqual(Buffer.from(parts[3], 'base64url'), Buffer.from(ciphertext, 'base64url'));
    rejects(() => ring.open(parts.join('.'), place), 'sealed_blob_tampered');
  });

  it('refuses a blob moved to another row, column or table', () => {
    const sealed = ring.seal('bound to its place', place);
    rejects(() => ring.open(sealed, { ...place, rowId: 'sec_two' }), 'sealed_blob_tampered');
    rejects(() => ring.open(sealed, { ...place, column: 'other' }), 'sealed_blob_tampered');
    rejects(() => ring.open(sealed, { ...place, table: 'tokens' }), 'sealed_blob_tampered');
  });

  it('refuses a blob relabelled with another key id that the ring holds', () => {
    const both = new KeyRing([newKey, oldKey]);
    const sealed = both.seal('under the new key', place);
    const relabelled = sealed.replace('.k2026new.', '.k2025old.');
    rejects(() => both.open(relabelled, place), 'sealed_blob_tampered');
  });

  it('reports an unknown key id with its own code and without the blob', () => {
    const sealed = new KeyRing([newKey]).seal('only the new key opens me', place);
    assert.throws(
      () => ring.open(sealed, place),
      (error: unknown) =>
        error instanceof SealedBlobError &&
        error.code === 'sealed_blob_unknown_key' &&
        !error.message.includes(sealed.split('.')[3]!),
    );
  });

  it('reports malformed and truncated blobs as malformed or tampered, never garbage', () => {
    const sealed = ring.seal('a value long enough to cut', place);
    for (const bad of ['', 'not a blob', 'v2.k2025old.a.b.c', sealed.replace(/^v1/, 'v9'), `${sealed}.extra`, 'v1..aaaaaaaaaaaaaaaa.aaaa.aaaaaaaaaaaaaaaaaaaaaa']) {
      rejects(() => ring.open(bad, place), 'sealed_blob_malformed');
    }
    rejects(() => ring.open(sealed.slice(0, -1), place), 'sealed_blob_malformed'); // tag cut short
    const parts = sealed.split('.');
    parts[3] = parts[3]!.slice(0, -4); // ciphertext truncated by three bytes
    rejects(() => ring.open(parts.join('.'), place), 'sealed_blob_tampered');
    parts[3] = '';
    rejects(() => ring.open(parts.join('.'), place), 'sealed_blob_tampered');
  });

  it('keeps opening old blobs after a new key is added first, and flags them for re-sealing', () => {
    const sealedOld = ring.seal('sealed before the rotation', place);
    const rotated = new KeyRing([newKey, oldKey]);
    assert.equal(rotated.openText(sealedOld, place), 'sealed before the rotation');
    assert.equal(rotated.needsReseal(sealedOld), true);
    const sealedNew = rotated.seal('sealed after', place);
    assert.ok(sealedNew.startsWith('v1.k2026new.'));
    assert.equal(rotated.needsReseal(sealedNew), false);
  });

  it('refuses keys of the wrong size and duplicate ids', () => {
    assert.throws(() => new KeyRing([{ id: 'short', key: randomBytes(16) }]));
    assert.throws(() => new KeyRing([oldKey, oldKey]));
    assert.throws(() => new KeyRing([]));
  });
});
