// A group's members as a directoryObject collection: users and nested groups, each with its `@odata.type` and its
// own default properties (https://learn.microsoft.com/graph/api/group-list-members); transitively, members of
// nested groups too, each object once (https://learn.microsoft.com/graph/api/group-list-transitivemembers).
import type { Group, Tenant } from '../../state/directory-types.js';
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

export function groupMembers(req: GraphRouteRequest, group: Group, transitive: boolean): GraphObject[] {
  const { directory, security } = req.ctx;
  const nested = security.of(req.tenant.id).nestedGroups;
  const selected = req.search.has('$select');
  const seen = new Set<string>();
  const out: GraphObject[] = [];
  const visit = (g: Group, tenant: Tenant) => {
    for (const id of g.memberIds) {
      const user = directory.getUser(id);
      if (!user || seen.has(user.id)) continue;
      seen.add(user.id);
      out.push(asMember(userAsDirectoryObject(user, tenant), userShape, selected));
    }
    for (const childId of nested[g.id] ?? []) {
      const child = directory.groupsOf(tenant.id).find((c) => c.id === childId);
      if (!child || seen.has(child.id)) continue;
      seen.add(child.id);
      out.push(asMember({ '@odata.type': '#microsoft.graph.group', ...groupResource(child, tenant) }, groupShape, selected));
      if (transitive) visit(child, tenant);
    }
  };
  visit(group, req.tenant);
  return out;
}
