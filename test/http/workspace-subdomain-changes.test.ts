// A workspace's subdomain (its users' URL) is unique even when workspaces are created at the same moment, and a
// workspace admin can change it: validated, refused with 409 when another workspace has it, audited.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createConsoleUser } from '../../src/features/console-auth/index.js';
import { createWorkspace, updateWorkspace } from '../../src/features/workspaces/workspaces.js';
import type { AuditContext } from '../../src/features/audit/index.js';
import { DomainError } from '../../src/platform/errors/domain-error.js';
import { dialects, openTestStore, skipReason, type TestStore } from '../support/stores.js';

for (const dialect of dialects) {
  describe(`workspace subdomains (${dialect})`, { skip: skipReason(dialect) }, () => {
    let store: TestStore;
    let audit: AuditContext;

    before(async () => {
      store = await openTestStore(dialect);
      const admin = await createConsoleUser(store.db, { email: 'admin@example.test', password: 'correct horse battery staple' });
      audit = { actor: { type: 'user', id: admin.id, label: admin.email }, ip: '127.0.0.1', at: new Date() };
    });
    after(async () => store?.close());

    const create = (name: string, subdomain?: string) =>
      createWorkspace(store.db, { name, adminUserId: audit.actor.id!, ...(subdomain ? { subdomain } : {}) }, audit);
    const isConflict = (error: unknown) => error instanceof DomainError && error.code === 'conflict';

    it('gives workspaces created at the same moment with the same name distinct subdomains (no 500 from the race)', async () => {
      const created = await Promise.all(Array.from({ length: 6 }, () => create('Race Co')));
      const subdomains = created.map((w) => w.subdomain).sort();
      assert.equal(new Set(subdomains).size, 6, subdomains.join(','));
      assert.ok(subdomains.includes('race-co'));
    });

    it('answers conflict, not a crash, when two ask for the same explicit subdomain at once', async () => {
      const results = await Promise.allSettled([create('One', 'same-label'), create('Two', 'same-label')]);
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
      const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      assert.ok(isConflict(refused.reason), String(refused.reason));
    });

    it('changes a subdomain, audits it, and refuses one another workspace has', async () => {
      const a = await create('Alpha');
      const b = await create('Beta');
      const changed = await updateWorkspace(store.db, a.id, { subdomain: 'alpha-eu' }, audit);
      assert.equal(changed.subdomain, 'alpha-eu');
      assert.equal(changed.name, 'Alpha');
      const entry = await store.db.selectFrom('audit_log').select(['action', 'data']).where('workspace_id', '=', a.id).where('action', '=', 'workspace.subdomain_changed').executeTakeFirst();
      assert.deepEqual(entry?.data, { from: 'alpha', to: 'alpha-eu' });
      await assert.rejects(updateWorkspace(store.db, b.id, { subdomain: 'alpha-eu' }, audit), (e) => isConflict(e) && /belongs to another workspace/.test((e as Error).message));
      await assert.rejects(updateWorkspace(store.db, b.id, { subdomain: '-bad-' }, audit), (e) => e instanceof DomainError && e.code === 'validation_failed');
      const renamed = await updateWorkspace(store.db, b.id, { name: 'Beta Two' }, audit);
      assert.deepEqual([renamed.name, renamed.subdomain], ['Beta Two', 'beta'], 'a rename keeps the subdomain');
    });
  });
}
