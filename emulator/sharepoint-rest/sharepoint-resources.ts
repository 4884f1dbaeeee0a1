// SharePoint REST's objects for the emulator's sites, derived from the same sites and document libraries Graph
// serves (emulator/graph/resources/files-resources.ts), so a file written through Graph is an item here:
//  - SP.Web and SP.Site: https://learn.microsoft.com/sharepoint/dev/sp-add-ins/get-to-know-the-sharepoint-rest-service
//  - SP.List and its items: https://learn.microsoft.com/sharepoint/dev/sp-add-ins/working-with-lists-and-list-items-with-rest
//  - SP.User (web/currentuser): https://learn.microsoft.com/previous-versions/office/developer/sharepoint-rest-reference/dn531432(v=office.15)
// Each site has one list, its "Documents" library (BaseTemplate 101); list item ids are the 1-based position of the
// library's items in creation order, which stays fixed as items are added.
import { deterministicGuid } from '../state/deterministic-id.js';
import type { Application, Tenant, User } from '../state/directory-types.js';
import { stableNumber, tenantCreatedDateTime } from '../graph/graph-data.js';
import type { ItemRecord, ItemTree } from '../graph/files/item-tree.js';
import type { SiteFacts } from '../graph/resources/files-resources.js';
import type { SpEntity } from './odata-format.js';

export const DOCUMENTS_TITLE = 'Documents';
const ITEM_TYPE = 'SP.Data.Shared_x0020_DocumentsItem';

const serverRelative = (site: SiteFacts) => new URL(site.webUrl).pathname.replace(/\/$/, '') || '/';
const siteGuid = (site: SiteFacts) => site.id.split(',')[1]!;
const webGuid = (site: SiteFacts) => site.id.split(',')[2]!;
const listGuid = (site: SiteFacts) => deterministicGuid(`sharepoint-list/${site.id}/documents`);
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

export const apiRootOf = (site: SiteFacts) => `${site.webUrl}/_api`;

export function webEntity(site: SiteFacts, tenant: Tenant): SpEntity {
  return {
    type: 'SP.Web',
    uri: `${apiRootOf(site)}/Web`,
    editLink: 'Web',
    metadataSet: 'SP.ApiData.Webs',
    properties: {
      Configuration: 0,
      Created: tenantCreatedDateTime(tenant),
      Description: site.description,
      Id: webGuid(site),
      Language: 1033,
      ServerRelativeUrl: serverRelative(site),
      Title: site.displayName,
      Url: site.webUrl,
      WebTemplate: site.isRoot ? 'SITEPAGEPUBLISHING' : 'GROUP',
    },
  };
}

export function siteEntity(site: SiteFacts): SpEntity {
  return {
    type: 'SP.Site',
    uri: `${apiRootOf(site)}/Site`,
    editLink: 'Site',
    metadataSet: 'SP.ApiData.Sites',
    properties: { Id: siteGuid(site), IsHubSite: false, ReadOnly: false, ServerRelativeUrl: serverRelative(site), Url: site.webUrl },
  };
}

/** The library's items (files and folders, the root excluded) in list-item-id order. */
export function libraryItems(tree: ItemTree): ItemRecord[] {
  return tree
    .all()
    .filter((r) => r.id !== tree.rootId && !r.deleted && tree.isWithin(r.id, tree.rootId))
    .sort((a, b) => a.createdMs - b.createdMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function listEntity(site: SiteFacts, tenant: Tenant, tree: ItemTree): SpEntity {
  const items = libraryItems(tree);
  const lastModified = items.reduce((max, r) => Math.max(max, r.modifiedMs), Date.parse(tenantCreatedDateTime(tenant)));
  const id = listGuid(site);
  return {
    type: 'SP.List',
    uri: `${apiRootOf(site)}/Web/Lists(guid'${id}')`,
    editLink: `Web/Lists(guid'${id}')`,
    metadataSet: 'SP.ApiData.Lists',
    properties: {
      BaseTemplate: 101,
      BaseType: 1,
      Created: tenantCreatedDateTime(tenant),
      Description: '',
      EntityTypeName: 'Shared_x0020_Documents',
      Hidden: false,
      Id: id,
      ItemCount: items.length,
      LastItemModifiedDate: iso(lastModified),
      ListItemEntityTypeFullName: ITEM_TYPE,
      Title: DOCUMENTS_TITLE,
    },
  };
}

export function itemEntity(site: SiteFacts, tree: ItemTree, item: ItemRecord, listItemId: number): SpEntity {
  const list = `Web/Lists(guid'${listGuid(site)}')/Items(${listItemId})`;
  return {
    type: ITEM_TYPE,
    uri: `${apiRootOf(site)}/${list}`,
    editLink: list,
    metadataSet: `SP.Data.Shared_x0020_DocumentsItems`,
    properties: {
      FileSystemObjectType: item.folder ? 1 : 0,
      Id: listItemId,
      ContentTypeId: item.folder ? '0x0120' : '0x0101',
      Title: null,
      Created: iso(item.createdMs),
      Modified: iso(item.modifiedMs),
      GUID: deterministicGuid(`sharepoint-item/${tree.driveId}/${item.id}`),
      ID: listItemId,
      // Not in SharePoint's default field set; returned when $select names them (FileLeafRef is the file name).
      FileLeafRef: item.name,
      FileRef: `${serverRelative(site) === '/' ? '' : serverRelative(site)}/Shared Documents/${tree.pathOf(item.id).replace(/^\//, '')}`,
    },
  };
}

/** The default item fields: every property but the ones SharePoint only returns when selected. */
export const defaultItemFields = 'FileSystemObjectType,Id,ContentTypeId,Title,Created,Modified,GUID,ID';

/** SP.User of the signed-in user (claims login name `i:0#.f|membership|{upn}`) or of the calling app. */
export function currentUserEntity(site: SiteFacts, tenant: Tenant, who: { user: User; isSiteAdmin: boolean } | { app: Application }): SpEntity {
  const properties =
    'user' in who
      ? {
          Id: 10 + stableNumber(`sp-user/${site.id}/${who.user.id}`, 1000),
          IsHiddenInUI: false,
          LoginName: `i:0#.f|membership|${who.user.userPrincipalName}`,
          Title: who.user.displayName,
          PrincipalType: 1,
          Email: who.user.mail ?? who.user.userPrincipalName,
          IsSiteAdmin: who.isSiteAdmin,
          UserPrincipalName: who.user.userPrincipalName,
        }
      : {
          Id: 1_073_741_822,
          IsHiddenInUI: false,
          LoginName: `i:0i.t|ms.sp.ext|${who.app.appId}@${tenant.id}`,
          Title: who.app.displayName,
          PrincipalType: 1,
          Email: '',
          IsSiteAdmin: false,
          UserPrincipalName: null,
        };
  return { type: 'SP.User', uri: `${apiRootOf(site)}/Web/GetUserById(${properties.Id})`, editLink: `Web/GetUserById(${properties.Id})`, metadataSet: 'SP.ApiData.Users', properties };
}
