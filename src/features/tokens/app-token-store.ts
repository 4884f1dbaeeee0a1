// m365_app_tokens: the workspace's cached application (client credentials) Graph token, sealed, so several hub
// processes share one token instead of each asking Microsoft. Tied to the credential and tenant it came from.
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { KeyRing, SealedPlace } from '../../platform/crypto/key-ring.js';
import type { Database, M365AppTokensTable } from '../../platform/store/schema.js';

type Db = Kysely<Database> | Transaction<Database>;
export type AppTokenRow = Selectable<M365AppTokensTable>;

export const appTokenPlace = (workspaceId: string): SealedPlace => ({ table: 'm365_app_tokens', rowId: workspaceId, column: 'access_token_sealed' });

export async function readAppToken(db: Db, workspaceId: string): Promise<AppTokenRow | undefined> {
  return db.selectFrom('m365_app_tokens').selectAll().where('workspace_id', '=', workspaceId).executeTakeFirst();
}

export async function storeAppToken(
  db: Db,
  keyRing: KeyRing,
  input: { workspaceId: string; credentialId: string; tenantId: string; accessToken: string; expiresAt: Date; now: Date },
): Promise<void> {
  const values = {
    credential_id: input.credentialId,
    tenant_id: input.tenantId,
    access_token_sealed: keyRing.seal(input.accessToken, appTokenPlace(input.workspaceId)),
    expires_at: input.expiresAt,
    updated_at: input.now,
  };
  await db
    .insertInto('m365_app_tokens')
    .values({ workspace_id: input.workspaceId, ...values })
    .onConflict((oc) => oc.column('workspace_id').doUpdateSet(values))
    .execute();
}
