// The compliance API as a host product's backend uses it: import a snapshot, list the chain, verify it, assess a
// snapshot with ScubaGear-shaped exclusions; another workspace's ids answer 404; bad bodies are problems.
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { startHub, workspaceWithPeople, type Hub } from '../http/hub-fixture.js';
import { breakGlassConfig, compliantSnapshot } from './snapshot-fixtures.js';

const TENANT = '11111111-2222-3333-4444-555555555555';

describe('compliance routes', () => {
  let hub: Hub;
  let a: Awaited<ReturnType<typeof workspaceWithPeople>>;
  let b: Awaited<ReturnType<typeof workspaceWithPeople>>;
  const tenantUrl = (ws: string) => `/api/v1/workspaces/${ws}/compliance/tenants/${TENANT}`;

  before(async () => {
    hub = await startHub('pglite');
    a = await workspaceWithPeople(hub, 'a');
    b = await workspaceWithPeople(hub, 'b');
  });
  after(async () => {
    await hub.close();
  });

  it('imports snapshots into a chain, lists and verifies it, and names an edited snapshot', async () => {
    const first = await hub.call(a.apiKey, 'POST', `${tenantUrl(a.workspaceId)}/snapshots`, compliantSnapshot());
    assert.equal(first.statusCode, 201, first.body);
    const second = await hub.call(a.apiKey, 'POST', `${tenantUrl(a.workspaceId)}/snapshots`, { ...compliantSnapshot(), collectedAt: '2026-12-05T11:00:00.000Z' });
    const [one, two] = [first.json(), second.json()] as { id: string; hash: string; previousHash: string | null; sequence: number }[];
    assert.equal(two!.previousHash, one!.hash);

    const page1 = await hub.call(a.member, 'GET', `${tenantUrl(a.workspaceId)}/snapshots?limit=1`);
    const body1 = page1.json() as { items: { id: string }[]; nextCursor: string | null };
    assert.deepEqual(body1.items.map((s) => s.id), [one!.id]);
    const page2 = (await hub.call(a.member, 'GET', `${tenantUrl(a.workspaceId)}/snapshots?limit=1&cursor=${body1.nextCursor}`)).json() as { items: { id: string }[]; nextCursor: string | null };
    assert.deepEqual([page2.items.map((s) => s.id), page2.nextCursor], [[two!.id], null]);

    assert.deepEqual((await hub.call(a.member, 'GET', `${tenantUrl(a.workspaceId)}/snapshots/verify`)).json(), { valid: true, snapshots: 2, headHash: two!.hash });
    await hub.store.db.updateTable('compliance_snapshot_areas').set({ body: gzipSync('{"policies":[]}') }).where('snapshot_id', '=', one!.id).where('area', '=', 'conditionalAccess').execute();
    const broken = (await hub.call(a.member, 'GET', `${tenantUrl(a.workspaceId)}/snapshots/verify`)).json() as { valid: boolean; firstBrokenLink: { snapshotId: string; reason: string } };
    assert.equal(broken.valid, false);
    assert.equal(broken.firstBrokenLink.snapshotId, one!.id);
  });

  it('assesses a stored snapshot with the operator\'s CapExclusions, and refuses a bad configuration at its field', async () => {
    const created = (await hub.call(a.apiKey, 'POST', `${tenantUrl(a.workspaceId)}/snapshots`, compliantSnapshot())).json() as { id: string };
    const url = `/api/v1/workspaces/${a.workspaceId}/compliance/snapshots/${created.id}/assessment`;
    const strict = (await hub.call(a.member, 'POST', url, {})).json() as { results: { policyId: string; result: string }[] };
    assert.equal(strict.results.find((r) => r.policyId === 'MS.AAD.1.1v1')!.result, 'fail');
    const declared = await hub.call(a.member, 'POST', url, { config: breakGlassConfig() });
    assert.equal(declared.statusCode, 200);
    const body = declared.json() as { summary: { fail: number }; results: { policyId: string; result: string; evidence: string[] }[] };
    assert.equal(body.summary.fail, 0);
    assert.deepEqual(body.results.find((r) => r.policyId === 'MS.AAD.1.1v1')!.evidence, ['ca-legacy']);

    // The next snapshot switches the legacy-authentication policy to report-only: newly failing, nothing fixed.
    const next = compliantSnapshot();
    next.areas.conditionalAccess!.policies!.find((p) => p.id === 'ca-legacy')!.state = 'enabledForReportingButNotEnforced';
    const nextId = ((await hub.call(a.apiKey, 'POST', `${tenantUrl(a.workspaceId)}/snapshots`, next)).json() as { id: string }).id;
    const compared = (await hub.call(a.member, 'POST', `/api/v1/workspaces/${a.workspaceId}/compliance/snapshots/${nextId}/assessment`, { config: breakGlassConfig() })).json() as {
      comparedWith: { snapshotId: string; newlyFailing: string[]; fixed: string[] };
    };
    assert.deepEqual(compared.comparedWith, { snapshotId: created.id, newlyFailing: ['MS.AAD.1.1v1'], fixed: [] });

    const bad = await hub.call(a.member, 'POST', url, { config: { Aad: { 'MS.AAD.1.1v1': { CapExclusions: { Groups: 'admins' } } } } });
    assert.equal(bad.statusCode, 422);
    const problem = bad.json() as { code: string; errors: { pointer: string }[] };
    assert.equal(problem.code, 'invalid_assessment_config');
    assert.equal(problem.errors[0]!.pointer, '/body/config/Aad/MS.AAD.1.1v1/CapExclusions/Groups');
  });

  it('answers 404 for another workspace\'s snapshot exactly as for a missing one, and keeps chains per workspace', async () => {
    const created = (await hub.call(a.apiKey, 'POST', `${tenantUrl(a.workspaceId)}/snapshots`, compliantSnapshot())).json() as { id: string };
    const theirs = await hub.call(b.apiKey, 'GET', `/api/v1/workspaces/${b.workspaceId}/compliance/snapshots/${created.id}`);
    const missing = await hub.call(b.apiKey, 'GET', `/api/v1/workspaces/${b.workspaceId}/compliance/snapshots/snap_${'a'.repeat(26)}`);
    assert.equal(theirs.statusCode, 404);
    assert.equal(missing.statusCode, 404);
    assert.equal((theirs.json() as { code: string }).code, (missing.json() as { code: string }).code);
    assert.equal((await hub.call(b.apiKey, 'POST', `/api/v1/workspaces/${b.workspaceId}/compliance/snapshots/${created.id}/assessment`, {})).statusCode, 404);
    assert.equal((await hub.call(b.member, 'GET', `${tenantUrl(a.workspaceId)}/snapshots/verify`)).statusCode, 404, 'b\'s member cannot reach a\'s workspace');
    assert.deepEqual((await hub.call(b.member, 'GET', `${tenantUrl(b.workspaceId)}/snapshots`)).json(), { items: [], nextCursor: null });
    const own = await hub.call(a.member, 'GET', `/api/v1/workspaces/${a.workspaceId}/compliance/snapshots/${created.id}`);
    assert.equal((own.json() as { format: string }).format, 'm365hub.snapshot');
  });

  it('refuses a body that is not a snapshot with a problem, and members cannot import', async () => {
    const wrong = await hub.call(a.apiKey, 'POST', `${tenantUrl(a.workspaceId)}/snapshots`, { format: 'scubagear', version: 1, areas: {} });
    assert.equal(wrong.statusCode, 400);
    assert.equal(wrong.headers['content-type']?.toString().startsWith('application/problem+json'), true);
    const unknownArea = await hub.call(a.apiKey, 'POST', `${tenantUrl(a.workspaceId)}/snapshots`, { format: 'm365hub.snapshot', version: 1, areas: { exchange: {} } });
    assert.equal(unknownArea.statusCode, 422);
    assert.equal((unknownArea.json() as { errors: { pointer: string }[] }).errors[0]!.pointer, '/body/areas/exchange');
    assert.equal((await hub.call(a.member, 'POST', `${tenantUrl(a.workspaceId)}/snapshots`, compliantSnapshot())).statusCode, 403);
  });

  it('diffs a snapshot against the one before it in its chain, naming what changed', async () => {
    const tenant = '99999999-2222-3333-4444-555555555555';
    const url = `/api/v1/workspaces/${a.workspaceId}/compliance/tenants/${tenant}/snapshots`;
    const before = (await hub.call(a.apiKey, 'POST', url, compliantSnapshot())).json() as { id: string };
    const changed = compliantSnapshot();
    changed.areas.conditionalAccess!.policies!.find((p) => p.id === 'ca-legacy')!.state = 'disabled';
    const after = (await hub.call(a.apiKey, 'POST', url, changed)).json() as { id: string };
    const diff = (await hub.call(a.member, 'GET', `/api/v1/workspaces/${a.workspaceId}/compliance/snapshots/${after.id}/diff`)).json() as {
      fromSnapshotId: string;
      changes: { objectName: string; fields: { path: string; before: unknown; after: unknown }[] }[];
    };
    assert.equal(diff.fromSnapshotId, before.id);
    assert.deepEqual(diff.changes.map((c) => [c.objectName, c.fields]), [['Block legacy authentication', [{ path: 'state', before: 'enabled', after: 'disabled' }]]]);
    const otherTenant = (await hub.call(a.apiKey, 'POST', `${tenantUrl(a.workspaceId)}/snapshots`, compliantSnapshot())).json() as { id: string };
    assert.equal((await hub.call(a.member, 'GET', `/api/v1/workspaces/${a.workspaceId}/compliance/snapshots/${after.id}/diff?from=${otherTenant.id}`)).statusCode, 404);
  });
});
