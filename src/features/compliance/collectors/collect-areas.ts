// Collects a tenant's snapshot areas through the one Graph client, in application mode, two areas at a time. Each
// area is read on its own: a permission Microsoft refuses (403) becomes that area's `permission_error` naming the
// permission to grant, any other failure (a malformed answer, an error after the client's own retries of 429 and
// 5xx) its `error`, and the other areas still complete. An area is kept whole or not at all, so a rule never decides on half of one.
import { GraphError } from '../../../microsoft/graph/graph-error.js';
import { AppError } from '../../../platform/errors/app-error.js';
import type { GraphClient } from '../../../microsoft/graph/graph-client.js';
import { CanonicalList } from '../canonical-list.js';
import { storedAreaBody } from '../snapshot-area-body.js';
import { continueByDelta, latestDeltaLink, type DeltaState } from '../directory-delta-collector.js';
import { AREA_NAMES, type AreaFault, type AreaName, type GraphObject, type StorableSnapshot } from '../snapshot.js';
import { AREA_READS, DIRECTORY_READS, USER_SELECT, type AreaRead } from './area-reads.js';

export interface CollectProgress {
  area: AreaName;
  areasDone: number;
  areasTotal: number;
  /** Graph objects read so far in this sync. */
  objects: number;
  pages: number;
}

export interface CollectOptions {
  signal?: AbortSignal;
  /** The users of the previous synced snapshot and the delta link that continues from them (incremental users). */
  usersDelta?: DeltaState;
  /** Awaited, so a job can record progress (and extend its lease) as areas complete. */
  onProgress?: (progress: CollectProgress) => Promise<void> | void;
}

export interface CollectedSnapshot {
  /** Lists no later read completes are held as canonical text (CanonicalList), ready for appendSnapshot. */
  snapshot: StorableSnapshot;
  /** The delta link to keep for the next sync's users, when the directory area was read. */
  usersDeltaLink?: string;
  usersMode?: 'full' | 'delta' | 'full_after_expiry';
  objects: number;
  pages: number;
  /** Objects Graph returned that could not be used (no id …): recorded, never fatal. */
  malformed: string[];
}

/** What a sync has read so far; reports progress between pages, at most once a second, so a long area shows movement. */
class Tally {
  objects = 0;
  pages = 0;
  area: AreaName = AREA_NAMES[0]!;
  areasDone = 0;
  private reportedAt = 0;
  constructor(private readonly onProgress?: CollectOptions['onProgress']) {}

  readonly countPage = () => {
    this.pages += 1;
  };

  async report(force = false): Promise<void> {
    if (!force && !this.due()) return;
    this.reportedAt = performance.now();
    await this.onProgress?.({ area: this.area, areasDone: this.areasDone, areasTotal: AREA_NAMES.length, objects: this.objects, pages: this.pages });
  }

  /** Whether a report is due: asked per object, so a list's objects are not each an awaited promise. */
  due(): boolean {
    return this.onProgress !== undefined && performance.now() - this.reportedAt >= PROGRESS_EVERY_MS;
  }
}

const PROGRESS_EVERY_MS = 1000;

class AreaPermissionError extends Error {
  constructor(readonly permission: string, message: string) {
    super(message);
  }
}

