// The streamed canonical writer must give the very bytes `canonicalJson(withoutSecrets(…))` gives: every hash in
// every chain already stored was made that way, and `snapshots verify` recomputes hashes from stored bodies.
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { describe, it } from 'node:test';
import { canonicalJson, canonicalJsonChunks, sha256Hex } from '../../src/features/compliance/canonical-json.js';
import { storedAreaBody } from '../../src/features/compliance/snapshot-area-body.js';
import { isSecretProperty, withoutSecrets } from '../../src/features/compliance/snapshot-secrets.js';
import { compliantSnapshot } from './snapshot-fixtures.js';

const tricky = {
  zeta: [{ id: 'b', v: 2 }, { id: 'a', v: 1, nested: [{ id: 'y' }, { id: 'x', password: 'Hunter2!' }] }],
  alpha: { undefinedValue: undefined, nullValue: null, fn: () => 1, list: [3, 1, 2], mixed: [{ id: 'b' }, { noId: true }, { id: 'a' }] },
  ids: [{ id: 'B' }, { id: 'a' }, { id: 'é' }, { id: 'A' }],
  holes: [undefined, null, () => 0, 'x'],
  numericId: [{ id: 2 }, { id: 1 }],
  text: 'quote " backslash \\ newline \n tab \t control \u0001 emoji 😀 accents àé',
  numbers: [0, -0, 1.5, -3e21, Number.NaN, Number.POSITIVE_INFINITY],
  empty: { object: {}, array: [], string: '' },
  passwordProfile: { password: 'x' },
  credentials: [{ keyId: 'k1', secretText: 'abc~very-secret', SecretText: 'upper', hint: 'abc' }],
  date: new Date(0),
};

describe('canonical JSON written in pieces', () => {
  for (const chunkSize of [1, 7, 64 * 1024]) {
    it(`joins to canonicalJson of the value without secrets (pieces of ${chunkSize} characters)`, () => {
      const values: unknown[] = [tricky, ...Object.values(compliantSnapshot().areas), [], {}, 'only a string', 42, null, [[{ id: 'b' }, { id: 'a' }]]];
      for (const value of values) assert.equal([...canonicalJsonChunks(value, { omit: isSecretProperty, chunkSize })].join(''), canonicalJson(withoutSecrets(value)));
    });
  }

  it('keeps every key when nothing is omitted, and writes nothing for undefined', () => {
    assert.equal([...canonicalJsonChunks(tricky)].join(''), canonicalJson(tricky));
    assert.deepEqual([...canonicalJsonChunks(undefined)], []);
  });

  it('pieces stay near the size asked for', () => {
    const users = Array.from({ length: 2000 }, (_, i) => ({ id: `u${String(i).padStart(5, '0')}`, displayName: `User ${i}` }));
    const pieces = [...canonicalJsonChunks(users, { chunkSize: 4096 })];
    assert.ok(pieces.length > 1);
    for (const piece of pieces.slice(0, -1)) assert.ok(piece.length >= 4096 && piece.length < 4096 + 200, `a piece of ${piece.length}`);
  });

  it('an area stored streamed has the hash and content the whole-string path gave', async () => {
    for (const area of [tricky, ...Object.values(compliantSnapshot().areas)]) {
      const expected = canonicalJson(withoutSecrets(area));
      const stored = await storedAreaBody(area);
      assert.equal(stored.sha256, sha256Hex(expected));
      assert.equal(gunzipSync(stored.body).toString('utf8'), expected);
    }
  });
});
