// Graph change-notification subscriptions kept alive for host products, and the notifications already passed on
// (de-duplication: Graph may deliver one change more than once).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('graph_subscriptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('external_user_id', 'text')
    .addColumn('tenant_id', 'text')
    .addColumn('resource', 'text', (c) => c.notNull())
    .addColumn('change_type', 'text', (c) => c.notNull())
    .addColumn('graph_subscription_id', 'text')
    .addColumn('receive_token', 'text', (c) => c.notNull().unique())
    .addColumn('client_state_digest', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_reason', 'text')
    .addColumn('last_notification_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('graph_subscriptions_workspace_idx').on('graph_subscriptions').columns(['workspace_id', 'id']).execute();
  await db.schema.createIndex('graph_subscriptions_expiry_idx').on('graph_subscriptions').columns(['status', 'expires_at']).execute();
  await db.schema
    .createTable('graph_notification_receipts')
    .addColumn('subscription_id', 'text', (c) => c.notNull().references('graph_subscriptions.id').onDelete('cascade'))
    .addColumn('dedupe_key', 'text', (c) => c.notNull())
    .addColumn('received_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('graph_notification_receipts_pk', ['subscription_id', 'dedupe_key'])
    .execute();
  await db.schema.createIndex('graph_notification_receipts_age_idx').on('graph_notification_receipts').column('received_at').execute();
}
