// The compliance dashboard's tenant list: every tenant connection of the workspace (consented, so syncable), the
// integration's own tenant (a single-tenant app consented in Entra directly has no tenant connection, yet syncs),
// and every tenant with snapshots (imported, or whose connection was removed), each with its chain's length and newest
// snapshot, the newest assessment run's failing count, and its sync schedule. A handful of grouped queries, whatever
// the number of tenants.
import type { Kysely } from 'kysely';
import type { ComplianceTenant } from '../../contract/compliance-schemas.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import type { Database } from '../../platform/store/schema.js';
import { listWorkspaceTenants } from '../tenants/index.js';
import { findSyncSchedule } from './sync-job.js';

export async function complianceTenants(db: Kysely<Database>, queue: Pick<JobQueue, 'listSchedules'>, workspaceId: string): Promise<ComplianceTenant[]> {
  const [connections, integration, chains, runs, schedules] = await Promise.all([
    listWorkspaceTenants(db, workspaceId),
    db.selectFrom('m365_integrations').select(['azure_tenant_id', 'health', 'health_checked_at']).where('workspace_id', '=', workspaceId).executeTakeFirst(),
    db
      .selectFrom('compliance_snapshots')
      .select((eb) => ['tenant_id', eb.fn.countAll<number | string | bigint>().as('snapshots'), eb.fn.max('collected_at').as('last_collected_at')])
      .where('workspace_id', '=', workspaceId)
      .groupBy('tenant_id')
      .execute(),
    newestRunSummaries(db, workspaceId),
    queue.listSchedules(workspaceId),
  ]);
  const byTenant = new Map<string, ComplianceTenant>();
  const entry = (tenantId: string): ComplianceTenant => {
    let found = byTenant.get(tenantId);
    if (!found) {
      const schedule = findSyncSchedule(schedules, workspaceId, tenantId);
      found = { tenantId, label: null, connection: 'not_connected', health: null, healthCheckedAt: null, snapshots: 0, lastCollectedAt: null, failing: runs.get(tenantId) ?? null, syncIntervalHours: schedule ? schedule.intervalSeconds / 3600 : null };
      byTenant.set(tenantId, found);
    }
    return found;
  };
  for (const c of connections) {
    Object.assign(entry(c.tenant_id), { label: c.label, connection: c.status, health: c.health, healthCheckedAt: c.health_checked_at?.toISOString() ?? null });
  }
  const homeTenant = integration?.azure_tenant_id?.toLowerCase();
  if (homeTenant && GUID.test(homeTenant) && !byTenant.has(homeTenant)) {
    Object.assign(entry(homeTenant), { connection: 'active', health: integration!.health, healthCheckedAt: integration!.health_checked_at?.toISOString() ?? null });
  }
  for (const chain of chains) {
    Object.assign(entry(chain.tenant_id), { snapshots: Number(chain.snapshots), lastCollectedAt: chain.last_collected_at ? new Date(chain.last_collected_at).toISOString() : null });
  }
  return [...byTenant.values()];
}

/** A directory (tenant) id; the integration's tenant may also be a domain or `organizations`, which names no one tenant. */
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Failing policies of each tenant's newest run (the run of its highest snapshot sequence). */
async function newestRunSummaries(db: Kysely<Database>, workspaceId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('compliance_assessment_runs as r')
    .select(['r.tenant_id', 'r.summary'])
    .where('r.workspace_id', '=', workspaceId)
    .where((eb) =>
      eb(
        'r.snapshot_sequence',
        '=',
        eb.selectFrom('compliance_assessment_runs as newer').select((inner) => inner.fn.max('newer.snapshot_sequence').as('n')).where('newer.workspace_id', '=', workspaceId).whereRef('newer.tenant_id', '=', 'r.tenant_id'),
      ),
    )
    .execute();
  return new Map(rows.map((row) => [row.tenant_id, (JSON.parse(row.summary) as { fail?: number }).fail ?? 0]));
}
