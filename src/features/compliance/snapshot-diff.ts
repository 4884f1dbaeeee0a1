// What changed between two snapshots of a tenant, readable by a person: per area, each Graph object added,
// removed or changed (matched by id), with the field paths and the values before and after, and the object's
// name beside its id. Lists of values (excluded users, controls …) compare as wholes, in canonical order.
import { canonicalise, canonicalJson } from './canonical-json.js';
import { AREA_NAMES, type AreaName, type TenantSnapshot } from './snapshot.js';

export interface FieldChange {
  path: string;
  before: unknown;
  after: unknown;
}

export interface ObjectChange {
  area: AreaName;
  /** The area's property holding the object (policies, users, authorizationPolicy …). */
  collection: string;
  objectId: string;
  objectName: string;
  change: 'added' | 'removed' | 'changed';
  fields: FieldChange[];
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isIdList = (v: unknown): v is Json[] => Array.isArray(v) && v.length > 0 && v.every((x) => isObject(x) && typeof x.id === 'string');
const ownName = (o: Json): string | undefined => [o.displayName, o.userPrincipalName, o.name].find((v): v is string => typeof v === 'string');

/** Names of every object of both snapshots by id, so a role assignment reads "Global Administrator: Pat Plain". */
type Names = Map<string, string>;
function namesOf(...snapshots: TenantSnapshot[]): Names {
  const names: Names = new Map();
  for (const snapshot of snapshots) {
    for (const area of Object.values(snapshot.areas)) {
      for (const value of Object.values(area ?? {})) {
        for (const o of Array.isArray(value) ? value : [value]) {
          const name = isObject(o) ? ownName(o) : undefined;
          if (name && typeof o.id === 'string') names.set(o.id.toLowerCase(), name);
        }
      }
    }
  }
  return names;
}

function nameOf(o: Json, fallback: string, names: Names): string {
  const own = ownName(o);
  if (own) return own;
  const lookup = (v: unknown) => (typeof v === 'string' ? names.get(v.toLowerCase()) ?? v : undefined);
  const role = lookup(o.roleDefinitionId);
  const principal = lookup(o.principalId);
  if (role && principal) return `${role}: ${principal}`;
  return typeof o.id === 'string' ? o.id : fallback;
}

function fieldChanges(before: unknown, after: unknown, path: string, out: FieldChange[]): void {
  if (isObject(before) && isObject(after)) {
    for (const key of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
      fieldChanges(before[key], after[key], path ? `${path}.${key}` : key, out);
    }
    return;
  }
  if (canonicalJson(before ?? null) !== canonicalJson(after ?? null)) out.push({ path, before: canonicalise(before ?? null), after: canonicalise(after ?? null) });
}

function collectionChanges(area: AreaName, collection: string, before: unknown, after: unknown, names: Names, out: ObjectChange[]): void {
  const objectList = (v: unknown) => v === undefined || (Array.isArray(v) && (v.length === 0 || isIdList(v)));
  if ((Array.isArray(before) || Array.isArray(after)) && objectList(before) && objectList(after)) {
    const old = new Map(((before ?? []) as Json[]).map((o) => [o.id as string, o]));
    const now = new Map(((after ?? []) as Json[]).map((o) => [o.id as string, o]));
    for (const [id, o] of now) {
      const was = old.get(id);
      if (!was) {
        out.push({ area, collection, objectId: id, objectName: nameOf(o, id, names), change: 'added', fields: [] });
        continue;
      }
      const fields: FieldChange[] = [];
      fieldChanges(was, o, '', fields);
      if (fields.length > 0) out.push({ area, collection, objectId: id, objectName: nameOf(o, id, names), change: 'changed', fields });
    }
    for (const [id, o] of old) if (!now.has(id)) out.push({ area, collection, objectId: id, objectName: nameOf(o, id, names), change: 'removed', fields: [] });
    return;
  }
  // A single object (authorizationPolicy, settings …) or a list without ids: one object, changed field by field.
  const fields: FieldChange[] = [];
  fieldChanges(before, after, '', fields);
  if (fields.length === 0) return;
  const named = isObject(after) ? after : isObject(before) ? before : {};
  const change = before === undefined ? 'added' : after === undefined ? 'removed' : 'changed';
  out.push({ area, collection, objectId: typeof named.id === 'string' ? named.id : collection, objectName: nameOf(named, collection, names), change, fields });
}

export function diffSnapshots(before: TenantSnapshot, after: TenantSnapshot): ObjectChange[] {
  const changes: ObjectChange[] = [];
  const names = namesOf(before, after);
  for (const area of AREA_NAMES) {
    const old = (before.areas[area] ?? {}) as Json;
    const now = (after.areas[area] ?? {}) as Json;
    for (const collection of [...new Set([...Object.keys(old), ...Object.keys(now)])].sort()) {
      collectionChanges(area, collection, old[collection], now[collection], names, changes);
    }
  }
  return changes;
}
