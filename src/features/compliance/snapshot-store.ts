// Snapshots in the database as a hash chain per workspace and tenant. Each area's canonical JSON is hashed and
// stored gzip-compressed; the snapshot's hash covers a manifest of those hashes, its faults, its place in the
// chain and the previous snapshot's hash. Editing any stored byte, or deleting or reordering a snapshot, breaks
// the chain at that snapshot, and `verifyChain` names the first broken link. (A chain proves order and integrity
// against edits in place; an attacker who rewrites every later row too needs the hash of the newest snapshot,
// kept outside, e.g. in an evidence bundle, to be caught.)
import { gunzipSync } from 'node:zlib';
import type { Kysely } from 'kysely';
import { newId } from '../../platform/store/ids.js';
import type { Database } from '../../platform/store/schema.js';
import { isUniqueViolation } from '../../platform/store/unique-violation.js';
import { canonicalJson, sha256Hex } from './canonical-json.js';
import { AREA_NAMES, SNAPSHOT_FORMAT, SNAPSHOT_VERSION, type AreaName, type SnapshotAreas, type StorableSnapshot, type TenantSnapshot } from './snapshot.js';
import { storedAreaBody } from './snapshot-area-body.js';
import { withoutSecrets } from './snapshot-secrets.js';

export interface StoredSnapshot {
  id: string;
  tenantId: string;
  sequence: number;
  collectedAt: Date;
  hash: string;
  previousHash: string | null;
  areas: AreaName[];
  faults: TenantSnapshot['faults'];
}

interface Manifest {
  format: string;
  version: number;
  tenantId: string;
  sequence: number;
  collectedAt: string;
  areas: Record<string, string>;
  faults: unknown;
  previousHash: string | null;
}

const manifestHash = (m: Manifest): string => sha256Hex(canonicalJson(m));

/** Appends a snapshot to its tenant's chain; retries when another process appended at the same moment. */
export async function appendSnapshot(
  db: Kysely<Database>,
  input: { workspaceId: string; tenantId: string; collectedAt: Date; snapshot: StorableSnapshot },
): Promise<StoredSnapshot> {
  // One area at a time, streamed (a 100,000-user directory area is never copied or held as one string).
  const areas: Array<{ area: AreaName; sha256: string; body: Buffer }> = [];
  for (const name of AREA_NAMES) {
    const area = input.snapshot.areas[name];
    if (area !== undefined) areas.push({ area: name, ...(await (input.snapshot.storedBodies?.[name] ?? storedAreaBody(area))) });
  }
  const cleanFaults = withoutSecrets(input.snapshot.faults);
  const faults = canonicalJson(cleanFaults ?? {});
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.transaction().execute(async (trx) => {
        const last = await trx
          .selectFrom('compliance_snapshots')
          .select(['sequence', 'hash'])
          .where('workspace_id', '=', input.workspaceId)
          .where('tenant_id', '=', input.tenantId)
          .orderBy('sequence', 'desc')
          .limit(1)
          .executeTakeFirst();
        const sequence = (last ? Number(last.sequence) : 0) + 1;
        const previousHash = last?.hash ?? null;
        const manifest: Manifest = {
          format: SNAPSHOT_FORMAT,
          version: SNAPSHOT_VERSION,
          tenantId: input.tenantId,
          sequence,
          collectedAt: input.collectedAt.toISOString(),
          areas: Object.fromEntries(areas.map((a) => [a.area, a.sha256])),
          faults: JSON.parse(faults) as unknown,
          previousHash,
        };
        const id = newId('snap');
        const hash = manifestHash(manifest);
        await trx
          .insertInto('compliance_snapshots')
          .values({
            id,
            workspace_id: input.workspaceId,
            tenant_id: input.tenantId,
            sequence,
            format_version: SNAPSHOT_VERSION,
            collected_at: input.collectedAt,
            faults,
            previous_hash: previousHash,
            hash,
          })
          .execute();
        // A row at a time: the driver copies each body into the message it sends, so one insert of all areas would
        // hold every area's copy at once.
        for (const a of areas) await trx.insertInto('compliance_snapshot_areas').values({ snapshot_id: id, ...a }).execute();
        return { id, tenantId: input.tenantId, sequence, collectedAt: input.collectedAt, hash, previousHash, areas: areas.map((a) => a.area), faults: cleanFaults };
      });
    } catch (error) {
      // The unique (workspace, tenant, sequence) constraint refused a concurrent append: take the new tail.
      if (attempt < 5 && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}

function storedFrom(row: { id: string; tenant_id: string; sequence: number; collected_at: Date; hash: string; previous_hash: string | null; faults: string }, areas: AreaName[]): StoredSnapshot {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    sequence: Number(row.sequence),
    collectedAt: new Date(row.collected_at),
    hash: row.hash,
    previousHash: row.previous_hash,
    areas,
    faults: JSON.parse(row.faults) as TenantSnapshot['faults'],
  };
}

/** One area of a snapshot of the workspace, or undefined (not collected, or another workspace's snapshot). */
export async function loadSnapshotArea<A extends AreaName>(db: Kysely<Database>, workspaceId: string, snapshotId: string, area: A): Promise<SnapshotAreas[A] | undefined> {
  const row = await db
    .selectFrom('compliance_snapshot_areas')
    .innerJoin('compliance_snapshots', 'compliance_snapshots.id', 'compliance_snapshot_areas.snapshot_id')
    .select('compliance_snapshot_areas.body')
    .where('compliance_snapshots.id', '=', snapshotId)
    .where('compliance_snapshots.workspace_id', '=', workspaceId)
    .where('compliance_snapshot_areas.area', '=', area)
    .executeTakeFirst();
  return row ? (JSON.parse(gunzipSync(Buffer.from(row.body)).toString('utf8')) as SnapshotAreas[A]) : undefined;
}

