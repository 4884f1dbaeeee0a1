// Browsing Microsoft 365 files: a user's sources (OneDrive, what others shared with them, followed SharePoint sites,
// joined teams), a folder's children page by page, search, one item. A user's calls carry their delegated token, so
// Microsoft decides what they may see. Application mode (the workspace's app token, for admins and API keys) browses
// SharePoint sites; when the integration lists allowed sites (Sites.Selected) it reaches only those
// (allowed-site-scope.ts). Failures become FilesError (files-error.ts).
//
// Graph pages (https://learn.microsoft.com/en-us/graph/paging) are handed to clients as our own opaque cursor: the
// nextLink's path and query, accepted back only for the same collection and never as a URL to fetch elsewhere.
import type { ChannelList, FileItem, FileItemPage, FileSource, FileSourceList } from '../../contract/files-schemas.js';
import { HttpProblem } from '../../platform/http/http-problem.js';
import { assertDriveAllowed, assertSiteAllowed, AllowedSiteScopes, type SiteScope } from './allowed-site-scope.js';
import { DRIVE_ITEM_SELECT, toFileItem, toSharedFileItem, type GraphDriveItem } from './drive-items.js';
import { FilesError, filesErrorOf, type NeededPermission } from './files-error.js';
import { connectHint, graphFor, type FilesActor, type FilesMicrosoft, type UserGraph } from './files-graph.js';

const API_PREFIX = '/v1.0';
const itemPath = (driveId: string, itemId: string) => `/drives/${encodeURIComponent(driveId)}/items/${encodeURIComponent(itemId)}`;

interface GraphPage<T> {
  value?: T[];
  '@odata.nextLink'?: string;
}

/** The sources entry for the items others shared with the user (listed by …/files/shared). */
const SHARED_SOURCE: FileSource = { kind: 'shared', id: 'shared', name: 'Shared with me', webUrl: null };

export class FilesBrowser {
  readonly #scopes: AllowedSiteScopes;

  constructor(private readonly microsoft: FilesMicrosoft) {
    this.#scopes = new AllowedSiteScopes(microsoft.allowedSites ?? (async () => []));
  }

