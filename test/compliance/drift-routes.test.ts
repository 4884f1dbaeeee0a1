// What the hub does with each snapshot that arrives, as a host product's backend sees it: a stored assessment run
// per snapshot (with the tenant's stored ScubaGear-shaped exclusions) compared with the previous run; drift from
// the pinned baseline opened, followed and resolved, announced once by `compliance.drift_detected`; the Secure
// Score trend per tenant; another workspace's ids answer 404 as missing ones; bad input answers a clear problem.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fakeJobs, startHub, workspaceWithPeople, type Hub } from '../http/hub-fixture.js';
import { dialects, skipReason } from '../support/stores.js';
import { breakGlassConfig, compliantSnapshot, policyById } from './snapshot-fixtures.js';
import type { TenantSnapshot } from '../../src/features/compliance/snapshot.js';

const TENANT = '11111111-2222-3333-4444-555555555555';
const OTHER_TENANT = '99999999-2222-3333-4444-555555555555';

interface Drift {
  id: string;
  objectId: string;
  objectName: string;
  change: string;
  fields: { path: string; before: unknown; after: unknown }[];
  firstSeenSnapshotId: string;
  lastSeenSnapshotId: string;
  status: string;
  resolvedSnapshotId: string | null;
  resolution: string | null;
}
interface Run {
  id: string;
  snapshotId: string;
  previousRunId: string | null;
  summary: { fail: number };
  newlyFailing: string[];
  fixed: string[];
}

