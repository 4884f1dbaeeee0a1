// The instance audit log: what belongs to no workspace (sign-ins, failed sign-ins, sign-outs, workspace deletions)
// is readable by instance administrators only, paged like a workspace's log, and never mixed with workspace entries.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { dialects, skipReason } from '../support/stores.js';
import { startHub, workspaceWithPeople, type Hub } from './hub-fixture.js';

interface Entry { action: string; target: { type: string; id: string } | null; actor: { label: string | null } }

for (const dialect of dialects) {
  describe(`instance audit log (${dialect})`, { skip: skipReason(dialect) }, () => {
    let hub: Hub;
    let w: Awaited<ReturnType<typeof workspaceWithPeople>>;
    before(async () => {
      hub = await startHub(dialect);
      w = await workspaceWithPeople(hub, 'inst');
    });
    after(async () => hub?.close());

    it('lists sign-ins, failed sign-ins and workspace deletions, newest first, in pages', async () => {
      await hub.call(null, 'POST', '/api/v1/auth/sign-in', { email: 'admin-inst@example.com', password: 'wrong password!' });
      const doomed = (await hub.call(w.admin, 'POST', '/api/v1/workspaces', { name: 'Doomed' })).json() as { id: string };
      assert.equal((await hub.call(w.admin, 'DELETE', `/api/v1/workspaces/${doomed.id}`)).statusCode, 204);

      const all: Entry[] = [];
      let cursor: string | null = null;
      do {
        const response = await hub.call(w.admin, 'GET', `/api/v1/audit-log?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        assert.equal(response.statusCode, 200, response.body);
        const page = response.json() as { items: Entry[]; nextCursor: string | null };
        assert.ok(page.items.length <= 2);
        all.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      assert.ok(all.every((e) => e.action.startsWith('auth.') || e.action === 'workspace.deleted'), `only instance-level entries: ${all.map((e) => e.action).join(', ')}`);
      assert.equal(all[0]?.action, 'workspace.deleted');
      assert.deepEqual(all[0]?.target, { type: 'workspace', id: doomed.id });
      assert.ok(all.some((e) => e.action === 'auth.sign_in_failed' && e.actor.label === 'admin-inst@example.com'));
      assert.ok(all.filter((e) => e.action === 'auth.signed_in').length >= 2, 'the admin and member sign-ins');
      assert.ok(!JSON.stringify(all).includes('wrong password!'));
    });

    it('refuses members who are not instance admins, and API keys', async () => {
      const member = await hub.call(w.member, 'GET', '/api/v1/audit-log');
      assert.equal(member.statusCode, 403);
      assert.equal((member.json() as { code: string }).code, 'forbidden');
      assert.equal((await hub.call(w.apiKey, 'GET', '/api/v1/audit-log')).statusCode, 403);
      assert.equal((await hub.call(null, 'GET', '/api/v1/audit-log')).statusCode, 401);
    });
  });
}
