// Reads users or groups through Microsoft Graph delta query: the first sync walks the whole collection
// (GET /users/delta?$select=… page by page through @odata.nextLink) and keeps the @odata.deltaLink it ends with;
// later syncs call that link and merge only what changed (applyDelta). An expired sync state — 410 Gone, or
// 400 syncStateNotFound for identity tokens older than seven days (learn.microsoft.com/graph/delta-query-overview)
// — starts a full round again from nothing, so the result has no duplicates and loses nothing.
import type { GraphClient } from '../../microsoft/graph/graph-client.js';
import { GraphError } from '../../microsoft/graph/graph-error.js';
import { applyDelta } from './directory-delta.js';
import type { GraphObject } from './snapshot.js';

export type DeltaResource = 'users' | 'groups';

export interface DeltaState {
  objects: GraphObject[];
  /** The @odata.deltaLink of the last complete round; absent before the first sync. */
  deltaLink?: string;
}

export interface DeltaCollection extends DeltaState {
  deltaLink: string;
  mode: 'full' | 'delta' | 'full_after_expiry';
  pages: number;
  fetched: number;
  malformed: string[];
}

interface DeltaPage {
  value?: unknown;
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

/** Graph links are absolute; the client takes paths under its own /v1.0 base (and refuses other hosts itself). */
function pathOf(link: string): string {
  const url = new URL(link);
  return `${url.pathname.replace(/^\/v1\.0/, '')}${url.search}`;
}

const expired = (error: unknown): boolean =>
  error instanceof GraphError && (error.status === 410 || (error.status === 400 && /syncStateNotFound/i.test(error.code)));

async function walk(graph: GraphClient, first: string, signal?: AbortSignal, onPage?: (pages: number, fetched: number) => void) {
  const changes: GraphObject[] = [];
  let path = first;
  let pages = 0;
  for (;;) {
    const page = await graph.get<DeltaPage>(path, signal ? { signal } : {});
    pages += 1;
    if (Array.isArray(page.value)) for (const item of page.value) changes.push(item as GraphObject);
    onPage?.(pages, changes.length);
    if (page['@odata.nextLink']) path = pathOf(page['@odata.nextLink']);
    else if (page['@odata.deltaLink']) return { changes, pages, deltaLink: page['@odata.deltaLink'] };
    else throw new GraphError({ code: 'unexpected_response', status: 0, message: 'A Microsoft Graph delta page had neither a next link nor a delta link', clientRequestId: 'none' });
  }
}

/**
 * One delta round from a kept link, merged onto the kept objects; undefined when Microsoft says the link expired (the
 * caller reads everything again).
 */
export async function continueByDelta(
  graph: GraphClient,
  state: DeltaState & { deltaLink: string },
  options: { signal?: AbortSignal; onPage?: (pages: number, fetched: number) => void } = {},
): Promise<DeltaCollection | undefined> {
  try {
    const round = await walk(graph, pathOf(state.deltaLink), options.signal, options.onPage);
    const merged = applyDelta(state.objects, round.changes);
    return { objects: merged.objects, deltaLink: round.deltaLink, mode: 'delta', pages: round.pages, fetched: round.changes.length, malformed: merged.malformed };
  } catch (error) {
    if (expired(error)) return undefined;
    throw error;
  }
}

/**
 * A delta link for "from now on" without reading the collection (`$deltatoken=latest`, delta-query-overview), for a
 * caller that read the collection another way (e.g. with properties delta does not return, such as signInActivity).
 */
export async function latestDeltaLink(graph: GraphClient, resource: DeltaResource, select: readonly string[], signal?: AbortSignal): Promise<string> {
  const round = await walk(graph, `/${resource}/delta?$select=${select.join(',')}&$deltatoken=latest`, signal);
  return round.deltaLink;
}

export async function collectByDelta(
  graph: GraphClient,
  resource: DeltaResource,
  select: readonly string[],
  state: DeltaState,
  options: { signal?: AbortSignal; onPage?: (pages: number, fetched: number) => void } = {},
): Promise<DeltaCollection> {
  const fullPath = `/${resource}/delta?$select=${select.join(',')}`;
  if (state.deltaLink) {
    const continued = await continueByDelta(graph, { ...state, deltaLink: state.deltaLink }, options);
    if (continued) return continued;
  }
  const round = await walk(graph, fullPath, options.signal, options.onPage);
  const merged = applyDelta([], round.changes);
  return { objects: merged.objects, deltaLink: round.deltaLink, mode: state.deltaLink ? 'full_after_expiry' : 'full', pages: round.pages, fetched: round.changes.length, malformed: merged.malformed };
}
