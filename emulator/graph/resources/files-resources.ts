// OneDrive and SharePoint as Microsoft Graph v1.0 returns them, derived deterministically from the directory:
// each user has a OneDrive (driveType business), the tenant has a root site, and each group a team site with a
// "Documents" library (driveType documentLibrary).
//  - drive: https://learn.microsoft.com/graph/api/resources/drive
//  - driveItem: https://learn.microsoft.com/graph/api/resources/driveitem (list children: driveitem-list-children)
//  - site: https://learn.microsoft.com/graph/api/resources/site (get: site-get; search: site-search)
import type { Group, Tenant, User } from '../../state/directory-types.js';
import { deterministicId, driveId, driveItemId, isoSeconds, sharePointHost, siteId, stableNumber, tenantCreatedDateTime } from '../graph-data.js';
import type { GraphObject, ResourceShape } from '../odata-query.js';

const tb = 1024 ** 4;

export const driveShape: ResourceShape = {
  type: 'microsoft.graph.drive',
  properties: ['id', 'driveType', 'name', 'description', 'createdDateTime', 'lastModifiedDateTime', 'webUrl', 'createdBy', 'lastModifiedBy', 'owner', 'quota'],
  defaults: ['id', 'driveType', 'name', 'description', 'createdDateTime', 'lastModifiedDateTime', 'webUrl', 'createdBy', 'lastModifiedBy', 'owner', 'quota'],
};

export const driveItemShape: ResourceShape = {
  type: 'microsoft.graph.driveItem',
  properties: ['id', 'name', 'size', 'createdDateTime', 'lastModifiedDateTime', 'eTag', 'cTag', 'webUrl', 'createdBy', 'lastModifiedBy', 'parentReference', 'fileSystemInfo', 'file', 'folder'],
  defaults: ['id', 'name', 'size', 'createdDateTime', 'lastModifiedDateTime', 'eTag', 'cTag', 'webUrl', 'createdBy', 'lastModifiedBy', 'parentReference', 'fileSystemInfo', 'file', 'folder'],
  filterable: ['name'],
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

interface ItemTemplate {
  name: string;
  folder?: true;
  mimeType?: string;
  size: number;
}

const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const pptx = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

const oneDriveItems: ItemTemplate[] = [
  { name: 'Projects', folder: true, size: 0 },
  { name: 'Quarterly report.docx', mimeType: docx, size: 48_213 },
  { name: 'Budget 2026.xlsx', mimeType: xlsx, size: 23_871 },
  { name: 'Notes.txt', mimeType: 'text/plain', size: 412 },
];
const libraryItems: ItemTemplate[] = [
  { name: 'General', folder: true, size: 0 },
  { name: 'Policies.pdf', mimeType: 'application/pdf', size: 182_004 },
  { name: 'Roadmap.pptx', mimeType: pptx, size: 1_204_337 },
];

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

/** The items at the root of a drive; modified times move with the emulator clock's day, ids never change. */
export function rootChildren(owner: DriveOwner, tenant: Tenant, nowMs: number): GraphObject[] {
  const drive = driveResource(owner, tenant);
  const id = drive.id as string;
  const author = owner.kind === 'user' ? identity(owner.user) : { user: { displayName: 'System Account' } };
  const templates = owner.kind === 'user' ? oneDriveItems : libraryItems;
  return templates.map((t, i) => {
    const itemId = driveItemId(`${id}/${t.name}`);
    const etag = deterministicId(`etag/${id}/${t.name}`).toUpperCase();
    const created = tenantCreatedDateTime(tenant);
    const modified = isoSeconds(nowMs - (i + 1) * 3 * 86_400_000 - (nowMs % 86_400_000));
    return {
      id: itemId,
      name: t.name,
      size: t.size,
      createdDateTime: created,
      lastModifiedDateTime: modified,
      eTag: `"{${etag}},2"`,
      cTag: `"c:{${etag}},2"`,
      webUrl: `${String(drive.webUrl)}/${encodeURIComponent(t.name)}`,
      createdBy: author,
      lastModifiedBy: author,
      parentReference: { driveType: drive.driveType, driveId: id, id: driveItemId(`${id}/root`), path: '/drive/root:' },
      fileSystemInfo: { createdDateTime: created, lastModifiedDateTime: modified },
      ...(t.folder ? { folder: { childCount: 0 } } : { file: { mimeType: t.mimeType } }),
    };
  });
}

export function findDrive(tenant: Tenant, users: User[], sites: SiteFacts[], id: string): DriveOwner | undefined {
  for (const user of users) if (driveIdOf({ kind: 'user', user }) === id) return { kind: 'user', user };
  for (const site of sites) if (driveIdOf({ kind: 'site', site }) === id) return { kind: 'site', site };
  return undefined;
}
