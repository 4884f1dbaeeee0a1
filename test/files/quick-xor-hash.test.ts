import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { QuickXorHash, quickXorHash } from '../../src/microsoft/graph/quick-xor-hash.js';

// Published vectors (rclone's onedrive/quickxorhash tests), inputs in base64.
const VECTORS: Array<[string, string]> = [
  ['', 'AAAAAAAAAAAAAAAAAAAAAAAAAAA='],
  ['Sg==', 'SgAAAAAAAAAAAAAAAQAAAAAAAAA='],
  ['tbQ=', 'taAFAAAAAAAAAAAAAgAAAAAAAAA='],
  ['0pZP', '0rDEEwAAAAAAAAAAAwAAAAAAAAA='],
  ['jRRDVA==', 'jaDAEKgAAAAAAAAABAAAAAAAAAA='],
  ['eAV52qE=', 'eChAHrQRCgAAAAAABQAAAAAAAAA='],
  ['luBZlaT6', 'lgBHFipBCn0AAAAABgAAAAAAAAA='],
  ['qaApEj66lw==', 'qQBFCiTgA11cAgAABwAAAAAAAAA='],
  ['/aNzzCFPS/A=', '/RjFHJgRgicsAR4ACAAAAAAAAAA='],
];

/** The specification taken literally, bit by bit (https://learn.microsoft.com/en-us/onedrive/developer/code-snippets/quickxorhash). */
function bitByBit(data: Uint8Array): string {
  const bits = new Uint8Array(160);
  data.forEach((byte, n) => {
    for (let b = 0; b < 8; b++) bits[(n * 11 + b) % 160]! ^= (byte >> b) & 1;
  });
  const vector = Buffer.alloc(20);
  bits.forEach((bit, i) => (vector[i >> 3]! |= bit << (i & 7)));
  const length = Buffer.alloc(8);
  length.writeBigUInt64LE(BigInt(data.length));
  for (let i = 0; i < 8; i++) vector[12 + i]! ^= length[i]!;
  return vector.toString('base64');
}

test('quickXorHash gives the published digests of short inputs', () => {
  for (const [input, expected] of VECTORS) assert.equal(quickXorHash(Buffer.from(input, 'base64')), expected, `input ${input}`);
});

test('quickXorHash of inputs longer than the 160-byte cycle matches the specification computed bit by bit', () => {
  for (const size of [159, 160, 161, 1000, 4099]) {
    const data = randomBytes(size);
    assert.equal(quickXorHash(data), bitByBit(data), `size ${size}`);
  }
});

test('quickXorHash of long inputs at every byte alignment matches the specification', () => {
  const data = randomBytes(5003);
  for (let offset = 0; offset < 4; offset++) {
    const view = data.subarray(offset);
    assert.equal(quickXorHash(view), bitByBit(view), `offset ${offset}`);
  }
  const hash = new QuickXorHash();
  for (const [from, to] of [[0, 7], [7, 1500], [1500, 1501], [1501, 5003]] as const) hash.update(data.subarray(from, to));
  assert.equal(hash.digest(), bitByBit(data), 'chunks that start mid-block, then run over several blocks');
});

test('quickXorHash fed in chunks of any size equals the digest of the whole', () => {
  const data = randomBytes(3001);
  const hash = new QuickXorHash();
  for (let at = 0, step = 1; at < data.length; at += step, step = (step * 7) % 97 + 1) hash.update(data.subarray(at, at + step));
  assert.equal(hash.digest(), quickXorHash(data));
});

test('quickXorHash of pieces larger than the folder takes at once, starting on every kind of lane, matches the specification', () => {
  // The folder copies at most ~128 KiB at a time into its memory, at the lane the piece starts on, zeroing the rest of
  // the groups it touches: stale bytes left there by a previous piece, or a lane off by one, would change the digest.
  const data = randomBytes(700_001);
  const expected = bitByBit(data);
  for (const sizes of [[131_072 - 1], [131_072 + 1], [1, 130_495, 130_496, 130_497], [159, 300_000], [161, 64 * 1024, 17], [700_001]]) {
    const hash = new QuickXorHash();
    for (let at = 0, i = 0; at < data.length; at += sizes[i % sizes.length]!, i++) hash.update(data.subarray(at, at + sizes[i % sizes.length]!));
    assert.equal(hash.digest(), expected, `pieces of ${sizes.join(', ')}`);
  }
});
