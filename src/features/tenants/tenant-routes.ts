// A workspace's customer tenants (the MSP case): list them with their health, label, pause or resume one, remove
// one, and run Test Connection in one. Admins and API keys; members get 403. Another workspace's tenant answers 404,
// the same as a tenant that never consented.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { Job, ListQuery, WorkspaceParams } from '../../contract/api-schemas.js';
import type { ConnectionReport } from '../../contract/health-schemas.js';
import { RemovedTenant, TenantConnectionDetail, TenantConnectionList, TenantParams, UpdateTenantBody, type TenantConnection } from '../../contract/tenant-schemas.js';
import type { EventPublisher } from '../../platform/events/event-publisher.js';
import { auditContextOf, workspaceOf } from '../../platform/http/authenticate.js';
import { HttpProblem } from '../../platform/http/http-problem.js';
import { positionCursor, readPositionCursor } from '../../platform/http/list-cursor.js';
import { acceptedJob, idempotencyKeyOf } from '../../platform/http/long-work.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import type { Database } from '../../platform/store/schema.js';
import type { Clock } from '../../platform/time/clock.js';
import { recordAudit } from '../audit/index.js';
import { TEST_CONNECTION_JOB, type TestConnectionJobPayload } from '../health/index.js';
import { credentialPresence } from '../integrations/index.js';
import { forgetTenantAppToken } from '../tokens/index.js';
import type { TenantEventType } from './events.js';
import { listTenantConnections, readTenantConnection, rememberTenantTestJob, removeTenantConnection, updateTenantConnection, type TenantConnectionRow } from './tenant-connection-store.js';
import type { TenantStatus } from './tables.js';

export interface TenantServices {
  queue: Pick<JobQueue, 'enqueue'>;
  events?: EventPublisher<TenantEventType>;
}

export interface TenantRouteDeps extends TenantServices {
  db: Kysely<Database>;
  clock: Clock;
}

const tags = ['tenant connections'];
const BASE = '/api/v1/workspaces/:workspaceId/tenants';
const admin = { access: 'workspace_admin' as const };

const notFound = (tenantId: string) =>
  new HttpProblem('not_found', { detail: `Tenant ${tenantId} is not connected to this workspace. A tenant connects when its administrator grants admin consent; list the connected ones with GET …/tenants.` });

// Microsoft: "Remove the admin consent" is deleting the enterprise application (service principal) in the customer
// tenant, https://learn.microsoft.com/entra/identity/enterprise-apps/delete-application-portal
const removalMessage = (tenantId: string) =>
  `The tenant connection and its cached application token are removed; the hub no longer lists, tests or schedules work for tenant ${tenantId}. ` +
  "Microsoft's admin consent stays in that tenant's Entra ID: to revoke the app's access there, a tenant administrator deletes the app in Entra admin center → Enterprise applications (or reviews its permissions there). " +
  'Granting admin consent again adds the tenant back.';

function tenantResource(row: TenantConnectionRow): TenantConnection {
  return {
    tenantId: row.tenant_id,
    label: row.label,
    // Removed rows never reach here: readTenantConnection and listTenantConnections leave them out.
    status: row.status as Exclude<TenantStatus, 'removed'>,
    consentedAt: row.consented_at?.toISOString() ?? null,
    consentedBy: row.consented_by,
    health: row.health,
    healthCheckedAt: row.health_checked_at?.toISOString() ?? null,
    lastTestJobId: row.last_test_job_id,
    createdAt: row.created_at.toISOString(),
  };
}

