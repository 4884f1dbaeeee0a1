// The subscriptions API (workspace admins and the workspace API key) and the two public endpoints Microsoft Graph
// posts to: /graph/notifications/{token} and /graph/lifecycle/{token}. The token in the path is a random secret per
// subscription; an unknown one answers 404. Graph's validation request (POST with ?validationToken=…, text/plain)
// is answered with the token as text/plain within Graph's 10 seconds; notifications are answered 202 at once
// (Graph wants an answer within 3 seconds) and lifecycle work is queued as a job.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { ListQuery, NoContent, WorkspaceParams } from '../../contract/api-schemas.js';
import { CreateSubscriptionBody, Subscription, SubscriptionList, SubscriptionParams } from '../../contract/subscription-schemas.js';
import { auditContextOf, principalOf, workspaceOf } from '../../platform/http/authenticate.js';
import { positionCursor, readPositionCursor } from '../../platform/http/list-cursor.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import type { Database } from '../../platform/store/schema.js';
import type { Clock } from '../../platform/time/clock.js';
import { SUBSCRIPTION_LIFECYCLE_JOB } from './subscription-jobs.js';
import type { SubscriptionManager } from './subscription-manager.js';
import { getSubscription, listSubscriptions, subscriptionResource } from './subscription-store.js';

export interface SubscriptionServices {
  manager: SubscriptionManager;
  queue: Pick<JobQueue, 'enqueue'>;
}

export interface SubscriptionRouteDeps extends SubscriptionServices {
  db: Kysely<Database>;
  clock: Clock;
}

const tags = ['change notifications'];
const BASE = '/api/v1/workspaces/:workspaceId/subscriptions';
const ENDPOINT_LIMIT = 1024 * 1024;

export function registerSubscriptionRoutes(server: FastifyInstance, deps: SubscriptionRouteDeps): void {
  const api = server.withTypeProvider<TypeBoxTypeProvider>();
  const admin = { access: 'workspace_admin' as const };

  api.post(
    BASE,
    {
      config: admin,
      schema: {
        tags,
        summary:
          "Subscribe to changes of a Microsoft Graph resource for one of your users (mode delegated, X-M365Hub-Acting-User) or the workspace's app (mode application); each change arrives as the webhook graph.notification. The hub renews it before Microsoft's maximum lifetime and recreates it when Microsoft removes it",
        params: WorkspaceParams,
        body: CreateSubscriptionBody,
        response: { 201: Subscription },
      },
    },
    async (request, reply) => {
      const workspaceId = workspaceOf(request).id;
      const principal = principalOf(request);
      const actingUser = principal.kind === 'api_key' ? principal.actingUser : undefined;
      const created = await deps.manager.create(workspaceId, request.body, actingUser, auditContextOf(request, deps.clock));
      return reply.code(201).header('location', `/api/v1/workspaces/${workspaceId}/subscriptions/${created.id}`).send(created);
    },
  );

  api.get(
    BASE,
    { config: admin, schema: { tags, summary: "The workspace's Graph subscriptions", params: WorkspaceParams, querystring: ListQuery, response: { 200: SubscriptionList } } },
    async (request) => {
      const after = readPositionCursor(request.query.cursor);
      const page = await listSubscriptions(deps.db, workspaceOf(request).id, { limit: request.query.limit ?? 50, ...(after ? { after } : {}) });
      return { items: page.items, nextCursor: positionCursor(page.next) };
    },
  );

  api.get(
    `${BASE}/:subscriptionId`,
    { config: admin, schema: { tags, summary: 'One Graph subscription: status, expiry, last notification', params: SubscriptionParams, response: { 200: Subscription } } },
    async (request) => subscriptionResource(await getSubscription(deps.db, workspaceOf(request).id, request.params.subscriptionId)),
  );

  api.delete(
    `${BASE}/:subscriptionId`,
    { config: admin, schema: { tags, summary: 'Stop a Graph subscription (at Microsoft too)', params: SubscriptionParams, response: { 204: NoContent } } },
    async (request, reply) => {
      await deps.manager.remove(workspaceOf(request).id, request.params.subscriptionId, auditContextOf(request, deps.clock));
      return reply.code(204).send(null);
    },
  );

  // Microsoft's side: its own content types (text/plain validation, JSON notifications) in an encapsulated scope.
  void server.register(async (graphFacing) => {
    graphFacing.addContentTypeParser('text/plain', { parseAs: 'string', bodyLimit: ENDPOINT_LIMIT }, (_request, body, done) => done(null, body));
    const receive = (kind: 'notifications' | 'lifecycle') => async (request: FastifyRequest<{ Params: { token: string }; Querystring: { validationToken?: string } }>, reply: FastifyReply) => {
      const { token } = request.params;
      const validationToken = request.query.validationToken;
      if (validationToken !== undefined) {
        if (!(await deps.manager.knowsEndpoint(token))) return reply.code(404).type('text/plain').send('unknown endpoint');
        return reply.code(200).type('text/plain; charset=utf-8').send(validationToken);
      }
      const items = (request.body as { value?: unknown } | undefined)?.value;
      if (!Array.isArray(items)) return reply.code(400).type('text/plain').send('expected a change notification collection');
      const outcome = await deps.manager.receive(token, items);
      if (!outcome) return reply.code(404).type('text/plain').send('unknown endpoint');
      for (const work of outcome.lifecycle) {
        await deps.queue.enqueue({ type: SUBSCRIPTION_LIFECYCLE_JOB, payload: { ...work }, maxAttempts: 5 });
      }
      request.log.info({ kind, accepted: outcome.accepted, dropped: outcome.dropped }, 'graph notifications received');
      return reply.code(202).send();
    };
    const schema = { hide: true, params: { type: 'object', properties: { token: { type: 'string', pattern: '^[A-Za-z0-9_-]{16,64}$' } }, required: ['token'] } };
    graphFacing.post('/graph/notifications/:token', { config: { access: 'public', secretInPath: true }, bodyLimit: ENDPOINT_LIMIT, schema }, receive('notifications'));
    graphFacing.post('/graph/lifecycle/:token', { config: { access: 'public', secretInPath: true }, bodyLimit: ENDPOINT_LIMIT, schema }, receive('lifecycle'));
  });
}
