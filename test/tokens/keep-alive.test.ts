// The keep-alive job against the emulator, whose clock ages refresh tokens: a connection idle for 30 days is
// refreshed and survives Microsoft's 90-day inactivity limit; one that is not kept alive lapses (AADSTS700082)
// and is marked needs_reconnect.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startEmulator, type EmulatorHandle } from '../../emulator/harness.js';
import { ManualClock } from '../../src/platform/time/clock.js';
import { getConnection } from '../../src/features/tokens/connection-store.js';
import { runKeepAlive } from '../../src/features/tokens/keep-alive-job.js';
import type { TokenError } from '../../src/features/tokens/token-error.js';
import { dialects, openTestStore, skipReason, type TestStore } from '../support/stores.js';
import { connectUser, createFixture, expireStoredToken, newApp, refreshCount, rejection, tokenService, workspaceWithApp, type Fixture } from './support/token-kit.js';

const DAY = 24 * 3600;
let emulator: EmulatorHandle;
const clock = new ManualClock(new Date());

before(async () => {
  emulator = await startEmulator();
});
after(async () => emulator?.close());

/** The service's clock and the emulator's (which ages refresh tokens) move together. */
async function advanceDays(days: number): Promise<void> {
  clock.advance(days * DAY * 1000);
  await emulator.advanceClock(days * DAY);
}

for (const dialect of dialects) {
  describe(`keep-alive (${dialect})`, { skip: skipReason(dialect) }, () => {
    let store: TestStore;
    let f: Fixture;

    before(async () => {
      store = await openTestStore(dialect);
      f = await createFixture(emulator, store, clock);
    });
    after(async () => store?.close());

    it('refreshes connections idle for 30 days, so the 90-day inactivity expiry never hits them', async () => {
      const app = await newApp(emulator);
      const ws = await workspaceWithApp(f, app);
      const kept = await connectUser(emulator, f, app, ws, 'kept', 'dana');
      const lapsing = await connectUser(emulator, f, app, ws, 'lapsing', 'sam');
      const tokens = tokenService(f);

      await advanceDays(31);
      // `lapsing` looks recently refreshed to the job (so it is left alone), but Microsoft's copy keeps ageing.
      await store.db.updateTable('m365_connections').set({ last_refreshed_at: clock.now() }).where('id', '=', lapsing.connection.id).execute();
      const progress: [number, number, string | undefined][] = [];
      const result = await runKeepAlive(
        { db: store.db, tokens, clock, logger: f.logs.logger, idleDays: 30, batchSize: 1 },
        { signal: new AbortController().signal, progress: async (done, total, message) => void progress.push([done, total, message]) },
      );
      assert.deepEqual(result, { idle: 1, refreshed: 1, needsReconnect: 0, failed: 0 });
      assert.deepEqual(progress.at(-1)?.slice(0, 2), [1, 1]);
      assert.equal(await refreshCount(emulator, app.appId), 1);
      assert.equal((await getConnection(store.db, ws, 'kept'))?.lastRefreshedAt.getTime(), clock.now().getTime());
      // Nothing is idle any more: a second run refreshes nothing.
      assert.equal((await runKeepAlive({ db: store.db, tokens, clock, logger: f.logs.logger, idleDays: 30 })).refreshed, 0);

      await advanceDays(60);
      await expireStoredToken(f, kept.connection.id);
      await expireStoredToken(f, lapsing.connection.id);
      const fresh = tokenService(f);
      const token = await fresh.getAccessToken({ workspaceId: ws, principal: { kind: 'user', externalUserId: 'kept' } });
      assert.ok(token.accessToken);

      // 91 days without a refresh: Microsoft refuses (AADSTS700082) and the connection needs reconnecting.
      const failure = (await rejection(fresh.getAccessToken({ workspaceId: ws, principal: { kind: 'user', externalUserId: 'lapsing' } }))) as TokenError;
      assert.equal(failure.code, 'connection_needs_reconnect');
      assert.equal(failure.reason, 'refresh_token_expired');
      const lapsed = await getConnection(store.db, ws, 'lapsing');
      assert.equal(lapsed?.status, 'needs_reconnect');
      assert.equal(lapsed?.statusReason, 'refresh_token_expired');
      assert.equal((await getConnection(store.db, ws, 'kept'))?.status, 'active');
    });
  });
}
