// Access reviews and evidence through the API, as a compliance engineer uses them: export a tenant's users
// (filtered, CSV and JSON), run a review campaign (create, decide rows, close, export decisions), download the
// evidence zip and open it; another workspace's ids answer 404 like missing ones.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import yauzl from 'yauzl';
import { startHub, workspaceWithPeople, type Hub } from '../http/hub-fixture.js';
import { dialects, skipReason } from '../support/stores.js';
import { compliantSnapshot } from './snapshot-fixtures.js';

const TENANT = '11111111-2222-3333-4444-555555555555';

/** Every entry of a zip, read by yauzl (a zip reader independent of the writer). */
function unzip(buffer: Buffer): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('no zip'));
      const files = new Map<string, string>();
      zip.on('error', reject);
      zip.on('end', () => resolve(files));
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

for (const dialect of dialects) describe(`access reviews and evidence (${dialect})`, { skip: skipReason(dialect) }, () => {
  let hub: Hub;
  let a: Awaited<ReturnType<typeof workspaceWithPeople>>;
  let b: Awaited<ReturnType<typeof workspaceWithPeople>>;
  const ws = (id: string) => `/api/v1/workspaces/${id}/compliance`;

  before(async () => {
    hub = await startHub(dialect);
    a = await workspaceWithPeople(hub, 'a');
    b = await workspaceWithPeople(hub, 'b');
    const snapshot = compliantSnapshot();
    snapshot.areas.directory!.users!.find((u) => u.id === 'u-plain')!.displayName = '=cmd|calc, "Pat"';
    const imported = await hub.call(a.apiKey, 'POST', `${ws(a.workspaceId)}/tenants/${TENANT}/snapshots`, snapshot);
    assert.equal(imported.statusCode, 201, imported.body);
  });
  after(async () => {
    await hub.close();
  });

  it('exports the newest snapshot\'s users as CSV and JSON, filtered', async () => {
    const csv = await hub.call(a.member, 'GET', `${ws(a.workspaceId)}/tenants/${TENANT}/access-review`);
    assert.equal(csv.statusCode, 200, csv.body);
    assert.match(String(csv.headers['content-type']), /^text\/csv/);
    assert.match(String(csv.headers['content-disposition']), /^attachment; filename="access-review-/);
    const lines = csv.body.trim().split('\r\n');
    assert.equal(lines.length, 9);
    assert.ok(lines.some((l) => l.startsWith('u-plain,"\'=cmd|calc, ""Pat"""')), 'a formula-like name is quoted and neutralised');

    const guests = await hub.call(a.member, 'GET', `${ws(a.workspaceId)}/tenants/${TENANT}/access-review?format=json&withoutMfa=true&userType=Guest`);
    const body = guests.json() as { snapshotId: string; items: { userId: string; mfaRegistered: boolean }[] };
    assert.match(body.snapshotId, /^snap_/);
    assert.deepEqual(body.items.map((r) => [r.userId, r.mfaRegistered]), [['u-guest', false]]);

    const none = await hub.call(a.member, 'GET', `${ws(a.workspaceId)}/tenants/99999999-2222-3333-4444-555555555555/access-review`);
    assert.equal(none.statusCode, 404);
    assert.match((none.json() as { detail: string }).detail, /no snapshot/);
  });

  it('runs a review: create, decide rows, close, export the decisions; closed reviews refuse decisions', async () => {
    const created = await hub.call(a.admin, 'POST', `${ws(a.workspaceId)}/access-reviews`, { tenantId: TENANT, name: 'Q4 privileged users', filter: { privileged: true } });
    assert.equal(created.statusCode, 201, created.body);
    const review = created.json() as { id: string; rows: number; decided: number; status: string; createdBy: string };
    assert.deepEqual([review.rows, review.decided, review.status, review.createdBy], [4, 0, 'open', 'admin-a@example.com']);
    const url = `${ws(a.workspaceId)}/access-reviews/${review.id}`;

    const keep = await hub.call(a.member, 'PUT', `${url}/decisions/u-ga-1`, { decision: 'keep', comment: 'on-call admin' });
    assert.equal(keep.statusCode, 200, keep.body);
    assert.equal((await hub.call(a.member, 'PUT', `${url}/decisions/u-ua-2`, { decision: 'keep' })).statusCode, 200);
    // A second decision on a row replaces the first while the review is open.
    assert.equal((await hub.call(a.member, 'PUT', `${url}/decisions/u-ua-2`, { decision: 'remove', comment: 'left the helpdesk' })).statusCode, 200);
    const outside = await hub.call(a.member, 'PUT', `${url}/decisions/u-plain`, { decision: 'remove' });
    assert.equal(outside.statusCode, 404, 'a user the review does not list cannot be decided');
    assert.equal((await hub.call(a.member, 'PUT', `${url}/decisions/u-ga-2`, { decision: 'maybe' })).statusCode, 400);

    assert.equal((await hub.call(a.member, 'POST', `${url}/close`)).statusCode, 403, 'closing is for workspace admins');
    const closed = await hub.call(a.admin, 'POST', `${url}/close`);
    assert.equal(closed.statusCode, 200, closed.body);
    assert.deepEqual((closed.json() as { status: string; decided: number }).status, 'closed');
    const late = await hub.call(a.member, 'PUT', `${url}/decisions/u-ga-2`, { decision: 'keep' });
    assert.equal(late.statusCode, 409);
    assert.equal((late.json() as { code: string }).code, 'conflict');

    const exported = await hub.call(a.member, 'GET', `${url}/export?format=json`);
    const items = (exported.json() as { items: { userId: string; decision: { decision: string; comment: string; decidedBy: string } | null }[] }).items;
    assert.deepEqual(
      items.map((r) => [r.userId, r.decision?.decision ?? null, r.decision?.comment ?? null, r.decision?.decidedBy ?? null]),
      [
        ['u-ga-1', 'keep', 'on-call admin', 'member-a@example.com'],
        ['u-ga-2', null, null, null],
        ['u-ua-1', null, null, null],
        ['u-ua-2', 'remove', 'left the helpdesk', 'member-a@example.com'],
      ],
    );
    const csv = await hub.call(a.member, 'GET', `${url}/export`);
    assert.match(csv.body.split('\r\n')[0]!, /,decision,comment,decidedBy,decidedAt$/);
    assert.match(csv.body, /\r\nu-ua-2,.*,remove,left the helpdesk,member-a@example\.com,2026-/);

    const chains = (await hub.call(a.member, 'GET', `${ws(a.workspaceId)}/chains`)).json() as { items: { tenantId: string; snapshots: number }[] };
    assert.deepEqual(chains.items.map((c) => c.tenantId), [TENANT]);
    assert.deepEqual((await hub.call(b.member, 'GET', `${ws(b.workspaceId)}/chains`)).json(), { items: [] });

    const audit = await hub.store.db.selectFrom('audit_log').select(['action']).where('workspace_id', '=', a.workspaceId).where('action', 'like', 'access_review.%').execute();
    // The manual clock stands still, so entries share a time: compare them as a set with counts.
    assert.deepEqual(audit.map((e) => e.action).sort(), ['access_review.closed', 'access_review.created', 'access_review.decided', 'access_review.decided', 'access_review.decided']);

    const list = (await hub.call(a.member, 'GET', `${ws(a.workspaceId)}/access-reviews`)).json() as { items: { id: string; decided: number }[] };
    assert.deepEqual(list.items.map((c) => [c.id, c.decided]), [[review.id, 2]]);
  });

  it('decisions racing the close are either final before it or refused, never recorded after it', async () => {
    const review = (await hub.call(a.admin, 'POST', `${ws(a.workspaceId)}/access-reviews`, { tenantId: TENANT, name: 'race' })).json() as { id: string; rows: number };
    const url = `${ws(a.workspaceId)}/access-reviews/${review.id}`;
    const users = ['u-ga-1', 'u-ga-2', 'u-ua-1', 'u-ua-2', 'u-plain', 'u-guest', 'u-disabled'];
    const [close, ...decisions] = await Promise.all([
      hub.call(a.admin, 'POST', `${url}/close`),
      ...users.map((u) => hub.call(a.member, 'PUT', `${url}/decisions/${u}`, { decision: 'keep' })),
    ]);
    assert.equal(close!.statusCode, 200);
    assert.ok(decisions.every((d) => d.statusCode === 200 || d.statusCode === 409), decisions.map((d) => d.statusCode).join(','));
    const accepted = users.filter((_, i) => decisions[i]!.statusCode === 200).sort();
    const items = ((await hub.call(a.member, 'GET', `${url}/export?format=json`)).json() as { items: { userId: string; decision: unknown }[] }).items;
    assert.deepEqual(items.filter((r) => r.decision).map((r) => r.userId).sort(), accepted);
    assert.equal(((await hub.call(a.member, 'GET', url)).json() as { decided: number }).decided, accepted.length);
  });

  it('answers 404 for another workspace\'s review, snapshot and tenant exactly as for missing ones', async () => {
    const review = (await hub.call(a.apiKey, 'POST', `${ws(a.workspaceId)}/access-reviews`, { tenantId: TENANT, name: 'guests' })).json() as { id: string };
    const missing = `arv_${'a'.repeat(26)}`;
    for (const path of [`access-reviews/${review.id}`, `access-reviews/${review.id}/export`]) {
      const theirs = await hub.call(b.apiKey, 'GET', `${ws(b.workspaceId)}/${path}`);
      const nothing = await hub.call(b.apiKey, 'GET', `${ws(b.workspaceId)}/${path.replace(review.id, missing)}`);
      assert.deepEqual([theirs.statusCode, nothing.statusCode], [404, 404]);
      assert.equal((theirs.json() as { code: string }).code, (nothing.json() as { code: string }).code);
    }
    assert.equal((await hub.call(b.apiKey, 'PUT', `${ws(b.workspaceId)}/access-reviews/${review.id}/decisions/u-plain`, { decision: 'keep' })).statusCode, 404);
    assert.equal((await hub.call(b.apiKey, 'GET', `${ws(b.workspaceId)}/tenants/${TENANT}/access-review`)).statusCode, 404);
    assert.equal((await hub.call(b.apiKey, 'GET', `${ws(b.workspaceId)}/tenants/${TENANT}/evidence`)).statusCode, 404);
    const aSnapshot = ((await hub.call(a.apiKey, 'GET', `${ws(a.workspaceId)}/tenants/${TENANT}/snapshots`)).json() as { items: { id: string }[] }).items[0]!.id;
    assert.equal((await hub.call(b.apiKey, 'POST', `${ws(b.workspaceId)}/access-reviews`, { tenantId: TENANT, name: 'x', snapshotId: aSnapshot })).statusCode, 404);
  });

  it('bundles evidence as a zip that opens: snapshots, assessments, the chain proof and a self-contained report', async () => {
    const next = compliantSnapshot();
    next.collectedAt = '2026-12-05T11:00:00.000Z';
    next.areas.directory!.users!.push({ id: 'u-evil', displayName: '<script>alert(1)</script><img src="https://evil.example/x.png">', userType: 'Member', accountEnabled: true });
    next.areas.conditionalAccess!.policies!.find((p) => p.id === 'ca-legacy')!.displayName = '<img src=https://evil.example/y.png>';
    await hub.call(a.apiKey, 'POST', `${ws(a.workspaceId)}/tenants/${TENANT}/snapshots`, next);

    const response = await hub.call(a.member, 'GET', `${ws(a.workspaceId)}/tenants/${TENANT}/evidence`);
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.headers['content-type'], 'application/zip');
    const files = await unzip(response.rawPayload);
    const names = [...files.keys()].sort();
    assert.deepEqual(names.filter((n) => !n.startsWith('snapshots/') && !n.startsWith('assessments/')), ['chain/snapshots.json', 'chain/verification.json', 'manifest.json', 'report.html']);
    assert.equal(names.filter((n) => n.startsWith('snapshots/')).length, 2);
    const verification = JSON.parse(files.get('chain/verification.json')!) as { valid: boolean; headHash: string };
    const chain = JSON.parse(files.get('chain/snapshots.json')!) as { hash: string; previousHash: string | null }[];
    assert.equal(verification.valid, true);
    assert.equal(verification.headHash, chain.at(-1)!.hash);
    assert.equal(chain[1]!.previousHash, chain[0]!.hash);
    const newest = names.filter((n) => n.startsWith('assessments/')).sort().at(-1)!;
    assert.ok((JSON.parse(files.get(newest)!) as { results: unknown[] }).results.length > 20);

    // Self-contained: no script, no external resource of any kind; tenant-controlled names are escaped.
    const html = files.get('report.html')!;
    assert.match(html, /^<!doctype html>/);
    assert.doesNotMatch(html, /<(script|img|link|iframe|object|embed)\b|<[^>]*\s(src|href)=|@import|url\(/i);
    assert.match(html, /&lt;img src=https:\/\/evil\.example\/y\.png&gt;/);
    assert.ok(html.includes(verification.headHash));
    assert.match(html, /Mail flow rules and Exchange Online settings are not available in Microsoft Graph/);

    const manifest = JSON.parse(files.get('manifest.json')!) as { sha256: Record<string, string> };
    const { createHash } = await import('node:crypto');
    for (const [name, sha] of Object.entries(manifest.sha256)) assert.equal(createHash('sha256').update(files.get(name)!).digest('hex'), sha, name);
  });
});
