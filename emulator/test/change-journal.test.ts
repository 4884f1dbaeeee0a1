// The delta change journal: a delta round after a token answers each changed id once, only those after the token,
// and stays right after the journal compacts superseded entries (learn.microsoft.com/graph/delta-query-overview).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ChangeJournal } from '../state/change-journal.js';

describe('change journal', () => {
  test('names each id changed after a position once, in the order of its latest change, per tenant and resource', () => {
    const journal = new ChangeJournal();
    journal.record('T1', 'users', 'a');
    const seen = journal.position('t1', 'users');
    journal.record('t1', 'users', 'b');
    journal.record('t1', 'users', 'A');
    journal.record('t1', 'groups', 'g');
    journal.record('t2', 'users', 'c');
    assert.deepEqual(journal.changedSince('t1', 'users', seen), ['b', 'a']);
    assert.deepEqual(journal.changedSince('t1', 'users', journal.position('t1', 'users')), []);
    assert.deepEqual(journal.changedSince('t1', 'groups', 0), ['g']);
    assert.deepEqual(journal.changedSince('t3', 'users', 0), []);
  });

  test('the same objects rewritten many times compact without losing or repeating a change', () => {
    const journal = new ChangeJournal();
    for (let round = 0; round < 2000; round++) for (const id of ['x', 'y', 'z']) journal.record('t', 'users', id);
    const mark = journal.position('t', 'users');
    journal.record('t', 'users', 'y');
    assert.deepEqual(journal.changedSince('t', 'users', 0), ['x', 'z', 'y']);
    assert.deepEqual(journal.changedSince('t', 'users', mark), ['y']);
  });
});
