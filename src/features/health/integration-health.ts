// Stores a Test Connection report as the integration's health; a change of health is audited and published as
// `connection.health_changed` in the same transaction. Also the health view the API answers with.
import type { Kysely } from 'kysely';
import { recordAudit, type AuditContext } from '../audit/index.js';
import type { EventPublisher } from '../../platform/events/event-publisher.js';
import type { HealthEventType } from './events.js';
import type { Database } from '../../platform/store/schema.js';
import type { IntegrationHealth } from '../integrations/index.js';
import type { Clock } from '../../platform/time/clock.js';
import { announceCredentialExpiry, expiryWarnings, type ExpiryWarning } from './credential-expiry.js';
import { TEST_CONNECTION_JOB } from './health-job-types.js';
import { currentBasis, outdatedMessage, outdatedReason, outdatedSince, type Outdated, type ReportBasis } from './report-basis.js';
import type { ConnectionReport } from './test-connection.js';
import { recordIntegrationHealth } from '../integrations/index.js';
import { MODES as PERMISSION_MODES, requiredPermissions, type Service } from '../../microsoft/identity/index.js';

export interface HealthDeps {
  db: Kysely<Database>;
  events: EventPublisher<HealthEventType>;
  clock: Clock;
}

const SYSTEM_ACTOR = { type: 'system' as const, id: null, label: 'scheduled health check' };

/** Returns the previous health; null when the workspace has no integration any more. */
export async function recordHealth(deps: HealthDeps, workspaceId: string, report: ConnectionReport, audit?: AuditContext): Promise<{ previous: IntegrationHealth; changed: boolean } | null> {
  return deps.db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('m365_integrations').select(['id', 'health']).where('workspace_id', '=', workspaceId).forUpdate().executeTakeFirst();
    if (!current) return null;
    const checkedAt = new Date(report.checkedAt);
    await recordIntegrationHealth(trx, workspaceId, { health: report.health, checkedAt, report });
    const changed = current.health !== report.health;
    if (changed) {
      const failedSteps = report.steps.filter((s) => s.status === 'failed').map((s) => ({ name: s.name, code: s.code ?? null, message: s.message ?? null }));
      const data = { previous: current.health, current: report.health, checkedAt: report.checkedAt, failedSteps };
      await recordAudit(trx, {
        workspaceId,
        actor: audit?.actor ?? SYSTEM_ACTOR,
        ip: audit?.ip ?? null,
        actingUser: audit?.actingUser ?? null,
        at: audit?.at ?? deps.clock.now(),
        action: 'integration.health_changed',
        target: { type: 'm365_integration', id: current.id },
        data,
      });
      await deps.events.publish(trx, { workspaceId, type: 'connection.health_changed', data });
    }
    await announceCredentialExpiry(trx, deps.events, workspaceId, deps.clock.now());
    return { previous: current.health, changed };
  });
}

export interface HealthView {
  health: IntegrationHealth;
  checkedAt: string | null;
  report: ConnectionReport | null;
  /** Set when the report is about a configuration that has since changed; `basis` is what is configured now. */
  outdated: (Outdated & { basis: ReportBasis }) | null;
  pendingReport: ConnectionReport | null;
  consent: ConsentState;
  credentialWarnings: ExpiryWarning[];
}

export interface ConsentState {
  state: 'granted' | 'missing' | 'not_needed' | 'unknown';
  recorded: { grantedAt: string; tenant: string } | null;
}

export async function readHealth(db: Kysely<Database>, workspaceId: string, now: Date): Promise<HealthView | undefined> {
  const row = await db
    .selectFrom('m365_integrations')
    .select(['health', 'health_checked_at', 'health_report', 'services', 'admin_consent_at', 'admin_consent_tenant'])
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  if (!row) return undefined;
  const warnings = (await expiryWarnings(db, workspaceId, now)).map(({ noticeDays: _ignored, ...warning }) => warning);
  const report = (row.health_report as ConnectionReport | null) ?? null;
  const outdated = report ? await outdatedOf(db, workspaceId, report) : null;
  const needsAdmin = needsAdminConsent(row.services as ServiceSelection[]);
  return {
    health: row.health,
    checkedAt: row.health_checked_at?.toISOString() ?? null,
    report,
    outdated,
    consent: {
      state: consentState(outdated ? null : report, needsAdmin),
      recorded: row.admin_consent_at && row.admin_consent_tenant ? { grantedAt: row.admin_consent_at.toISOString(), tenant: row.admin_consent_tenant } : null,
    },
    pendingReport: await pendingReportOf(db, workspaceId),
    credentialWarnings: warnings,
  };
}

/**
 * Admin consent as Microsoft has it, read from the last current test: the permissions the token carried, or
 * Microsoft asking for consent. The hub's own record of a consent flow is not the truth (consent is also granted
 * or revoked in the Entra admin center), so it never decides this alone.
 */
function consentState(report: ConnectionReport | null, needsAdmin: boolean): ConsentState['state'] {
  const permissions = report?.steps.find((s) => s.name === 'permissions');
  if (report?.health === 'consent_required' || permissions?.status === 'failed') return 'missing';
  if (!needsAdmin) return 'not_needed';
  return permissions?.status === 'passed' ? 'granted' : 'unknown';
}

interface ServiceSelection {
  service: string;
  modes: string[];
}

/**
 * Whether any permission the enabled services need requires an administrator's consent: every application
 * permission, and delegated ones such as User.Read.All. The same catalogue facts the setup guide lists as
 * "Admin consent: yes", so the overview and the guide cannot disagree.
 */
function needsAdminConsent(selection: readonly ServiceSelection[]): boolean {
  return PERMISSION_MODES.some((mode) => {
    const services = selection.filter((s) => s.modes.includes(mode)).map((s) => s.service as Service);
    if (services.length === 0) return false;
    try {
      return requiredPermissions(services, mode).some((p) => p.adminConsentRequired);
    } catch {
      return true; // a selection the catalogue no longer knows: do not claim consent is not needed
    }
  });
}

async function outdatedOf(db: Kysely<Database>, workspaceId: string, report: ConnectionReport): Promise<HealthView['outdated']> {
  // Reports stored before bases were recorded cannot be compared: taken as current until the next test.
  if (!report.basis) return null;
  const basis = await currentBasis(db, workspaceId, 'active');
  if (!basis) return null;
  const reason = outdatedReason(report.basis, basis);
  if (!reason) return null;
  return { since: await outdatedSince(db, workspaceId, report.checkedAt), reason, message: outdatedMessage(reason), basis };
}

/**
 * The last finished test of the pending credential there is now: the job's result (a pending test never becomes the
 * stored health), so it is shown beside the active credential's report, never mixed with it.
 */
async function pendingReportOf(db: Kysely<Database>, workspaceId: string): Promise<ConnectionReport | null> {
  const pending = await db.selectFrom('m365_credentials').select('id').where('workspace_id', '=', workspaceId).where('status', '=', 'pending').executeTakeFirst();
  if (!pending) return null;
  const jobs = await db
    .selectFrom('jobs')
    .select('result')
    .where('workspace_id', '=', workspaceId)
    .where('type', '=', TEST_CONNECTION_JOB)
    .where('status', '=', 'succeeded')
    .orderBy('finished_at', 'desc')
    .limit(20)
    .execute();
  for (const { result } of jobs) {
    const report = result as ConnectionReport | null;
    if (report?.credential === 'pending' && report.basis?.credentialId === pending.id) return report;
  }
  return null;
}
