// Webhook endpoints of a workspace, their signing secrets (shown once, at creation and at each rotation), the
// delivery log and redelivery. Workspace admin users only: an API key could otherwise point the workspace's events
// (and its signing secret) at a server of its choosing, so keys never manage webhooks.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Kysely } from 'kysely';
import type { KeyRing } from '../../platform/crypto/key-ring.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import type { Database } from '../../platform/store/schema.js';
import type { Clock } from '../../platform/time/clock.js';
import { listWebhookDeliveries, redeliverWebhook, type WebhookDelivery as DeliveryRecord } from './webhook-deliveries.js';
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  getWebhookEndpoint,
  listWebhookEndpoints,
  rotateWebhookSecret,
  updateWebhookEndpoint,
  type WebhookEndpoint,
  type WebhookEndpointDeps,
} from './webhook-endpoints.js';
import { WebhookTargetError, type Resolver } from './webhook-target.js';
import { ListQuery, NoContent, WorkspaceParams } from '../../contract/api-schemas.js';
import { auditContextOf, workspaceOf } from '../../platform/http/authenticate.js';
import { HttpProblem } from '../../platform/http/http-problem.js';
import { positionCursor, readPositionCursor } from '../../platform/http/list-cursor.js';
import {
  CreateWebhookBody,
  UpdateWebhookBody,
  Webhook,
  WebhookDelivery,
  WebhookDeliveryList,
  WebhookDeliveryParams,
  WebhookList,
  WebhookParams,
  WebhookWithSecret,
  type Webhook as WebhookResource,
  type WebhookDelivery as WebhookDeliveryResource,
} from '../../contract/webhook-schemas.js';

/** What the composition root provides for these routes. */
export interface WebhookServices {
  keyRing: KeyRing;
  queue: Pick<JobQueue, 'enqueue'>;
  /** Config.allowPrivateWebhookTargets (development only). */
  allowPrivateTargets: boolean;
  /** Tests resolve host names their own way. */
  resolve?: Resolver;
}

export interface WebhookRouteDeps extends WebhookServices {
  db: Kysely<Database>;
  clock: Clock;
}

const tags = ['webhooks'];
const BASE = '/api/v1/workspaces/:workspaceId/webhooks';
const ONE = `${BASE}/:webhookId`;

const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

export const webhookResource = (e: WebhookEndpoint): WebhookResource => ({
  id: e.id,
  url: e.url,
  eventTypes: e.eventTypes,
  enabled: e.enabled,
  previousSecretExpiresAt: isoOrNull(e.previousSecretExpiresAt),
  createdAt: e.createdAt.toISOString(),
  updatedAt: e.updatedAt.toISOString(),
});

const deliveryResource = (d: DeliveryRecord): WebhookDeliveryResource => ({
  id: d.id,
  eventId: d.eventId,
  eventType: d.eventType,
  status: d.status,
  attempts: d.attempts,
  lastStatusCode: d.lastStatusCode,
  lastError: d.lastError,
  createdAt: d.createdAt.toISOString(),
  deliveredAt: isoOrNull(d.deliveredAt),
  event: d.event,
});

/** The SSRF guard's refusals as problems: a malformed URL is a validation error, a non-public target 422. */
async function checkedTarget<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof WebhookTargetError)) throw error;
    if (error.code === 'webhook_url_invalid') {
      throw new HttpProblem('validation_failed', { detail: error.message, errors: [{ pointer: '/body/url', detail: error.message }] });
    }
    throw new HttpProblem('webhook_target_refused', { detail: error.message });
  }
}

