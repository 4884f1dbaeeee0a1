// Drift: each difference between the pinned baseline and the newest snapshot (an object added, removed or
// changed, with field paths, values and names) is one event, opened the first time a snapshot shows it and
// resolved by the first snapshot that matches the baseline there again. A difference that persists stays one
// event (its fields follow the newest snapshot), so a receiver hears of it once.
import type { Kysely, Selectable, Transaction } from 'kysely';
import { newId } from '../../platform/store/ids.js';
import { isAfter, toPage, type Page, type Position } from '../../platform/store/keyset-page.js';
import type { Database } from '../../platform/store/schema.js';
import { diffSnapshots, type FieldChange, type ObjectChange } from './snapshot-diff.js';
import type { TenantSnapshot } from './snapshot.js';
import type { StoredSnapshot } from './snapshot-store.js';

type Db = Kysely<Database> | Transaction<Database>;
type Row = Selectable<Database['compliance_drift_events']>;

export type DriftResolution = 'returned_to_baseline' | 'baseline_changed';

export interface DriftEvent {
  id: string;
  tenantId: string;
  baselineSnapshotId: string;
  area: ObjectChange['area'];
  collection: string;
  objectId: string;
  objectName: string;
  change: ObjectChange['change'];
  fields: FieldChange[];
  firstSeenSnapshotId: string;
  firstSeenAt: Date;
  lastSeenSnapshotId: string;
  lastSeenAt: Date;
  resolvedSnapshotId: string | null;
  resolvedAt: Date | null;
  resolution: DriftResolution | null;
}

const keyOf = (c: Pick<ObjectChange, 'area' | 'collection' | 'objectId'>) => `${c.area}/${c.collection}/${c.objectId}`;

const eventOf = (r: Row): DriftEvent => ({
  id: r.id,
  tenantId: r.tenant_id,
  baselineSnapshotId: r.baseline_snapshot_id,
  area: r.area as ObjectChange['area'],
  collection: r.collection,
  objectId: r.object_id,
  objectName: r.object_name,
  change: r.change as ObjectChange['change'],
  fields: JSON.parse(r.fields) as FieldChange[],
  firstSeenSnapshotId: r.first_seen_snapshot_id,
  firstSeenAt: new Date(r.first_seen_at),
  lastSeenSnapshotId: r.last_seen_snapshot_id,
  lastSeenAt: new Date(r.last_seen_at),
  resolvedSnapshotId: r.resolved_snapshot_id,
  resolvedAt: r.resolved_at ? new Date(r.resolved_at) : null,
  resolution: r.resolution as DriftResolution | null,
});

const openEvents = (db: Db, workspaceId: string, tenantId: string) =>
  db.selectFrom('compliance_drift_events').selectAll().where('workspace_id', '=', workspaceId).where('tenant_id', '=', tenantId).where('resolved_at', 'is', null).execute();

/**
 * Measures the snapshot against the baseline: opens an event per new difference, refreshes the ones still there,
 * resolves the ones gone. Returns the events it opened (the ones to announce).
 */
export async function reconcileDrift(
  db: Db,
  input: { workspaceId: string; baseline: { id: string; snapshot: TenantSnapshot }; current: { stored: StoredSnapshot; snapshot: TenantSnapshot }; now: Date },
): Promise<DriftEvent[]> {
  const { workspaceId, current } = input;
  const tenantId = current.stored.tenantId;
  const seenAt = current.stored.collectedAt;
  const changes = new Map(diffSnapshots(input.baseline.snapshot, current.snapshot).map((c) => [keyOf(c), c]));
  const open = new Map((await openEvents(db, workspaceId, tenantId)).map((r) => [r.drift_key, r]));
  for (const [key, row] of open) {
    const change = changes.get(key);
    const update = change
      ? { change: change.change, fields: JSON.stringify(change.fields), object_name: change.objectName, last_seen_snapshot_id: current.stored.id, last_seen_at: seenAt }
      : { resolved_snapshot_id: current.stored.id, resolved_at: seenAt, resolution: 'returned_to_baseline' };
    await db.updateTable('compliance_drift_events').set(update).where('id', '=', row.id).execute();
  }
  const opened: DriftEvent[] = [];
  for (const [key, change] of changes) {
    if (open.has(key)) continue;
    const row: Row = {
      id: newId('drf'),
      workspace_id: workspaceId,
      tenant_id: tenantId,
      baseline_snapshot_id: input.baseline.id,
      drift_key: key,
      area: change.area,
      collection: change.collection,
      object_id: change.objectId,
      object_name: change.objectName,
      change: change.change,
      fields: JSON.stringify(change.fields),
      first_seen_snapshot_id: current.stored.id,
      first_seen_at: seenAt,
      last_seen_snapshot_id: current.stored.id,
      last_seen_at: seenAt,
      resolved_snapshot_id: null,
      resolved_at: null,
      resolution: null,
      created_at: input.now,
    };
    await db.insertInto('compliance_drift_events').values(row).execute();
    opened.push(eventOf(row));
  }
  return opened;
}

/** Closes every open event of the tenant: they measured against a baseline that is no longer the baseline. */
export async function closeDriftForNewBaseline(db: Db, workspaceId: string, tenantId: string, now: Date): Promise<void> {
  await db
    .updateTable('compliance_drift_events')
    .set({ resolved_at: now, resolution: 'baseline_changed' })
    .where('workspace_id', '=', workspaceId)
    .where('tenant_id', '=', tenantId)
    .where('resolved_at', 'is', null)
    .execute();
}

/** The tenant's drift timeline in the order the differences were first seen; `status` keeps the open or the resolved ones. */
export async function listDriftEvents(
  db: Db,
  workspaceId: string,
  tenantId: string,
  page: { limit: number; after?: Position; status?: 'open' | 'resolved' },
): Promise<Page<DriftEvent>> {
  let query = db.selectFrom('compliance_drift_events').selectAll().where('workspace_id', '=', workspaceId).where('tenant_id', '=', tenantId);
  if (page.status === 'open') query = query.where('resolved_at', 'is', null);
  if (page.status === 'resolved') query = query.where('resolved_at', 'is not', null);
  if (page.after) query = query.where(isAfter('first_seen_at', 'id', page.after));
  const rows = await query.orderBy('first_seen_at').orderBy('id').limit(page.limit + 1).execute();
  return toPage(rows, page.limit, (r) => ({ createdAt: new Date(r.first_seen_at), id: r.id }), eventOf);
}
