// The job routes against the real durable queue of a running hub (the other HTTP tests use a stand-in queue):
// progress and results as stored, cancellation, and another workspace's job answering 404.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { signInThroughApi, type ApiSession } from '../browser/api-session.js';
import { startTestHub, type TestHub } from '../support/hub.js';

describe('job routes on the real queue', () => {
  let hub: TestHub;
  let admin: ApiSession;
  let workspaceA: string;
  let workspaceB: string;

  before(async () => {
    hub = await startTestHub();
    admin = await signInThroughApi(hub.url, hub.admin);
    workspaceA = (await admin.call<{ id: string }>('POST', '/api/v1/workspaces', { name: 'A' })).id;
    workspaceB = (await admin.call<{ id: string }>('POST', '/api/v1/workspaces', { name: 'B' })).id;
  });
  after(() => hub.close());

  it('shows a queued job with its progress fields, then cancels it', async () => {
    // Scheduled far ahead so the hub's own worker leaves it queued while the test looks at it.
    const job = await hub.hub.jobs.enqueue({
      type: 'test.never-runs',
      payload: {},
      workspaceId: workspaceA,
      runAt: new Date(Date.now() + 3600_000),
    });
    const shown = await admin.call<Record<string, unknown>>('GET', `/api/v1/workspaces/${workspaceA}/jobs/${job.id}`);
    assert.equal(shown.id, job.id);
    assert.equal(shown.type, 'test.never-runs');
    assert.equal(shown.status, 'queued');
    assert.deepEqual(shown.progress, { done: null, total: null, message: null });
    const cancelled = await admin.call<Record<string, unknown>>('POST', `/api/v1/workspaces/${workspaceA}/jobs/${job.id}/cancel`);
    assert.equal(cancelled.status, 'cancelled');
  });

  it("answers 404 for another workspace's job, exactly as for a missing one", async () => {
    const job = await hub.hub.jobs.enqueue({ type: 'test.never-runs', payload: {}, workspaceId: workspaceB, runAt: new Date(Date.now() + 3600_000) });
    const session = await fetch(`${hub.url}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(hub.admin),
    });
    const cookie = session.headers.getSetCookie().map((h) => h.split(';')[0]).join('; ');
    const viaOtherWorkspace = await fetch(`${hub.url}/api/v1/workspaces/${workspaceA}/jobs/${job.id}`, { headers: { Cookie: cookie } });
    const missing = await fetch(`${hub.url}/api/v1/workspaces/${workspaceA}/jobs/job_doesnotexist`, { headers: { Cookie: cookie } });
    assert.equal(viaOtherWorkspace.status, 404);
    assert.equal(missing.status, 404);
    const [a, b] = [await viaOtherWorkspace.json(), await missing.json()] as Record<string, unknown>[];
    assert.equal(a!.code, b!.code);
    assert.equal(a!.detail, b!.detail);
  });
});
