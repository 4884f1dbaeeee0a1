// Housekeeping removes only what has expired: expired sessions and OAuth states, unused expired connect links,
// and finished jobs past retention; everything still valid stays.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { maintenanceJobs } from '../../src/app/maintenance-jobs.js';
import type { JobHandler } from '../../src/platform/jobs/job-worker.js';
import { ManualClock } from '../../src/platform/time/clock.js';
import { dialects, openTestStore, skipReason, type TestStore } from '../support/stores.js';

const DAY = 24 * 3600 * 1000;

for (const dialect of dialects) {
  describe(`maintenance jobs (${dialect})`, { skip: skipReason(dialect) }, () => {
    let store: TestStore;
    const clock = new ManualClock(new Date('2026-06-01T12:00:00Z'));
    const at = (offsetMs: number) => new Date(clock.now().getTime() + offsetMs);
    let handlers: Record<string, JobHandler>;
    const run = (type: string) => handlers[type]!({} as Parameters<JobHandler>[0]);

    before(async () => {
      store = await openTestStore(dialect);
      handlers = maintenanceJobs({ db: store.db, clock });
      const db = store.db;
      await db.insertInto('workspaces').values({ id: 'ws_a', name: 'A', updated_at: at(0) }).execute();
      await db
        .insertInto('console_users')
        .values({ id: 'usr_a', email: 'a@example.test', display_name: 'A', password_hash: 'x' })
        .execute();
      await db
        .insertInto('console_sessions')
        .values([
          { token_hash: 'expired', user_id: 'usr_a', csrf_token_hash: 'c', expires_at: at(-1000), ip: null, user_agent: null },
          { token_hash: 'valid', user_id: 'usr_a', csrf_token_hash: 'c', expires_at: at(DAY), ip: null, user_agent: null },
        ])
        .execute();
      const state = (hash: string, expiresAt: Date) => ({
        state_hash: hash,
        workspace_id: 'ws_a',
        purpose: 'connect' as const,
        browser_binding_hash: 'b',
        expires_at: expiresAt,
      });
      await db.insertInto('m365_auth_states').values([state('old', at(-1000)), state('fresh', at(600_000))]).execute();
      const link = (hash: string, expiresAt: Date) => ({ token_hash: hash, workspace_id: 'ws_a', external_user_id: 'u1', expires_at: expiresAt });
      await db.insertInto('m365_connect_links').values([link('old', at(-1000)), link('fresh', at(600_000))]).execute();
      const job = (id: string, status: 'succeeded' | 'dead', finishedAt: Date) => ({
        id,
        type: 't',
        payload: '{}',
        status,
        run_at: finishedAt,
        updated_at: finishedAt,
        finished_at: finishedAt,
      });
      await db
        .insertInto('jobs')
        .values([job('job_old', 'succeeded', at(-31 * DAY)), job('job_recent', 'succeeded', at(-DAY)), job('job_dead', 'dead', at(-60 * DAY))])
        .execute();
    });
    after(() => store.close());

    it('deletes expired console sessions only', async () => {
      assert.deepEqual(await run('maintenance.delete-expired-sessions'), { deleted: 1, signInWindows: 0 });
      const left = await store.db.selectFrom('console_sessions').select('token_hash').execute();
      assert.deepEqual(left.map((r) => r.token_hash), ['valid']);
    });

    it('deletes expired OAuth states and connect links only', async () => {
      assert.deepEqual(await run('maintenance.delete-expired-oauth-states'), { states: 1, connectLinks: 1 });
      assert.deepEqual((await store.db.selectFrom('m365_auth_states').select('state_hash').execute()).map((r) => r.state_hash), ['fresh']);
      assert.deepEqual((await store.db.selectFrom('m365_connect_links').select('token_hash').execute()).map((r) => r.token_hash), ['fresh']);
    });

    it('deletes finished jobs past 30 days but keeps dead letters for an operator to inspect', async () => {
      assert.deepEqual(await run('maintenance.delete-finished-jobs'), { deleted: 1 });
      const left = await store.db.selectFrom('jobs').select('id').orderBy('id').execute();
      assert.deepEqual(left.map((r) => r.id), ['job_dead', 'job_recent']);
    });
  });
}