for (const dialect of dialects) {
  describe(`compliance drift and stored assessment runs (${dialect})`, { skip: skipReason(dialect) }, () => {
    let hub: Hub;
    let a: Awaited<ReturnType<typeof workspaceWithPeople>>;
    let b: Awaited<ReturnType<typeof workspaceWithPeople>>;
    const tenantUrl = (ws: string, tenant = TENANT) => `/api/v1/workspaces/${ws}/compliance/tenants/${tenant}`;
    let hour = 0;
    const importSnapshot = async (ws: typeof a, snapshot: TenantSnapshot, tenant = TENANT) => {
      hour += 1;
      const response = await hub.call(ws.apiKey, 'POST', `${tenantUrl(ws.workspaceId, tenant)}/snapshots`, { ...snapshot, collectedAt: new Date(Date.UTC(2026, 11, 5, hour)).toISOString() });
      assert.equal(response.statusCode, 201, response.body);
      return (response.json() as { id: string }).id;
    };
    const reportOnlyLegacy = () => {
      const snapshot = compliantSnapshot();
      policyById(snapshot, 'ca-legacy').state = 'enabledForReportingButNotEnforced';
      return snapshot;
    };
    const driftWebhooks = () =>
      hub.store.db.selectFrom('webhook_deliveries').select('payload').where('workspace_id', '=', a.workspaceId).where('event_type', '=', 'compliance.drift_detected').execute();
    const drifts = async (query = '') => ((await hub.call(a.member, 'GET', `${tenantUrl(a.workspaceId)}/drift-events${query}`)).json() as { items: Drift[] }).items;

    before(async () => {
      hub = await startHub(dialect, { jobs: fakeJobs() });
      a = await workspaceWithPeople(hub, 'a');
      b = await workspaceWithPeople(hub, 'b');
      const webhook = await hub.call(a.admin, 'POST', `/api/v1/workspaces/${a.workspaceId}/webhooks`, { url: 'https://hooks.example.com/drift', eventTypes: ['compliance.drift_detected'] });
      assert.equal(webhook.statusCode, 201, webhook.body);
    });
    after(async () => hub?.close());

    it('opens a drift event with the field, both values and the policy\'s name, keeps it while it lasts, announces it once, and resolves it when the tenant returns to the baseline', async () => {
      const baseline = await importSnapshot(a, compliantSnapshot());
      const pinned = await hub.call(a.admin, 'PUT', `${tenantUrl(a.workspaceId)}/baseline`, { snapshotId: baseline });
      assert.equal(pinned.statusCode, 200, pinned.body);
      assert.equal((await hub.call(a.member, 'GET', `${tenantUrl(a.workspaceId)}/baseline`)).json<{ snapshotId: string }>().snapshotId, baseline);
      assert.deepEqual(await drifts(), []);

      const drifted = await importSnapshot(a, reportOnlyLegacy());
      const [open, ...more] = await drifts('?status=open');
      assert.deepEqual(more, []);
      assert.equal(open!.objectId, 'ca-legacy');
      assert.equal(open!.objectName, 'Block legacy authentication');
      assert.equal(open!.change, 'changed');
      assert.deepEqual(open!.fields, [{ path: 'state', before: 'enabled', after: 'enabledForReportingButNotEnforced' }]);
      assert.equal(open!.firstSeenSnapshotId, drifted);
      const sent = await driftWebhooks();
      assert.equal(sent.length, 1);
      const payload = sent[0]!.payload as unknown as { type: string; data: { tenantId: string; snapshotId: string; baselineSnapshotId: string; drifts: Drift[] } };
      assert.deepEqual([payload.type, payload.data.tenantId, payload.data.snapshotId, payload.data.baselineSnapshotId], ['compliance.drift_detected', TENANT, drifted, baseline]);
      assert.deepEqual(payload.data.drifts.map((d) => [d.id, d.objectName]), [[open!.id, 'Block legacy authentication']]);

      // The same drift in the next snapshot: the same event, seen again, not announced again.
      const again = await importSnapshot(a, reportOnlyLegacy());
      const [still] = await drifts('?status=open');
      assert.deepEqual([still!.id, still!.firstSeenSnapshotId, still!.lastSeenSnapshotId], [open!.id, drifted, again]);
      assert.equal((await driftWebhooks()).length, 1);

      const restored = await importSnapshot(a, compliantSnapshot());
      assert.deepEqual(await drifts('?status=open'), []);
      const [resolved] = await drifts('?status=resolved');
      assert.deepEqual([resolved!.id, resolved!.status, resolved!.resolvedSnapshotId, resolved!.resolution], [open!.id, 'resolved', restored, 'returned_to_baseline']);
      assert.equal((await driftWebhooks()).length, 1);

      // Drifting again later is a new event, announced again.
      await importSnapshot(a, reportOnlyLegacy());
      assert.equal((await drifts('?status=open')).length, 1);
      assert.equal((await driftWebhooks()).length, 2);
    });

    it('re-pinning the baseline closes the drift measured against the old one and measures the newest snapshot against the new one', async () => {
      const newest = (await hub.call(a.member, 'GET', `${tenantUrl(a.workspaceId)}/snapshots?limit=200`)).json<{ items: { id: string }[] }>().items.at(-1)!.id;
      assert.equal((await hub.call(a.admin, 'PUT', `${tenantUrl(a.workspaceId)}/baseline`, { snapshotId: newest })).statusCode, 200);
      assert.deepEqual(await drifts('?status=open'), []);
      assert.ok((await drifts('?status=resolved')).some((d) => d.resolution === 'baseline_changed'));
    });

    it('stores a run per snapshot with the tenant\'s stored exclusions, compares it with the previous run, and filters one run\'s results', async () => {
      const config = await hub.call(a.admin, 'PUT', `${tenantUrl(a.workspaceId, OTHER_TENANT)}/assessment-config`, breakGlassConfig());
      assert.equal(config.statusCode, 200, config.body);
      await importSnapshot(a, compliantSnapshot(), OTHER_TENANT);
      await importSnapshot(a, reportOnlyLegacy(), OTHER_TENANT);
      await importSnapshot(a, compliantSnapshot(), OTHER_TENANT);
      const runs = (await hub.call(a.member, 'GET', `${tenantUrl(a.workspaceId, OTHER_TENANT)}/assessment-runs`)).json<{ items: Run[] }>().items;
      assert.equal(runs.length, 3);
      const [first, second, third] = runs as [Run, Run, Run];
      assert.equal(first.summary.fail, 0, 'the stored CapExclusions accept the break-glass account');
      assert.deepEqual([first.previousRunId, second.previousRunId, third.previousRunId], [null, first.id, second.id]);
      assert.deepEqual([second.newlyFailing, second.fixed], [['MS.AAD.1.1v1'], []]);
      assert.deepEqual([third.newlyFailing, third.fixed], [[], ['MS.AAD.1.1v1']]);

      const failing = (await hub.call(a.member, 'GET', `/api/v1/workspaces/${a.workspaceId}/compliance/assessment-runs/${second.id}?status=fail`)).json<{ results: { policyId: string; result: string }[] }>();
      assert.deepEqual(failing.results.map((r) => [r.policyId, r.result]), [['MS.AAD.1.1v1', 'fail']]);
      const high = (await hub.call(a.member, 'GET', `/api/v1/workspaces/${a.workspaceId}/compliance/assessment-runs/${second.id}?severity=high`)).json<{ results: { severity: string }[] }>();
      assert.ok(high.results.length > 0 && high.results.every((r) => r.severity === 'high'));
    });

    it('answers the Secure Score per day per tenant and across the workspace\'s tenants', async () => {
      const trend = (await hub.call(a.member, 'GET', `${tenantUrl(a.workspaceId)}/secure-score-trend`)).json<{ points: { day: string; percentage: number }[] }>();
      assert.deepEqual(trend.points.map((p) => [p.day, p.percentage]), [['2026-12-04', 40], ['2026-12-05', 61.5]]);
      const all = (await hub.call(a.member, 'GET', `/api/v1/workspaces/${a.workspaceId}/compliance/secure-score-trend`)).json<{ tenants: { tenantId: string }[] }>();
      assert.deepEqual(all.tenants.map((t) => t.tenantId).sort(), [TENANT, OTHER_TENANT].sort());
      const none = (await hub.call(b.member, 'GET', `/api/v1/workspaces/${b.workspaceId}/compliance/secure-score-trend`)).json();
      assert.deepEqual(none, { tenants: [] });
    });

    it('refuses a baseline of another tenant with a clear problem, and answers 404 for another workspace\'s snapshot and run as for missing ones', async () => {
      const otherTenantSnapshot = await importSnapshot(a, compliantSnapshot(), OTHER_TENANT);
      const wrong = await hub.call(a.admin, 'PUT', `${tenantUrl(a.workspaceId)}/baseline`, { snapshotId: otherTenantSnapshot });
      assert.equal(wrong.statusCode, 422);
      const problem = wrong.json<{ code: string; detail: string; errors: { pointer: string }[] }>();
      assert.equal(problem.code, 'baseline_of_another_tenant');
      assert.match(problem.detail, new RegExp(OTHER_TENANT));
      assert.equal(problem.errors[0]!.pointer, '/body/snapshotId');

      const theirs = await hub.call(b.admin, 'PUT', `${tenantUrl(b.workspaceId)}/baseline`, { snapshotId: otherTenantSnapshot });
      const missing = await hub.call(b.admin, 'PUT', `${tenantUrl(b.workspaceId)}/baseline`, { snapshotId: `snap_${'a'.repeat(26)}` });
      assert.deepEqual([theirs.statusCode, theirs.json<{ code: string }>().code], [404, 'not_found']);
      assert.equal(theirs.json<{ detail: string }>().detail, missing.json<{ detail: string }>().detail);

      const runId = (await hub.call(a.member, 'GET', `${tenantUrl(a.workspaceId)}/assessment-runs`)).json<{ items: Run[] }>().items[0]!.id;
      const theirRun = await hub.call(b.member, 'GET', `/api/v1/workspaces/${b.workspaceId}/compliance/assessment-runs/${runId}`);
      const missingRun = await hub.call(b.member, 'GET', `/api/v1/workspaces/${b.workspaceId}/compliance/assessment-runs/asr_${'a'.repeat(26)}`);
      assert.deepEqual([theirRun.statusCode, theirRun.body.replace(/"requestId":"[^"]*"/, '')], [404, missingRun.body.replace(/"requestId":"[^"]*"/, '')]);
      // B sees none of A's drift or runs for the same tenant id.
      assert.deepEqual((await hub.call(b.member, 'GET', `${tenantUrl(b.workspaceId)}/drift-events`)).json(), { items: [], nextCursor: null });
      assert.deepEqual((await hub.call(b.member, 'GET', `${tenantUrl(b.workspaceId)}/assessment-runs`)).json(), { items: [], nextCursor: null });
    });

    it('keeps secrets of an imported snapshot out of drift events and their webhook', async () => {
      const tenant = '33333333-2222-3333-4444-555555555555';
      const baseline = await importSnapshot(a, compliantSnapshot(), tenant);
      assert.equal((await hub.call(a.admin, 'PUT', `${tenantUrl(a.workspaceId, tenant)}/baseline`, { snapshotId: baseline })).statusCode, 200);
      const withSecrets = compliantSnapshot();
      const users = withSecrets.areas.directory!.users!;
      users[0]!.passwordProfile = { password: 'Sup3r-Secret-Drift', forceChangePasswordNextSignIn: false };
      users.push({ id: 'u-new', displayName: 'New Person', passwordProfile: { password: 'Sup3r-Secret-Drift' }, accountEnabled: true });
      const before = (await driftWebhooks()).length;
      await importSnapshot(a, withSecrets, tenant);
      const events = (await hub.call(a.member, 'GET', `${tenantUrl(a.workspaceId, tenant)}/drift-events`)).body;
      assert.deepEqual((JSON.parse(events) as { items: Drift[] }).items.map((d) => [d.objectName, d.change]), [['New Person', 'added']], 'the password change is no drift: it was never stored');
      const sent = await driftWebhooks();
      assert.equal(sent.length, before + 1);
      assert.doesNotMatch(events + JSON.stringify(sent), /Sup3r-Secret-Drift/);
    });

    it('refuses a bad assessment configuration at its field and keeps the stored one', async () => {
      const bad = await hub.call(a.admin, 'PUT', `${tenantUrl(a.workspaceId, OTHER_TENANT)}/assessment-config`, { Aad: { 'MS.AAD.1.1v1': { CapExclusions: { Groups: 'admins' } } } });
      assert.equal(bad.statusCode, 422);
      const problem = bad.json<{ code: string; errors: { pointer: string }[] }>();
      assert.equal(problem.code, 'invalid_assessment_config');
      assert.equal(problem.errors[0]!.pointer, '/body/Aad/MS.AAD.1.1v1/CapExclusions/Groups');
      const kept = (await hub.call(a.member, 'GET', `${tenantUrl(a.workspaceId, OTHER_TENANT)}/assessment-config`)).json<{ config: unknown }>();
      assert.deepEqual(kept.config, breakGlassConfig());
      assert.equal((await hub.call(a.member, 'PUT', `${tenantUrl(a.workspaceId, OTHER_TENANT)}/assessment-config`, {})).statusCode, 403);
    });
  });
}
