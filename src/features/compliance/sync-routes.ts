// Compliance syncs of a workspace's tenants: "Refresh data" now (202 with the sync job: progress, cancel through the
// job resource, retried by the worker after a crash) and each tenant's schedule. Another workspace's tenant is
// simply not this workspace's: its sync would act with this workspace's app, which the tenant never consented to.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Kysely } from 'kysely';
import { Job, WorkspaceParams } from '../../contract/api-schemas.js';
import { ComplianceTenantList, SyncSchedule, SyncScheduleBody, TenantParams } from '../../contract/compliance-schemas.js';
import { auditContextOf, workspaceOf } from '../../platform/http/authenticate.js';
import { acceptedJob, idempotencyKeyOf } from '../../platform/http/long-work.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import type { Database } from '../../platform/store/schema.js';
import type { Clock } from '../../platform/time/clock.js';
import { recordAudit } from '../audit/index.js';
import { COMPLIANCE_SYNC_JOB, findSyncSchedule, setSyncSchedule } from './sync-job.js';
import { complianceTenants } from './tenant-overview.js';

export interface SyncRouteDeps {
  db: Kysely<Database>;
  clock: Clock;
  queue: JobQueue;
}

const tags = ['compliance'];
const TENANT = '/api/v1/workspaces/:workspaceId/compliance/tenants/:tenantId';
const admin = { access: 'workspace_admin' as const };

export function registerSyncRoutes(server: FastifyInstance, deps: SyncRouteDeps): void {
  const api = server.withTypeProvider<TypeBoxTypeProvider>();

  api.get(
    '/api/v1/workspaces/:workspaceId/compliance/tenants',
    {
      config: { access: 'workspace_member' },
      schema: {
        tags,
        summary: "The workspace's tenants for compliance: every connected tenant and every tenant with snapshots, with its connection and health, newest snapshot, failing policies and sync schedule",
        params: WorkspaceParams,
        response: { 200: ComplianceTenantList },
      },
    },
    async (request) => ({ items: await complianceTenants(deps.db, deps.queue, workspaceOf(request).id) }),
  );

  api.post(
    `${TENANT}/syncs`,
    {
      config: admin,
      schema: {
        tags,
        summary: "Refresh data: reads the tenant's security configuration with the workspace's app (application permissions) into a new snapshot of its chain; 202 with the job (progress: areas read, objects so far; the result names each area Microsoft refused and the permission to grant)",
        params: TenantParams,
        response: { 202: Job },
      },
    },
    async (request, reply) => {
      const workspaceId = workspaceOf(request).id;
      const tenantId = request.params.tenantId.toLowerCase();
      const idempotencyKey = idempotencyKeyOf(request);
      const job = await deps.queue.enqueue({
        type: COMPLIANCE_SYNC_JOB,
        workspaceId,
        payload: { tenantId },
        maxAttempts: 3,
        ...(idempotencyKey ? { idempotencyKey: `${tenantId}:${idempotencyKey}` } : {}),
      });
      await recordAudit(deps.db, { workspaceId, ...auditContextOf(request, deps.clock), action: 'compliance.sync_requested', target: { type: 'tenant', id: tenantId }, data: { jobId: job.id } });
      return acceptedJob(reply, workspaceId, job);
    },
  );

  api.get(
    `${TENANT}/sync-schedule`,
    { config: admin, schema: { tags, summary: "The tenant's sync schedule (null: synced only on request)", params: TenantParams, response: { 200: SyncSchedule } } },
    async (request) => scheduleOf(deps.queue, workspaceOf(request).id, request.params.tenantId.toLowerCase()),
  );

  const setSchedule = async (request: FastifyRequest, intervalHours: number | null) => {
    const workspaceId = workspaceOf(request).id;
    const tenantId = (request.params as { tenantId: string }).tenantId.toLowerCase();
    await setSyncSchedule(deps.queue, workspaceId, tenantId, intervalHours, { now: deps.clock.now() });
    await recordAudit(deps.db, { workspaceId, ...auditContextOf(request, deps.clock), action: 'compliance.sync_schedule_set', target: { type: 'tenant', id: tenantId }, data: { intervalHours } });
    return scheduleOf(deps.queue, workspaceId, tenantId);
  };
  api.put(
    `${TENANT}/sync-schedule`,
    { config: admin, schema: { tags, summary: 'Syncs the tenant every `intervalHours` (1–168)', params: TenantParams, body: SyncScheduleBody, response: { 200: SyncSchedule } } },
    (request) => setSchedule(request, request.body.intervalHours),
  );
  api.delete(
    `${TENANT}/sync-schedule`,
    { config: admin, schema: { tags, summary: 'Stops scheduled syncs of the tenant (it is then synced only on request)', params: TenantParams, response: { 200: SyncSchedule } } },
    (request) => setSchedule(request, null),
  );
}

async function scheduleOf(queue: JobQueue, workspaceId: string, tenantId: string): Promise<SyncSchedule> {
  const schedule = findSyncSchedule(await queue.listSchedules(workspaceId), workspaceId, tenantId);
  return { tenantId, intervalHours: schedule ? schedule.intervalSeconds / 3600 : null, nextRunAt: schedule ? schedule.nextRunAt.toISOString() : null };
}
