// The Graph v1.0 routes of the emulated file system. Every item operation is served under each way Graph names a
// drive (/me/drive, /users/{id}/drive, /drives/{id}, /groups/{id}/drive, /sites/{id}/drive) and each way it names an
// item (root, items/{id}, root:/path:, items/{id}:/path:), as https://learn.microsoft.com/graph/onedrive-addressing-driveitems
// describes; all are enforced with the permission table's /drives/{id}/items/{id}… entries. docs/emulator-parity.md
// lists each route with the Microsoft page it follows.
import { graphErrors } from '../graph-errors.js';
import { collection, entity } from '../graph-response.js';
import { GraphReply, signedInUser, type GraphRoute, type GraphRouteRequest } from '../graph-router.js';
import { driveResource, driveShape, siteResource, siteShape, type DriveOwner } from '../resources/files-resources.js';
import { channelResources } from '../resources/teams-resources.js';
import { accessDenied, driveOwnerOf, findSite, resolveDrive, siteDrives, sitesOf, siteOwner, driveRefFor, userCanReach, type DriveBase, type DriveRef } from './drive-access.js';
import { sharedEntryResource, sharedItemShape, sharedRootsIn, sharedWith } from './shared-items.js';
import { deltaPage } from './drive-delta.js';
import { downloadUrl } from './download-urls.js';
import { fileSystemOf } from './file-system.js';
import { itemCollection, itemEntity } from './item-listing.js';
import type { ItemRecord } from './item-tree.js';
import { driveItemShape, type ItemContext } from './item-resource.js';
import { checkIfMatch, checkName, createFolder, deleteItem, freeName, nameAlreadyExists, parseConflictBehavior, simpleUploadLimit, storeBytes, updateItem, writeFile, type Writer } from './item-writes.js';
import { ownerIdentity } from './tree-seed.js';
import { uploadSessionsOf } from './upload-sessions.js';
import { copyItem } from './item-copy.js';
import { siteGrantRoutes } from './site-grants.js';

const bases: { prefix: string; base: DriveBase }[] = [
  { prefix: '/me/drive', base: 'me' },
  { prefix: '/users/{user}/drive', base: 'users' },
  { prefix: '/drives/{drive}', base: 'drives' },
  { prefix: '/groups/{group}/drive', base: 'groups' },
  { prefix: '/sites/{site}/drive', base: 'sites' },
];

/** How a route names its item, and (for path forms) whether a missing last segment may be created. */
const addresses = ['root', 'items/{item}', 'root:/{path}', 'items/{item}:/{path}'] as const;
type Address = (typeof addresses)[number];

const itemNotFound = () => graphErrors.itemNotFound('The resource could not be found.');

interface Located {
  drive: DriveRef;
  ctx: ItemContext;
  /** The addressed item, when it exists. */
  item?: ItemRecord;
  /** For a path address whose item does not exist: the existing parent and the missing name (for creating). */
  parent?: ItemRecord;
  name?: string;
  /** For a path address: where the path starts and its folder names before the last, for creating missing folders. */
  from?: ItemRecord;
  folders?: string[];
}

function itemContext(req: GraphRouteRequest, drive: DriveRef): ItemContext {
  return { system: fileSystemOf(req.ctx), drive, tenant: req.tenant, origin: new URL(req.serviceRoot).origin };
}

const SHARED_READ_SCOPES = new Set(['files.read.all', 'files.readwrite.all', 'sites.read.all', 'sites.readwrite.all']);

/**
 * The items of another user's drive shared with the signed-in user, when the request may read through them: a GET
 * by drive id (`/drives/{remoteItem.parentReference.driveId}/items/{remoteItem.id}`, as drive-sharedwithme says).
 */
function sharedRootsFor(req: GraphRouteRequest, base: DriveBase, owner: DriveOwner): Set<string> | undefined {
  if (base !== 'drives' || req.method !== 'GET' || req.caller.kind !== 'delegated') return undefined;
  // "You can't access shared items returned from this API if the request doesn't contain one of the *.All permissions."
  if (!req.caller.permissions.some((p) => SHARED_READ_SCOPES.has(p.toLowerCase()))) return undefined;
  const roots = sharedRootsIn(req, signedInUser(req), owner);
  return roots.size > 0 ? roots : undefined;
}

