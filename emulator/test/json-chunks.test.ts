// The organisation file and the seed summary are written as JSON in chunks (emulator/state/json-chunks.ts): a client
// or a restart reads them back with JSON.parse, so the joined chunks must be exactly JSON.stringify's text.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { jsonChunks } from '../state/json-chunks.js';

describe('JSON in chunks', () => {
  test('joined, the chunks are the text JSON.stringify writes, undefined, functions and toJSON included', () => {
    const values: unknown[] = [
      1,
      'text',
      null,
      undefined,
      [],
      {},
      Object.freeze([]),
      [1, undefined, () => 1, 'x'],
      { kept: 1, dropped: undefined, fn: () => 1, list: [{ at: new Date(0), gone: undefined }], deep: { a: { b: { c: { d: [1, { e: 'f' }] } } } } },
      { toJSON: () => ({ replaced: true }) },
      { 'quoted "key"': 'line\nbreak' },
    ];
    for (const value of values) assert.equal([...jsonChunks(value, 8)].join(''), JSON.stringify(value) ?? 'null');
  });

  test('a large list comes in chunks of about the asked size, not as one string', () => {
    const users = Array.from({ length: 10_000 }, (_, i) => ({ id: `user-${i}`, displayName: `User ${i}` }));
    const chunks = [...jsonChunks({ name: 'directory', data: { users } }, 4096)];
    assert.equal(chunks.join(''), JSON.stringify({ name: 'directory', data: { users } }));
    assert.ok(chunks.length > 50);
    // A chunk ends once it reaches the size: at most one element past it.
    for (const chunk of chunks) assert.ok(chunk.length < 4096 + 100, `chunk of ${chunk.length} characters`);
  });
});