  /**
   * Runs `work` as the actor, turning Microsoft's and the token service's refusals into our problems. In application
   * mode `work` also gets the allowed-site scope (undefined when the integration lists no allowed sites).
   */
  async #as<T>(workspaceId: string, actor: FilesActor, needs: NeededPermission, work: (graph: UserGraph, scope: SiteScope | undefined) => Promise<T>): Promise<T> {
    try {
      const graph = graphFor(this.microsoft, workspaceId, actor);
      const scope = actor.kind === 'application' ? await this.#scopes.of(workspaceId, graph.client, actor.tenantId) : undefined;
      return await work(graph, scope);
    } catch (error) {
      throw filesErrorOf(error, { needs, connectHint: connectHint(workspaceId, actor), application: actor.kind === 'application' });
    }
  }

  async sources(workspaceId: string, actor: FilesActor): Promise<FileSourceList> {
    if (actor.kind === 'application') return this.#appSources(workspaceId, actor);
    const user = actor;
    const drive = await this.#as(workspaceId, user, 'Files.Read', ({ client }) => client.get<{ id: string; name?: string; webUrl?: string }>('/me/drive', { query: { $select: 'id,name,webUrl' } }));
    const items: FileSource[] = [{ kind: 'onedrive', id: drive.id, name: 'My OneDrive', webUrl: drive.webUrl ?? null }, SHARED_SOURCE];
    const unavailable: FileSourceList['unavailable'] = [];
    // A missing permission for sites or teams hides that kind of source, and says so; OneDrive still works.
    const optional = async (kind: string, needs: NeededPermission, list: (graph: UserGraph) => Promise<FileSource[]>) => {
      try {
        items.push(...(await this.#as(workspaceId, user, needs, list)));
      } catch (error) {
        if (!(error instanceof FilesError)) throw error;
        unavailable.push({ kind, code: error.code, detail: error.message });
      }
    };
    await optional('sharepoint_site', 'Sites.Read.All', async ({ client }) => {
      const page = await client.get<GraphPage<{ id: string; displayName?: string; name?: string; webUrl?: string }>>('/me/followedSites');
      return (page?.value ?? []).map((site) => ({ kind: 'sharepoint_site' as const, id: site.id, name: site.displayName ?? site.name ?? site.id, webUrl: site.webUrl ?? null }));
    });
    await optional('team', 'Team.ReadBasic.All', async ({ client }) => {
      const page = await client.get<GraphPage<{ id: string; displayName?: string; webUrl?: string }>>('/me/joinedTeams');
      return (page?.value ?? []).map((team) => ({ kind: 'team' as const, id: team.id, name: team.displayName ?? team.id, webUrl: team.webUrl ?? null }));
    });
    return { items, unavailable };
  }

  /** The app's sources: the allowed sites when the integration lists them, else every site Microsoft lets it find. */
  #appSources(workspaceId: string, app: FilesActor & { kind: 'application' }): Promise<FileSourceList> {
    return this.#as(workspaceId, app, 'Sites.Read.All', async ({ client }, scope) => {
      if (scope) return { items: scope.sites, unavailable: scope.unavailable };
      // site-search (https://learn.microsoft.com/graph/api/site-search): `*` lists the sites the app can reach.
      const page = await client.get<GraphPage<{ id: string; displayName?: string; name?: string; webUrl?: string }>>('/sites', { query: { search: '*', $select: 'id,displayName,name,webUrl' } });
      return { items: (page?.value ?? []).map((site) => ({ kind: 'sharepoint_site' as const, id: site.id, name: site.displayName ?? site.name ?? site.id, webUrl: site.webUrl ?? null })), unavailable: [] };
    });
  }

  /**
   * The items others shared with the user (https://learn.microsoft.com/graph/api/drive-sharedwithme: deprecated, it
   * stops returning data after November 2027), each as the item in its own drive, so it opens and pages like any.
   * A user's list only: Microsoft supports no application permission for it.
   */
  shared(workspaceId: string, actor: FilesActor, page: { cursor?: string | undefined }): Promise<FileItemPage> {
    if (actor.kind === 'application') throw userOnly('Shared with me');
    const path = '/me/drive/sharedWithMe';
    const query = page.cursor === undefined ? {} : this.#cursorQuery(page.cursor, path);
    return this.#as(workspaceId, actor, 'Files.Read.All', async ({ client }) => {
      const body = await client.get<GraphPage<GraphDriveItem>>(path, { query });
      const next = body?.['@odata.nextLink'];
      const items = (body?.value ?? []).map(toSharedFileItem).filter((item): item is FileItem => item !== undefined);
      return { items, nextCursor: next ? this.#cursorOf(next) : null };
    });
  }

  /** A SharePoint site's default document library, as its root folder. */
  siteRoot(workspaceId: string, actor: FilesActor, siteId: string): Promise<FileItem> {
    return this.#as(workspaceId, actor, 'Sites.Read.All', async ({ client }, scope) => {
      assertSiteAllowed(scope, siteId);
      const root = await client.get<GraphDriveItem>(`/sites/${encodeURIComponent(siteId)}/drive/root`, { query: { $select: DRIVE_ITEM_SELECT } });
      return toFileItem(root, root.parentReference?.driveId ?? '');
    });
  }

  /** A drive's root folder (https://learn.microsoft.com/en-us/graph/api/driveitem-get: /drives/{drive-id}/root). */
  driveRoot(workspaceId: string, actor: FilesActor, driveId: string): Promise<FileItem> {
    return this.#as(workspaceId, actor, 'Files.Read', async ({ client }, scope) => {
      assertDriveAllowed(scope, driveId);
      return toFileItem(await client.get<GraphDriveItem>(`/drives/${encodeURIComponent(driveId)}/root`, { query: { $select: DRIVE_ITEM_SELECT } }), driveId);
    });
  }

  channels(workspaceId: string, actor: FilesActor, teamId: string): Promise<ChannelList> {
    return this.#as(workspaceId, actor, 'Channel.ReadBasic.All', async ({ client }) => {
      const page = await client.get<GraphPage<{ id: string; displayName?: string }>>(`/teams/${encodeURIComponent(teamId)}/channels`, { query: { $select: 'id,displayName' } });
      return { items: (page?.value ?? []).map((c) => ({ id: c.id, name: c.displayName ?? c.id })) };
    });
  }

  /** A channel's files folder (https://learn.microsoft.com/en-us/graph/api/channel-get-filesfolder). */
  channelFolder(workspaceId: string, actor: FilesActor, teamId: string, channelId: string): Promise<FileItem> {
    return this.#as(workspaceId, actor, 'Files.Read.All', async ({ client }, scope) => {
      // The folder's library is known only from the folder: its metadata is read, its files only if allowed.
      const folder = await client.get<GraphDriveItem>(`/teams/${encodeURIComponent(teamId)}/channels/${encodeURIComponent(channelId)}/filesFolder`);
      assertDriveAllowed(scope, folder.parentReference?.driveId ?? '');
      return toFileItem(folder, folder.parentReference?.driveId ?? '');
    });
  }

  item(workspaceId: string, actor: FilesActor, driveId: string, itemId: string): Promise<FileItem> {
    return this.#as(workspaceId, actor, 'Files.Read.All', async ({ client }, scope) => {
      assertDriveAllowed(scope, driveId);
      return toFileItem(await client.get<GraphDriveItem>(itemPath(driveId, itemId), { query: { $select: DRIVE_ITEM_SELECT } }), driveId);
    });
  }

  children(workspaceId: string, actor: FilesActor, driveId: string, itemId: string, page: { limit: number; cursor?: string | undefined }): Promise<FileItemPage> {
    const path = `${itemPath(driveId, itemId)}/children`;
    return this.#page(workspaceId, actor, driveId, path, { $top: page.limit, $select: DRIVE_ITEM_SELECT }, page.cursor);
  }

  /** https://learn.microsoft.com/en-us/graph/api/driveitem-search: `q` is a string literal, its quotes doubled. */
  search(workspaceId: string, actor: FilesActor, driveId: string, q: string, page: { limit: number; cursor?: string | undefined }): Promise<FileItemPage> {
    const path = `/drives/${encodeURIComponent(driveId)}/root/search(q='${encodeURIComponent(q.replaceAll("'", "''"))}')`;
    return this.#page(workspaceId, actor, driveId, path, { $top: page.limit, $select: DRIVE_ITEM_SELECT }, page.cursor);
  }

  async #page(workspaceId: string, actor: FilesActor, driveId: string, path: string, firstQuery: Record<string, string | number>, cursor: string | undefined): Promise<FileItemPage> {
    const query = cursor === undefined ? firstQuery : this.#cursorQuery(cursor, path);
    return this.#as(workspaceId, actor, 'Files.Read.All', async ({ client }, scope) => {
      assertDriveAllowed(scope, driveId);
      const body = await client.get<GraphPage<GraphDriveItem>>(path, { query });
      const next = body?.['@odata.nextLink'];
      return { items: (body?.value ?? []).map((item) => toFileItem(item, driveId)), nextCursor: next ? this.#cursorOf(next) : null };
    });
  }

  #cursorOf(nextLink: string): string {
    const url = new URL(nextLink, this.microsoft.graphUrl);
    return Buffer.from(`${url.pathname}${url.search}`, 'utf8').toString('base64url');
  }

  /** The query of a nextLink we handed out, when it continues `path`; anything else is a 400. */
  #cursorQuery(cursor: string, path: string): Record<string, string> {
    const graph = new URL(this.microsoft.graphUrl);
    let link: URL;
    try {
      link = new URL(Buffer.from(cursor, 'base64url').toString('utf8'), graph);
    } catch {
      throw invalidCursor();
    }
    const expected = new URL(`${API_PREFIX}${path}`, graph);
    if (link.origin !== graph.origin || decodeURIComponent(link.pathname) !== decodeURIComponent(expected.pathname)) throw invalidCursor();
    return Object.fromEntries(link.searchParams);
  }
}

const userOnly = (what: string) =>
  new HttpProblem('validation_failed', {
    detail: `${what} belongs to a user: Microsoft offers it to no app. Browse it as a user (without X-M365Hub-Mode: application).`,
    errors: [{ pointer: '/headers/x-m365hub-mode', detail: 'must be delegated here' }],
  });

const invalidCursor = () =>
  new HttpProblem('validation_failed', {
    detail: 'The cursor is not one this API returned for this folder. Pass nextCursor from the previous page unchanged, or omit it.',
    errors: [{ pointer: '/querystring/cursor', detail: 'is not a valid cursor' }],
  });
