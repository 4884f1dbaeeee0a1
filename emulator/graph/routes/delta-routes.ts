// Delta queries on users and groups (https://learn.microsoft.com/graph/api/user-delta, .../group-delta,
// https://learn.microsoft.com/graph/delta-query-users): a first round returns every object, page by page with
// `@odata.nextLink` ($skiptoken), and ends with `@odata.deltaLink` ($deltatoken); calling the delta link returns
// what was added or changed since (the whole object) and what was removed (`id` and `@removed: {reason: changed}`).
// $select given on the first request is kept in the links. A token older than seven days answers 400
// syncStateNotFound ("Duration of change tracking tokens for identity and education resources", Microsoft 365
// Developer Blog, 2020-07-03); a token the control API aged answers 410 Gone with the same code: sync again.
import type { DeltaResource } from '../../state/delta-tokens.js';
import { deltaTokenLifetimeMs } from '../../state/delta-tokens.js';
import { GraphError } from '../graph-errors.js';
import type { GraphRoute, GraphRouteRequest } from '../graph-router.js';
import { parseQuery, project, type GraphObject, type ResourceShape } from '../odata-query.js';
import { groupResource, groupShape, userShape } from '../resources/directory-resources.js';
import { usersAsGraph } from '../resources/user-security.js';

const pageSize = 100;
const expiredMessage = 'The sync state generation is not found. The delta token is expired and data must be synchronized again.';

function currentObjects(req: GraphRouteRequest, resource: DeltaResource): GraphObject[] {
  if (resource === 'users') return usersAsGraph(req, req.ctx.directory.usersOf(req.tenant.id));
  return req.ctx.directory.groupsOf(req.tenant.id).map((g) => groupResource(g, req.tenant));
}

/** The objects among `ids` that still exist, in Graph's shape, and the ids that are gone (answered `@removed`). */
function objectsByIds(req: GraphRouteRequest, resource: DeltaResource, ids: string[]): { present: GraphObject[]; gone: string[] } {
  if (ids.length === 0) {
    // Still check the caller may read what it selected (signInActivity needs AuditLog.Read.All), as a full read would.
    if (resource === 'users') usersAsGraph(req, []);
    return { present: [], gone: [] };
  }
  const gone: string[] = [];
  if (resource === 'users') {
    const users = ids.flatMap((id) => {
      const user = req.ctx.directory.getUser(id);
      if (user && user.tenantId === req.tenant.id) return [user];
      gone.push(id);
      return [];
    });
    return { present: usersAsGraph(req, users), gone };
  }
  const groups = new Map(req.ctx.directory.groupsOf(req.tenant.id).map((g) => [g.id, g]));
  const present = ids.flatMap((id) => {
    const group = groups.get(id);
    if (group) return [groupResource(group, req.tenant)];
    gone.push(id);
    return [];
  });
  return { present, gone };
}

function link(req: GraphRouteRequest, name: '$skiptoken' | '$deltatoken', value: string): string {
  const url = new URL(req.url);
  url.search = '';
  const select = req.search.get('$select');
  if (select) url.searchParams.set('$select', select);
  url.searchParams.set(name, value);
  return url.toString().replace(/%24/g, '$').replace(/%2C/gi, ',');
}

function deltaHandler(resource: DeltaResource, shape: ResourceShape) {
  return (req: GraphRouteRequest): GraphObject => {
    const { deltaTokens, clock } = req.ctx;
    const rest = new URLSearchParams([...req.search].filter(([k]) => !['$skiptoken', '$deltatoken'].includes(k.toLowerCase())));
    const { select } = parseQuery(rest, shape);
    const skip = req.search.get('$skiptoken');
    const delta = req.search.get('$deltatoken');
    const odataType = resource === 'users' ? '#microsoft.graph.user' : '#microsoft.graph.group';

    // A skiptoken names the round and the offset of its next page: `{round}~{offset}`.
    const [skipRound, skipOffset] = (skip ?? '').split('~');
    let roundKey: string;
    if (skip !== null) {
      if (!skipRound || !/^\d+$/.test(skipOffset ?? '') || !deltaTokens.round(skipRound, req.tenant.id, resource)) throw new GraphError(400, 'syncStateNotFound', expiredMessage);
      roundKey = skipRound;
    } else {
      const position = deltaTokens.journal.position(req.tenant.id, resource);
      let items: Record<string, unknown>[];
      if (delta !== null && delta !== 'latest') {
        const previous = deltaTokens.token(delta, req.tenant.id, resource);
        if (!previous) throw new GraphError(400, 'syncStateNotFound', expiredMessage);
        if (previous.invalidated) throw new GraphError(410, 'syncStateNotFound', expiredMessage);
        if (clock.now() - previous.issuedAt > deltaTokenLifetimeMs) throw new GraphError(400, 'syncStateNotFound', expiredMessage);
        // Only what the journal names since the token: cost proportional to the changes.
        const { present, gone } = objectsByIds(req, resource, deltaTokens.journal.changedSince(req.tenant.id, resource, previous.position));
        items = [...present, ...gone.map((id) => ({ '@odata.type': odataType, id, '@removed': { reason: 'changed' } }))];
      } else if (delta === 'latest') {
        // "Sync from now": no objects, just a delta link (delta-query-overview).
        items = [];
      } else {
        items = currentObjects(req, resource);
      }
      roundKey = deltaTokens.startRound({ tenantId: req.tenant.id, resource, items, position });
    }
    const round = deltaTokens.round(roundKey, req.tenant.id, resource)!;
    const offset = skip !== null ? Number(skipOffset) : 0;
    const page = round.items.slice(offset, offset + pageSize);
    const more = offset + pageSize < round.items.length;
    // The id is always returned, whatever $select names (delta-query-users, "Initial request").
    const value = page.map((item) => ('@removed' in item ? item : { ...project(item as GraphObject, shape, select), id: item.id }));
    const context = `${req.serviceRoot}/$metadata#${resource}${select ? `(${select.join(',')})` : ''}`;
    if (more) return { '@odata.context': context, '@odata.nextLink': link(req, '$skiptoken', `${roundKey}~${offset + pageSize}`), value };
    deltaTokens.endRound(roundKey);
    const token = deltaTokens.issue(req.tenant.id, resource, round.position, clock.now());
    return { '@odata.context': context, '@odata.deltaLink': link(req, '$deltatoken', token), value };
  };
}

export const deltaRoutes: GraphRoute[] = [
  { path: '/users/delta', handler: deltaHandler('users', userShape) },
  { path: '/groups/delta', handler: deltaHandler('groups', groupShape) },
];