/** Collects every area; never throws for a Graph failure of one area (only for cancellation). */
export async function collectSnapshot(graph: GraphClient, tenantId: string, collectedAt: Date, options: CollectOptions = {}): Promise<CollectedSnapshot> {
  const counter = new Tally(options.onProgress);
  const malformed: string[] = [];
  const areas: StorableSnapshot['areas'] = {};
  const storedBodies: NonNullable<StorableSnapshot['storedBodies']> = {};
  const faults: Partial<Record<AreaName, AreaFault>> = {};
  let usersDeltaLink: string | undefined;
  let usersMode: CollectedSnapshot['usersMode'];
  const collectArea = async (area: AreaName): Promise<void> => {
    options.signal?.throwIfAborted();
    counter.area = area;
    await counter.report(true);
    try {
      if (area === 'directory') {
        const directory = await collectDirectory(graph, counter, malformed, options);
        areas.directory = directory.area;
        usersDeltaLink = directory.deltaLink;
        usersMode = directory.mode;
      } else {
        areas[area] = await readArea(graph, AREA_READS[area], counter, malformed, options.signal);
      }
      // Hashed and compressed while the next area is read (most of a read is waiting for Graph).
      storedBodies[area] = storedAreaBody(areas[area]);
      // Awaited by appendSnapshot; a sync that ends before it must not leave an unhandled rejection behind.
      storedBodies[area].catch(() => {});
    } catch (error) {
      if (options.signal?.aborted) throw error;
      // The hub cannot act for the tenant at all (no integration, consent or token): a fault of the sync, not of an area.
      if (error instanceof AppError && !(error instanceof GraphError)) throw error;
      faults[area] = faultOf(error);
    }
    counter.areasDone += 1;
  };
  await inLanes(AREA_NAMES, AREAS_AT_ONCE, collectArea);
  await counter.report(true);
  const inOrder = Object.fromEntries(AREA_NAMES.filter((area) => area in areas).map((area) => [area, areas[area]]));
  const snapshot: StorableSnapshot = { format: 'm365hub.snapshot', version: 1, tenantId, collectedAt: collectedAt.toISOString(), areas: inOrder, storedBodies, ...(Object.keys(faults).length > 0 ? { faults } : {}) };
  return { snapshot, ...(usersDeltaLink ? { usersDeltaLink } : {}), ...(usersMode ? { usersMode } : {}), objects: counter.objects, pages: counter.pages, malformed };
}

/**
 * Areas read side by side: while the hub works through a page of one (canonical text, compression), Graph prepares
 * the other's next page, so neither waits on the other. Two: each area's own reads already ask for the next page
 * while one is handled, and the per-tenant pacing applies to all of them alike.
 */
const AREAS_AT_ONCE = 2;

/** Runs `run` for each item, `lanes` at a time, each lane taking the next item in order; settles when all have. */
async function inLanes<T>(items: readonly T[], lanes: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await run(items[next++]!);
  };
  // Settled, not raced: a lane that throws (cancellation) leaves none still reading behind it.
  const outcomes = await Promise.allSettled(Array.from({ length: Math.min(lanes, items.length) }, lane));
  const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
  if (failed) throw failed.reason;
}

function faultOf(error: unknown): AreaFault {
  if (error instanceof AreaPermissionError) return { status: 'permission_error', permission: error.permission, message: error.message };
  if (error instanceof GraphError) return { status: 'error', message: `Microsoft Graph answered ${error.status || 'nothing usable'} (${error.code}): ${error.message}` };
  return { status: 'error', message: error instanceof Error ? error.message : String(error) };
}

/** Runs one read, turning Microsoft's refusal into the permission to grant. */
async function guarded<T>(read: Pick<AreaRead, 'permission' | 'path'>, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof GraphError && error.status === 403) {
      throw new AreaPermissionError(read.permission, `Microsoft Graph refused ${read.path.split('?')[0]}: grant the application permission ${read.permission} (or one that includes it) and admin consent, then sync again.`);
    }
    throw error;
  }
}

type ListRead = Pick<AreaRead, 'permission' | 'path'>;

/** Hands each object of a list to `add` as its page arrives. */
async function readInto(graph: GraphClient, read: ListRead, counter: Tally, malformed: string[], signal: AbortSignal | undefined, add: (item: GraphObject) => void): Promise<void> {
  await guarded(read, async () => {
    for await (const item of graph.paginate<unknown>(read.path, { ...(signal ? { signal } : {}), onPage: counter.countPage })) {
      if (item && typeof item === 'object' && !Array.isArray(item)) add(item as GraphObject);
      else malformed.push(`${read.path.split('?')[0]}: an item that is not an object was skipped`);
      counter.objects += 1;
      if (counter.due()) await counter.report();
    }
  });
}

