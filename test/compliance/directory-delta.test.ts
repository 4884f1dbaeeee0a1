// Incremental directory sync: delta changes merged onto the previous users end equal to a full read
// (Microsoft Graph delta query: @removed = gone, updates carry changed properties, later entries win).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyDelta } from '../../src/features/compliance/directory-delta.js';

const previous = [
  { id: 'u1', displayName: 'Ada', accountEnabled: true },
  { id: 'u2', displayName: 'Bob', accountEnabled: true },
  { id: 'u3', displayName: 'Cy', accountEnabled: true },
];

describe('directory delta merge', () => {
  it('adds new users, merges changed properties onto the kept copy, and drops @removed ones', () => {
    const result = applyDelta(previous, [
      { id: 'u2', accountEnabled: false },
      { id: 'u3', '@removed': { reason: 'deleted' } },
      { id: 'u4', displayName: 'Dee', accountEnabled: true, '@odata.type': '#microsoft.graph.user' },
    ]);
    assert.deepEqual(result.objects, [
      { id: 'u1', displayName: 'Ada', accountEnabled: true },
      { id: 'u2', displayName: 'Bob', accountEnabled: false },
      { id: 'u4', displayName: 'Dee', accountEnabled: true },
    ]);
    assert.deepEqual([result.added, result.updated, result.removed], [1, 1, 1]);
  });

  it('treats a soft delete (@removed reason changed) as leaving the collection', () => {
    const result = applyDelta(previous, [{ id: 'u1', '@removed': { reason: 'changed' } }]);
    assert.deepEqual(result.objects.map((u) => u.id), ['u2', 'u3']);
  });

  it('keeps one copy of an object that appears twice in a round, the later entry winning', () => {
    const result = applyDelta(previous, [
      { id: 'u1', displayName: 'Ada L' },
      { id: 'u1', displayName: 'Ada Lovelace' },
      { id: 'u5', displayName: 'Eve' },
      { id: 'u5', '@removed': { reason: 'deleted' } },
    ]);
    assert.equal(result.objects.filter((u) => u.id === 'u1').length, 1);
    assert.equal(result.objects.find((u) => u.id === 'u1')!.displayName, 'Ada Lovelace');
    assert.equal(result.objects.some((u) => u.id === 'u5'), false);
    assert.deepEqual([result.added, result.updated, result.removed], [0, 1, 0]);
  });

  it('records a malformed entry and applies the rest', () => {
    const result = applyDelta(previous, [{ displayName: 'no id' }, null as never, { id: 'u2', displayName: 'Robert' }]);
    assert.equal(result.malformed.length, 2);
    assert.equal(result.objects.find((u) => u.id === 'u2')!.displayName, 'Robert');
  });
});
