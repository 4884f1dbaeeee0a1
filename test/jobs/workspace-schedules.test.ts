// Schedules scoped to a workspace: a workspace's schedule enqueues its jobs in that workspace, is listed and
// removed only there, cannot be overwritten by another workspace using the same name, and is deleted with it.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { enqueueDueSchedules } from '../../src/platform/jobs/job-schedules.js';
import { JobQueue, JobQueueError } from '../../src/platform/jobs/job-queue.js';
import { ManualClock } from '../../src/platform/time/clock.js';
import { dialects, openTestStore, skipReason, type TestStore } from '../support/stores.js';
import { silentLogger } from './support/job-test-kit.js';

for (const dialect of dialects) {
  describe(`workspace schedules on ${dialect}`, { skip: skipReason(dialect) }, () => {
    let store: TestStore;
    let clock: ManualClock;
    let queue: JobQueue;

    before(async () => {
      store = await openTestStore(dialect);
    });
    beforeEach(async () => {
      await store.db.deleteFrom('jobs').execute();
      await store.db.deleteFrom('job_schedules').execute();
      await store.db.deleteFrom('workspaces').execute();
      await store.db.insertInto('workspaces').values([
        { id: 'ws_a', name: 'A', updated_at: new Date() },
        { id: 'ws_b', name: 'B', updated_at: new Date() },
      ]).execute();
      clock = new ManualClock();
      queue = new JobQueue({ db: store.db, clock, logger: silentLogger });
    });
    after(async () => store?.close());

    it("a workspace's schedule enqueues its jobs in that workspace", async () => {
      await queue.upsertSchedule({ name: 'sync:ws_a', type: 'sync', workspaceId: 'ws_a', intervalSeconds: 3600 });
      assert.deepEqual(await enqueueDueSchedules(store.db, queue, clock.now()), ['sync:ws_a']);
      const jobs = await store.db.selectFrom('jobs').select(['workspace_id', 'type']).execute();
      assert.deepEqual(jobs, [{ workspace_id: 'ws_a', type: 'sync' }]);
      assert.equal((await queue.list('ws_b', {})).items.length, 0, 'the other workspace sees no job of it');
    });

    it('lists and removes only the asking workspace’s schedules', async () => {
      await queue.upsertSchedule({ name: 'sync:ws_a', type: 'sync', workspaceId: 'ws_a', intervalSeconds: 3600 });
      await queue.upsertSchedule({ name: 'sync:ws_b', type: 'sync', workspaceId: 'ws_b', intervalSeconds: 3600 });
      await queue.upsertSchedule({ name: 'housekeeping', type: 'sweep', intervalSeconds: 3600 });
      assert.deepEqual((await queue.listSchedules('ws_a')).map((s) => s.name), ['sync:ws_a']);
      assert.deepEqual((await queue.listSchedules(null)).map((s) => s.name), ['housekeeping']);
      assert.equal(await queue.removeSchedule('sync:ws_b', 'ws_a'), false, "workspace A cannot remove B's schedule");
      assert.equal(await queue.removeSchedule('housekeeping', 'ws_a'), false, 'nor an instance schedule');
      assert.equal(await queue.removeSchedule('sync:ws_a', 'ws_a'), true);
      assert.deepEqual((await queue.listSchedules('ws_b')).map((s) => s.name), ['sync:ws_b']);
    });

    it("another workspace cannot take over a schedule by reusing its name", async () => {
      await queue.upsertSchedule({ name: 'nightly', type: 'sync', workspaceId: 'ws_a', intervalSeconds: 3600, payload: { owner: 'a' } });
      await assert.rejects(
        queue.upsertSchedule({ name: 'nightly', type: 'sync', workspaceId: 'ws_b', intervalSeconds: 60, payload: { owner: 'b' } }),
        (error: unknown) => error instanceof JobQueueError && error.code === 'schedule_name_taken',
      );
      await assert.rejects(queue.upsertSchedule({ name: 'nightly', type: 'sync', intervalSeconds: 60 }), JobQueueError);
      const [kept] = await queue.listSchedules('ws_a');
      assert.deepEqual([kept?.payload, kept?.intervalSeconds], [{ owner: 'a' }, 3600]);
      await queue.upsertSchedule({ name: 'nightly', type: 'sync', workspaceId: 'ws_a', intervalSeconds: 600, payload: { owner: 'a2' } });
      assert.deepEqual((await queue.listSchedules('ws_a'))[0]?.payload, { owner: 'a2' }, 'its own workspace still updates it');
    });

    it("deleting a workspace deletes its schedules", async () => {
      await queue.upsertSchedule({ name: 'sync:ws_a', type: 'sync', workspaceId: 'ws_a', intervalSeconds: 3600 });
      await queue.upsertSchedule({ name: 'housekeeping', type: 'sweep', intervalSeconds: 3600 });
      await store.db.deleteFrom('workspaces').where('id', '=', 'ws_a').execute();
      const left = await store.db.selectFrom('job_schedules').select('name').execute();
      assert.deepEqual(left, [{ name: 'housekeeping' }]);
    });
  });
}