/** A list whose objects a later read completes (group members, policy rules): objects until then. */
async function readList(graph: GraphClient, read: ListRead, counter: Tally, malformed: string[], signal?: AbortSignal): Promise<GraphObject[]> {
  const items: GraphObject[] = [];
  await readInto(graph, read, counter, malformed, signal, (item) => items.push(item));
  return items;
}

/** A list stored as read: each object becomes its canonical text as it arrives, and only that is kept. */
async function readCanonicalList(graph: GraphClient, read: ListRead, counter: Tally, malformed: string[], signal?: AbortSignal): Promise<CanonicalList> {
  const list = new CanonicalList();
  await readInto(graph, read, counter, malformed, signal, (item) => list.push(item));
  return list.finish();
}

async function readArea(graph: GraphClient, reads: readonly AreaRead[], counter: Tally, malformed: string[], signal?: AbortSignal): Promise<Record<string, unknown>> {
  const area: Record<string, unknown> = {};
  for (const read of reads) {
    if (read.kind === 'list') {
      try {
        area[read.property] = read.withPolicyRules
          ? CanonicalList.of(await attachPolicyRules(graph, await readList(graph, read, counter, malformed, signal), counter, malformed, signal))
          : await readCanonicalList(graph, read, counter, malformed, signal);
      } catch (error) {
        if (read.needsP2 && error instanceof GraphError && /LicenseRequired/i.test(error.code)) continue;
        throw error;
      }
    } else {
      const object = await guarded(read, () => graph.get<unknown>(read.path, signal ? { signal } : {}));
      if (!object || typeof object !== 'object' || Array.isArray(object)) throw new Error(`Microsoft Graph's answer to ${read.path} is not an object`);
      const { ['@odata.context']: _context, ...rest } = object as GraphObject;
      area[read.property] = rest;
      counter.objects += 1;
      counter.pages += 1;
    }
  }
  return area;
}

const READS_AT_ONCE = 4;

/** Runs `read` for every item, a few at a time (per-object follow-up reads: members, policy rules). */
async function forEachItem(items: readonly GraphObject[], signal: AbortSignal | undefined, read: (item: GraphObject & { id: string }) => Promise<void>): Promise<void> {
  const withIds = items.filter((item): item is GraphObject & { id: string } => typeof item.id === 'string');
  for (let at = 0; at < withIds.length; at += READS_AT_ONCE) {
    signal?.throwIfAborted();
    await Promise.all(withIds.slice(at, at + READS_AT_ONCE).map(read));
  }
}

/** `policy: { id, rules }` on each policy assignment (unifiedrolemanagementpolicy-list-rules: RoleManagement.Read.Directory). */
async function attachPolicyRules(graph: GraphClient, assignments: GraphObject[], counter: Tally, malformed: string[], signal?: AbortSignal): Promise<GraphObject[]> {
  const rulesOf = new Map<string, Promise<GraphObject[]>>();
  await forEachItem(assignments, signal, async (assignment) => {
    const policyId = assignment.policyId;
    if (typeof policyId !== 'string') return;
    if (!rulesOf.has(policyId)) {
      rulesOf.set(policyId, readList(graph, { path: `/policies/roleManagementPolicies/${encodeURIComponent(policyId)}/rules`, permission: 'RoleManagement.Read.Directory' }, counter, malformed, signal));
    }
    assignment.policy = { id: policyId, rules: await rulesOf.get(policyId)! };
  });
  return assignments;
}