function locate(req: GraphRouteRequest, base: DriveBase, address: Address): Located {
  const owner = driveOwnerOf(req, base);
  // Another user's drive opens only at and below what they shared with the caller, and only to read.
  const reachable = userCanReach(req, owner);
  const sharedRoots = reachable ? undefined : sharedRootsFor(req, base, owner);
  if (!reachable && !sharedRoots) throw accessDenied();
  const drive = driveRefFor(req, owner);
  const located = locateIn(req, drive, address);
  if (sharedRoots && !(located.item && [...sharedRoots].some((root) => drive.tree.isWithin(located.item!.id, root)))) throw accessDenied();
  return located;
}

function locateIn(req: GraphRouteRequest, drive: DriveRef, address: Address): Located {
  const ctx = itemContext(req, drive);
  const tree = drive.tree;
  const from = address.startsWith('root') ? tree.root : tree.get(req.params.item!);
  if (!from) throw itemNotFound();
  if (!address.endsWith('{path}')) return { drive, ctx, item: from };
  const path = req.params.path!;
  const item = tree.resolve(from.id, path);
  if (item) return { drive, ctx, item };
  const names = path.split('/').filter(Boolean);
  const parent = tree.resolve(from.id, names.slice(0, -1).join('/'));
  return { drive, ctx, ...(parent ? { parent } : {}), name: names[names.length - 1]!, from, folders: names.slice(0, -1) };
}

/** An upload by path creates the folders its path names that do not exist yet, as OneDrive does. */
function ensureParent(req: GraphRouteRequest, l: Located): ItemRecord {
  if (l.parent) return l.parent;
  const w = writer(req, l);
  let folder = l.from!;
  for (const name of l.folders ?? []) {
    const next = w.tree.childNamed(folder.id, name);
    if (next && !next.folder) throw graphErrors.badRequest(`'${name}' in the path is a file, not a folder.`, 'invalidRequest');
    folder = next ?? createFolder(w, folder, name, 'fail');
  }
  return folder;
}

const existing = (located: Located) => {
  if (!located.item) throw itemNotFound();
  return located.item;
};

function writer(req: GraphRouteRequest, located: Located): Writer {
  const who = req.caller.kind === 'delegated' ? ownerIdentity({ kind: 'user', user: signedInUser(req) }) : { user: { displayName: 'SharePoint App' } };
  return { system: located.ctx.system, tree: located.drive.tree, who, now: req.ctx.clock.now() };
}

const context = (located: Located, item: ItemRecord) =>
  item.parentId === undefined ? `drives('${located.drive.driveId}')/root` : `drives('${located.drive.driveId}')/items`;

const body = (req: GraphRouteRequest): Record<string, unknown> => {
  if (req.body === undefined || req.body === '') return {};
  if (typeof req.body !== 'object' || req.body === null || Array.isArray(req.body)) throw graphErrors.badRequest('The request body must be a JSON object.', 'invalidRequest');
  return req.body as Record<string, unknown>;
};

type Operation = Omit<GraphRoute, 'path' | 'handler'> & { suffix: string; handler: (req: GraphRouteRequest, located: () => Located) => ReturnType<GraphRoute['handler']> };

