// m365_tenant_connections: the customer tenants a workspace's app holds admin consent in. A row appears when an
// administrator completes admin consent (connect feature), carries the workspace's label and pause switch, and the
// health of the last Test Connection run for that tenant. Tenant ids are kept lower case, as Entra prints them.
import type { Kysely, Selectable, Transaction } from 'kysely';
import { LRUCache } from 'lru-cache';
import { AppError } from '../../platform/errors/app-error.js';
import type { EventPublisher } from '../../platform/events/event-publisher.js';
import { isAfter, toPage, type Page, type PageRequest } from '../../platform/store/keyset-page.js';
import type { Database } from '../../platform/store/schema.js';
import type { TenantEventType } from './events.js';
import type { M365TenantConnectionsTable, TenantHealth, TenantStatus } from './tables.js';

type Db = Kysely<Database> | Transaction<Database>;
export type TenantConnectionRow = Selectable<M365TenantConnectionsTable>;

const normalise = (tenantId: string) => tenantId.toLowerCase();

/** The row whatever its status (removed included): for consent and the gate. */
async function readTenantRow(db: Db, workspaceId: string, tenantId: string): Promise<TenantConnectionRow | undefined> {
  return db.selectFrom('m365_tenant_connections').selectAll().where('workspace_id', '=', workspaceId).where('tenant_id', '=', normalise(tenantId)).executeTakeFirst();
}

/** A tenant connection of the workspace; a removed one is no connection. */
export async function readTenantConnection(db: Db, workspaceId: string, tenantId: string): Promise<TenantConnectionRow | undefined> {
  const row = await readTenantRow(db, workspaceId, tenantId);
  return row?.status === 'removed' ? undefined : row;
}

/** Oldest first (the order consents came in), keyed on (created_at, tenant_id). */
export async function listTenantConnections(db: Db, workspaceId: string, page: PageRequest): Promise<Page<TenantConnectionRow>> {
  let query = db.selectFrom('m365_tenant_connections').selectAll().where('workspace_id', '=', workspaceId).where('status', '!=', 'removed');
  if (page.after) query = query.where(isAfter('created_at', 'tenant_id', page.after));
  const rows = await query.orderBy('created_at').orderBy('tenant_id').limit(page.limit + 1).execute();
  return toPage(rows, page.limit, (row) => ({ createdAt: row.created_at, id: row.tenant_id }), (row) => row);
}

/** Every tenant connection of the workspace, oldest first (for overviews; a workspace holds tens to hundreds). */
export async function listWorkspaceTenants(db: Db, workspaceId: string): Promise<TenantConnectionRow[]> {
  return db.selectFrom('m365_tenant_connections').selectAll().where('workspace_id', '=', workspaceId).where('status', '!=', 'removed').orderBy('created_at').orderBy('tenant_id').execute();
}

/** The tenants scheduled work (compliance syncs, health sweeps) should visit: every connected tenant not paused. */
export async function listActiveTenants(db: Db, workspaceId: string): Promise<string[]> {
  const rows = await db.selectFrom('m365_tenant_connections').select('tenant_id').where('workspace_id', '=', workspaceId).where('status', '=', 'active').orderBy('created_at').orderBy('tenant_id').execute();
  return rows.map((r) => r.tenant_id);
}

/**
 * Records a completed admin consent: a new tenant becomes a connection (and `tenant.added` is published in the same
 * transaction); a tenant consenting again keeps its label and pause switch and gets the new consent time; a removed
 * tenant that consents again is added back (active, `tenant.added` again).
 */
export async function recordTenantConsent(
  trx: Transaction<Database>,
  input: { workspaceId: string; tenantId: string; at: Date; by: string | null },
  events?: EventPublisher<TenantEventType>,
): Promise<{ added: boolean }> {
  const tenantId = normalise(input.tenantId);
  const existing = await readTenantRow(trx, input.workspaceId, tenantId);
  if (existing) {
    const readded = existing.status === 'removed';
    await trx
      .updateTable('m365_tenant_connections')
      .set({ consented_at: input.at, consented_by: input.by, updated_at: input.at, ...(readded ? { status: 'active' as const, health: 'unknown' as const, health_checked_at: null, health_report: null } : {}) })
      .where('workspace_id', '=', input.workspaceId)
      .where('tenant_id', '=', tenantId)
      .execute();
    if (readded) {
      gateForget(input.workspaceId, tenantId);
      await events?.publish(trx, { workspaceId: input.workspaceId, type: 'tenant.added', data: { tenantId } });
    }
    return { added: readded };
  }
  await trx
    .insertInto('m365_tenant_connections')
    .values({ workspace_id: input.workspaceId, tenant_id: tenantId, consented_at: input.at, consented_by: input.by, created_at: input.at, updated_at: input.at })
    .execute();
  await events?.publish(trx, { workspaceId: input.workspaceId, type: 'tenant.added', data: { tenantId } });
  return { added: true };
}

export async function updateTenantConnection(
  trx: Transaction<Database>,
  workspaceId: string,
  tenantId: string,
  change: { label?: string | null; status?: Exclude<TenantStatus, 'removed'> },
  at: Date,
): Promise<TenantConnectionRow | undefined> {
  const row = await trx
    .updateTable('m365_tenant_connections')
    .set({ ...(change.label !== undefined ? { label: change.label } : {}), ...(change.status ? { status: change.status } : {}), updated_at: at })
    .where('workspace_id', '=', workspaceId)
    .where('tenant_id', '=', normalise(tenantId))
    .where('status', '!=', 'removed')
    .returningAll()
    .executeTakeFirst();
  if (row && change.status) gateForget(workspaceId, row.tenant_id);
  return row;
}