async function collectDirectory(graph: GraphClient, counter: Tally, malformed: string[], options: CollectOptions) {
  const signal = options.signal;
  const onPage = counter.countPage;
  // Users: after the first sync only what changed since the kept delta link (user-delta: User.Read.All); the first
  // sync, or one after the link expired, reads everyone with sign-in activity (which delta does not return) and
  // starts a delta link from now.
  const users = await guarded({ permission: 'User.Read.All', path: '/users/delta' }, async () => {
    const kept = options.usersDelta;
    if (kept?.deltaLink) {
      const continued = await continueByDelta(graph, { ...kept, deltaLink: kept.deltaLink }, { ...(signal ? { signal } : {}), onPage });
      if (continued) {
        counter.objects += continued.fetched;
        malformed.push(...continued.malformed);
        return { objects: CanonicalList.of(continued.objects), deltaLink: continued.deltaLink, mode: 'delta' as const };
      }
    }
    const objects = await readAllUsers(graph, counter, malformed, signal);
    const deltaLink = await latestDeltaLink(graph, 'users', USER_SELECT, signal);
    return { objects, deltaLink, mode: kept?.deltaLink ? ('full_after_expiry' as const) : ('full' as const) };
  });
  // Sorted for storing while the groups and their members are read (the area is stored once they are).
  const usersInOrder = users.objects.putInOrder();
  usersInOrder.catch(() => {});
  const area: Record<string, unknown> = { users: users.objects };
  // Groups stay objects until their members are read; the rest are stored as read.
  for (const read of DIRECTORY_READS) {
    area[read.property] = read.property === 'groups' ? await readList(graph, read, counter, malformed, signal) : await readCanonicalList(graph, read, counter, malformed, signal);
  }
  const groups = area.groups as GraphObject[];
  // Kept as canonical text like the other lists (100,000 member ids are megabytes of strings), each group as soon as
  // it and those before it are complete, in the order they came: not all of them after the last members' page.
  const groupList = new CanonicalList();
  const complete = new Set<GraphObject>();
  let kept = 0;
  const keepCompleted = () => {
    for (; kept < groups.length && (complete.has(groups[kept]!) || typeof groups[kept]!.id !== 'string'); kept++) groupList.push(groups[kept]!);
  };
  // Each group's transitive members (group-list-transitivemembers: GroupMember.Read.All): the access review's
  // groups per user, and privileged access held through role-assignable groups. 999 a page, the most the API's
  // $top allows: a 100,000-member group is 101 pages rather than 1,000 at the default page size.
  await forEachItem(groups, signal, async (group) => {
    const members: string[] = [];
    const read = { path: `/groups/${encodeURIComponent(group.id)}/transitiveMembers?$select=id&$top=999`, permission: 'GroupMember.Read.All' };
    // Only the ids are kept, page by page (not a list of member objects first).
    await readInto(graph, read, counter, malformed, signal, (member) => typeof member.id === 'string' && members.push(member.id));
    group.members = members;
    complete.add(group);
    keepCompleted();
  });
  keepCompleted();
  area.groups = groupList.finish();
  await usersInOrder;
  return { area, deltaLink: users.deltaLink, mode: users.mode };
}

/**
 * Every user, 999 a page (user-list). With sign-in activity when Microsoft allows it (AuditLog.Read.All and Entra ID
 * P1: otherwise 403, or 400 for the licence), else without it: the access review then shows no last sign-in rather
 * than the directory failing. Delta syncs keep the sign-in activity of this full read until the next one.
 */
async function readAllUsers(graph: GraphClient, counter: Tally, malformed: string[], signal?: AbortSignal): Promise<CanonicalList> {
  const read = (withActivity: boolean) =>
    readCanonicalList(graph, { path: `/users?$select=${[...USER_SELECT, ...(withActivity ? ['signInActivity'] : [])].join(',')}&$top=999`, permission: 'User.Read.All' }, counter, malformed, signal);
  try {
    return await read(true);
  } catch (error) {
    if (signal?.aborted) throw error;
    const refusedActivity = (error instanceof AreaPermissionError) || (error instanceof GraphError && error.status === 400);
    if (!refusedActivity) throw error;
    return read(false);
  }
}