const operations: Operation[] = [
  // driveitem-get
  {
    suffix: '',
    permissionPath: '/drives/{id}/items/{id}',
    handler: (req, at) => {
      const l = at();
      return itemEntity(req, l.ctx, existing(l), context(l, existing(l)));
    },
  },
  // driveitem-list-children
  {
    suffix: '/children',
    permissionPath: '/drives/{id}/items/{id}/children',
    handler: (req, at) => {
      const l = at();
      const item = existing(l);
      if (!item.folder) return itemCollection(req, l.ctx, [], `drives('${l.drive.driveId}')/items('${item.id}')/children`);
      const fragment = item.parentId === undefined ? `drives('${l.drive.driveId}')/root/children` : `drives('${l.drive.driveId}')/items('${item.id}')/children`;
      return itemCollection(req, l.ctx, l.drive.tree.childrenOf(item.id), fragment);
    },
  },
  // driveitem-post-children (create folder)
  {
    suffix: '/children',
    method: 'POST',
    permissionPath: '/drives/{id}/items/{id}/children',
    handler: (req, at) => {
      const l = at();
      const input = body(req);
      if (typeof input.folder !== 'object' || input.folder === null) throw graphErrors.badRequest('Only folders can be created this way: send {"name": "…", "folder": {}}.', 'invalidRequest');
      const folder = createFolder(writer(req, l), existing(l), String(input.name ?? ''), parseConflictBehavior(input['@microsoft.graph.conflictBehavior'], 'fail'));
      return new GraphReply(201, itemEntity(req, l.ctx, folder, `drives('${l.drive.driveId}')/items`));
    },
  },
  // driveitem-update, driveitem-move
  {
    suffix: '',
    method: 'PATCH',
    permissionPath: '/drives/{id}/items/{id}',
    handler: (req, at) => {
      const l = at();
      const item = existing(l);
      checkIfMatch(req.headers['if-match'], l.drive.driveId, item);
      const input = body(req);
      const parentRef = input.parentReference as { id?: unknown; path?: unknown; driveId?: unknown } | undefined;
      if (parentRef?.driveId !== undefined && parentRef.driveId !== l.drive.driveId) throw graphErrors.badRequest('Moving an item to another drive is not supported; copy it instead.', 'invalidRequest');
      let parentId = typeof parentRef?.id === 'string' ? parentRef.id : undefined;
      if (typeof parentRef?.path === 'string') {
        const path = parentRef.path.replace(/^\/drives?\/[^/]*\/?root:?|^\/drive\/root:?/i, '');
        const target = l.drive.tree.resolve(l.drive.tree.rootId, decodeURIComponent(path));
        if (!target) throw graphErrors.itemNotFound('The destination folder does not exist.');
        parentId = target.id;
      }
      const changes = { ...(input.name !== undefined ? { name: input.name as string } : {}), ...(parentId ? { parentId } : {}) };
      return itemEntity(req, l.ctx, updateItem(writer(req, l), item, changes), `drives('${l.drive.driveId}')/items`);
    },
  },
  // driveitem-delete
  {
    suffix: '',
    method: 'DELETE',
    permissionPath: '/drives/{id}/items/{id}',
    handler: (req, at) => {
      const l = at();
      const item = existing(l);
      checkIfMatch(req.headers['if-match'], l.drive.driveId, item);
      deleteItem(writer(req, l), item);
      return undefined;
    },
  },
  // driveitem-get-content: 302 to the pre-authenticated download URL
  {
    suffix: '/content',
    permissionPath: '/drives/{id}/items/{id}/content',
    handler: (req, at) => {
      const l = at();
      const item = existing(l);
      if (item.folder) throw graphErrors.badRequest('A folder has no content to download.', 'invalidRequest');
      return new GraphReply(302, undefined, { location: downloadUrl(l.ctx.system, l.ctx.origin, req.tenant.id, l.drive.driveId, item) });
    },
  },
  // driveitem-put-content: simple upload (≤ 250 MB), replace by default
  {
    suffix: '/content',
    method: 'PUT',
    rawBody: true,
    permissionPath: '/drives/{id}/items/{id}/content',
    handler: async (req, at) => {
      const l = at();
      const conflict = parseConflictBehavior(req.search.get('@microsoft.graph.conflictBehavior') ?? undefined, 'replace');
      if (!l.item && l.name === undefined) throw itemNotFound();
      if (!l.item) checkName(l.name);
      if (l.item) checkIfMatch(req.headers['if-match'], l.drive.driveId, l.item);
      if (l.item && l.item.folder) throw graphErrors.badRequest('The target is a folder; content can only be written to a file.', 'invalidRequest');
      if (l.item && conflict === 'fail' && l.name === undefined && req.params.path) throw nameAlreadyExists(l.item.name);
      const bytes = await storeBytes(l.ctx.system, req.raw!, simpleUploadLimit);
      const w = writer(req, l);
      const contentType = req.headers['content-type'];
      const mime = typeof contentType === 'string' && !/octet-stream|^text\/plain/i.test(contentType) ? contentType.split(';')[0] : undefined;
      let target: Parameters<typeof writeFile>[1];
      if (l.item && conflict === 'rename' && req.params.path) target = { parent: l.drive.tree.get(l.item.parentId!)!, name: freeName(l.drive.tree, l.item.parentId!, l.item.name) };
      else target = l.item ? { existing: l.item } : { parent: ensureParent(req, l), name: l.name! };
      if (target.name !== undefined) checkName(target.name);
      const { item, created } = writeFile(w, target, bytes, mime);
      return new GraphReply(created ? 201 : 200, itemEntity(req, l.ctx, item, `drives('${l.drive.driveId}')/items`));
    },
  },
  // driveitem-createuploadsession: an existing file (by id or path), or a new name under a folder (by path)
  {
    suffix: '/createUploadSession',
    method: 'POST',
    permissionPath: '/drives/{id}/items/{id}/createuploadsession',
    handler: (req, at) => {
      const l = at();
      const input = body(req);
      const item = (input.item ?? {}) as Record<string, unknown>;
      const conflict = parseConflictBehavior(item['@microsoft.graph.conflictBehavior'], 'fail');
      if (!l.item && l.name === undefined) throw itemNotFound();
      if (l.item?.folder) throw graphErrors.badRequest('An upload session needs a file: address the new file as {folder}:/{name}:/createUploadSession.', 'invalidRequest');
      if (l.item) checkIfMatch(req.headers['if-match'], l.drive.driveId, l.item);
      const byPath = req.params.path !== undefined;
      if (l.item && byPath && conflict === 'fail') throw nameAlreadyExists(l.item.name);
      const name = checkName(l.item?.name ?? l.name);
      const w = writer(req, l);
      const replacing = l.item && (!byPath || conflict === 'replace');
      return uploadSessionsOf(l.ctx.system).create(
        {
          tenant: req.tenant,
          owner: l.drive.owner,
          ...(replacing ? { targetId: l.item!.id } : {}),
          parentId: l.item?.parentId ?? ensureParent(req, l).id,
          name,
          conflict,
          deferCommit: input.deferCommit === true,
          who: w.who,
        },
        l.ctx.origin,
      );
    },
  },
  // driveitem-copy: 202 + Location of the monitor; the destination drive may differ (the caller must reach it)
  {
    suffix: '/copy',
    method: 'POST',
    permissionPath: '/drives/{id}/items/{id}/copy',
    handler: (req, at) => {
      const l = at();
      const item = existing(l);
      if (item.parentId === undefined) throw graphErrors.badRequest('The root of a drive cannot be copied.', 'invalidRequest');
      const input = body(req);
      const ref = (input.parentReference ?? {}) as { driveId?: unknown; id?: unknown };
      let target = l.drive;
      if (typeof ref.driveId === 'string' && ref.driveId !== l.drive.driveId) target = resolveDrive({ ...req, params: { ...req.params, drive: ref.driveId } }, 'drives');
      const parent = typeof ref.id === 'string' ? target.tree.get(ref.id) : target.tree.get(item.parentId);
      if (!parent?.folder) throw graphErrors.itemNotFound('The destination folder does not exist.');
      const name = input.name === undefined ? item.name : checkName(input.name);
      const monitor = copyItem(writer(req, l), l.drive.tree, item, target.tree, parent, name, l.ctx.origin);
      return new GraphReply(202, undefined, { location: monitor });
    },
  },
];

