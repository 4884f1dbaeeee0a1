// Credential expiry warnings: at 30, 7 and 1 days before a secret or certificate expires, and when it has expired.
// Shown in the health report, and sent once per threshold as `credential.expiring` / `credential.expired` (the
// credential remembers the last threshold announced, so a daily check does not repeat itself).
import { recordExpiryNoticeSent } from '../integrations/index.js';
import type { Kysely, Transaction } from 'kysely';
import type { EventPublisher } from '../../platform/events/event-publisher.js';
import type { HealthEventType } from './events.js';
import type { Database } from '../../platform/store/schema.js';

export const EXPIRY_THRESHOLDS_DAYS = [30, 7, 1] as const;
const DAY_MS = 24 * 3600 * 1000;

export interface ExpiryWarning {
  credentialId: string;
  kind: 'secret' | 'certificate';
  status: 'active' | 'pending';
  expiresAt: string;
  expirySource: string | null;
  daysLeft: number;
  /** 30, 7 or 1; 0 when expired. */
  threshold: number;
  message: string;
}

type Db = Kysely<Database> | Transaction<Database>;

export async function expiryWarnings(db: Db, workspaceId: string, now: Date): Promise<(ExpiryWarning & { noticeDays: number | null })[]> {
  const rows = await db
    .selectFrom('m365_credentials')
    .select(['id', 'kind', 'status', 'expires_at', 'expiry_source', 'expiry_notice_days'])
    .where('workspace_id', '=', workspaceId)
    .where('status', 'in', ['active', 'pending'])
    .where('expires_at', 'is not', null)
    .execute();
  const warnings: (ExpiryWarning & { noticeDays: number | null })[] = [];
  for (const row of rows) {
    const msLeft = row.expires_at!.getTime() - now.getTime();
    const daysLeft = Math.ceil(msLeft / DAY_MS);
    const threshold = msLeft <= 0 ? 0 : [...EXPIRY_THRESHOLDS_DAYS].reverse().find((t) => msLeft <= t * DAY_MS);
    if (threshold === undefined) continue;
    const what = `The ${row.status} client ${row.kind}`;
    warnings.push({
      credentialId: row.id,
      kind: row.kind,
      status: row.status as 'active' | 'pending',
      expiresAt: row.expires_at!.toISOString(),
      expirySource: row.expiry_source,
      daysLeft: Math.max(0, daysLeft),
      threshold,
      message:
        threshold === 0
          ? `${what} expired on ${row.expires_at!.toISOString().slice(0, 10)}. Create a new one in the app registration and use Update Credentials.`
          : `${what} expires in ${daysLeft} day${daysLeft === 1 ? '' : 's'} (${row.expires_at!.toISOString().slice(0, 10)}). Add a new one with Update Credentials, test it, then promote it.`,
      noticeDays: row.expiry_notice_days,
    });
  }
  return warnings;
}

/** Publishes the thresholds crossed since the last announcement, in the caller's transaction. */
export async function announceCredentialExpiry(trx: Transaction<Database>, events: EventPublisher<HealthEventType>, workspaceId: string, now: Date): Promise<ExpiryWarning[]> {
  const announced: ExpiryWarning[] = [];
  for (const { noticeDays, ...warning } of await expiryWarnings(trx, workspaceId, now)) {
    if (noticeDays !== null && noticeDays <= warning.threshold) continue;
    await recordExpiryNoticeSent(trx, warning.credentialId, warning.threshold);
    await events.publish(trx, {
      workspaceId,
      type: warning.threshold === 0 ? 'credential.expired' : 'credential.expiring',
      data: { credentialId: warning.credentialId, kind: warning.kind, status: warning.status, expiresAt: warning.expiresAt, daysLeft: warning.daysLeft, threshold: warning.threshold },
    });
    announced.push(warning);
  }
  return announced;
}
