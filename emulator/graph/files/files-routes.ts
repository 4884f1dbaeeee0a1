// The Graph v1.0 routes of the emulated file system. Every item operation is served under each way Graph names a
// drive (/me/drive, /users/{id}/drive, /drives/{id}, /groups/{id}/drive, /sites/{id}/drive) and each way it names an
// item (root, items/{id}, root:/path:, items/{id}:/path:), as https://learn.microsoft.com/graph/onedrive-addressing-driveitems
// describes; all are enforced with the permission table's /drives/{id}/items/{id}… entries. docs/emulator-parity.md
// lists each route with the Microsoft page it follows.
import { graphErrors } from '../graph-errors.js';
import { collection, entity } from '../graph-response.js';
import { GraphReply, signedInUser, type GraphRoute, type GraphRouteRequest } from '../graph-router.js';
import { driveResource, driveShape, siteResource, siteShape } from '../resources/files-resources.js';
import { channelResources } from '../resources/teams-resources.js';
import { accessDenied, findSite, resolveDrive, siteDrives, sitesOf, siteOwner, driveRefFor, userCanReach, type DriveBase, type DriveRef } from './drive-access.js';
import { deltaPage } from './drive-delta.js';
import { downloadUrl } from './download-urls.js';
import { fileSystemOf } from './file-system.js';
import { itemCollection, itemEntity } from './item-listing.js';
import type { ItemRecord } from './item-tree.js';
import { driveItemShape, type ItemContext } from './item-resource.js';
import { checkIfMatch, checkName, createFolder, deleteItem, freeName, nameAlreadyExists, parseConflictBehavior, simpleUploadLimit, storeBytes, updateItem, writeFile, type Writer } from './item-writes.js';
import { ownerIdentity } from './tree-seed.js';
import { uploadSessionsOf } from './upload-sessions.js';

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

function locate(req: GraphRouteRequest, base: DriveBase, address: Address): Located {
  const drive = resolveDrive(req, base);
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
  { suffix: '', permissionPath: '/drives/{id}/items/{id}', handler: (req, at) => { const l = at(); return itemEntity(req, l.ctx, existing(l), context(l, existing(l)).replace(/\/items$/, '/items')); } },
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
  // drive-sharedwithme: deprecated; "will operate in a degraded state until November, 2026, after which it will stop
  // returning data" — so an empty collection now.
  {
    path: '/me/drive/sharedWithMe',
    permissionPath: '/me/drive/sharedwithme',
    handler: (req) => collection(req, { shape: driveItemShape, items: [], context: 'Collection(driveItem)' }),
  },
];
