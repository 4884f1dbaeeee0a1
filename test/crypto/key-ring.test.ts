import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { KeyRing, SealedBlobError, type SealedPlace } from '../../src/platform/crypto/key-ring.js';

const key = (id: string) => ({ id, key: randomBytes(32) });
const place: SealedPlace = { table: 'sealed_secrets', rowId: 'sec_one', column: 'sealed' };

function assertFails(fn: () => unknown, code: SealedBlobError['code']) {
  assert.throws(fn, (error: unknown) => error instanceof SealedBlobError && error.code === code);
}

/** Decodes one dot-separated part, flips a bit of its bytes, and re-encodes it canonically. */
function flipBitInPart(sealed: string, part: number, byte = 0): string {
  const parts = sealed.split('.');
  const bytes = Buffer.from(parts[part]!, 'base64url');
  bytes[byte] = bytes[byte]! ^ 0x01;
  parts[part] = bytes.toString('base64url');
  return parts.join('.');
}

describe('key ring', () => {
  const ring = new KeyRing([key('k2')]);

  it('round-trips text, empty and large payloads, and binary data', () => {
    for (const value of ['client-secret-value', '', 'ünïcödé ✓', 'x'.repeat(1024 * 1024)]) {
      assert.equal(ring.openText(ring.seal(value, place), place), value);
    }
    const binary = randomBytes(4099);
    assert.deepEqual(ring.open(ring.seal(binary, place), place), binary);
  });

  it('writes the versioned text format with the key id and a fresh nonce per seal', () => {
    const a = ring.seal('same', place);
    const b = ring.seal('same', place);
    assert.match(a, /^v1\.k2\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]{22}$/);
    assert.notEqual(a.split('.')[2], b.split('.')[2]);
    assert.notEqual(a, b);
    assert.ok(!a.includes('same'));
  });

  it('refuses a blob with a flipped bit in the nonce, the ciphertext or the tag', () => {
    const sealed = ring.seal('a secret worth protecting', place);
    for (const part of [2, 3, 4]) assertFails(() => ring.open(flipBitInPart(sealed, part), place), 'sealed_blob_tampered');
    // the last ciphertext byte and the last tag byte too (ends of the encoded text)
    assertFails(() => ring.open(flipBitInPart(sealed, 3, 24), place), 'sealed_blob_tampered');
    assertFails(() => ring.open(flipBitInPart(sealed, 4, 15), place), 'sealed_blob_tampered');
  });

  it('refuses text that decodes to the same bytes but is not the text it sealed (stray bits, other alphabet)', () => {
    const sealed = ring.seal('abcd', place); // 4 bytes: the last ciphertext character carries 4 spare bits
    const parts = sealed.split('.');
    const ct = parts[3]!;
    const last = ct.at(-1)!;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    parts[3] = ct.slice(0, -1) + alphabet[alphabet.indexOf(last) + 1];
    assertFails(() => ring.open(parts.join('.'), place), 'sealed_blob_tampered');
    const withPlus = ring.seal(randomBytes(300), place);
    const p = withPlus.split('.');
    if (p[3]!.includes('-')) {
      p[3] = p[3]!.replaceAll('-', '+');
      assertFails(() => ring.open(p.join('.'), place), 'sealed_blob_malformed');
    }
  });

  it('binds the blob to its row, column and table', () => {
    const sealed = ring.seal('bound', place);
    assertFails(() => ring.open(sealed, { ...place, rowId: 'sec_two' }), 'sealed_blob_tampered');
    assertFails(() => ring.open(sealed, { ...place, column: 'other' }), 'sealed_blob_tampered');
    assertFails(() => ring.open(sealed, { ...place, table: 'oauth_tokens' }), 'sealed_blob_tampered');
    // fields cannot be shifted into each other
    const shifted: SealedPlace = { table: 'sealed_secrets', rowId: 'sec_', column: 'onesealed' };
    assertFails(() => ring.open(sealed, shifted), 'sealed_blob_tampered');
  });

  it('names an unknown key id, and refuses a blob relabelled with another known key id', () => {
    const other = new KeyRing([key('k9')]);
    assertFails(() => ring.open(other.seal('x', place), place), 'sealed_blob_unknown_key');
    const both = new KeyRing([key('k3'), key('k2')]);
    const relabelled = both.seal('x', place).replace('v1.k3.', 'v1.k2.');
    assertFails(() => both.open(relabelled, place), 'sealed_blob_tampered');
  });

  it('refuses malformed and truncated blobs', () => {
    const sealed = ring.seal('truncate me please', place);
    const bad = [
      '',
      'plaintext',
      'v2' + sealed.slice(2),
      sealed.replace('v1.', 'v1..'),
      sealed + '.extra',
      sealed.slice(0, sealed.lastIndexOf('.')),
      sealed.slice(0, -1),
      sealed.slice(0, -3),
      sealed.replace(/\.[^.]*\./, '.k2!.'),
      sealed.replace(/(\.[^.]*\.[^.]*\.)[^.]/, '$1*'),
    ];
    for (const blob of bad) {
      assert.throws(
        () => ring.open(blob, place),
        (e: unknown) => e instanceof SealedBlobError && ['sealed_blob_malformed', 'sealed_blob_tampered'].includes(e.code),
        blob.slice(0, 40),
      );
    }
    assertFails(() => ring.open('v1.k2.short.x.y', place), 'sealed_blob_malformed');
    // a ciphertext cut by whole characters still parses, but does not authenticate
    const parts = sealed.split('.');
    parts[3] = parts[3]!.slice(0, 8);
    assertFails(() => ring.open(parts.join('.'), place), 'sealed_blob_tampered');
  });

  it('never puts the blob or the place values beyond table/column/row in its message', () => {
    const sealed = ring.seal('hunter2', place);
    try {
      ring.open(flipBitInPart(sealed, 3), place);
      assert.fail('should not open');
    } catch (error) {
      assert.ok(error instanceof SealedBlobError);
      assert.ok(!error.message.includes(sealed.split('.')[3]!));
      assert.ok(!error.message.includes('hunter2'));
      assert.match(error.message, /sealed_secrets\.sealed of row sec_one/);
    }
  });

  it('keeps opening blobs of an older key after a new key is added first, and tells which need a re-seal', () => {
    const old = key('k2021');
    const before = new KeyRing([old]);
    const sealedOld = before.seal('kept', place);
    const after = new KeyRing([key('k2026'), old]);
    assert.equal(after.openText(sealedOld, place), 'kept');
    assert.equal(after.needsReseal(sealedOld), true);
    const sealedNew = after.seal('kept', place);
    assert.match(sealedNew, /^v1\.k2026\./);
    assert.equal(after.needsReseal(sealedNew), false);
    assertFails(() => before.open(sealedNew, place), 'sealed_blob_unknown_key');
  });

  it('refuses rings with no key, a short key or duplicate ids', () => {
    assert.throws(() => new KeyRing([]));
    assert.throws(() => new KeyRing([{ id: 'a', key: randomBytes(16) }]));
    assert.throws(() => new KeyRing([key('a'), key('a')]));
  });
});
