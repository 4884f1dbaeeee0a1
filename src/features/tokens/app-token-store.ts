// m365_app_tokens: a workspace's cached application (client credentials) Graph tokens, sealed, one per tenant the
// token is for, so several hub processes share one token instead of each asking Microsoft, and a multi-tenant
// workspace's tenants never share or overwrite each other's. Tied to the credential it came from.
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { KeyRing, SealedPlace } from '../../platform/crypto/key-ring.js';
import type { Database } from '../../platform/store/schema.js';
import type { M365AppTokensTable } from './tables.js';
import type { IntegrationListener } from '../integrations/index.js';

type Db = Kysely<Database> | Transaction<Database>;
export type AppTokenRow = Selectable<M365AppTokensTable>;

/** The row id: workspace ids never contain ':'. */
export const appTokenId = (workspaceId: string, tenantId: string) => `${workspaceId}:${tenantId}`;
export const appTokenPlace = (rowId: string): SealedPlace => ({ table: 'm365_app_tokens', rowId, column: 'access_token_sealed' });

export async function readAppToken(db: Db, workspaceId: string, tenantId: string): Promise<AppTokenRow | undefined> {
  return db.selectFrom('m365_app_tokens').selectAll().where('workspace_id', '=', workspaceId).where('tenant_id', '=', tenantId).executeTakeFirst();
}

export async function storeAppToken(
  db: Db,
  keyRing: KeyRing,
  input: { workspaceId: string; credentialId: string; tenantId: string; accessToken: string; expiresAt: Date; now: Date },
): Promise<void> {
  const id = appTokenId(input.workspaceId, input.tenantId);
  const values = {
    credential_id: input.credentialId,
    access_token_sealed: keyRing.seal(input.accessToken, appTokenPlace(id)),
    expires_at: input.expiresAt,
    updated_at: input.now,
  };
  await db
    .insertInto('m365_app_tokens')
    .values({ id, workspace_id: input.workspaceId, tenant_id: input.tenantId, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
}

/** Cached application tokens follow the integration: a new app, tenant or credential, or none, and they are gone. */
export const APP_TOKENS_FOLLOW_INTEGRATION: IntegrationListener = {
  appCredentialsChanged: (trx, workspaceId) => forgetAppTokens(trx, workspaceId),
  integrationRemoved: (trx, workspaceId) => forgetAppTokens(trx, workspaceId),
};

async function forgetAppTokens(trx: Transaction<Database>, workspaceId: string): Promise<void> {
  await trx.deleteFrom('m365_app_tokens').where('workspace_id', '=', workspaceId).execute();
}

/** A tenant the workspace removed: its cached token goes (Microsoft's consent in that tenant is not touched). */
export async function forgetTenantAppToken(trx: Transaction<Database>, workspaceId: string, tenantId: string): Promise<void> {
  await trx.deleteFrom('m365_app_tokens').where('id', '=', appTokenId(workspaceId, tenantId)).execute();
}
