// Password guessing spread over several hub processes: the failure count lives in the database, so a second process
// (another limiter on the same database) refuses what the first one counted; the window ends on the hub's clock; a
// success clears the count; the table keeps a digest, never the address or the email.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SignInLimiter } from '../../src/features/console-auth/index.js';
import { ManualClock } from '../../src/platform/time/clock.js';
import { dialects, openTestStore, skipReason, type TestStore } from '../support/stores.js';

for (const dialect of dialects) {
  describe(`sign-in limit shared by processes (${dialect})`, { skip: skipReason(dialect) }, () => {
    let store: TestStore;
    const clock = new ManualClock(new Date('2026-05-01T10:00:00Z'));
    let processA: SignInLimiter;
    let processB: SignInLimiter;

    before(async () => {
      store = await openTestStore(dialect);
      processA = new SignInLimiter({ db: store.db, clock, maxFailures: 5, windowSeconds: 900 });
      processB = new SignInLimiter({ db: store.db, clock, maxFailures: 5, windowSeconds: 900 });
    });
    after(async () => store?.close());

    it('failures counted by one process limit the other, until the window ends', async () => {
      for (let i = 0; i < 3; i++) await processA.recordFailure('203.0.113.7', 'Victim@Example.com');
      for (let i = 0; i < 2; i++) await processB.recordFailure('203.0.113.7', 'victim@example.com');
      assert.equal(await processA.retryAfterSeconds('203.0.113.7', 'victim@example.com'), 900);
      assert.equal(await processB.retryAfterSeconds('203.0.113.7', 'victim@example.com'), 900);
      assert.equal(await processB.retryAfterSeconds('198.51.100.1', 'victim@example.com'), 0, 'another address is not held back');
      clock.advance(900_000);
      assert.equal(await processB.retryAfterSeconds('203.0.113.7', 'victim@example.com'), 0);
      await processA.recordFailure('203.0.113.7', 'victim@example.com');
      assert.equal(await processA.retryAfterSeconds('203.0.113.7', 'victim@example.com'), 0, 'a new window starts at one failure');
    });

    it('concurrent failures from many processes are all counted (one atomic upsert each)', async () => {
      const limiters = Array.from({ length: 5 }, () => new SignInLimiter({ db: store.db, clock, maxFailures: 5, windowSeconds: 60 }));
      await Promise.all(limiters.map((l) => l.recordFailure('192.0.2.9', 'burst@example.com')));
      assert.ok((await limiters[0]!.retryAfterSeconds('192.0.2.9', 'burst@example.com')) > 0);
    });

    it('a success clears the count, and the table holds neither the address nor the email', async () => {
      const rows = async () => (await store.db.selectFrom('sign_in_failures').select('key_hash').execute()).length;
      await processA.recordFailure('192.0.2.50', 'owner@example.com');
      const stored = JSON.stringify(await store.db.selectFrom('sign_in_failures').selectAll().execute());
      assert.ok(!stored.includes('192.0.2.50') && !stored.toLowerCase().includes('owner@example.com'));
      const before = await rows();
      await processB.recordSuccess('192.0.2.50', 'owner@example.com');
      assert.equal(await rows(), before - 1);
    });
  });
}
