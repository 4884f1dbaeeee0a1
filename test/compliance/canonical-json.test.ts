// The streamed canonical writer must give the very bytes `canonicalJson(withoutSecrets(…))` gives: every hash in
// every chain already stored was made that way, and `snapshots verify` recomputes hashes from stored bodies.
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { describe, it } from 'node:test';
import { canonicalJson, canonicalJsonChunks, sha256Hex } from '../../src/features/compliance/canonical-json.js';
import { CanonicalList } from '../../src/features/compliance/canonical-list.js';
import { storedAreaBody } from '../../src/features/compliance/snapshot-area-body.js';
import { isSecretProperty, withoutSecrets } from '../../src/features/compliance/snapshot-secrets.js';
import { compliantSnapshot } from './snapshot-fixtures.js';

/** The pieces as the text they spell (a piece may end inside a character: decoded together, never one by one). */
const text = (pieces: Iterable<Uint8Array>) => Buffer.concat([...pieces]).toString('utf8');

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
      for (const value of values) assert.equal(text(canonicalJsonChunks(value, { omit: isSecretProperty, chunkSize })), canonicalJson(withoutSecrets(value)));
    });
  }

  it('keeps every key when nothing is omitted, and writes nothing for undefined', () => {
    assert.equal(text(canonicalJsonChunks(tricky)), canonicalJson(tricky));
    assert.deepEqual([...canonicalJsonChunks(undefined)], []);
  });

  it('objects of one shape, written one after another with and without omitting, each keep their own keys', () => {
    const shaped = (b: number) => ({ zeta: b, password: 'p', alpha: { y: 1, x: 2 } });
    // Two levels down, as an area's list items are: each item goes through canonicalise.
    assert.equal(text(canonicalJsonChunks({ users: [shaped(1)] }, { omit: isSecretProperty })), '{"users":[{"alpha":{"x":2,"y":1},"zeta":1}]}');
    assert.equal(canonicalJson(shaped(2)), '{"alpha":{"x":2,"y":1},"password":"p","zeta":2}');
    assert.equal(canonicalJson({ alpha: 0, password: 'p', zeta: 3 }), '{"alpha":0,"password":"p","zeta":3}');
    assert.equal(text(canonicalJsonChunks({ users: [shaped(4)] }, { omit: isSecretProperty })), '{"users":[{"alpha":{"x":2,"y":1},"zeta":4}]}');
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

  // A sync keeps its large lists as canonical text (CanonicalList) from the moment each page arrives; stored, the area
  // must be byte for byte what the same area of objects gives, or chains made before would no longer verify.
  describe('a list held as canonical text', () => {
    const guid = (i: number) => `${((i * 2654435761) >>> 0).toString(16).padStart(8, '0')}-0000-4000-8000-${String(i).padStart(12, '0')}`;
    const users = Array.from({ length: 6000 }, (_, i) => ({
      id: guid(i),
      displayName: `Ünïcode user ${i} "quoted"\ttab`,
      accountEnabled: i % 3 !== 0,
      signInActivity: i % 2 ? { lastSignInDateTime: '2026-11-15T08:00:00Z', lastSignInRequestId: null } : undefined,
      passwordProfile: { password: 'never stored' },
    }));
    const lists: Record<string, Array<Record<string, unknown>>> = {
      'thousands of users in no order (several compressed batches per bucket)': users,
      'the same id twice keeps the order they came in (a stable sort), ids with JSON escapes sort as themselves': [{ id: 'b', v: 1 }, { id: 'a' }, { id: 'b', v: 2 }, { id: 'B' }, { id: '' }, { id: 'é' }, { id: '😀' }, { id: 'ab' }, { id: 'a"b' }, { id: 'a\\b' }, { id: 'a\u0001' }],
      'an item without an id leaves the list in the order it came': [{ id: 'b' }, { noId: true }, { id: 'a' }, { id: 7 }, { id: 'c' }],
      // Read back as UTF-8 pieces of 64 KB: an item larger than a piece, and characters of several bytes wherever a
      // piece happens to end.
      'an item larger than a piece among small ones, multi-byte characters across piece ends': [
        ...Array.from({ length: 3000 }, (_, i) => ({ id: guid(i), displayName: `${'é😀'.repeat(i % 7)}${i}` })),
        { id: 'all-staff', members: Array.from({ length: 20_000 }, (_, i) => guid(i)) },
      ],
      'one item': [{ id: 5, z: 1, a: 2 }],
      'no items': [],
    };
    for (const [name, items] of Object.entries(lists)) {
      it(name, async () => {
        const list = CanonicalList.of(items);
        assert.equal(list.length, items.length);
        const area = { zeta: 1, users: list, alpha: [{ id: 'y' }, { id: 'x' }] };
        const expected = canonicalJson(withoutSecrets({ ...area, users: items }));
        for (const chunkSize of [1, 5000, 64 * 1024]) assert.equal(text(canonicalJsonChunks(area, { omit: isSecretProperty, chunkSize })), expected);
        const stored = await storedAreaBody(area);
        assert.equal(stored.sha256, sha256Hex(expected));
        assert.equal(gunzipSync(stored.body).toString('utf8'), expected);
        // Put in order ahead of storing (a sync's users while the groups are read): the same bytes, and a body whose
        // parts compressed ahead gunzip (which checks the trailer's CRC-32 and length) reads as the same text.
        const inOrder = CanonicalList.of(items);
        await inOrder.putInOrder();
        assert.equal(text(canonicalJsonChunks({ ...area, users: inOrder }, { omit: isSecretProperty })), expected);
        const storedInOrder = await storedAreaBody({ ...area, users: inOrder });
        assert.equal(storedInOrder.sha256, sha256Hex(expected));
        assert.equal(gunzipSync(storedInOrder.body).toString('utf8'), expected);
        // Only compressed parts and no text of the body's own: the users alone, at the area's top.
        assert.equal(gunzipSync((await storedAreaBody(inOrder)).body).toString('utf8'), canonicalJson(withoutSecrets(items)));
      });
    }
  });
});
