// The OData query options the Graph half honours: $top, $select, $filter (eq / startswith on a few string and
// boolean properties, joined by `and`), and server-driven paging with `@odata.nextLink` carrying `$skiptoken`
// (https://learn.microsoft.com/graph/query-parameters, https://learn.microsoft.com/graph/paging).
// Options Graph honours that the emulator does not ($orderby, $expand, $search, $count, $skip…) answer
// `emulator_unsupported` rather than being silently ignored.
import { GraphError, graphErrors } from './graph-errors.js';

export type GraphObject = Record<string, unknown>;

export interface ResourceShape {
  /** The OData type name, e.g. `microsoft.graph.user` (used in Graph's "Could not find a property" message). */
  type: string;
  /** Every property the emulator serves for the resource ($select may name any of them). */
  properties: readonly string[];
  /** Properties returned without $select (Graph's default set for the resource). */
  defaults: readonly string[];
  /** Properties $filter may name (matched case-insensitively, compared as Graph does on strings). */
  filterable?: readonly string[];
}

export interface ListQuery {
  top: number | undefined;
  select: string[] | undefined;
  filter: ((item: GraphObject) => boolean) | undefined;
  offset: number;
}

const supported = new Set(['$top', '$select', '$filter', '$skiptoken']);

function parseTop(raw: string | null): number | undefined {
  if (raw === null) return undefined;
  const top = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(top) || top < 1) {
    throw new GraphError(400, 'BadRequest', `Invalid value '${raw}' for query option '$top'.`);
  }
  return top;
}

function canonicalProperty(shape: ResourceShape, name: string, known: readonly string[]): string {
  const found = known.find((p) => p.toLowerCase() === name.toLowerCase());
  if (!found) throw graphErrors.badRequest(`Could not find a property named '${name}' on type '${shape.type}'.`);
  return found;
}

function parseSelect(shape: ResourceShape, raw: string | null): string[] | undefined {
  if (raw === null) return undefined;
  const names = raw.split(',').map((s) => s.trim()).filter(Boolean);
  return names.map((n) => canonicalProperty(shape, n, shape.properties));
}

const literal = String.raw`'((?:[^']|'')*)'|(true|false)`;
const eqClause = new RegExp(String.raw`^(\w+)\s+eq\s+(?:${literal})$`, 'i');
const startsWithClause = new RegExp(String.raw`^startswith\(\s*(\w+)\s*,\s*'((?:[^']|'')*)'\s*\)$`, 'i');

function parseFilter(shape: ResourceShape, raw: string | null): ((item: GraphObject) => boolean) | undefined {
  if (raw === null) return undefined;
  const filterable = shape.filterable ?? [];
  const clauses = raw.split(/\s+and\s+/i).map((c) => c.trim());
  const tests = clauses.map((clause) => {
    const eq = eqClause.exec(clause);
    if (eq) {
      const property = canonicalFilterable(shape, filterable, eq[1]!);
      if (eq[3] !== undefined) {
        const value = eq[3].toLowerCase() === 'true';
        return (item: GraphObject) => item[property] === value;
      }
      const value = eq[2]!.replace(/''/g, "'").toLowerCase();
      return (item: GraphObject) => typeof item[property] === 'string' && (item[property] as string).toLowerCase() === value;
    }
    const sw = startsWithClause.exec(clause);
    if (sw) {
      const property = canonicalFilterable(shape, filterable, sw[1]!);
      const prefix = sw[2]!.replace(/''/g, "'").toLowerCase();
      return (item: GraphObject) => typeof item[property] === 'string' && (item[property] as string).toLowerCase().startsWith(prefix);
    }
    throw graphErrors.emulatorUnsupported(`the $filter expression '${clause}' (only "property eq 'value'", "property eq true|false" and "startswith(property,'value')" joined by "and")`);
  });
  return (item) => tests.every((t) => t(item));
}

function canonicalFilterable(shape: ResourceShape, filterable: readonly string[], name: string): string {
  const found = filterable.find((p) => p.toLowerCase() === name.toLowerCase());
  if (!found) throw graphErrors.emulatorUnsupported(`$filter on '${name}' of ${shape.type} (filterable here: ${filterable.join(', ') || 'none'})`);
  return found;
}

/** $skiptoken is opaque to clients; the emulator's encodes the offset of the next page. */
const encodeSkipToken = (offset: number) => Buffer.from(`o:${offset}`).toString('base64url');

function decodeSkipToken(raw: string | null): number {
  if (raw === null) return 0;
  const match = /^o:(\d+)$/.exec(Buffer.from(raw, 'base64url').toString());
  if (!match) throw graphErrors.badRequest('Invalid $skiptoken.', 'Request_BadRequest');
  return Number(match[1]);
}

/** Reads the OData options of a request for a resource; rejects the ones the emulator does not implement. */
export function parseQuery(search: URLSearchParams, shape: ResourceShape): ListQuery {
  for (const key of search.keys()) {
    if (key.startsWith('$') && !supported.has(key.toLowerCase())) throw graphErrors.emulatorUnsupported(`the query option '${key}'`);
  }
  return {
    top: parseTop(search.get('$top')),
    select: parseSelect(shape, search.get('$select')),
    filter: parseFilter(shape, search.get('$filter')),
    offset: decodeSkipToken(search.get('$skiptoken')),
  };
}

/** The object as Graph returns it: $select's properties, else the resource's defaults (`@odata.*` kept). */
export function project(item: GraphObject, shape: ResourceShape, select: string[] | undefined): GraphObject {
  const keep = select ?? shape.defaults;
  const out: GraphObject = {};
  for (const [key, value] of Object.entries(item)) if (key.startsWith('@odata.')) out[key] = value;
  // Absent properties stay absent (a driveItem has a file or a folder facet, never both); resources spell out
  // the nulls Graph does send.
  for (const key of keep) if (key in item) out[key] = item[key];
  return out;
}

export interface Page {
  /** The page's items: as given, or (after a $filter, which needs them all built) their Graph objects. */
  items: readonly unknown[];
  /** Makes one of `items` its Graph object; called as the page is written, so only the page's items are built. */
  toObject: (item: unknown) => GraphObject;
  nextOffset: number | undefined;
}

const asObject = (item: unknown) => item as GraphObject;

/**
 * One page of a collection: filtered, then `top` (or the resource's page size) from the skiptoken's offset. Without
 * a $filter only the page's items are turned into Graph objects, so a page of a 100,000-user tenant costs its own
 * 999 users, not the whole tenant.
 */
export function paginate<T>(all: readonly T[], query: ListQuery, pageSize: number, maxPageSize: number, toObject: (item: T) => GraphObject = asObject): Page {
  const size = Math.min(query.top ?? pageSize, maxPageSize);
  const next = query.offset + size;
  if (!query.filter) return { items: all.slice(query.offset, next), toObject: toObject as (item: unknown) => GraphObject, nextOffset: next < all.length ? next : undefined };
  const filtered = all.map(toObject).filter(query.filter);
  return { items: filtered.slice(query.offset, next), toObject: asObject, nextOffset: next < filtered.length ? next : undefined };
}

/** The request URL with `$skiptoken` pointing at the next page; every other option kept, as Graph's nextLink. */
export function nextLink(requestUrl: URL, nextOffset: number): string {
  const url = new URL(requestUrl);
  url.searchParams.set('$skiptoken', encodeSkipToken(nextOffset));
  return url.toString().replace(/%24/g, '$').replace(/%2C/gi, ',');
}
