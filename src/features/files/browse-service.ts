// Browsing a user's Microsoft 365 files: their sources (OneDrive, followed SharePoint sites, joined teams), a
// folder's children page by page, search, one item. Every call acts for the user with their delegated token, so
// Microsoft decides what they may see; failures become FilesError (files-error.ts).
//
// Graph pages (https://learn.microsoft.com/en-us/graph/paging) are handed to clients as our own opaque cursor: the
// nextLink's path and query, accepted back only for the same collection and never as a URL to fetch elsewhere.
import type { ConnectionUser } from '../../contract/integration-schemas.js';
import type { ChannelList, FileItem, FileItemPage, FileSource, FileSourceList } from '../../contract/files-schemas.js';
import { HttpProblem } from '../../platform/http/http-problem.js';
import { DRIVE_ITEM_SELECT, toFileItem, type GraphDriveItem } from './drive-items.js';
import { FilesError, filesErrorOf, type NeededPermission } from './files-error.js';
import { connectHint, graphFor, type FilesMicrosoft, type UserGraph } from './files-graph.js';

const API_PREFIX = '/v1.0';
const itemPath = (driveId: string, itemId: string) => `/drives/${encodeURIComponent(driveId)}/items/${encodeURIComponent(itemId)}`;

interface GraphPage<T> {
  value?: T[];
  '@odata.nextLink'?: string;
}

export class FilesBrowser {
  constructor(private readonly microsoft: FilesMicrosoft) {}

  /** Runs `work` as the user, turning Microsoft's and the token service's refusals into our problems. */
  async #as<T>(workspaceId: string, user: ConnectionUser, needs: NeededPermission, work: (graph: UserGraph) => Promise<T>): Promise<T> {
    try {
      return await work(graphFor(this.microsoft, workspaceId, user));
    } catch (error) {
      throw filesErrorOf(error, { needs, connectHint: connectHint(workspaceId, user) });
    }
  }

  async sources(workspaceId: string, user: ConnectionUser): Promise<FileSourceList> {
    const drive = await this.#as(workspaceId, user, 'Files.Read', ({ client }) => client.get<{ id: string; name?: string; webUrl?: string }>('/me/drive', { query: { $select: 'id,name,webUrl' } }));
    const items: FileSource[] = [{ kind: 'onedrive', id: drive.id, name: 'My OneDrive', webUrl: drive.webUrl ?? null }];
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

  /** A SharePoint site's default document library, as its root folder. */
  siteRoot(workspaceId: string, user: ConnectionUser, siteId: string): Promise<FileItem> {
    return this.#as(workspaceId, user, 'Sites.Read.All', async ({ client }) => {
      const root = await client.get<GraphDriveItem>(`/sites/${encodeURIComponent(siteId)}/drive/root`, { query: { $select: DRIVE_ITEM_SELECT } });
      return toFileItem(root, root.parentReference?.driveId ?? '');
    });
  }

  /** A drive's root folder (https://learn.microsoft.com/en-us/graph/api/driveitem-get: /drives/{drive-id}/root). */
  driveRoot(workspaceId: string, user: ConnectionUser, driveId: string): Promise<FileItem> {
    return this.#as(workspaceId, user, 'Files.Read', async ({ client }) => toFileItem(await client.get<GraphDriveItem>(`/drives/${encodeURIComponent(driveId)}/root`, { query: { $select: DRIVE_ITEM_SELECT } }), driveId));
  }

  channels(workspaceId: string, user: ConnectionUser, teamId: string): Promise<ChannelList> {
    return this.#as(workspaceId, user, 'Channel.ReadBasic.All', async ({ client }) => {
      const page = await client.get<GraphPage<{ id: string; displayName?: string }>>(`/teams/${encodeURIComponent(teamId)}/channels`, { query: { $select: 'id,displayName' } });
      return { items: (page?.value ?? []).map((c) => ({ id: c.id, name: c.displayName ?? c.id })) };
    });
  }

  /** A channel's files folder (https://learn.microsoft.com/en-us/graph/api/channel-get-filesfolder). */
  channelFolder(workspaceId: string, user: ConnectionUser, teamId: string, channelId: string): Promise<FileItem> {
    return this.#as(workspaceId, user, 'Files.Read.All', async ({ client }) => {
      const folder = await client.get<GraphDriveItem>(`/teams/${encodeURIComponent(teamId)}/channels/${encodeURIComponent(channelId)}/filesFolder`);
      return toFileItem(folder, folder.parentReference?.driveId ?? '');
    });
  }

  item(workspaceId: string, user: ConnectionUser, driveId: string, itemId: string): Promise<FileItem> {
    return this.#as(workspaceId, user, 'Files.Read.All', async ({ client }) => toFileItem(await client.get<GraphDriveItem>(itemPath(driveId, itemId), { query: { $select: DRIVE_ITEM_SELECT } }), driveId));
  }

  children(workspaceId: string, user: ConnectionUser, driveId: string, itemId: string, page: { limit: number; cursor?: string | undefined }): Promise<FileItemPage> {
    const path = `${itemPath(driveId, itemId)}/children`;
    return this.#page(workspaceId, user, driveId, path, { $top: page.limit, $select: DRIVE_ITEM_SELECT }, page.cursor);
  }

  /** https://learn.microsoft.com/en-us/graph/api/driveitem-search: `q` is a string literal, its quotes doubled. */
  search(workspaceId: string, user: ConnectionUser, driveId: string, q: string, page: { limit: number; cursor?: string | undefined }): Promise<FileItemPage> {
    const path = `/drives/${encodeURIComponent(driveId)}/root/search(q='${encodeURIComponent(q.replaceAll("'", "''"))}')`;
    return this.#page(workspaceId, user, driveId, path, { $top: page.limit, $select: DRIVE_ITEM_SELECT }, page.cursor);
  }

  async #page(workspaceId: string, user: ConnectionUser, driveId: string, path: string, firstQuery: Record<string, string | number>, cursor: string | undefined): Promise<FileItemPage> {
    const query = cursor === undefined ? firstQuery : this.#cursorQuery(cursor, path);
    return this.#as(workspaceId, user, 'Files.Read.All', async ({ client }) => {
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

const invalidCursor = () =>
  new HttpProblem('validation_failed', {
    detail: 'The cursor is not one this API returned for this folder. Pass nextCursor from the previous page unchanged, or omit it.',
    errors: [{ pointer: '/querystring/cursor', detail: 'is not a valid cursor' }],
  });
