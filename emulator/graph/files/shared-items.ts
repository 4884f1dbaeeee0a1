// Items shared with a user, for `GET /me/drive/sharedWithMe` (drive-sharedwithme,
// https://learn.microsoft.com/graph/api/drive-sharedwithme): deprecated, and per Microsoft's page it "will stop
// returning data after November, 2027", so it still answers today. Each entry carries the `remoteItem` facet naming
// the item in its own drive; the recipient opens it with `GET /drives/{remoteItem.parentReference.driveId}/items/
// {remoteItem.id}` (and reads below a shared folder), but nothing else of that drive.
//
// Sharing is seeded, deterministic and read-only: every user's colleague (the next user of the tenant, in directory
// order) has shared their "Quarterly report.docx" and their "Projects/2026 Audit" folder with them. An item renamed
// or moved away from that path is no longer shared, as a share link to a deleted item stops resolving.
import type { User } from '../../state/directory-types.js';
import type { GraphRouteRequest } from '../graph-router.js';
import type { GraphObject, ResourceShape } from '../odata-query.js';
import { driveIdOf, type DriveOwner } from '../resources/files-resources.js';
import { driveRefFor, type DriveRef } from './drive-access.js';
import { fileSystemOf } from './file-system.js';
import { driveItemShape, driveTypeOf, itemResource, type ItemContext } from './item-resource.js';
import type { ItemRecord } from './item-tree.js';

/** What a colleague shares with the next user, by path in the colleague's OneDrive. */
const SHARED_PATHS = ['Quarterly report.docx', 'Projects/2026 Audit'];

export interface SharedEntry {
  drive: DriveRef;
  item: ItemRecord;
}

/** The user who shares with `me`: the next user of the tenant, or none in a one-user tenant. */
function colleagueOf(req: GraphRouteRequest, me: User): User | undefined {
  const users = req.ctx.directory.usersOf(req.tenant.id);
  const at = users.findIndex((u) => u.id === me.id);
  const colleague = users[(at + 1) % users.length];
  return at === -1 || !colleague || colleague.id === me.id ? undefined : colleague;
}

/** The items shared with `me`, each in its owner's drive. */
export function sharedWith(req: GraphRouteRequest, me: User): SharedEntry[] {
  const colleague = colleagueOf(req, me);
  if (!colleague) return [];
  const drive = driveRefFor(req, { kind: 'user', user: colleague });
  return SHARED_PATHS.map((path) => drive.tree.resolve(drive.tree.rootId, path))
    .filter((item): item is ItemRecord => item !== undefined && !item.deleted)
    .map((item) => ({ drive, item }));
}

/** The ids of the items of `owner`'s drive shared with `me` (the roots of what `me` may read there). */
export function sharedRootsIn(req: GraphRouteRequest, me: User, owner: DriveOwner): Set<string> {
  if (owner.kind !== 'user') return new Set();
  const driveId = driveIdOf(owner);
  return new Set(sharedWith(req, me).filter((e) => e.drive.driveId === driveId).map((e) => e.item.id));
}

export const sharedItemShape: ResourceShape = {
  ...driveItemShape,
  properties: [...driveItemShape.properties, 'remoteItem'],
  defaults: ['id', 'name', 'size', 'webUrl', 'createdDateTime', 'lastModifiedDateTime', 'file', 'folder', 'remoteItem'],
};

/** One sharedWithMe entry: the item's own facts, and `remoteItem` pointing into its owner's drive. */
export function sharedEntryResource(req: GraphRouteRequest, entry: SharedEntry): GraphObject {
  const ctx: ItemContext = { system: fileSystemOf(req.ctx), drive: entry.drive, tenant: req.tenant, origin: new URL(req.serviceRoot).origin };
  const full = itemResource(ctx, entry.item);
  const facet = entry.item.folder ? { folder: full.folder } : { file: full.file };
  const shared = { owner: entry.item.createdBy, sharedDateTime: full.lastModifiedDateTime };
  return {
    id: entry.item.id,
    name: full.name,
    size: full.size,
    webUrl: full.webUrl,
    createdDateTime: full.createdDateTime,
    lastModifiedDateTime: full.lastModifiedDateTime,
    ...facet,
    remoteItem: {
      id: entry.item.id,
      name: full.name,
      size: full.size,
      webUrl: full.webUrl,
      createdBy: full.createdBy,
      lastModifiedBy: full.lastModifiedBy,
      createdDateTime: full.createdDateTime,
      lastModifiedDateTime: full.lastModifiedDateTime,
      ...facet,
      parentReference: { driveId: entry.drive.driveId, driveType: driveTypeOf(entry.drive), ...(entry.item.parentId ? { id: entry.item.parentId } : {}) },
      shared,
    },
  };
}
