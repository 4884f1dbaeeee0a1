// Applies one round of Microsoft Graph delta changes (GET /users/delta, /groups/delta) to the objects kept from the
// previous sync, so an incremental sync ends with the same set a full sync would read.
// Microsoft Graph delta query (learn.microsoft.com/graph/delta-query-overview):
//   - removed instances carry their id and an `@removed` object (reason `changed` = soft-deleted / restorable,
//     `deleted` = gone for good); either way the object is no longer in the collection;
//   - updated instances carry their id with at least the properties that changed, so they merge onto the kept copy;
//   - new instances come in their standard representation;
//   - the same object may appear more than once across the pages of one round: the later entry wins.
import type { GraphObject } from './snapshot.js';

export interface DeltaMergeResult {
  objects: GraphObject[];
  added: number;
  updated: number;
  removed: number;
  /** Entries that could not be applied (no string id): recorded, never a crash of the sync. */
  malformed: string[];
}

/** Strips OData annotations (`@odata.type`, `@removed`, `members@delta`…) so snapshots hold the object only. */
function withoutAnnotations(entry: GraphObject): GraphObject {
  const out: GraphObject = {};
  for (const [key, value] of Object.entries(entry)) if (!key.includes('@')) out[key] = value;
  return out;
}

export function applyDelta(previous: readonly GraphObject[], changes: readonly GraphObject[]): DeltaMergeResult {
  const byId = new Map<string, GraphObject>();
  for (const object of previous) if (typeof object.id === 'string') byId.set(object.id, object);
  const known = new Set(byId.keys());
  const touched = new Set<string>();
  const malformed: string[] = [];
  let removed = 0;
  changes.forEach((entry, index) => {
    const id = entry?.id;
    if (typeof id !== 'string' || id === '') {
      malformed.push(`Delta entry ${index} has no id and was skipped.`);
      return;
    }
    if (entry['@removed'] !== undefined) {
      if (byId.delete(id) && known.has(id)) removed += 1;
      touched.delete(id);
      return;
    }
    const prior = byId.get(id);
    byId.set(id, prior ? { ...prior, ...withoutAnnotations(entry) } : withoutAnnotations(entry));
    touched.add(id);
  });
  let added = 0;
  let updated = 0;
  for (const id of touched) (known.has(id) ? (updated += 1) : (added += 1));
  return { objects: [...byId.values()], added, updated, removed, malformed };
}
