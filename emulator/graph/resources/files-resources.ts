// OneDrive and SharePoint as Microsoft Graph v1.0 returns them, derived deterministically from the directory:
// each user has a OneDrive (driveType business), the tenant has a root site, and each group a team site with a
// "Documents" library (driveType documentLibrary).
//  - drive: https://learn.microsoft.com/graph/api/resources/drive
//  - driveItem: https://learn.microsoft.com/graph/api/resources/driveitem (list children: driveitem-list-children)
//  - site: https://learn.microsoft.com/graph/api/resources/site (get: site-get; search: site-search)
import type { Group, Tenant, User } from '../../state/directory-types.js';
import { driveId, sharePointHost, siteId, stableNumber, tenantCreatedDateTime } from '../graph-data.js';
import type { GraphObject, ResourceShape } from '../odata-query.js';

const tb = 1024 ** 4;

export const driveShape: ResourceShape = {
  type: 'microsoft.graph.drive',
  properties: ['id', 'driveType', 'name', 'description', 'createdDateTime', 'lastModifiedDateTime', 'webUrl', 'createdBy', 'lastModifiedBy', 'owner', 'quota'],
  defaults: ['id', 'driveType', 'name', 'description', 'createdDateTime', 'lastModifiedDateTime', 'webUrl', 'createdBy', 'lastModifiedBy', 'owner', 'quota'],
};

export const siteShape: ResourceShape = {
  type: 'microsoft.graph.site',
  properties: ['id', 'name', 'displayName', 'description', 'createdDateTime', 'lastModifiedDateTime', 'webUrl', 'siteCollection', 'root', 'isPersonalSite'],
  defaults: ['id', 'name', 'displayName', 'description', 'createdDateTime', 'lastModifiedDateTime', 'webUrl', 'siteCollection', 'root', 'isPersonalSite'],
};

/** Where a drive lives: one user's OneDrive, or a site's Documents library. */
export type DriveOwner = { kind: 'user'; user: User } | { kind: 'site'; site: SiteFacts };

export interface SiteFacts {
  id: string;
  name: string;
  displayName: string;
  description: string;
  webUrl: string;
  isRoot: boolean;
  group?: Group;
}

const identity = (user: User) => ({ user: { id: user.id, displayName: user.displayName, email: user.mail ?? user.userPrincipalName } });
const personalPath = (user: User) => user.userPrincipalName.replace(/[@.]/g, '_');

/** The tenant's sites: the root site first, then one team site per group. */
export function tenantSites(tenant: Tenant, groups: Group[]): SiteFacts[] {
  const host = sharePointHost(tenant);
  return [
    { id: siteId(tenant, '/'), name: 'root', displayName: 'Communication site', description: `${tenant.displayName} intranet`, webUrl: `https://${host}`, isRoot: true },
    ...groups.map((group) => ({
      id: siteId(tenant, `/sites/${group.mailNickname}`),
      name: group.mailNickname,
      displayName: group.displayName,
      description: `${group.displayName} team site`,
      webUrl: `https://${host}/sites/${group.mailNickname}`,
      isRoot: false,
      group,
    })),
  ];
}

export function siteResource(site: SiteFacts, tenant: Tenant): GraphObject {
  const created = tenantCreatedDateTime(tenant);
  return {
    id: site.id,
    name: site.name,
    displayName: site.displayName,
    description: site.description,
    createdDateTime: created,
    lastModifiedDateTime: created,
    webUrl: site.webUrl,
    siteCollection: { hostname: sharePointHost(tenant), ...(site.isRoot ? { root: {} } : {}) },
    ...(site.isRoot ? { root: {} } : {}),
    isPersonalSite: false,
  };
}

export const driveIdOf = (owner: DriveOwner) => (owner.kind === 'user' ? driveId(`user/${owner.user.id}`) : driveId(`site/${owner.site.id}`));

export function driveResource(owner: DriveOwner, tenant: Tenant): GraphObject {
  const created = tenantCreatedDateTime(tenant);
  const id = driveIdOf(owner);
  const used = 1_048_576 * (1 + stableNumber(`quota/${id}`, 900));
  if (owner.kind === 'user') {
    return {
      id,
      driveType: 'business',
      name: 'OneDrive',
      description: '',
      createdDateTime: created,
      lastModifiedDateTime: created,
      webUrl: `https://${sharePointHost(tenant).replace('.sharepoint.com', '-my.sharepoint.com')}/personal/${personalPath(owner.user)}/Documents`,
      createdBy: { user: { displayName: 'System Account' } },
      lastModifiedBy: identity(owner.user),
      owner: identity(owner.user),
      quota: { deleted: 0, remaining: tb - used, state: 'normal', total: tb, used },
    };
  }
  return {
    id,
    driveType: 'documentLibrary',
    name: 'Documents',
    description: '',
    createdDateTime: created,
    lastModifiedDateTime: created,
    webUrl: `${owner.site.webUrl}/Shared%20Documents`,
    createdBy: { user: { displayName: 'System Account' } },
    lastModifiedBy: { user: { displayName: 'System Account' } },
    owner: owner.site.group ? { group: { id: owner.site.group.id, displayName: owner.site.group.displayName } } : { user: { displayName: 'System Account' } },
    quota: { deleted: 0, remaining: 25 * tb - used, state: 'normal', total: 25 * tb, used },
  };
}

export function findDrive(tenant: Tenant, users: User[], sites: SiteFacts[], id: string): DriveOwner | undefined {
  for (const user of users) if (driveIdOf({ kind: 'user', user }) === id) return { kind: 'user', user };
  for (const site of sites) if (driveIdOf({ kind: 'site', site }) === id) return { kind: 'site', site };
  return undefined;
}
