// Single flight across OS processes on PostgreSQL: two processes, each with many concurrent calls on one expired
// token, make exactly one refresh between them (advisory lock, then the row is read again).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startEmulator, type EmulatorHandle } from '../../emulator/harness.js';
import { ManualClock } from '../../src/platform/time/clock.js';
import { openTestStore, skipReason, type TestStore } from '../support/stores.js';
import { connectUser, createFixture, expireStoredToken, newApp, refreshCount, workspaceWithApp } from './support/token-kit.js';
import { runRefreshProcesses } from './support/refresh-processes.js';

describe('single flight across processes (postgres)', { skip: skipReason('postgres') }, () => {
  let emulator: EmulatorHandle;
  let store: TestStore;

  before(async () => {
    emulator = await startEmulator();
    store = await openTestStore('postgres');
  });
  after(async () => {
    await store?.close();
    await emulator?.close();
  });

  it('two processes × 200 concurrent calls on one expired token: exactly one refresh, one token for all', async () => {
    const clock = new ManualClock(new Date());
    const f = await createFixture(emulator, store, clock);
    const app = await newApp(emulator);
    const ws = await workspaceWithApp(f, app);
    const { connection, redeemed } = await connectUser(emulator, f, app, ws, 'storm-user');
    await expireStoredToken(f, connection.id);

    const outputs = await runRefreshProcesses(2, {
      url: store.postgres!.url,
      schema: store.postgres!.schema,
      emulatorUrl: emulator.url,
      caPem: emulator.ca,
      workspaceId: ws,
      externalUserId: 'storm-user',
      calls: 200,
      nowMs: clock.now().getTime(),
    });
    assert.equal(await refreshCount(emulator, app.appId), 1);
    const tokens = new Set(outputs.flatMap((o) => o.tokens));
    assert.equal(tokens.size, 1);
    assert.ok(!tokens.has(redeemed.accessToken));
    assert.deepEqual(outputs.map((o) => o.latencies.length), [200, 200]);
  });
});
