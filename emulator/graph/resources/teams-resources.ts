// Teams as Microsoft Graph v1.0 returns them. Every emulated group is team-enabled, and a team's id is its
// group's id, as in Graph (https://learn.microsoft.com/graph/teams-concept-overview).
//  - team: https://learn.microsoft.com/graph/api/resources/team (list: teams-list; joined: user-list-joinedteams)
//  - channel: https://learn.microsoft.com/graph/api/resources/channel (channel-list)
import type { Group, Tenant } from '../../state/directory-types.js';
import { channelId, tenantCreatedDateTime } from '../graph-data.js';
import type { GraphObject, ResourceShape } from '../odata-query.js';

export const teamShape: ResourceShape = {
  type: 'microsoft.graph.team',
  properties: ['id', 'createdDateTime', 'displayName', 'description', 'internalId', 'classification', 'specialization', 'visibility', 'webUrl', 'isArchived', 'tenantId', 'isMembershipLimitedToOwners'],
  defaults: ['id', 'createdDateTime', 'displayName', 'description', 'internalId', 'classification', 'specialization', 'visibility', 'webUrl', 'isArchived', 'tenantId', 'isMembershipLimitedToOwners'],
  filterable: ['displayName'],
};

export const channelShape: ResourceShape = {
  type: 'microsoft.graph.channel',
  properties: ['id', 'createdDateTime', 'displayName', 'description', 'email', 'isArchived', 'isFavoriteByDefault', 'membershipType', 'tenantId', 'webUrl'],
  defaults: ['id', 'createdDateTime', 'displayName', 'description', 'email', 'isArchived', 'isFavoriteByDefault', 'membershipType', 'tenantId', 'webUrl'],
  filterable: ['displayName', 'membershipType'],
};

const teamsLink = (threadId: string, tenant: Tenant, groupId: string, name: string) =>
  `https://teams.microsoft.com/l/channel/${encodeURIComponent(threadId)}/${encodeURIComponent(name)}?groupId=${groupId}&tenantId=${tenant.id}`;

export function teamResource(group: Group, tenant: Tenant): GraphObject {
  const general = channelId(group.id, 'General');
  return {
    id: group.id,
    createdDateTime: tenantCreatedDateTime(tenant),
    displayName: group.displayName,
    description: `${group.displayName} team`,
    internalId: general,
    classification: null,
    specialization: 'none',
    visibility: 'private',
    webUrl: `https://teams.microsoft.com/l/team/${encodeURIComponent(general)}/conversations?groupId=${group.id}&tenantId=${tenant.id}`,
    isArchived: false,
    tenantId: tenant.id,
    isMembershipLimitedToOwners: false,
  };
}

/** General (every team has it) and one standard channel. */
export function channelResources(group: Group, tenant: Tenant): GraphObject[] {
  return [
    { name: 'General', description: `${group.displayName} team`, favorite: true },
    { name: 'Announcements', description: 'News for the whole team', favorite: false },
  ].map((c) => {
    const id = channelId(group.id, c.name);
    return {
      id,
      createdDateTime: tenantCreatedDateTime(tenant),
      displayName: c.name,
      description: c.description,
      email: '',
      isArchived: false,
      isFavoriteByDefault: c.favorite,
      membershipType: 'standard',
      tenantId: tenant.id,
      webUrl: teamsLink(id, tenant, group.id, c.name),
    };
  });
}
