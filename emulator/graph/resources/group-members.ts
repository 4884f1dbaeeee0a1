// A group's members as a directoryObject collection: users and nested groups, each with its `@odata.type` and its
// own default properties (https://learn.microsoft.com/graph/api/group-list-members); transitively, members of
// nested groups too, each object once (https://learn.microsoft.com/graph/api/group-list-transitivemembers).
import type { Group, Tenant, User } from '../../state/directory-types.js';
import type { GraphRouteRequest } from '../graph-router.js';
import { project, type GraphObject, type ResourceShape } from '../odata-query.js';
import { groupResource, groupShape, userAsDirectoryObject, userShape } from './directory-resources.js';

const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])];

/** $select may name a property of either type; without it each object keeps its own defaults (pre-projected). */
export const directoryObjectShape: ResourceShape = {
  type: 'microsoft.graph.directoryObject',
  properties: union(userShape.properties, groupShape.properties),
  defaults: union(userShape.properties, groupShape.properties),
  filterable: union(userShape.filterable ?? [], groupShape.filterable ?? []),
};

const asMember = (item: GraphObject, shape: ResourceShape, selected: boolean) => (selected ? item : project(item, shape, undefined));

/** A member found while walking a group: the object is made only when a page shows it (see memberObject). */
export type GroupMember = { kind: 'user'; user: User } | { kind: 'group'; group: Group };

/**
 * The group's members (transitively: members of nested groups too, each once), as references. A page of a large
 * group then costs its own members, not the whole group: `memberObject` makes each one's Graph object.
 */
export function groupMembers(req: GraphRouteRequest, group: Group, transitive: boolean): readonly GroupMember[] {
  const { directory, security } = req.ctx;
  // A client pages through a large group one request at a time (100,000 members are 101 pages of 999): the walk is
  // kept until the directory or the nesting changes, so each page costs its own members, not the whole group again.
  const revision = `${directory.revision}/${security.revision}`;
  const walks = walkCache.get(group) ?? new Map<boolean, { revision: string; members: GroupMember[] }>();
  walkCache.set(group, walks);
  const kept = walks.get(transitive);
  if (kept?.revision === revision) return kept.members;
  const members = walk(req, group, transitive);
  walks.set(transitive, { revision, members });
  return members;
}

/** Walks per group (weakly held: a removed group's walk goes with it), per direct / transitive, valid for one revision. */
const walkCache = new WeakMap<Group, Map<boolean, { revision: string; members: GroupMember[] }>>();

function walk(req: GraphRouteRequest, group: Group, transitive: boolean): GroupMember[] {
  const { directory, security } = req.ctx;
  const nested = security.of(req.tenant.id).nestedGroups;
  const seen = new Set<string>();
  const out: GroupMember[] = [];
  const visit = (g: Group, tenant: Tenant) => {
    for (const id of g.memberIds) {
      const user = directory.getUser(id);
      if (!user || seen.has(user.id)) continue;
      seen.add(user.id);
      out.push({ kind: 'user', user });
    }
    for (const childId of nested[g.id] ?? []) {
      const child = directory.groupsOf(tenant.id).find((c) => c.id === childId);
      if (!child || seen.has(child.id)) continue;
      seen.add(child.id);
      out.push({ kind: 'group', group: child });
      if (transitive) visit(child, tenant);
    }
  };
  visit(group, req.tenant);
  return out;
}

/** A member as a directoryObject: its `@odata.type` and its own type's defaults (or what $select names). */
export function memberObject(req: GraphRouteRequest, member: GroupMember): GraphObject {
  const selected = req.search.has('$select');
  return member.kind === 'user'
    ? asMember(userAsDirectoryObject(member.user, req.tenant), userShape, selected)
    : asMember({ '@odata.type': '#microsoft.graph.group', ...groupResource(member.group, req.tenant) }, groupShape, selected);
}
