// A drive item as Microsoft Graph v1.0 returns it from OneDrive for Business and SharePoint
// (https://learn.microsoft.com/graph/api/resources/driveitem): eTag `"{GUID},version"` changing with any change,
// cTag `"c:{GUID},contentVersion"` changing with the bytes, `file` (mimeType, hashes.quickXorHash — the only hash
// OneDrive for Business and SharePoint Online report; https://learn.microsoft.com/graph/api/resources/hashes) or
// `folder` (childCount), `root` on the root, parentReference with the drive and the parent's path, and the
// `@microsoft.graph.downloadUrl` instance annotation on files.
import type { Tenant } from '../../state/directory-types.js';
import { isoSeconds } from '../graph-data.js';
import type { GraphObject, ResourceShape } from '../odata-query.js';
import { driveResource } from '../resources/files-resources.js';
import type { DriveRef } from './drive-access.js';
import { downloadUrl } from './download-urls.js';
import type { FileSystem } from './file-system.js';
import type { ItemRecord } from './item-tree.js';
import { cTagOf, eTagOf } from './item-tags.js';

const properties = [
  '@microsoft.graph.downloadUrl',
  'createdBy',
  'createdDateTime',
  'eTag',
  'id',
  'lastModifiedBy',
  'lastModifiedDateTime',
  'name',
  'parentReference',
  'webUrl',
  'cTag',
  'file',
  'fileSystemInfo',
  'folder',
  'root',
  'size',
  'deleted',
] as const;

export const driveItemShape: ResourceShape = {
  type: 'microsoft.graph.driveItem',
  properties,
  defaults: properties,
  filterable: ['name'],
};


export interface ItemContext {
  system: FileSystem;
  drive: DriveRef;
  tenant: Tenant;
  /** The emulator's origin, where download URLs point. */
  origin: string;
}

function siteIdOf(drive: DriveRef): string | undefined {
  return drive.owner.kind === 'site' ? drive.owner.site.id : undefined;
}

function parentReference(ctx: ItemContext, item: ItemRecord, withPath: boolean): GraphObject | undefined {
  if (item.parentId === undefined) return { driveType: driveTypeOf(ctx.drive), driveId: ctx.drive.driveId };
  const tree = ctx.drive.tree;
  const parent = tree.get(item.parentId);
  const siteId = siteIdOf(ctx.drive);
  return {
    driveType: driveTypeOf(ctx.drive),
    driveId: ctx.drive.driveId,
    id: item.parentId,
    ...(parent && parent.parentId !== undefined ? { name: parent.name } : {}),
    ...(withPath ? { path: `/drives/${ctx.drive.driveId}/root:${tree.pathOf(item.parentId)}` } : {}),
    ...(siteId ? { siteId } : {}),
  };
}

export const driveTypeOf = (drive: DriveRef) => (drive.owner.kind === 'user' ? 'business' : 'documentLibrary');

/** The drive's webUrl (its drive resource's) followed by the item's path. */
function webUrlOf(ctx: ItemContext, item: ItemRecord): string {
  const base = String(driveResource(ctx.drive.owner, ctx.tenant).webUrl);
  return `${base}${ctx.drive.tree.pathOf(item.id).split('/').map(encodeURIComponent).join('/')}`;
}

export interface ItemOptions {
  /** Delta's rendering: no parentReference.path and no cTag, as OneDrive for Business sends changes. */
  delta?: boolean;
}

export function itemResource(ctx: ItemContext, item: ItemRecord, options: ItemOptions = {}): GraphObject {
  const driveId = ctx.drive.driveId;
  if (item.deleted) {
    return { id: item.id, parentReference: parentReference(ctx, item, false), ...(item.folder ? { folder: {} } : { file: {} }), deleted: { state: 'deleted' } };
  }
  const created = isoSeconds(item.createdMs);
  const modified = isoSeconds(item.modifiedMs);
  const isRoot = item.parentId === undefined;
  const hash = item.folder ? undefined : ctx.system.quickXorHash(item);
  return {
    ...(item.folder ? {} : { '@microsoft.graph.downloadUrl': downloadUrl(ctx.system, ctx.origin, ctx.tenant.id, driveId, item) }),
    createdBy: item.createdBy,
    createdDateTime: created,
    eTag: eTagOf(driveId, item),
    id: item.id,
    lastModifiedBy: item.modifiedBy,
    lastModifiedDateTime: modified,
    name: item.name,
    parentReference: parentReference(ctx, item, !options.delta),
    webUrl: webUrlOf(ctx, item),
    ...(options.delta ? {} : { cTag: cTagOf(driveId, item) }),
    ...(item.folder ? { folder: { childCount: ctx.drive.tree.childCount(item.id) } } : { file: { mimeType: item.mimeType, hashes: { quickXorHash: hash } } }),
    fileSystemInfo: { createdDateTime: created, lastModifiedDateTime: modified },
    ...(isRoot ? { root: {} } : {}),
    size: ctx.drive.tree.sizeOf(item),
  };
}