export function registerTenantRoutes(server: FastifyInstance, deps: TenantRouteDeps): void {
  const api = server.withTypeProvider<TypeBoxTypeProvider>();

  const existing = async (workspaceId: string, tenantId: string) => {
    const row = await readTenantConnection(deps.db, workspaceId, tenantId);
    if (!row) throw notFound(tenantId);
    return row;
  };

  api.get(
    BASE,
    { config: admin, schema: { tags, summary: "The customer tenants that granted admin consent to the workspace's app, with each one's health and last test", params: WorkspaceParams, querystring: ListQuery, response: { 200: TenantConnectionList } } },
    async (request) => {
      const after = readPositionCursor(request.query.cursor);
      const page = await listTenantConnections(deps.db, workspaceOf(request).id, { limit: request.query.limit ?? 50, ...(after ? { after } : {}) });
      return { items: page.items.map(tenantResource), nextCursor: positionCursor(page.next) };
    },
  );

  api.get(
    `${BASE}/:tenantId`,
    { config: admin, schema: { tags, summary: "One tenant connection with its last Test Connection report", params: TenantParams, response: { 200: TenantConnectionDetail } } },
    async (request) => {
      const row = await existing(workspaceOf(request).id, request.params.tenantId);
      return { ...tenantResource(row), report: (row.health_report as ConnectionReport | null) ?? null };
    },
  );

  api.patch(
    `${BASE}/:tenantId`,
    {
      config: admin,
      schema: { tags, summary: 'Label a tenant connection, or pause (or resume) application calls in it (audited)', params: TenantParams, body: UpdateTenantBody, response: { 200: TenantConnectionDetail } },
    },
    async (request) => {
      const workspaceId = workspaceOf(request).id;
      const { label, paused } = request.body;
      const context = auditContextOf(request, deps.clock);
      const row = await deps.db.transaction().execute(async (trx) => {
        const updated = await updateTenantConnection(trx, workspaceId, request.params.tenantId, { ...(label !== undefined ? { label } : {}), ...(paused !== undefined ? { status: paused ? 'paused' : 'active' } : {}) }, context.at);
        if (!updated) throw notFound(request.params.tenantId);
        const action = paused === undefined ? 'tenant.updated' : paused ? 'tenant.paused' : 'tenant.resumed';
        await recordAudit(trx, { workspaceId, ...context, action, target: { type: 'm365_tenant_connection', id: updated.tenant_id }, data: { ...(label !== undefined ? { label } : {}) } });
        return updated;
      });
      return { ...tenantResource(row), report: (row.health_report as ConnectionReport | null) ?? null };
    },
  );

  api.delete(
    `${BASE}/:tenantId`,
    { config: admin, schema: { tags, summary: "Remove a tenant connection and its cached app token (audited); Microsoft's admin consent in the tenant stays until removed in Entra", params: TenantParams, response: { 200: RemovedTenant } } },
    async (request) => {
      const workspaceId = workspaceOf(request).id;
      const context = auditContextOf(request, deps.clock);
      const tenantId = await deps.db.transaction().execute(async (trx) => {
        const row = await readTenantConnection(trx, workspaceId, request.params.tenantId);
        if (!row || !(await removeTenantConnection(trx, workspaceId, row.tenant_id, deps.clock.now()))) throw notFound(request.params.tenantId);
        await forgetTenantAppToken(trx, workspaceId, row.tenant_id);
        await recordAudit(trx, { workspaceId, ...context, action: 'tenant.removed', target: { type: 'm365_tenant_connection', id: row.tenant_id }, data: { label: row.label } });
        await deps.events?.publish(trx, { workspaceId, type: 'tenant.removed', data: { tenantId: row.tenant_id } });
        return row.tenant_id;
      });
      return { tenantId, removed: true as const, message: removalMessage(tenantId) };
    },
  );

  api.post(
    `${BASE}/:tenantId/test`,
    {
      config: admin,
      schema: {
        tags,
        summary: "Test Connection in one tenant (application mode: token, permissions, one Graph call per service); answers 202 with the job, whose result is the report and becomes the tenant's health",
        params: TenantParams,
        response: { 202: Job },
      },
    },
    async (request, reply) => {
      const workspaceId = workspaceOf(request).id;
      const row = await existing(workspaceId, request.params.tenantId);
      const presence = await credentialPresence(deps.db, workspaceId, 'active');
      if (presence !== 'present') {
        throw new HttpProblem('integration_not_configured', { detail: 'The integration has no active credential. Set a client secret or certificate with PUT …/integrations/m365, then test the tenant.' });
      }
      const idempotencyKey = idempotencyKeyOf(request);
      const context = auditContextOf(request, deps.clock);
      const payload: TestConnectionJobPayload = { tenantId: row.tenant_id, audit: { actor: context.actor, ip: context.ip, actingUser: context.actingUser ?? null } };
      // One attempt, as the integration's Test Connection: a broken test is reported at once rather than retried.
      const job = await deps.queue.enqueue({ type: TEST_CONNECTION_JOB, workspaceId, payload: { ...payload }, maxAttempts: 1, ...(idempotencyKey ? { idempotencyKey } : {}) });
      if (idempotencyKey && (job.payload as TestConnectionJobPayload).tenantId !== row.tenant_id) throw new HttpProblem('idempotency_conflict');
      await rememberTenantTestJob(deps.db, workspaceId, row.tenant_id, job.id);
      return acceptedJob(reply, workspaceId, job);
    },
  );
}
