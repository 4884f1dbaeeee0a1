// Users' Microsoft 365 connections in a workspace: the host product's backend (API key) asks for a connect link for
// one of its users and reads or removes that user's connection; console users see and disconnect their own
// (`me`); admins list them all. Never tokens: only the account (UPN, tenant), status and reason.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Kysely } from 'kysely';
import { createConnectLink, CONNECT_LINK_PATH } from './connect-links.js';
import type { Database } from '../../platform/store/schema.js';
import { getConnection, listConnections, type M365Connection } from '../tokens/index.js';
import { ListOf, ListQuery, NoContent, WorkspaceParams } from '../../contract/api-schemas.js';
import { auditContextOf, principalOf, workspaceOf } from '../../platform/http/authenticate.js';
import { HttpProblem } from '../../platform/http/http-problem.js';
import { positionCursor, readPositionCursor } from '../../platform/http/list-cursor.js';
import { Connection, ConnectLink, ConnectLinkBody, ExternalUserParams, type Connection as ConnectionResource, type ConnectionUser } from '../../contract/integration-schemas.js';
import { checkedReturnTo, hubOrigin, m365Problem, workspaceHome, type M365RouteDeps } from './connect-http.js';

const tags = ['microsoft 365 connections'];
const USERS = '/api/v1/workspaces/:workspaceId/users/:externalUserId';
const ME = '/api/v1/workspaces/:workspaceId/me/connection';

export const connectionResource = (c: M365Connection): ConnectionResource => ({
  id: c.id,
  user: c.user,
  externalUserId: c.externalUserId,
  tenantId: c.tenantId,
  objectId: c.objectId,
  userPrincipalName: c.userPrincipalName,
  displayName: c.displayName,
  scopes: c.scopes,
  status: c.status,
  statusReason: c.statusReason,
  connectedAt: c.connectedAt.toISOString(),
  lastRefreshedAt: c.lastRefreshedAt.toISOString(),
});

const noConnection = () => new HttpProblem('not_found', { detail: 'This user has no Microsoft 365 connection in this workspace. Connect it first.' });

/**
 * `me`: the console user's own connection, or the host product's user an API key acts for (X-M365Hub-Acting-User).
 * The two are separate namespaces: whatever an API key sends names a host product's user, never a console user.
 */
function meOf(request: FastifyRequest): ConnectionUser {
  const principal = principalOf(request);
  if (principal.kind === 'user') return { kind: 'console_user', id: principal.user.id };
  if (principal.actingUser) return { kind: 'external_user', id: principal.actingUser };
  throw new HttpProblem('validation_failed', { detail: 'With an API key, `me` is the user named in X-M365Hub-Acting-User; send it, or use …/users/{externalUserId}/connection.' });
}

export function registerConnectionRoutes(server: FastifyInstance, deps: M365RouteDeps & { db: Kysely<Database> }): void {
  const api = server.withTypeProvider<TypeBoxTypeProvider>();
  const admin = { access: 'workspace_admin' as const };
  const member = { access: 'workspace_member' as const };

  async function show(workspaceId: string, user: ConnectionUser) {
    const connection = await getConnection(deps.db, workspaceId, user);
    if (!connection) throw noConnection();
    return connectionResource(connection);
  }

  async function disconnect(request: FastifyRequest, workspaceId: string, user: ConnectionUser) {
    const removed = await deps.connect.disconnect(workspaceId, user, auditContextOf(request, deps.clock));
    if (!removed) throw noConnection();
  }

  api.post(
    `${USERS}/connect-link`,
    {
      config: admin,
      schema: {
        tags,
        summary: "A single-use link (10 minutes) that starts Connect Microsoft 365 in the user's browser",
        params: ExternalUserParams,
        body: ConnectLinkBody,
        response: { 201: ConnectLink },
      },
    },
    async (request, reply) => {
      const workspaceId = workspaceOf(request).id;
      const target = { workspaceId, externalUserId: request.params.externalUserId };
      let returnTo: string | null = null;
      try {
        // Without one, the user goes back to the workspace's own URL (its subdomain of FRONTEND_URL) when there is one.
        returnTo = request.body?.returnTo ? await checkedReturnTo(deps, request, workspaceId, request.body.returnTo) : ((await workspaceHome(deps, workspaceId)) ?? null);
        // Refuse now rather than hand out a link that can only fail.
        if (!(await deps.integrations.get(workspaceId))) throw new HttpProblem('integration_not_configured');
      } catch (error) {
        throw m365Problem(error);
      }
      const { token, expiresAt } = await createConnectLink(deps.db, { ...target, returnTo }, deps.clock.now());
      return reply
        .code(201)
        .header('cache-control', 'no-store')
        .send({ url: `${hubOrigin(request, deps.config)}${CONNECT_LINK_PATH}/${token}`, expiresAt: expiresAt.toISOString() });
    },
  );

  api.get(`${USERS}/connection`, { config: admin, schema: { tags, summary: "A user's Microsoft 365 connection (account, tenant, status)", params: ExternalUserParams, response: { 200: Connection } } }, async (request) =>
    show(workspaceOf(request).id, { kind: 'external_user', id: request.params.externalUserId }),
  );

  api.delete(
    `${USERS}/connection`,
    { config: admin, schema: { tags, summary: "Disconnect a user: deletes the connection's tokens", params: ExternalUserParams, response: { 204: NoContent } } },
    async (request, reply) => {
      await disconnect(request, workspaceOf(request).id, { kind: 'external_user', id: request.params.externalUserId });
      return reply.code(204).send(null);
    },
  );

  api.get(ME, { config: member, schema: { tags, summary: 'Your own Microsoft 365 connection', params: WorkspaceParams, response: { 200: Connection } } }, async (request) =>
    show(workspaceOf(request).id, meOf(request)),
  );

  api.delete(ME, { config: member, schema: { tags, summary: 'Disconnect your own Microsoft 365 account', params: WorkspaceParams, response: { 204: NoContent } } }, async (request, reply) => {
    await disconnect(request, workspaceOf(request).id, meOf(request));
    return reply.code(204).send(null);
  });

  api.get(
    '/api/v1/workspaces/:workspaceId/connections',
    { config: admin, schema: { tags, summary: "Every user's Microsoft 365 connection in the workspace (console admins); with an API key, the host product's users only", params: WorkspaceParams, querystring: ListQuery, response: { 200: ListOf(Connection) } } },
    async (request) => {
      const after = readPositionCursor(request.query.cursor);
      // An API key never sees console users' connections (their accounts are not the host product's business).
      const kind = principalOf(request).kind === 'api_key' ? ({ kind: 'external_user' } as const) : {};
      const page = await listConnections(deps.db, workspaceOf(request).id, { limit: request.query.limit ?? 50, ...kind, ...(after ? { after } : {}) });
      return { items: page.items.map(connectionResource), nextCursor: positionCursor(page.next) };
    },
  );
}
