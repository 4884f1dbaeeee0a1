// Compliance syncs against the emulator, on both dialects: "Refresh data" reads every area into one new snapshot of
// the tenant's chain that decides the baseline; an app lacking SharePointTenantSettings.Read.All gets that area alone
// as a permission_error naming it, and the others complete; the next sync reads users through the kept
// delta link (a user added in between is there, nobody twice; removals: directory-delta.test.ts); an expired delta link
// (410) means a full read again; a sync cut off midway leaves no snapshot, and its retry writes exactly one; 429, 503
// and a malformed object mid-sync do not stop it; the schedule is set and removed; another workspace sees none of it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { complianceSyncJobs, COMPLIANCE_SYNC_JOB } from '../../src/features/compliance/index.js';
import { dialects, skipReason } from '../support/stores.js';
import { CONTOSO, finishedJob, startConnectKit, type ConnectKit } from '../connect/support/connect-kit.js';

interface JobView {
  id: string;
  status: string;
  progress: { done: number; total: number; message?: string } | null;
  result?: { snapshotId: string; sequence: number; areas: string[]; faults: Record<string, { status: string; permission?: string }>; users: string; objects: number; pages: number; malformed: string[] };
  problem?: { code: string; detail: string };
}

for (const dialect of dialects) {
  describe(`compliance syncs (${dialect})`, { skip: skipReason(dialect) }, () => {
    let kit: ConnectKit;
    let ws: { id: string; apiKey: string };
    const tenantPath = () => `/api/v1/workspaces/${ws.id}/compliance/tenants/${CONTOSO}`;
    const api = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => kit.api(ws.apiKey, method, path, body, headers);

    async function sync(): Promise<JobView> {
      const started = await api('POST', `${tenantPath()}/syncs`);
      assert.equal(started.status, 202, await started.clone().text());
      const job = (await started.json()) as JobView;
      assert.equal(started.headers.get('location'), `/api/v1/workspaces/${ws.id}/jobs/${job.id}`);
      const done = await finishedJob(async () => (await (await api('GET', `/api/v1/workspaces/${ws.id}/jobs/${job.id}`)).json()) as JobView, 60_000);
      assert.equal(done.status, 'succeeded', JSON.stringify(done));
      return done;
    }
    const snapshotOf = async (id: string) => (await (await api('GET', `/api/v1/workspaces/${ws.id}/compliance/snapshots/${id}`)).json()) as { areas: { directory: { users: Array<{ id: string; userPrincipalName: string }>; groups: Array<{ members?: string[] }> } } };

    before(async () => {
      kit = await startConnectKit(dialect);
      ws = await kit.workspace('Compliance sync', { azureTenantId: CONTOSO });
    });
    after(async () => kit?.close());

    it('reads every area into one snapshot, with progress per area, that decides the baseline', async () => {
      const done = await sync();
      assert.deepEqual(done.progress && { done: done.progress.done, total: done.progress.total }, { done: 7, total: 7 });
      const result = done.result!;
      assert.equal(done.progress!.message, `Read ${result.objects} objects in ${result.pages} pages`);
      assert.equal(result.sequence, 1);
      assert.deepEqual(result.areas.sort(), ['authenticationMethods', 'authorization', 'conditionalAccess', 'directory', 'roles', 'secureScore', 'sharePoint']);
      assert.deepEqual(result.faults, {});
      assert.equal(result.users, 'full');

      const snapshot = await snapshotOf(result.snapshotId);
      const state = (await (await kit.emulator.fetch(`${kit.emulator.url}/_emulator/state`)).json()) as { users: Array<{ tenantId: string; userPrincipalName: string }> };
      const expected = state.users.filter((u) => u.tenantId === CONTOSO).map((u) => u.userPrincipalName.toLowerCase()).sort();
      assert.deepEqual(snapshot.areas.directory.users.map((u) => u.userPrincipalName.toLowerCase()).sort(), expected, "every one of the tenant's users, once");
      assert.ok(snapshot.areas.directory.groups.some((g) => (g.members ?? []).length > 0), "groups carry their transitive members' ids");

      const assessment = (await (await api('POST', `/api/v1/workspaces/${ws.id}/compliance/snapshots/${result.snapshotId}/assessment`, {})).json()) as { results: Array<{ policyId: string; result: string }> };
      const decided = assessment.results.filter((r) => r.result === 'pass' || r.result === 'fail');
      assert.ok(decided.length >= 20, `the synced snapshot decides the baseline (${decided.length} decided)`);
      assert.deepEqual(assessment.results.filter((r) => r.result === 'error').map((r) => r.policyId), [], 'no rule lacks its data');
      const runs = (await (await api('GET', `${tenantPath()}/assessment-runs`)).json()) as { items: Array<{ snapshotId: string }> };
      assert.deepEqual(runs.items.map((r) => r.snapshotId), [result.snapshotId], 'the synced snapshot was assessed and its run stored on arrival');
    });

    it('an app Microsoft refuses one area: that area names the permission to grant, the others complete', async () => {
      const app = await kit.emulator.createApplication(CONTOSO, { displayName: 'Compliance without SharePoint' });
      const secret = await kit.emulator.addSecret(CONTOSO, app.appId);
      await kit.emulator.grant(CONTOSO, { appId: app.appId, roles: ['Directory.Read.All', 'Policy.Read.All', 'AuditLog.Read.All', 'SecurityEvents.Read.All', 'RoleManagement.Read.Directory'] });
      const partial = await kit.workspace('Compliance partial', { clientId: app.appId, clientSecret: secret.secretText, azureTenantId: CONTOSO });
      const started = (await (await kit.api(partial.apiKey, 'POST', `/api/v1/workspaces/${partial.id}/compliance/tenants/${CONTOSO}/syncs`)).json()) as JobView;
      const done = await finishedJob(async () => (await (await kit.api(partial.apiKey, 'GET', `/api/v1/workspaces/${partial.id}/jobs/${started.id}`)).json()) as JobView, 60_000);
      assert.equal(done.status, 'succeeded', JSON.stringify(done));
      assert.deepEqual(Object.keys(done.result!.faults), ['sharePoint']);
      assert.equal(done.result!.faults.sharePoint!.status, 'permission_error');
      assert.equal(done.result!.faults.sharePoint!.permission, 'SharePointTenantSettings.Read.All');
      assert.equal(done.result!.areas.length, 6, 'the other six areas complete');
    });

    it('reads users through the kept delta link next time: a user added in between is there, nobody twice', async () => {
      const created = await kit.emulator.createUser(CONTOSO, { userPrincipalName: `delta.${dialect}@contoso.onmicrosoft.com`, displayName: 'Delta Person' });

      const done = await sync();
      assert.equal(done.result!.users, 'delta');
      assert.equal(done.result!.sequence, 2);
      const ids = (await snapshotOf(done.result!.snapshotId)).areas.directory.users.map((u) => u.id);
      assert.ok(ids.includes(created.id), 'the new user');
      assert.equal(new Set(ids).size, ids.length, 'nobody twice');
    });

    it('reads everyone again when Microsoft says the delta link expired (410), with the same users a full read gives', async () => {
      const before = (await snapshotOf((await sync()).result!.snapshotId)).areas.directory.users.map((u) => u.id).sort();
      assert.equal((await kit.emulator.fetch(`${kit.emulator.url}/_emulator/tenants/${CONTOSO}/deltaTokens/expire`, { method: 'POST' })).status, 200);
      const done = await sync();
      assert.equal(done.result!.users, 'full_after_expiry');
      assert.deepEqual((await snapshotOf(done.result!.snapshotId)).areas.directory.users.map((u) => u.id).sort(), before);
      const verify = (await (await api('GET', `${tenantPath()}/snapshots/verify`)).json()) as { valid: boolean };
      assert.equal(verify.valid, true, 'the chain of synced snapshots verifies');
    });

    it('a sync cut off midway (the process stopped) leaves no snapshot; run again, it writes exactly one', async () => {
      const count = async () => Number((await kit.hub.hub.store.db.selectFrom('compliance_snapshots').select((eb) => eb.fn.countAll().as('n')).where('workspace_id', '=', ws.id).executeTakeFirstOrThrow()).n);
      const before = await count();
      const handler = complianceSyncJobs({ db: kit.hub.hub.store.db, clock: { now: () => new Date() }, graphFor: (w, t) => kit.hub.hub.graphClients.forApp(w, t) })[COMPLIANCE_SYNC_JOB]!;
      const job = { id: 'job_cut', workspaceId: ws.id, payload: { tenantId: CONTOSO } } as never;
      const controller = new AbortController();
      let calls = 0;
      await assert.rejects(
        handler({ job, signal: controller.signal, heartbeat: async () => {}, progress: async () => void (++calls === 3 && controller.abort(new Error('worker stopped'))) }),
        /worker stopped|aborted/,
      );
      assert.equal(await count(), before, 'nothing half-written');
      await handler({ job, signal: new AbortController().signal, heartbeat: async () => {}, progress: async () => {} });
      assert.equal(await count(), before + 1);
    });

    it('keeps a schedule per tenant, and removes it', async () => {
      const set = await api('PUT', `${tenantPath()}/sync-schedule`, { intervalHours: 24 });
      assert.equal(set.status, 200, await set.clone().text());
      const shown = (await set.json()) as { intervalHours: number; nextRunAt: string };
      assert.equal(shown.intervalHours, 24);
      assert.ok(Math.abs(Date.parse(shown.nextRunAt) - (Date.now() + 24 * 3600_000)) < 600_000, 'the first scheduled sync is one interval away');
      assert.equal(((await (await api('GET', `${tenantPath()}/sync-schedule`)).json()) as { intervalHours: number }).intervalHours, 24);
      const bad = await api('PUT', `${tenantPath()}/sync-schedule`, { intervalHours: 0 });
      assert.equal(bad.status, 400);
      assert.equal(((await bad.json()) as { code: string }).code, 'validation_failed');
      assert.equal((await api('PUT', `${tenantPath()}/sync-schedule`, { intervalHours: null })).status, 400, 'null is not an interval: DELETE removes the schedule');
      const removed = await api('DELETE', `${tenantPath()}/sync-schedule`);
      assert.deepEqual(await removed.json(), { tenantId: CONTOSO, intervalHours: null, nextRunAt: null });
      assert.equal(((await (await api('GET', `${tenantPath()}/sync-schedule`)).json()) as { intervalHours: null }).intervalHours, null);
    });

    it('finishes through throttling (429 with Retry-After) and a 503 mid-sync, and records a malformed object without failing', async () => {
      const fault = async (rule: Record<string, unknown>) =>
        assert.equal((await kit.emulator.fetch(`${kit.emulator.url}/_emulator/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ count: 1, ...rule }) })).status, 204);
      await fault({ pathPattern: '^/v1\\.0/groups$', status: 429, retryAfter: 0 });
      await fault({ pathPattern: '^/v1\\.0/identity/conditionalAccess/policies$', status: 503 });
      await fault({ pathPattern: '^/v1\\.0/domains$', status: 200, body: { value: [42, { id: 'contoso.onmicrosoft.com', isVerified: true, isDefault: true }] } });
      const done = await sync();
      assert.deepEqual(done.result!.faults, {}, 'every area read after the retries');
      assert.deepEqual(done.result!.malformed, ['/domains: an item that is not an object was skipped']);
      const left = (await (await kit.emulator.fetch(`${kit.emulator.url}/_emulator/faults`)).json()) as { value: unknown[] };
      assert.deepEqual(left.value, [], 'each fault was met');
    });

    it("decides MS.AAD.5.2 from Microsoft Graph's delegated permission classifications when users may consent to low-impact permissions only", async () => {
      const control = (method: string, path: string, body: unknown) =>
        kit.emulator.fetch(`${kit.emulator.url}/_emulator/tenants/${CONTOSO}/${path}`, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const verdict52 = async () => {
        const done = await sync();
        const run = (await (await api('GET', `${tenantPath()}/assessment-runs?limit=200`)).json()) as { items: Array<{ id: string; snapshotId: string }> };
        const newest = run.items.find((r) => r.snapshotId === done.result!.snapshotId)!;
        const detail = (await (await api('GET', `/api/v1/workspaces/${ws.id}/compliance/assessment-runs/${newest.id}`)).json()) as { results: Array<{ policyId: string; result: string; details: string }> };
        const snapshot = (await (await api('GET', `/api/v1/workspaces/${ws.id}/compliance/snapshots/${done.result!.snapshotId}`)).json()) as { areas: { authorization: { delegatedPermissionClassifications: Array<{ permissionName: string; classification: string }> } } };
        return { rule: detail.results.find((r) => r.policyId === 'MS.AAD.5.2v1')!, classified: snapshot.areas.authorization.delegatedPermissionClassifications.map((c) => c.permissionName).sort() };
      };
      assert.equal((await control('PATCH', 'authorizationPolicy', { permissionGrantPoliciesAssigned: ['ManagePermissionGrantsForSelf.microsoft-user-default-low'] })).status, 200);
      assert.equal((await control('PUT', 'delegatedPermissionClassifications', { low: ['openid', 'profile', 'Mail.Read'] })).status, 200);
      const risky = await verdict52();
      assert.deepEqual(risky.classified, ['Mail.Read', 'openid', 'profile'], "the snapshot holds Microsoft Graph's classifications as Graph returns them");
      assert.equal(risky.rule.result, 'fail');
      assert.match(risky.rule.details, /Mail\.Read/, 'the failing verdict names the data permission users may consent to');

      assert.equal((await control('PUT', 'delegatedPermissionClassifications', { low: ['openid', 'profile', 'email', 'offline_access', 'User.Read'] })).status, 200);
      const signInOnly = await verdict52();
      assert.equal(signInOnly.rule.result, 'pass', 'only the sign-in permissions Microsoft suggests are classified low');
      const unknown = await control('PUT', 'delegatedPermissionClassifications', { low: ['Not.A.Permission'] });
      assert.equal(unknown.status, 400, 'the control API names a permission it does not know');
      await control('PATCH', 'authorizationPolicy', { permissionGrantPoliciesAssigned: ['ManagePermissionGrantsForSelf.microsoft-user-default-legacy'] });
    });

    it("another workspace sees none of this tenant's syncs or snapshots, and keeps its own schedule for the same tenant", async () => {
      const other = await kit.workspace('Other compliance', { azureTenantId: CONTOSO });
      await api('PUT', `${tenantPath()}/sync-schedule`, { intervalHours: 12 });
      const otherSchedule = `/api/v1/workspaces/${other.id}/compliance/tenants/${CONTOSO}/sync-schedule`;
      assert.equal(((await (await kit.api(other.apiKey, 'GET', otherSchedule)).json()) as { intervalHours: null }).intervalHours, null, "this workspace's schedule is not the other's");
      assert.equal(((await (await kit.api(other.apiKey, 'PUT', otherSchedule, { intervalHours: 6 })).json()) as { intervalHours: number }).intervalHours, 6);
      assert.equal(((await (await api('GET', `${tenantPath()}/sync-schedule`)).json()) as { intervalHours: number }).intervalHours, 12, 'each keeps its own');
      const listed = (await (await kit.api(other.apiKey, 'GET', `/api/v1/workspaces/${other.id}/compliance/tenants/${CONTOSO}/snapshots`)).json()) as { items: unknown[] };
      assert.deepEqual(listed.items, []);
      const jobs = await kit.hub.hub.store.db.selectFrom('jobs').select('id').where('workspace_id', '=', ws.id).where('type', '=', COMPLIANCE_SYNC_JOB).execute();
      assert.equal((await kit.api(other.apiKey, 'GET', `/api/v1/workspaces/${other.id}/jobs/${jobs[0]!.id}`)).status, 404);
    });
  });
}