/** Removes the connection: the row stays as `removed` (label and consent history kept), so the gate refuses the tenant. */
export async function removeTenantConnection(trx: Transaction<Database>, workspaceId: string, tenantId: string, at: Date): Promise<boolean> {
  const removed = await trx
    .updateTable('m365_tenant_connections')
    .set({ status: 'removed', updated_at: at })
    .where('workspace_id', '=', workspaceId)
    .where('tenant_id', '=', normalise(tenantId))
    .where('status', '!=', 'removed')
    .executeTakeFirst();
  if (removed.numUpdatedRows > 0n) gateForget(workspaceId, normalise(tenantId));
  return removed.numUpdatedRows > 0n;
}

export async function rememberTenantTestJob(db: Db, workspaceId: string, tenantId: string, jobId: string): Promise<void> {
  await db.updateTable('m365_tenant_connections').set({ last_test_job_id: jobId }).where('workspace_id', '=', workspaceId).where('tenant_id', '=', normalise(tenantId)).execute();
}

/**
 * Stores a tenant's Test Connection report as its health; a change of health publishes `tenant.health_changed`.
 * A tenant removed while its test ran stays removed (nothing is written).
 */
export async function recordTenantHealth(
  db: Kysely<Database>,
  input: { workspaceId: string; tenantId: string; report: { health: TenantHealth; checkedAt: string } & object },
  events?: EventPublisher<TenantEventType>,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await readTenantConnection(trx, input.workspaceId, input.tenantId);
    if (!before) return;
    await trx
      .updateTable('m365_tenant_connections')
      .set({ health: input.report.health, health_checked_at: input.report.checkedAt, health_report: JSON.stringify(input.report) })
      .where('workspace_id', '=', input.workspaceId)
      .where('tenant_id', '=', before.tenant_id)
      .execute();
    if (before.health !== input.report.health) {
      await events?.publish(trx, { workspaceId: input.workspaceId, type: 'tenant.health_changed', data: { tenantId: before.tenant_id, health: input.report.health, previousHealth: before.health } });
    }
  });
}

/** Thrown for an application call in a tenant the workspace removed; answers 409 `tenant_removed`. */
export class TenantRemovedError extends AppError {
  constructor(tenantId: string) {
    super('tenant_removed', `The connection to tenant ${tenantId} was removed.`, {
      problemDetail: `The workspace removed its connection to tenant ${tenantId}, so the hub makes no application calls there. To add it back, its administrator grants admin consent again (GET …/integrations/m365/admin-consent-url).`,
    });
    this.name = 'TenantRemovedError';
  }
}

/** Thrown for an application call in a paused tenant; answers 409 `tenant_paused`. */
export class TenantPausedError extends AppError {
  constructor(tenantId: string) {
    super('tenant_paused', `The connection to tenant ${tenantId} is paused.`, {
      problemDetail: `The workspace paused its connection to tenant ${tenantId}, so the hub makes no application calls there. Resume it with PATCH …/tenants/${tenantId} {"paused": false}, or name another tenant.`,
    });
    this.name = 'TenantPausedError';
  }
}

// The gate runs before every application token is handed out (every application-mode pass-through call), and a
// database read per call was a large part of a proxied call's cost: each gate keeps its answers GATE_TTL_MS. A pause,
// resume or removal through this process's store functions makes the next check read the row again; another
// process's change is seen within GATE_TTL_MS (as a revoked API key or a changed proxy policy is).
const GATE_TTL_MS = 1_000;
const GATE_MAX_ENTRIES = 10_000;
/** When each tenant last changed (a counter, not a time); answers read before that are not used. */
const changedAt = new LRUCache<string, number>({ max: GATE_MAX_ENTRIES, ttl: GATE_TTL_MS });
let changes = 0;
const gateKey = (workspaceId: string, tenantId: string) => `${workspaceId}\u0000${tenantId}`;

function gateForget(workspaceId: string, tenantId: string): void {
  changedAt.set(gateKey(workspaceId, tenantId), ++changes);
}

/**
 * The check the token service runs before handing out an application token: a paused or removed tenant is refused.
 * A tenant with no row (a single-tenant integration's own tenant, consented outside the hub) is let through.
 */
export function tenantGate(db: Kysely<Database>): (workspaceId: string, tenantId: string) => Promise<void> {
  const answers = new LRUCache<string, { status: TenantStatus; readAt: number }>({ max: GATE_MAX_ENTRIES, ttl: GATE_TTL_MS });
  return async (workspaceId, tenantId) => {
    const tenant = normalise(tenantId);
    const key = gateKey(workspaceId, tenant);
    let answer = answers.get(key);
    if (!answer || answer.readAt < (changedAt.get(key) ?? 0)) {
      // Numbered before the read: a change made while it runs outdates what it reads.
      const readAt = changes;
      const row = await db.selectFrom('m365_tenant_connections').select('status').where('workspace_id', '=', workspaceId).where('tenant_id', '=', tenant).executeTakeFirst();
      answer = { status: row?.status ?? 'active', readAt };
      answers.set(key, answer);
    }
    if (answer.status === 'paused') throw new TenantPausedError(tenant);
    if (answer.status === 'removed') throw new TenantRemovedError(tenant);
  };
}
