// API keys of a workspace, managed by its admin users only: a key never mints or revokes keys.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/store/schema.js';
import type { Clock } from '../../platform/time/clock.js';
import { createApiKey, listApiKeys, revokeApiKey } from './api-keys.js';
import { ApiKeyList, ApiKeyParams, CreateApiKeyBody, CreatedApiKey, ListQuery, NoContent, WorkspaceParams } from '../../contract/api-schemas.js';
import { auditContextOf, principalOf, workspaceOf } from '../../platform/http/authenticate.js';
import { positionCursor, readPositionCursor } from '../../platform/http/list-cursor.js';
import { apiKeyResource } from './api-key-resource.js';

export interface ApiKeyRoutesDeps {
  db: Kysely<Database>;
  clock: Clock;
  /** Told of each revoked key, so a memory of valid keys forgets it at once. */
  onRevoked?: (apiKeyId: string) => void;
}

const tags = ['api keys'];

export function registerApiKeyRoutes(server: FastifyInstance, deps: ApiKeyRoutesDeps): void {
  const api = server.withTypeProvider<TypeBoxTypeProvider>();

  api.get(
    '/api/v1/workspaces/:workspaceId/api-keys',
    {
      config: { access: 'workspace_admin_user' },
      schema: { tags, summary: 'API keys of the workspace (admins)', params: WorkspaceParams, querystring: ListQuery, response: { 200: ApiKeyList } },
    },
    async (request) => {
      const after = readPositionCursor(request.query.cursor);
      const page = await listApiKeys(deps.db, workspaceOf(request).id, { limit: request.query.limit ?? 50, ...(after ? { after } : {}) });
      return { items: page.items.map(apiKeyResource), nextCursor: positionCursor(page.next) };
    },
  );

  api.post(
    '/api/v1/workspaces/:workspaceId/api-keys',
    {
      config: { access: 'workspace_admin_user' },
      schema: {
        tags,
        summary: 'Create an API key (admins); the answer is the only time the key is shown',
        params: WorkspaceParams,
        body: CreateApiKeyBody,
        response: { 201: CreatedApiKey },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const workspaceId = workspaceOf(request).id;
      const { record, key } = await createApiKey(
        deps.db,
        workspaceId,
        { name: request.body.name, createdBy: principal.kind === 'user' ? principal.user.id : null },
        auditContextOf(request, deps.clock),
      );
      return reply
        .code(201)
        .header('location', `/api/v1/workspaces/${workspaceId}/api-keys/${record.id}`)
        .header('cache-control', 'no-store')
        .send({ ...apiKeyResource(record), key });
    },
  );

  api.delete(
    '/api/v1/workspaces/:workspaceId/api-keys/:apiKeyId',
    {
      config: { access: 'workspace_admin_user' },
      schema: { tags, summary: 'Revoke an API key (admins); it stops working at once', params: ApiKeyParams, response: { 204: NoContent } },
    },
    async (request, reply) => {
      await revokeApiKey(deps.db, workspaceOf(request).id, request.params.apiKeyId, auditContextOf(request, deps.clock));
      deps.onRevoked?.(request.params.apiKeyId);
      return reply.code(204).send(null);
    },
  );
}