const rootOnly: Operation[] = [
  // driveitem-delta
  { suffix: '/delta', permissionPath: '/drives/{id}/root/delta', handler: (req, at) => deltaPage(req, at().ctx) },
  // driveitem-search
  {
    suffix: "/search(q='{q}')",
    permissionPath: '/drives/{id}/root/search(q={value})',
    handler: (req, at) => {
      const l = at();
      const q = req.params.q!.replace(/''/g, "'").toLowerCase();
      const hits = l.drive.tree.descendants(l.drive.tree.rootId).filter((item) => item.name.toLowerCase().includes(q));
      return itemCollection(req, l.ctx, hits, 'Collection(driveItem)');
    },
  },
];

function itemRoutes(): GraphRoute[] {
  const routes: GraphRoute[] = [];
  for (const { prefix, base } of bases) {
    for (const address of addresses) {
      for (const op of operations) {
        const { suffix, handler, ...rest } = op;
        routes.push({ ...rest, path: `${prefix}/${address}${suffix}`, handler: (req) => handler(req, () => locate(req, base, address)) });
      }
    }
    for (const op of rootOnly) {
      const { suffix, handler, ...rest } = op;
      routes.push({ ...rest, path: `${prefix}/root${suffix}`, handler: (req) => handler(req, () => locate(req, base, 'root')) });
    }
  }
  return routes;
}

