// Browsing Microsoft 365 files under /api/v1/workspaces/{ws}/files/…, acting for the console user, or for the host
// product's user an API key names in X-M365Hub-Acting-User (the namespaces are separate: an API key never acts as
// a console user). Members and API keys; Microsoft decides what the user may see. With X-M365Hub-Mode: application
// (workspace admins and API keys, as the pass-through) the workspace's app browses SharePoint sites, only the
// integration's allowed sites when it lists any.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { WorkspaceParams } from '../../contract/api-schemas.js';
import { ChannelList, ChannelParams, ChildrenQuery, DriveItemParams, DriveParams, FileItem, FileItemPage, FileSourceList, SearchQuery, SiteParams, TeamParams } from '../../contract/files-schemas.js';
import { workspaceOf } from '../../platform/http/authenticate.js';
import { actingPrincipalOf } from '../tokens/index.js';
import { HttpProblem } from '../../platform/http/http-problem.js';
import type { FilesBrowser } from './browse-service.js';
import { FilesError } from './files-error.js';
import type { FilesActor } from './files-graph.js';

export const FILES_BASE = '/api/v1/workspaces/:workspaceId/files';
const tags = ['files'];
const member = { access: 'workspace_member' as const };

/**
 * Whom browsing acts for: the user (delegated, the default) or, with X-M365Hub-Mode: application, the workspace's app,
 * in the tenant X-M365Hub-Tenant names when the workspace has several (read as the pass-through reads them).
 */
export function browsingActorOf(request: FastifyRequest): FilesActor {
  const acting = actingPrincipalOf(request);
  if (acting.mode === 'delegated') return acting.user;
  return acting.tenantId === undefined ? { kind: 'application' } : { kind: 'application', tenantId: acting.tenantId };
}

/** A throttled answer carries Microsoft's wait as Retry-After; the rest render through the catalogue as they are. */
export function withRetryAfter(error: unknown): unknown {
  if (error instanceof FilesError && error.retryAfterSeconds !== undefined) {
    return new HttpProblem(error.code, { detail: error.message, headers: { 'retry-after': String(Math.ceil(error.retryAfterSeconds)) } });
  }
  return error;
}

export function registerFilesRoutes(server: FastifyInstance, deps: { browser: FilesBrowser }): void {
  const api = server.withTypeProvider<TypeBoxTypeProvider>();
  const { browser } = deps;
  const run = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw withRetryAfter(error);
    }
  };

  api.get(
    `${FILES_BASE}/sources`,
    { config: member, schema: { tags, summary: "The user's file sources: My OneDrive, Shared with me, followed SharePoint sites, joined teams (and which kinds Microsoft refused, and why); in application mode the allowed sites (or every site the app can find)", params: WorkspaceParams, response: { 200: FileSourceList } } },
    async (request) => run(() => browser.sources(workspaceOf(request).id, browsingActorOf(request))),
  );

  api.get(
    `${FILES_BASE}/shared`,
    { config: member, schema: { tags, summary: "The items others shared with the user (Microsoft's sharedWithMe), each in its own drive: open folders with …/drives/{driveId}/items/{id}/children", params: WorkspaceParams, querystring: ChildrenQuery, response: { 200: FileItemPage } } },
    async (request) => run(() => browser.shared(workspaceOf(request).id, browsingActorOf(request), { cursor: request.query.cursor })),
  );

  api.get(
    `${FILES_BASE}/sites/:siteId/root`,
    { config: member, schema: { tags, summary: "A SharePoint site's document library root folder (browse it with …/drives/{driveId}/items/{id}/children)", params: SiteParams, response: { 200: FileItem } } },
    async (request) => run(() => browser.siteRoot(workspaceOf(request).id, browsingActorOf(request), request.params.siteId)),
  );

  api.get(
    `${FILES_BASE}/teams/:teamId/channels`,
    { config: member, schema: { tags, summary: "A team's channels the user can see", params: TeamParams, response: { 200: ChannelList } } },
    async (request) => run(() => browser.channels(workspaceOf(request).id, browsingActorOf(request), request.params.teamId)),
  );

  api.get(
    `${FILES_BASE}/teams/:teamId/channels/:channelId/folder`,
    { config: member, schema: { tags, summary: "A channel's files folder", params: ChannelParams, response: { 200: FileItem } } },
    async (request) => run(() => browser.channelFolder(workspaceOf(request).id, browsingActorOf(request), request.params.teamId, request.params.channelId)),
  );

  api.get(
    `${FILES_BASE}/drives/:driveId/items/:itemId`,
    { config: member, schema: { tags, summary: 'One file or folder', params: DriveItemParams, response: { 200: FileItem } } },
    async (request) => run(() => browser.item(workspaceOf(request).id, browsingActorOf(request), request.params.driveId, request.params.itemId)),
  );

  api.get(
    `${FILES_BASE}/drives/:driveId/items/:itemId/children`,
    { config: member, schema: { tags, summary: "A folder's children, page by page (Microsoft's order)", params: DriveItemParams, querystring: ChildrenQuery, response: { 200: FileItemPage } } },
    async (request) => run(() => browser.children(workspaceOf(request).id, browsingActorOf(request), request.params.driveId, request.params.itemId, { limit: request.query.limit ?? 50, cursor: request.query.cursor })),
  );

  api.get(
    `${FILES_BASE}/drives/:driveId/search`,
    { config: member, schema: { tags, summary: 'Search a drive by name and content', params: DriveParams, querystring: SearchQuery, response: { 200: FileItemPage } } },
    async (request) => run(() => browser.search(workspaceOf(request).id, browsingActorOf(request), request.params.driveId, request.query.q, { limit: request.query.limit ?? 50, cursor: request.query.cursor })),
  );
}
