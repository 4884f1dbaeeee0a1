// Microsoft 365 connections (issue 5): the workspace admin's Entra app and its credentials, each host-product
// user's delegated connection, cached application tokens, pending OAuth states and connect links, and webhooks.
// Every secret or token column holds a key-ring sealed blob (see crypto/sealed-columns.ts), never plaintext.
import { sql, type Kysely } from 'kysely';

const now = sql`now()`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('m365_integrations')
    .addColumn('workspace_id', 'text', (c) => c.primaryKey().references('workspaces.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('client_id', 'text', (c) => c.notNull())
    // Null: multi-tenant (`organizations`).
    .addColumn('azure_tenant_id', 'text')
    .addColumn('redirect_uri', 'text')
    // [{ service, modes: ['delegated' | 'application'] }]
    .addColumn('services', 'jsonb', (c) => c.notNull())
    .addColumn('allowed_sites', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('dynamics_org', 'text')
    .addColumn('admin_consent_at', 'timestamptz')
    .addColumn('admin_consent_tenant', 'text')
    .addColumn('health', 'text', (c) =>
      c
        .notNull()
        .defaultTo('unknown')
        .check(sql`health in ('unknown', 'connected', 'authentication_error', 'permission_error', 'service_error')`),
    )
    .addColumn('health_checked_at', 'timestamptz')
    .addColumn('health_report', 'jsonb')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();

  // Credentials live apart from the integration so a rotation can hold the old and the new one at once:
  // add the new one as `pending`, test it, then promote it and retire the old one.
  await db.schema
    .createTable('m365_credentials')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('m365_integrations.workspace_id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('secret', 'certificate')`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('active', 'pending', 'retired')`))
    .addColumn('secret_sealed', 'text')
    .addColumn('certificate_pem', 'text')
    .addColumn('thumbprint_sha256', 'text')
    .addColumn('private_key_sealed', 'text')
    .addColumn('expires_at', 'timestamptz')
    .addColumn('expiry_source', 'text', (c) => c.check(sql`expiry_source in ('microsoft', 'entered', 'certificate')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('retired_at', 'timestamptz')
    .addCheckConstraint(
      'm365_credentials_material',
      sql`(kind = 'secret' and secret_sealed is not null) or (kind = 'certificate' and certificate_pem is not null and private_key_sealed is not null)`,
    )
    .execute();
  await sql`create unique index m365_credentials_one_active on m365_credentials (workspace_id) where status = 'active'`.execute(db);
  await sql`create unique index m365_credentials_one_pending on m365_credentials (workspace_id) where status = 'pending'`.execute(db);

  await db.schema
    .createTable('m365_connections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    // The host product's user (or `console:<user id>` for a console user) this connection acts for.
    .addColumn('external_user_id', 'text', (c) => c.notNull())
    // The Microsoft identity is (tid, oid), never an email or UPN.
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('object_id', 'text', (c) => c.notNull())
    .addColumn('user_principal_name', 'text')
    .addColumn('display_name', 'text')
    .addColumn('scopes', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('active', 'needs_reconnect')`))
    .addColumn('status_reason', 'text')
    .addColumn('status_changed_at', 'timestamptz')
    .addColumn('refresh_token_sealed', 'text', (c) => c.notNull())
    .addColumn('access_token_sealed', 'text')
    .addColumn('access_token_expires_at', 'timestamptz')
    .addColumn('last_refreshed_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_used_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('m365_connections_user_unique', ['workspace_id', 'external_user_id'])
    .execute();
  await db.schema
    .createIndex('m365_connections_identity_idx')
    .on('m365_connections')
    .columns(['workspace_id', 'tenant_id', 'object_id'])
    .execute();
  // The keep-alive job looks for active connections not refreshed for a while.
  await sql`create index m365_connections_keep_alive_idx on m365_connections (last_refreshed_at) where status = 'active'`.execute(db);

  await db.schema
    .createTable('m365_app_tokens')
    .addColumn('workspace_id', 'text', (c) => c.primaryKey().references('workspaces.id').onDelete('cascade'))
    .addColumn('credential_id', 'text', (c) => c.notNull())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('access_token_sealed', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();

  // OAuth states of connect and admin-consent flows: random, single use (deleted when used), short-lived,
  // bound to the browser that started the flow (hash of a cookie value).
  await db.schema
    .createTable('m365_auth_states')
    .addColumn('state_hash', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('purpose', 'text', (c) => c.notNull().check(sql`purpose in ('connect', 'admin_consent')`))
    .addColumn('external_user_id', 'text')
    .addColumn('browser_binding_hash', 'text', (c) => c.notNull())
    .addColumn('code_verifier_sealed', 'text')
    .addColumn('nonce', 'text')
    .addColumn('return_to', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute();

  // Single-use links the host product's backend hands to its user to start a connect flow.
  await db.schema
    .createTable('m365_connect_links')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('external_user_id', 'text', (c) => c.notNull())
    .addColumn('return_to', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .execute();

  await db.schema
    .createTable('webhook_endpoints')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('secret_sealed', 'text', (c) => c.notNull())
    // Null: every event type.
    .addColumn('event_types', 'jsonb')
    .addColumn('enabled', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('webhook_endpoints_workspace_idx').on('webhook_endpoints').column('workspace_id').execute();

  await db.schema
    .createTable('webhook_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('endpoint_id', 'text', (c) => c.notNull().references('webhook_endpoints.id').onDelete('cascade'))
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'delivered', 'failed')`))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_status_code', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('next_attempt_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('delivered_at', 'timestamptz')
    .addUniqueConstraint('webhook_deliveries_event_endpoint', ['endpoint_id', 'event_id'])
    .execute();
  await db.schema
    .createIndex('webhook_deliveries_workspace_idx')
    .on('webhook_deliveries')
    .columns(['workspace_id', 'created_at'])
    .execute();
}
