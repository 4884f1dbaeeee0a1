// Stores a Test Connection report as the integration's health; a change of health is audited and published as
// `connection.health_changed` in the same transaction. Also the health view the API answers with.
import type { Kysely } from 'kysely';
import { recordAudit, type AuditContext } from '../audit/index.js';
import type { EventPublisher } from '../../platform/events/event-publisher.js';
import type { Database, IntegrationHealth } from '../../platform/store/schema.js';
import type { Clock } from '../../platform/time/clock.js';
import { announceCredentialExpiry, expiryWarnings, type ExpiryWarning } from './credential-expiry.js';
import type { ConnectionReport } from './test-connection.js';

export interface HealthDeps {
  db: Kysely<Database>;
  events: EventPublisher;
  clock: Clock;
}

const SYSTEM_ACTOR = { type: 'system' as const, id: null, label: 'scheduled health check' };

/** Returns the previous health; null when the workspace has no integration any more. */
export async function recordHealth(deps: HealthDeps, workspaceId: string, report: ConnectionReport, audit?: AuditContext): Promise<{ previous: IntegrationHealth; changed: boolean } | null> {
  return deps.db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('m365_integrations').select(['id', 'health']).where('workspace_id', '=', workspaceId).forUpdate().executeTakeFirst();
    if (!current) return null;
    const checkedAt = new Date(report.checkedAt);
    await trx
      .updateTable('m365_integrations')
      .set({ health: report.health, health_checked_at: checkedAt, health_report: JSON.stringify(report) })
      .where('workspace_id', '=', workspaceId)
      .execute();
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
  credentialWarnings: ExpiryWarning[];
}

export async function readHealth(db: Kysely<Database>, workspaceId: string, now: Date): Promise<HealthView | undefined> {
  const row = await db.selectFrom('m365_integrations').select(['health', 'health_checked_at', 'health_report']).where('workspace_id', '=', workspaceId).executeTakeFirst();
  if (!row) return undefined;
  const warnings = (await expiryWarnings(db, workspaceId, now)).map(({ noticeDays: _ignored, ...warning }) => warning);
  return {
    health: row.health,
    checkedAt: row.health_checked_at?.toISOString() ?? null,
    report: (row.health_report as ConnectionReport | null) ?? null,
    credentialWarnings: warnings,
  };
}