/** One snapshot of the workspace with its areas, or undefined (another workspace's id reads as missing). */
export async function loadSnapshot(db: Kysely<Database>, workspaceId: string, snapshotId: string): Promise<{ stored: StoredSnapshot; snapshot: TenantSnapshot } | undefined> {
  const row = await db.selectFrom('compliance_snapshots').selectAll().where('id', '=', snapshotId).where('workspace_id', '=', workspaceId).executeTakeFirst();
  if (!row) return undefined;
  const areaRows = await db.selectFrom('compliance_snapshot_areas').select(['area', 'body']).where('snapshot_id', '=', snapshotId).execute();
  const areas: TenantSnapshot['areas'] = {};
  for (const a of areaRows) (areas as Record<string, unknown>)[a.area] = JSON.parse(gunzipSync(Buffer.from(a.body)).toString('utf8'));
  const stored = storedFrom(row, areaRows.map((a) => a.area as AreaName));
  const snapshot: TenantSnapshot = { format: SNAPSHOT_FORMAT, version: SNAPSHOT_VERSION, tenantId: row.tenant_id, collectedAt: stored.collectedAt.toISOString(), areas };
  if (stored.faults && Object.keys(stored.faults).length > 0) snapshot.faults = stored.faults;
  return { stored, snapshot };
}

/** A tenant's chain in order. */
function chainRows(db: Kysely<Database>, workspaceId: string, tenantId: string) {
  return db.selectFrom('compliance_snapshots').selectAll().where('workspace_id', '=', workspaceId).where('tenant_id', '=', tenantId).orderBy('sequence', 'asc').execute();
}

export async function listSnapshots(db: Kysely<Database>, workspaceId: string, tenantId: string): Promise<StoredSnapshot[]> {
  const rows = await chainRows(db, workspaceId, tenantId);
  const areaRows = rows.length === 0 ? [] : await db.selectFrom('compliance_snapshot_areas').select(['snapshot_id', 'area']).where('snapshot_id', 'in', rows.map((r) => r.id)).execute();
  return rows.map((r) => storedFrom(r, areaRows.filter((a) => a.snapshot_id === r.id).map((a) => a.area as AreaName)));
}

export interface BrokenLink {
  snapshotId: string;
  sequence: number;
  reason: string;
}

export type ChainVerification = { valid: true; snapshots: number; headHash: string | null } | { valid: false; snapshots: number; firstBrokenLink: BrokenLink };

/** Walks a tenant's chain from the first snapshot, recomputing every hash from the stored bytes. */
export async function verifyChain(db: Kysely<Database>, workspaceId: string, tenantId: string): Promise<ChainVerification> {
  const rows = await chainRows(db, workspaceId, tenantId);
  let previous = null as { hash: string; sequence: number } | null;
  for (const row of rows) {
    const sequence = Number(row.sequence);
    const broken = (reason: string): ChainVerification => ({ valid: false, snapshots: rows.length, firstBrokenLink: { snapshotId: row.id, sequence, reason } });
    const expectedSequence: number = previous ? previous.sequence + 1 : 1;
    if (sequence !== expectedSequence) return broken(`snapshot ${expectedSequence} is missing before sequence ${sequence}`);
    if ((row.previous_hash ?? null) !== (previous?.hash ?? null)) return broken('previous_hash does not match the hash of the snapshot before it');
    const areaRows = await db.selectFrom('compliance_snapshot_areas').select(['area', 'body', 'sha256']).where('snapshot_id', '=', row.id).orderBy('area').execute();
    const areas: Record<string, string> = {};
    for (const a of areaRows) {
      let actual: string;
      try {
        actual = sha256Hex(gunzipSync(Buffer.from(a.body)));
      } catch {
        return broken(`the ${a.area} area's stored body is not valid gzip`);
      }
      if (actual !== a.sha256) return broken(`the ${a.area} area's content does not match its sha256`);
      areas[a.area] = a.sha256;
    }
    let faults: unknown;
    try {
      faults = JSON.parse(row.faults);
    } catch {
      return broken('the stored faults are not JSON');
    }
    const recomputed = manifestHash({
      format: SNAPSHOT_FORMAT,
      version: Number(row.format_version),
      tenantId: row.tenant_id,
      sequence,
      collectedAt: new Date(row.collected_at).toISOString(),
      areas,
      faults,
      previousHash: row.previous_hash ?? null,
    });
    if (recomputed !== row.hash) return broken('the snapshot does not match its hash (an area, its faults or its metadata changed)');
    previous = { hash: row.hash, sequence };
  }
  return { valid: true, snapshots: rows.length, headHash: previous?.hash ?? null };
}

/** Every (workspace, tenant) chain, for the operator's `m365hub snapshots verify`. */
export async function listChains(db: Kysely<Database>, filter: { workspaceId?: string; tenantId?: string } = {}): Promise<{ workspaceId: string; tenantId: string }[]> {
  let query = db.selectFrom('compliance_snapshots').select(['workspace_id', 'tenant_id']).distinct().orderBy('workspace_id').orderBy('tenant_id');
  if (filter.workspaceId) query = query.where('workspace_id', '=', filter.workspaceId);
  if (filter.tenantId) query = query.where('tenant_id', '=', filter.tenantId.toLowerCase());
  return (await query.execute()).map((r) => ({ workspaceId: r.workspace_id, tenantId: r.tenant_id }));
}
