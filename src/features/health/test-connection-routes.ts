// Test Connection and the integration's health. A test runs as a durable `health.test-connection` job (it calls
// Microsoft several times): the route answers 202 with the job to poll; the job's result is the report, and a test
// of the active credential becomes the stored health (health-jobs.ts). Admins and API keys; members get 403.
import type { ConnectionUser } from '../../contract/integration-schemas.js';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Kysely } from 'kysely';
import type { Principal } from '../../platform/http/principal.js';
import { readHealth } from './integration-health.js';
import { basisKey } from './report-basis.js';
import { TEST_CONNECTION_JOB, type TestConnectionJobPayload } from './health-jobs.js';
import { credentialPresence } from '../integrations/index.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import type { Database } from '../../platform/store/schema.js';
import type { Clock } from '../../platform/time/clock.js';
import { Job, WorkspaceParams } from '../../contract/api-schemas.js';
import { auditContextOf, principalOf, workspaceOf } from '../../platform/http/authenticate.js';
import { HttpProblem } from '../../platform/http/http-problem.js';
import { acceptedJob, idempotencyKeyOf } from '../../platform/http/long-work.js';
import { IntegrationHealthResource, TestConnectionBody, type ConnectionReport } from '../../contract/health-schemas.js';

/** What the composition root provides for these routes. */
export interface TestConnectionServices {
  queue: Pick<JobQueue, 'enqueue'>;
}

export interface TestConnectionRouteDeps extends TestConnectionServices {
  db: Kysely<Database>;
  clock: Clock;
}

const tags = ['microsoft 365 integration'];
const BASE = '/api/v1/workspaces/:workspaceId/integrations/m365';
const NO_INTEGRATION = 'This workspace has no Microsoft 365 integration. Create it with PUT …/integrations/m365.';

/**
 * Whose delegated connection tests a delegated-only integration: a console user's own, or the host product's user
 * an API key acts for (X-M365Hub-Acting-User) — never a console user's: the namespaces are separate.
 */
function actingUserOf(principal: Principal): ConnectionUser | null {
  if (principal.kind === 'user') return { kind: 'console_user', id: principal.user.id };
  return principal.actingUser ? { kind: 'external_user', id: principal.actingUser } : null;
}

async function requireCredential(db: Kysely<Database>, workspaceId: string, credential: 'active' | 'pending'): Promise<void> {
  const presence = await credentialPresence(db, workspaceId, credential);
  if (presence === 'no_integration') throw new HttpProblem('not_found', { detail: NO_INTEGRATION });
  if (presence === 'missing') {
    throw credential === 'pending'
      ? new HttpProblem('pending_credential_missing')
      : new HttpProblem('integration_not_configured', { detail: 'The integration has no active credential. Set a client secret or certificate with PUT …/integrations/m365.' });
  }
}

export function registerTestConnectionRoutes(server: FastifyInstance, deps: TestConnectionRouteDeps): void {
  const api = server.withTypeProvider<TypeBoxTypeProvider>();
  const admin = { access: 'workspace_admin' as const };

  api.post(
    `${BASE}/test`,
    {
      config: admin,
      // The body is optional: a bare POST tests the active credential.
      preValidation: async (request) => {
        request.body ??= {};
      },
      schema: {
        tags,
        summary: 'Test Connection: credentials, permissions (granted vs required, with the consent link) and one live Microsoft Graph call per service; answers 202 with the job, whose result is the report',
        params: WorkspaceParams,
        body: TestConnectionBody,
        response: { 202: Job },
      },
    },
    async (request, reply) => {
      const workspaceId = workspaceOf(request).id;
      const credential = request.body.credential ?? 'active';
      const idempotencyKey = idempotencyKeyOf(request);
      await requireCredential(deps.db, workspaceId, credential);
      const context = auditContextOf(request, deps.clock);
      const payload: TestConnectionJobPayload = {
        credential,
        actingUser: actingUserOf(principalOf(request)),
        audit: { actor: context.actor, ip: context.ip, actingUser: context.actingUser ?? null },
      };
      // One attempt: a test that broke unexpectedly is better reported at once than retried minutes later.
      const job = await deps.queue.enqueue({ type: TEST_CONNECTION_JOB, workspaceId, payload: { ...payload }, maxAttempts: 1, ...(idempotencyKey ? { idempotencyKey } : {}) });
      if (idempotencyKey && (job.payload as TestConnectionJobPayload).credential !== credential) throw new HttpProblem('idempotency_conflict');
      return acceptedJob(reply, workspaceId, job);
    },
  );

  api.get(
    `${BASE}/health`,
    {
      config: admin,
      schema: {
        tags,
        summary: 'The stored health: the last Test Connection report of the active credential, and credential expiry warnings (30/7/1 days, expired)',
        params: WorkspaceParams,
        response: { 200: IntegrationHealthResource },
      },
    },
    async (request) => healthResource(request, deps),
  );
}

async function healthResource(request: FastifyRequest, deps: TestConnectionRouteDeps): Promise<IntegrationHealthResource> {
  const workspaceId = workspaceOf(request).id;
  const view = await readHealth(deps.db, workspaceId, deps.clock.now());
  if (!view) throw new HttpProblem('not_found', { detail: NO_INTEGRATION });
  const tested = view.checkedAt !== null;
  if (view.outdated?.basis.credentialId) {
    // One background re-test per configuration, however often the page reads the health: keyed by what is
    // configured now, so the next change queues the next one. Runs as the scheduled check does (no acting user).
    await deps.queue.enqueue({ type: TEST_CONNECTION_JOB, workspaceId, payload: {}, maxAttempts: 1, idempotencyKey: `outdated:${basisKey(view.outdated.basis)}` });
  }
  return {
    health: view.health,
    tested,
    checkedAt: view.checkedAt,
    message: tested ? null : 'Never tested. Run Test Connection (POST …/integrations/m365/test) to check the credentials, permissions and services.',
    report: view.report,
    outdated: view.outdated ? { since: view.outdated.since, reason: view.outdated.reason, message: view.outdated.message } : null,
    pendingReport: view.pendingReport,
    consent: view.consent,
    credentialWarnings: view.credentialWarnings,
  };
}
