// Members of a workspace: everyone in it may list them; only admin users add, re-role or remove.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/store/schema.js';
import type { Clock } from '../../platform/time/clock.js';
import { addMember, changeMemberRole, listMembers, removeMember } from './members.js';
import { AddMemberBody, ListQuery, Member, MemberList, MemberParams, NoContent, UpdateMemberBody, WorkspaceParams } from '../../contract/api-schemas.js';
import { auditContextOf, workspaceOf } from '../../platform/http/authenticate.js';
import { positionCursor, readPositionCursor } from '../../platform/http/list-cursor.js';
import { memberResource } from './resources.js';

export interface MemberRoutesDeps {
  db: Kysely<Database>;
  clock: Clock;
}

const tags = ['members'];

export function registerMemberRoutes(server: FastifyInstance, deps: MemberRoutesDeps): void {
  const api = server.withTypeProvider<TypeBoxTypeProvider>();

  api.get(
    '/api/v1/workspaces/:workspaceId/members',
    {
      config: { access: 'workspace_member' },
      schema: { tags, summary: 'Members of the workspace', params: WorkspaceParams, querystring: ListQuery, response: { 200: MemberList } },
    },
    async (request) => {
      const after = readPositionCursor(request.query.cursor);
      const page = await listMembers(deps.db, workspaceOf(request).id, { limit: request.query.limit ?? 50, ...(after ? { after } : {}) });
      return { items: page.items.map(memberResource), nextCursor: positionCursor(page.next) };
    },
  );

  api.post(
    '/api/v1/workspaces/:workspaceId/members',
    {
      config: { access: 'workspace_admin_user' },
      schema: {
        tags,
        summary: 'Add a console user by email, or create one when a password is given (admins)',
        params: WorkspaceParams,
        body: AddMemberBody,
        response: { 201: Member },
      },
    },
    async (request, reply) => {
      const workspaceId = workspaceOf(request).id;
      const member = await addMember(deps.db, workspaceId, request.body, auditContextOf(request, deps.clock), deps.clock);
      return reply
        .code(201)
        .header('location', `/api/v1/workspaces/${workspaceId}/members/${member.userId}`)
        .send(memberResource(member));
    },
  );

  api.patch(
    '/api/v1/workspaces/:workspaceId/members/:userId',
    {
      config: { access: 'workspace_admin_user' },
      schema: { tags, summary: "Change a member's role (admins); the last admin stays admin", params: MemberParams, body: UpdateMemberBody, response: { 200: Member } },
    },
    async (request) => {
      const member = await changeMemberRole(deps.db, workspaceOf(request).id, request.params.userId, request.body.role, auditContextOf(request, deps.clock));
      return memberResource(member);
    },
  );

  api.delete(
    '/api/v1/workspaces/:workspaceId/members/:userId',
    {
      config: { access: 'workspace_admin_user' },
      schema: { tags, summary: 'Remove a member (admins); the last admin cannot be removed', params: MemberParams, response: { 204: NoContent } },
    },
    async (request, reply) => {
      await removeMember(deps.db, workspaceOf(request).id, request.params.userId, auditContextOf(request, deps.clock));
      return reply.code(204).send(null);
    },
  );
}
