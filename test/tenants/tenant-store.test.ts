// The tenant connections store on both dialects: a consent adds a tenant once (a second consent keeps its label and
// pause switch), scheduling sees only active tenants, the token service's gate refuses a paused one, and a tenant's
// test result becomes its health with one event per change.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AppError } from '../../src/platform/errors/app-error.js';
import type { HubEvent } from '../../src/platform/events/event-publisher.js';
import { listActiveTenants, recordTenantConsent, recordTenantHealth, tenantGate, type TenantEventType } from '../../src/features/tenants/index.js';
import { updateTenantConnection } from '../../src/features/tenants/tenant-connection-store.js';
import { dialects, openTestStore, skipReason, type TestStore } from '../support/stores.js';

const T1 = 'c0a7e5a0-5e3d-4b7a-9a65-7c0e2f4d1a01';
const T2 = 'FAB71CA0-2D4E-4C1B-8E3F-6A9B0C1D2E02';

for (const dialect of dialects) {
  describe(`tenant connections store (${dialect})`, { skip: skipReason(dialect) }, () => {
    let store: TestStore;
    const published: HubEvent<TenantEventType>[] = [];
    const events = { publish: async (_db: unknown, event: HubEvent<TenantEventType>) => void published.push(event) };
    const at = new Date('2026-12-01T10:00:00Z');

    before(async () => {
      store = await openTestStore(dialect);
      await store.db.insertInto('workspaces').values([{ id: 'ws_a', name: 'A', updated_at: new Date() }, { id: 'ws_b', name: 'B', updated_at: new Date() }]).execute();
    });
    after(async () => store?.close());

    const consent = (workspaceId: string, tenantId: string, by: string, when = at) =>
      store.db.transaction().execute((trx) => recordTenantConsent(trx, { workspaceId, tenantId, at: when, by }, events));

    it('adds a consenting tenant once, in lower case, publishing tenant.added once', async () => {
      assert.deepEqual(await consent('ws_a', T1, 'admin@contoso.onmicrosoft.com'), { added: true });
      assert.deepEqual(await consent('ws_a', T2, 'admin@fabrikam.onmicrosoft.com'), { added: true });
      await store.db.updateTable('m365_tenant_connections').set({ label: 'Fabrikam', status: 'paused' }).where('tenant_id', '=', T2.toLowerCase()).execute();
      const later = new Date('2026-12-02T10:00:00Z');
      assert.deepEqual(await consent('ws_a', T2, 'other@fabrikam.onmicrosoft.com', later), { added: false });
      const row = await store.db.selectFrom('m365_tenant_connections').selectAll().where('workspace_id', '=', 'ws_a').where('tenant_id', '=', T2.toLowerCase()).executeTakeFirstOrThrow();
      assert.equal(row.label, 'Fabrikam', 'a renewed consent keeps the label');
      assert.equal(row.status, 'paused', 'a renewed consent does not resume a paused tenant');
      assert.equal(row.consented_by, 'other@fabrikam.onmicrosoft.com');
      assert.equal(row.consented_at?.toISOString(), later.toISOString());
      assert.deepEqual(
        published.map((e) => [e.type, e.data.tenantId]),
        [
          ['tenant.added', T1],
          ['tenant.added', T2.toLowerCase()],
        ],
      );
    });

    it('lists only active tenants for scheduling, and only the workspace’s own', async () => {
      await consent('ws_b', T1, 'admin@contoso.onmicrosoft.com');
      assert.deepEqual(await listActiveTenants(store.db, 'ws_a'), [T1]);
      assert.deepEqual(await listActiveTenants(store.db, 'ws_b'), [T1]);
    });

    it('the gate refuses a paused tenant with tenant_paused (any case), and lets others and unknown tenants through', async () => {
      const gate = tenantGate(store.db);
      await assert.rejects(gate('ws_a', T2), (error: unknown) => error instanceof AppError && error.code === 'tenant_paused' && /PATCH/.test(error.problemDetail ?? ''));
      await assert.rejects(gate('ws_a', T2.toLowerCase()), /paused/);
      await gate('ws_a', T1);
      await gate('ws_b', T2); // not connected in B: not paused
    });

    it('the gate keeps its answers, yet refuses a tenant at the next check once it is paused, and lets it through once resumed', async () => {
      const gate = tenantGate(store.db);
      const setStatus = (status: 'active' | 'paused') => store.db.transaction().execute((trx) => updateTenantConnection(trx, 'ws_a', T1, { status }, at));
      await gate('ws_a', T1); // answered "active", and kept
      await setStatus('paused');
      await assert.rejects(gate('ws_a', T1), /paused/);
      await setStatus('active');
      await gate('ws_a', T1);
    });

    it("records a tenant's test as its health, publishing tenant.health_changed only on a change", async () => {
      published.length = 0;
      const report = (health: 'connected' | 'permission_error') => ({ health, checkedAt: at.toISOString(), credential: 'active' as const, mode: 'application' as const, steps: [] });
      await recordTenantHealth(store.db, { workspaceId: 'ws_a', tenantId: T1, report: report('connected') }, events);
      await recordTenantHealth(store.db, { workspaceId: 'ws_a', tenantId: T1, report: report('connected') }, events);
      await recordTenantHealth(store.db, { workspaceId: 'ws_a', tenantId: T1, report: report('permission_error') }, events);
      await recordTenantHealth(store.db, { workspaceId: 'ws_a', tenantId: '00000000-0000-0000-0000-000000000000', report: report('connected') }, events);
      assert.deepEqual(
        published.map((e) => [e.type, e.data.health, e.data.previousHealth]),
        [
          ['tenant.health_changed', 'connected', 'unknown'],
          ['tenant.health_changed', 'permission_error', 'connected'],
        ],
      );
      const b = await store.db.selectFrom('m365_tenant_connections').select('health').where('workspace_id', '=', 'ws_b').executeTakeFirstOrThrow();
      assert.equal(b.health, 'unknown', "another workspace's row of the same tenant is untouched");
      assert.equal(await store.db.selectFrom('m365_tenant_connections').select('tenant_id').where('tenant_id', '=', '00000000-0000-0000-0000-000000000000').executeTakeFirst(), undefined);
    });
  });
}
