// A collection of drive items as Graph pages it (https://learn.microsoft.com/graph/paging): 200 per page unless
// `$top` (at most 1000) says otherwise, `@odata.nextLink` with an opaque `$skiptoken`, `$select`, `$filter` on name,
// `$orderby` on name, lastModifiedDateTime or size (asc/desc, comma-separated), and `$expand=thumbnails`. Only the page's items are
// rendered, so listing a 10,000-item folder renders 200.
import { graphErrors } from '../graph-errors.js';
import type { GraphRequestInfo } from '../graph-response.js';
import { nextLink, paginate, parseQuery, project, type GraphObject } from '../odata-query.js';
import type { ItemRecord } from './item-tree.js';
import { driveItemShape, itemResource, type ItemContext } from './item-resource.js';
import { thumbnailSets } from './thumbnails.js';

export const itemPageSize = 200;
const maxPageSize = 1000;

type Key = (item: ItemRecord) => string | number;
const sortKeys = (ctx: ItemContext): Record<string, Key> => ({
  name: (item) => item.name.toLowerCase(),
  lastmodifieddatetime: (item) => item.modifiedMs,
  size: (item) => ctx.drive.tree.sizeOf(item),
});

function comparator(raw: string | null, keys: Record<string, Key>): (a: ItemRecord, b: ItemRecord) => number {
  const clauses = (raw ?? 'name')
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean)
    .map((clause) => {
      const [property = '', direction = 'asc', extra] = clause.split(/\s+/);
      const key = keys[property.toLowerCase()];
      if (!key) throw graphErrors.emulatorUnsupported(`$orderby on '${property}' of microsoft.graph.driveItem (here: name, lastModifiedDateTime, size)`);
      if (extra !== undefined || !/^(asc|desc)$/i.test(direction)) throw graphErrors.badRequest(`Invalid $orderby clause '${clause}'.`, 'invalidRequest');
      return { key, sign: direction.toLowerCase() === 'desc' ? -1 : 1 };
    });
  return (a, b) => {
    for (const { key, sign } of clauses) {
      const x = key(a);
      const y = key(b);
      if (x !== y) return (x < y ? -1 : 1) * sign;
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };
}

/** The request's options without the ones this module reads itself ($orderby, $expand), for parseQuery. */
function ownOptionsRemoved(search: URLSearchParams): URLSearchParams {
  const copy = new URLSearchParams(search);
  for (const key of [...copy.keys()]) if (['$orderby', '$expand'].includes(key.toLowerCase())) copy.delete(key);
  return copy;
}

/** `$expand=thumbnails` is the one expansion served; any other is named as unsupported. */
function expandsThumbnails(search: URLSearchParams): boolean {
  const raw = [...search.entries()].find(([key]) => key.toLowerCase() === '$expand')?.[1];
  if (raw === undefined) return false;
  const names = raw.split(',').map((n) => n.trim().toLowerCase());
  const other = names.find((n) => n !== 'thumbnails');
  if (other !== undefined) throw graphErrors.emulatorUnsupported(`$expand=${other} on driveItem (only thumbnails)`);
  return true;
}

function render(ctx: ItemContext, item: ItemRecord, select: string[] | undefined, thumbnails: boolean): GraphObject {
  const projected = project(itemResource(ctx, item), driveItemShape, select);
  return thumbnails ? { ...projected, thumbnails: thumbnailSets(ctx.origin, ctx.drive.driveId, item) } : projected;
}

export const contextUrl = (req: GraphRequestInfo, fragment: string, select: string[] | undefined) =>
  `${req.serviceRoot}/$metadata#${fragment}${select ? `(${select.join(',')})` : ''}`;

export function itemCollection(req: GraphRequestInfo, ctx: ItemContext, items: ItemRecord[], context: string): GraphObject {
  const query = parseQuery(ownOptionsRemoved(req.search), driveItemShape);
  const thumbnails = expandsThumbnails(req.search);
  const orderBy = [...req.search.entries()].find(([key]) => key.toLowerCase() === '$orderby')?.[1] ?? null;
  const sorted = [...items].sort(comparator(orderBy, sortKeys(ctx)));
  const filtered = query.filter ? sorted.filter((item) => query.filter!({ name: item.name })) : sorted;
  const page = paginate(filtered as unknown as GraphObject[], { ...query, filter: undefined }, itemPageSize, maxPageSize);
  return {
    '@odata.context': contextUrl(req, context, query.select),
    ...(page.nextOffset !== undefined ? { '@odata.nextLink': nextLink(req.url, page.nextOffset) } : {}),
    value: (page.items as ItemRecord[]).map((item) => render(ctx, item, query.select, thumbnails)),
  };
}

export function itemEntity(req: GraphRequestInfo, ctx: ItemContext, item: ItemRecord, context: string): GraphObject {
  const query = parseQuery(ownOptionsRemoved(req.search), driveItemShape);
  return { '@odata.context': `${contextUrl(req, context, query.select)}/$entity`, ...render(ctx, item, query.select, expandsThumbnails(req.search)) };
}