export function registerWebhookRoutes(server: FastifyInstance, deps: WebhookRouteDeps): void {
  const api = server.withTypeProvider<TypeBoxTypeProvider>();
  const adminUser = { access: 'workspace_admin_user' as const };
  const endpointDeps: WebhookEndpointDeps = { db: deps.db, keyRing: deps.keyRing, allowPrivateTargets: deps.allowPrivateTargets, ...(deps.resolve ? { resolve: deps.resolve } : {}) };

  api.get(
    BASE,
    { config: adminUser, schema: { tags, summary: "The workspace's webhook endpoints (never their secrets)", params: WorkspaceParams, querystring: ListQuery, response: { 200: WebhookList } } },
    async (request) => {
      const after = readPositionCursor(request.query.cursor);
      const page = await listWebhookEndpoints(deps.db, workspaceOf(request).id, { limit: request.query.limit ?? 50, ...(after ? { after } : {}) });
      return { items: page.items.map(webhookResource), nextCursor: positionCursor(page.next) };
    },
  );

  api.post(
    BASE,
    {
      config: adminUser,
      schema: {
        tags,
        summary: 'Add a webhook endpoint; the answer is the only time its signing secret is shown',
        params: WorkspaceParams,
        body: CreateWebhookBody,
        response: { 201: WebhookWithSecret },
      },
    },
    async (request, reply) => {
      const workspaceId = workspaceOf(request).id;
      const { endpoint, secret } = await checkedTarget(() => createWebhookEndpoint(endpointDeps, workspaceId, request.body, auditContextOf(request, deps.clock)));
      return reply
        .code(201)
        .header('location', `/api/v1/workspaces/${workspaceId}/webhooks/${endpoint.id}`)
        .header('cache-control', 'no-store')
        .send({ ...webhookResource(endpoint), secret });
    },
  );

  api.get(ONE, { config: adminUser, schema: { tags, summary: 'One webhook endpoint (never its secret)', params: WebhookParams, response: { 200: Webhook } } }, async (request) =>
    webhookResource(await getWebhookEndpoint(deps.db, workspaceOf(request).id, request.params.webhookId)),
  );

  api.patch(
    ONE,
    { config: adminUser, schema: { tags, summary: 'Change the URL, the event types or whether it is enabled', params: WebhookParams, body: UpdateWebhookBody, response: { 200: Webhook } } },
    async (request) =>
      webhookResource(
        await checkedTarget(() => updateWebhookEndpoint(endpointDeps, workspaceOf(request).id, request.params.webhookId, request.body, auditContextOf(request, deps.clock))),
      ),
  );

  api.delete(ONE, { config: adminUser, schema: { tags, summary: 'Delete the endpoint and its delivery log', params: WebhookParams, response: { 204: NoContent } } }, async (request, reply) => {
    await deleteWebhookEndpoint(deps.db, workspaceOf(request).id, request.params.webhookId, auditContextOf(request, deps.clock));
    return reply.code(204).send(null);
  });

  api.post(
    `${ONE}/rotate-secret`,
    {
      config: adminUser,
      schema: {
        tags,
        summary: 'A new signing secret, shown this once; the previous one keeps signing beside it for 24 hours so the receiver can switch',
        params: WebhookParams,
        response: { 200: WebhookWithSecret },
      },
    },
    async (request, reply) => {
      const { endpoint, secret } = await rotateWebhookSecret(endpointDeps, workspaceOf(request).id, request.params.webhookId, auditContextOf(request, deps.clock));
      return reply.header('cache-control', 'no-store').send({ ...webhookResource(endpoint), secret });
    },
  );

  api.get(
    `${ONE}/deliveries`,
    {
      config: adminUser,
      schema: { tags, summary: 'The delivery log of the endpoint, newest first', params: WebhookParams, querystring: ListQuery, response: { 200: WebhookDeliveryList } },
    },
    async (request) => {
      const after = readPositionCursor(request.query.cursor);
      const page = await listWebhookDeliveries(deps.db, workspaceOf(request).id, request.params.webhookId, { limit: request.query.limit ?? 50, ...(after ? { after } : {}) });
      return { items: page.items.map(deliveryResource), nextCursor: positionCursor(page.next) };
    },
  );

  api.post(
    `${ONE}/deliveries/:deliveryId/redeliver`,
    {
      config: adminUser,
      schema: {
        tags,
        summary: 'Send a delivery again (same event id and body, a fresh signature) through a new delivery job',
        params: WebhookDeliveryParams,
        response: { 202: WebhookDelivery },
      },
    },
    async (request, reply) => {
      const { workspaceId, webhookId, deliveryId } = request.params;
      const delivery = await redeliverWebhook({ db: deps.db, queue: deps.queue }, workspaceOf(request).id, webhookId, deliveryId, auditContextOf(request, deps.clock));
      return reply.code(202).header('location', `/api/v1/workspaces/${workspaceId}/webhooks/${webhookId}/deliveries`).send(deliveryResource(delivery));
    },
  );
}
