// Durable jobs of Test Connection: `health.test-connection` runs one test (started by the API, or by the sweep) and
// stores the result; `health.check-integrations` is the recurring sweep that enqueues one test per integration and
// one per active customer tenant connection.
import type { Kysely } from 'kysely';
import type { ConnectionUser } from '../../contract/integration-schemas.js';
import type { AuditContext } from '../audit/index.js';
import { JobFailure } from '../../platform/jobs/job-failure.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import type { JobHandler } from '../../platform/jobs/job-worker.js';
import type { Database } from '../../platform/store/schema.js';
import { recordHealth, type HealthDeps } from './integration-health.js';
import { storeMicrosoftExpiry } from './microsoft-credential-expiry.js';
import { currentBasis } from './report-basis.js';
import { testConnection, type ConnectionReport, type TestConnectionDeps } from './test-connection.js';

import { CHECK_INTEGRATIONS_JOB, TEST_CONNECTION_JOB } from './health-job-types.js';

export { CHECK_INTEGRATIONS_JOB, TEST_CONNECTION_JOB };
export const HEALTH_CHECK_INTERVAL_SECONDS = 3600;

export interface TestConnectionJobPayload {
  credential?: 'active' | 'pending';
  /** Whose connection tests a delegated-only integration (a bare string, from before user kinds: a host product's user). */
  actingUser?: ConnectionUser | string | null;
  /** Who asked (for the audit entry of a health change); absent for scheduled runs. */
  audit?: { actor: AuditContext['actor']; ip: string | null; actingUser?: string | null };
  /** One customer tenant of a multi-tenant workspace: the test runs in application mode there and becomes that tenant's health. */
  tenantId?: string;
}

/** Where a tenant's test result goes (the tenants feature, wired by the composition: health does not import it). */
export type RecordTenantHealth = (workspaceId: string, tenantId: string, report: ConnectionReport) => Promise<void>;

export function healthJobs(deps: {
  test: TestConnectionDeps;
  health: HealthDeps;
  queue: Pick<JobQueue, 'enqueue'>;
  db: Kysely<Database>;
  recordTenantHealth?: RecordTenantHealth;
  /** The customer tenants the hourly sweep also tests, one job each (the tenants feature: active connections only). */
  tenantsToCheck?: (workspaceId: string) => Promise<string[]>;
}): Record<string, JobHandler> {
  return {
    [TEST_CONNECTION_JOB]: async ({ job }) => {
      const workspaceId = job.workspaceId;
      if (!workspaceId) throw new JobFailure('invalid_job', 'a Test Connection job belongs to a workspace', { retryable: false });
      const payload = job.payload as TestConnectionJobPayload;
      const credential = payload.credential ?? 'active';
      // Read before the test: a change made while it runs leaves the report outdated, never wrongly current.
      const basis = await currentBasis(deps.db, workspaceId, credential);
      // No integration (integration_not_configured, a 409 problem) ends the job `failed` through the worker's
      // condition classifier, as any feature error a person must fix does.
      const actingUser = typeof payload.actingUser === 'string' ? { kind: 'external_user' as const, id: payload.actingUser } : (payload.actingUser ?? null);
      const tenantId = payload.tenantId;
      const report = await testConnection(deps.test, workspaceId, { credential, actingUser, ...(tenantId ? { tenant: tenantId } : {}) });
      if (tenantId) {
        // A tenant's test is that tenant's health; the integration's stays that of its own (first consented) tenant.
        await deps.recordTenantHealth?.(workspaceId, tenantId, report);
        return report;
      }
      if (basis) report.basis = basis;
      // Before the health is recorded: its expiry warnings then use Microsoft's date.
      await storeMicrosoftExpiry(deps.db, workspaceId, report);
      // A pending credential's test informs the rotation; the integration's health stays that of the active one.
      if (credential === 'active') {
        await recordHealth(deps.health, workspaceId, report, payload.audit ? { ...payload.audit, at: deps.health.clock.now() } : undefined);
      }
      return report;
    },
    [CHECK_INTEGRATIONS_JOB]: async ({ job }) => {
      const rows = await deps.db.selectFrom('m365_integrations').select('workspace_id').execute();
      let enqueued = 0;
      for (const { workspace_id } of rows) {
        // Keyed by the sweep's job id: a retried sweep does not test a workspace twice.
        await deps.queue.enqueue({ type: TEST_CONNECTION_JOB, workspaceId: workspace_id, payload: {}, idempotencyKey: `sweep:${job.id}`, maxAttempts: 1 });
        enqueued += 1;
        // Each customer tenant's health is its own test in that tenant (a paused tenant is not called at all).
        for (const tenantId of (await deps.tenantsToCheck?.(workspace_id)) ?? []) {
          await deps.queue.enqueue({ type: TEST_CONNECTION_JOB, workspaceId: workspace_id, payload: { tenantId } satisfies TestConnectionJobPayload, idempotencyKey: `sweep:${job.id}:${tenantId}`, maxAttempts: 1 });
          enqueued += 1;
        }
      }
      return { enqueued };
    },
  };
}

export async function scheduleHealthChecks(queue: Pick<JobQueue, 'upsertSchedule'>): Promise<void> {
  await queue.upsertSchedule({ name: CHECK_INTEGRATIONS_JOB, type: CHECK_INTEGRATIONS_JOB, payload: {}, intervalSeconds: HEALTH_CHECK_INTERVAL_SECONDS });
}
