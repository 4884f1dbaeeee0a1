// Webhook secret rotation keeps the previous secret signing beside the new one for a grace period, so receivers
// can switch without dropping deliveries; credential expiry warnings are sent once per threshold (30/7/1 days,
// 0 = expired), so the credential remembers the last threshold announced.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('webhook_endpoints')
    .addColumn('previous_secret_sealed', 'text')
    .addColumn('previous_secret_expires_at', 'timestamptz')
    .execute();
  await db.schema.alterTable('m365_credentials').addColumn('expiry_notice_days', 'integer').execute();
}
