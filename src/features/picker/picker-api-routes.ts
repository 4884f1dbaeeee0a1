// What the hosted picker page calls, under /picker/api/…: browsing the session's user's Microsoft 365 files, adding
// the picked files to the session's record, and following copy jobs. The only credential is the picker session
// token in X-M365Hub-Picker-Session (never an API key or a console cookie in that page): the workspace, the user, the
// record and the allowed modes all come from its signed claims, never from the page. A job of another workspace
// answers 404, as a missing one does.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Attachment, ChannelList, ChildrenQuery, FileItem, FileItemPage, FileSourceList, SearchQuery } from '../../contract/files-schemas.js';
import { Job } from '../../contract/api-schemas.js';
import { PickerAddBody, PickerChannelParams, PickerDriveItemParams, PickerDriveParams, PickerJobParams, PickerSiteParams, PickerTeamParams } from '../../contract/picker-schemas.js';
import type { ConnectionUser } from '../../contract/integration-schemas.js';
import { HttpProblem } from '../../platform/http/http-problem.js';
import { jobResource } from '../../platform/http/job-resource.js';
import type { Clock } from '../../platform/time/clock.js';
import { toAttachment, withRetryAfter, type AttachmentService, type FilesBrowser } from '../files/index.js';
import { PickerSessionError, verifyPickerSession, type PickerSessionClaims } from './picker-session-token.js';

export const PICKER_SESSION_HEADER = 'x-m365hub-picker-session';
const BASE = '/picker/api';

export interface PickerApiDeps {
  clock: Clock;
  keys: readonly Buffer[];
  browser: FilesBrowser;
  attachments: AttachmentService;
  jobs: { get(workspaceId: string, jobId: string): Promise<unknown> };
}

interface Session {
  claims: PickerSessionClaims;
  workspaceId: string;
  user: ConnectionUser;
}

export function registerPickerApiRoutes(server: FastifyInstance, deps: PickerApiDeps): void {
  const api = server.withTypeProvider<TypeBoxTypeProvider>();
  const config = { access: 'public' as const };
  const tags = ['picker page'];
  const sessionOf = (request: FastifyRequest): Session => {
    const token = request.headers[PICKER_SESSION_HEADER];
    try {
      if (typeof token !== 'string') throw new PickerSessionError('picker_session_malformed');
      const claims = verifyPickerSession(token, deps.keys, null, deps.clock.now());
      return { claims, workspaceId: claims.workspaceId, user: { kind: 'external_user', id: claims.externalUserId } };
    } catch (error) {
      if (error instanceof PickerSessionError) throw new HttpProblem('picker_session_invalid', { detail: error.message });
      throw error;
    }
  };
  // Microsoft's wait travels as Retry-After, as on the files API.
  const run = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw withRetryAfter(error);
    }
  };

  api.get(`${BASE}/sources`, { config, schema: { tags, hide: true, response: { 200: FileSourceList } } }, async (request) => {
    const s = sessionOf(request);
    return run(() => deps.browser.sources(s.workspaceId, s.user));
  });
  api.get(`${BASE}/shared`, { config, schema: { tags, hide: true, querystring: ChildrenQuery, response: { 200: FileItemPage } } }, async (request) => {
    const s = sessionOf(request);
    return run(() => deps.browser.shared(s.workspaceId, s.user, { cursor: request.query.cursor }));
  });
  api.get(`${BASE}/sites/:siteId/root`, { config, schema: { tags, hide: true, params: PickerSiteParams, response: { 200: FileItem } } }, async (request) => {
    const s = sessionOf(request);
    return run(() => deps.browser.siteRoot(s.workspaceId, s.user, request.params.siteId));
  });
  api.get(`${BASE}/drives/:driveId/root`, { config, schema: { tags, hide: true, params: PickerDriveParams, response: { 200: FileItem } } }, async (request) => {
    const s = sessionOf(request);
    return run(() => deps.browser.driveRoot(s.workspaceId, s.user, request.params.driveId));
  });
  api.get(`${BASE}/teams/:teamId/channels`, { config, schema: { tags, hide: true, params: PickerTeamParams, response: { 200: ChannelList } } }, async (request) => {
    const s = sessionOf(request);
    return run(() => deps.browser.channels(s.workspaceId, s.user, request.params.teamId));
  });
  api.get(`${BASE}/teams/:teamId/channels/:channelId/folder`, { config, schema: { tags, hide: true, params: PickerChannelParams, response: { 200: FileItem } } }, async (request) => {
    const s = sessionOf(request);
    return run(() => deps.browser.channelFolder(s.workspaceId, s.user, request.params.teamId, request.params.channelId));
  });
  api.get(`${BASE}/drives/:driveId/items/:itemId/children`, { config, schema: { tags, hide: true, params: PickerDriveItemParams, querystring: ChildrenQuery, response: { 200: FileItemPage } } }, async (request) => {
    const s = sessionOf(request);
    return run(() => deps.browser.children(s.workspaceId, s.user, request.params.driveId, request.params.itemId, { limit: request.query.limit ?? 50, cursor: request.query.cursor }));
  });
  api.get(`${BASE}/drives/:driveId/search`, { config, schema: { tags, hide: true, params: PickerDriveParams, querystring: SearchQuery, response: { 200: FileItemPage } } }, async (request) => {
    const s = sessionOf(request);
    return run(() => deps.browser.search(s.workspaceId, s.user, request.params.driveId, request.query.q, { limit: request.query.limit ?? 50, cursor: request.query.cursor }));
  });

  api.post(`${BASE}/attachments`, { config, schema: { tags, hide: true, body: PickerAddBody, response: { 201: Attachment, 202: Job } } }, async (request, reply) => {
    const s = sessionOf(request);
    const { mode } = request.body;
    if (s.claims.mode !== 'both' && s.claims.mode !== mode) {
      throw new HttpProblem('picker_mode_not_allowed', { detail: `This picker session allows only "${s.claims.mode}"; the host product chose that when it opened the picker.` });
    }
    const { entityType, entityId } = s.claims;
    const added = await run(() => deps.attachments.add(s.workspaceId, s.user, { entityType, entityId, ...request.body }, undefined));
    reply.header('content-location', `/api/v1/workspaces/${s.workspaceId}/files/attachments/${added.row.id}`);
    if (added.kind === 'link') return reply.code(201).send(toAttachment(added.row));
    return reply.code(202).send(jobResource(added.job));
  });

  api.get(`${BASE}/jobs/:jobId`, { config, schema: { tags, hide: true, params: PickerJobParams, response: { 200: Job } } }, async (request) => {
    const s = sessionOf(request);
    const job = await deps.jobs.get(s.workspaceId, request.params.jobId);
    if (!job) throw new HttpProblem('not_found', { detail: 'No such job for this picker session.' });
    return jobResource(job);
  });
}