const driveEntity = (req: GraphRouteRequest, drive: DriveRef) => entity(req, driveShape, driveResource(drive.owner, req.tenant), 'drives');

export const fileRoutes: GraphRoute[] = [
  ...itemRoutes(),
  ...siteGrantRoutes,
  // drive-get
  { path: '/drives/{drive}', permissionPath: '/drives/{id}', handler: (req) => driveEntity(req, resolveDrive(req, 'drives')) },
  { path: '/groups/{group}/drive', permissionPath: '/groups/{id}/drive', handler: (req) => driveEntity(req, resolveDrive(req, 'groups')) },
  { path: '/sites/{site}/drive', permissionPath: '/sites/{id}/drive', handler: (req) => driveEntity(req, resolveDrive(req, 'sites')) },
  // drive-list (a site's document libraries)
  {
    path: '/sites/{site}/drives',
    handler: (req) => collection(req, { shape: driveShape, items: siteDrives(req, findSite(req, req.params.site!)).map((d) => driveResource(d.owner, req.tenant)), context: 'drives' }),
  },
  // channel-get-filesfolder: the channel's folder in the team site's library
  {
    path: '/teams/{team}/channels/{channel}/filesFolder',
    permissionPath: '/teams/{id}/channels/{id}/filesfolder',
    handler: (req) => {
      const site = sitesOf(req).find((s) => s.group?.id === req.params.team!.toLowerCase());
      if (!site) throw graphErrors.resourceNotFound(req.params.team!);
      const channel = channelResources(site.group!, req.tenant).find((c) => c.id === req.params.channel);
      if (!channel) throw graphErrors.itemNotFound('Channel not found.');
      const owner = siteOwner(site);
      if (!userCanReach(req, owner)) throw accessDenied();
      const drive = driveRefFor(req, owner);
      const folder = drive.tree.childNamed(drive.tree.rootId, String(channel.displayName));
      if (!folder) throw itemNotFound();
      return itemEntity(req, itemContext(req, drive), folder, `teams('${site.group!.id}')/channels('${String(channel.id)}')/filesFolder`);
    },
  },
  // site-list-followed: the team sites of the user's groups
  {
    path: '/me/followedSites',
    permissionPath: '/me/followedsites',
    handler: (req) => {
      const followed = sitesOf(req).filter((s) => !s.isRoot && userCanReach(req, siteOwner(s)));
      return collection(req, { shape: siteShape, items: followed.map((s) => siteResource(s, req.tenant)), context: 'sites' });
    },
  },
  // drive-sharedwithme: deprecated, "will stop returning data after November, 2027"; until then it answers the items
  // shared with the user, each with its remoteItem facet (shared-items.ts). `allowexternal=true` adds items from
  // other tenants: the emulator shares none across tenants, so it changes nothing here.
  {
    path: '/me/drive/sharedWithMe',
    permissionPath: '/me/drive/sharedwithme',
    handler: (req) =>
      collection(req, { shape: sharedItemShape, items: sharedWith(req, signedInUser(req)).map((entry) => sharedEntryResource(req, entry)), context: 'Collection(driveItem)' }),
  },
];
