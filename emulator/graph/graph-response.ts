// Graph's response envelopes: a collection (`@odata.context`, `value`, `@odata.nextLink` when there is more) or a
// single entity (`@odata.context` ending in `/$entity`, then the properties), with `$select` reflected in the
// context URL as Graph does (https://learn.microsoft.com/graph/api/user-list examples).
import { nextLink, paginate, parseQuery, project, type GraphObject, type ResourceShape } from './odata-query.js';

/** What a route handler sees of its request. */
export interface GraphRequestInfo {
  /** `{origin}/v1.0`: the service root context URLs and next links are built on. */
  serviceRoot: string;
  /** The full request URL on the emulator's origin. */
  url: URL;
  search: URLSearchParams;
}

export interface CollectionOptions<T = GraphObject> {
  shape: ResourceShape;
  items: readonly T[];
  /** Builds one item's Graph object; given, only the page's items are built (unless $filter needs them all). */
  resource?: (item: T) => GraphObject;
  /** The context fragment, e.g. `users` or `groups('id')/members`. */
  context: string;
  /** Graph's default page size for the resource, and the largest $top it honours. */
  pageSize?: number;
  maxPageSize?: number;
}

const contextUrl = (root: string, fragment: string, select: string[] | undefined) => `${root}/$metadata#${fragment}${select ? `(${select.join(',')})` : ''}`;

export function collection<T = GraphObject>(req: GraphRequestInfo, options: CollectionOptions<T>): GraphObject {
  const query = parseQuery(req.search, options.shape);
  const page = paginate(options.items, query, options.pageSize ?? 100, options.maxPageSize ?? 999, options.resource);
  return {
    '@odata.context': contextUrl(req.serviceRoot, options.context, query.select),
    ...(page.nextOffset !== undefined ? { '@odata.nextLink': nextLink(req.url, page.nextOffset) } : {}),
    value: page.items.map((item) => project(item, options.shape, query.select)),
  };
}

export function entity(req: GraphRequestInfo, shape: ResourceShape, item: GraphObject, context: string): GraphObject {
  const query = parseQuery(req.search, shape);
  return { '@odata.context': `${contextUrl(req.serviceRoot, context, query.select)}/$entity`, ...project(item, shape, query.select) };
}
