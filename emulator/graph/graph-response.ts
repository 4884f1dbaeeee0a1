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

const SMALL_PAGE_ITEMS = 100;

/**
 * A page of a collection as a handler returns it. Its items become Graph objects only as the page is written, a
 * piece at a time (`pieces`), so a page of 999 users is never 999 objects and one megabyte of text at once.
 * JSON.stringify (a $batch response embedding it, a test) sees the whole page through `toJSON`.
 */
export class CollectionPage {
  constructor(
    private readonly head: GraphObject,
    private readonly items: readonly unknown[],
    private readonly toObject: (item: unknown) => GraphObject,
  ) {}

  toJSON(): GraphObject {
    return { ...this.head, value: this.items.map(this.toObject) };
  }

  /**
   * Small enough to send whole (`toJSON`, one string with Content-Length, one write): a stream of pieces costs a
   * small page more than its text, and most pages are small (Graph's default page is 100 items at most).
   */
  get small(): boolean {
    return this.items.length <= SMALL_PAGE_ITEMS;
  }

  /** The page's JSON text in small pieces (see jsonBody in emulator/state/json-chunks.ts). */
  *pieces(): Generator<string> {
    yield `${JSON.stringify(this.head).slice(0, -1)},"value":[`;
    for (let i = 0; i < this.items.length; i++) yield `${i > 0 ? ',' : ''}${JSON.stringify(this.toObject(this.items[i]))}`;
    yield ']}';
  }
}

export function collection<T = GraphObject>(req: GraphRequestInfo, options: CollectionOptions<T>): CollectionPage {
  const query = parseQuery(req.search, options.shape);
  const page = paginate(options.items, query, options.pageSize ?? 100, options.maxPageSize ?? 999, options.resource);
  const head = {
    '@odata.context': contextUrl(req.serviceRoot, options.context, query.select),
    ...(page.nextOffset !== undefined ? { '@odata.nextLink': nextLink(req.url, page.nextOffset) } : {}),
  };
  return new CollectionPage(head, page.items, (item) => project(page.toObject(item), options.shape, query.select));
}

export function entity(req: GraphRequestInfo, shape: ResourceShape, item: GraphObject, context: string): GraphObject {
  const query = parseQuery(req.search, shape);
  return { '@odata.context': `${contextUrl(req.serviceRoot, context, query.select)}/$entity`, ...project(item, shape, query.select) };
}
