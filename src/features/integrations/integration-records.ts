// Facts other features learn about an integration and its credentials, written here because these are the
// integrations feature's tables: the health a Test Connection found, the expiry Microsoft reports for a credential,
// and the expiry notice already sent for it.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/store/schema.js';
import type { IntegrationHealth } from './tables.js';

type Db = Kysely<Database> | Transaction<Database>;

export async function recordIntegrationHealth(
  db: Db,
  workspaceId: string,
  health: { health: IntegrationHealth; checkedAt: Date; report: unknown },
): Promise<void> {
  await db
    .updateTable('m365_integrations')
    .set({ health: health.health, health_checked_at: health.checkedAt, health_report: JSON.stringify(health.report) })
    .where('workspace_id', '=', workspaceId)
    .execute();
}

/** Microsoft's own expiry for a credential; a changed date clears the notices already sent for the old one. */
export async function recordMicrosoftCredentialExpiry(db: Db, workspaceId: string, credentialId: string, expiresAt: Date): Promise<boolean> {
  const current = await db.selectFrom('m365_credentials').select(['expires_at']).where('workspace_id', '=', workspaceId).where('id', '=', credentialId).executeTakeFirst();
  if (!current) return false;
  const changed = current.expires_at?.getTime() !== expiresAt.getTime();
  await db
    .updateTable('m365_credentials')
    .set({ expires_at: expiresAt, expiry_source: 'microsoft', ...(changed ? { expiry_notice_days: null } : {}) })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', credentialId)
    .execute();
  return changed;
}

/** The expiry notice (30, 7, 1 or 0 days) last announced for a credential, so each is sent once. */
export async function recordExpiryNoticeSent(db: Db, credentialId: string, thresholdDays: number): Promise<void> {
  await db.updateTable('m365_credentials').set({ expiry_notice_days: thresholdDays }).where('id', '=', credentialId).execute();
}
