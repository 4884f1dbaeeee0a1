// Workspaces: list the caller's, create (instance admins), read, rename or change the subdomain, delete.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/store/schema.js';
import type { Clock } from '../../platform/time/clock.js';
import { createWorkspace, deleteWorkspace, getWorkspace, listWorkspacesOfUser, updateWorkspace } from './workspaces.js';
import {
  CreateWorkspaceBody,
  ListQuery,
  NoContent,
  UpdateWorkspaceBody,
  Workspace,
  WorkspaceList,
  WorkspaceParams,
} from '../../contract/api-schemas.js';
import { auditContextOf, principalOf, workspaceOf } from '../../platform/http/authenticate.js';
import { HttpProblem } from '../../platform/http/http-problem.js';
import { positionCursor, readPositionCursor } from '../../platform/http/list-cursor.js';
import { workspaceResource } from './resources.js';

export interface WorkspaceRoutesDeps {
  db: Kysely<Database>;
  clock: Clock;
  /** Config.frontendUrl: each workspace's URL is its subdomain of it. */
  frontendUrl?: string | undefined;
  /** Told of each deleted workspace, so memories of its keys and policies forget it at once. */
  onDeleted?: (workspaceId: string) => void;
}

const tags = ['workspaces'];

export function registerWorkspaceRoutes(server: FastifyInstance, deps: WorkspaceRoutesDeps): void {
  const api = server.withTypeProvider<TypeBoxTypeProvider>();

  api.get(
    '/api/v1/workspaces',
    {
      config: { access: 'principal' },
      schema: {
        tags,
        summary: "The caller's workspaces (an API key sees its own one, with role api_key)",
        querystring: ListQuery,
        response: { 200: WorkspaceList },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      if (principal.kind === 'api_key') {
        const workspace = await getWorkspace(deps.db, principal.workspaceId);
        return { items: [workspaceResource({ ...workspace, role: 'api_key' }, deps.frontendUrl)], nextCursor: null };
      }
      const after = readPositionCursor(request.query.cursor);
      const page = await listWorkspacesOfUser(deps.db, principal.user.id, { limit: request.query.limit ?? 50, ...(after ? { after } : {}) });
      return { items: page.items.map((w) => workspaceResource(w, deps.frontendUrl)), nextCursor: positionCursor(page.next) };
    },
  );

  api.post(
    '/api/v1/workspaces',
    {
      config: { access: 'user' },
      schema: { tags, summary: 'Create a workspace (instance admins); the creator becomes its admin', body: CreateWorkspaceBody, response: { 201: Workspace } },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      if (principal.kind !== 'user' || !principal.user.isInstanceAdmin) {
        throw new HttpProblem('forbidden', { detail: 'Only instance administrators may create workspaces. Ask the operator of this hub.' });
      }
      const workspace = await createWorkspace(deps.db, { name: request.body.name, adminUserId: principal.user.id, ...(request.body.subdomain ? { subdomain: request.body.subdomain } : {}) }, auditContextOf(request, deps.clock));
      return reply
        .code(201)
        .header('location', `/api/v1/workspaces/${workspace.id}`)
        .send(workspaceResource({ ...workspace, role: 'admin' }, deps.frontendUrl));
    },
  );

  api.get(
    '/api/v1/workspaces/:workspaceId',
    { config: { access: 'workspace_member' }, schema: { tags, summary: 'A workspace', params: WorkspaceParams, response: { 200: Workspace } } },
    async (request) => {
      const access = workspaceOf(request);
      return workspaceResource({ ...(await getWorkspace(deps.db, access.id)), role: access.role }, deps.frontendUrl);
    },
  );

  api.patch(
    '/api/v1/workspaces/:workspaceId',
    {
      config: { access: 'workspace_admin' },
      schema: { tags, summary: 'Rename a workspace or change its subdomain (admins)', params: WorkspaceParams, body: UpdateWorkspaceBody, response: { 200: Workspace } },
    },
    async (request) => {
      const access = workspaceOf(request);
      const workspace = await updateWorkspace(deps.db, access.id, request.body, auditContextOf(request, deps.clock));
      return workspaceResource({ ...workspace, role: access.role }, deps.frontendUrl);
    },
  );

  api.delete(
    '/api/v1/workspaces/:workspaceId',
    {
      config: { access: 'workspace_admin_user' },
      schema: { tags, summary: 'Delete a workspace and everything in it (admins)', params: WorkspaceParams, response: { 204: NoContent } },
    },
    async (request, reply) => {
      await deleteWorkspace(deps.db, workspaceOf(request).id, auditContextOf(request, deps.clock));
      deps.onDeleted?.(workspaceOf(request).id);
      return reply.code(204).send(null);
    },
  );
}
