// Short-lived, single-use links a host product's backend asks for on behalf of one of its users: the user opens it
// in their browser and the connect flow starts there (binding the state to that browser, not to the backend).
// Only a hash of the link's token is stored.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/store/schema.js';
import { randomToken } from '../../platform/store/ids.js';
import { digest } from './auth-states.js';
import { ConnectError } from './connect-error.js';

type Db = Kysely<Database> | Transaction<Database>;

export const CONNECT_LINK_TTL_MS = 10 * 60 * 1000;
export const CONNECT_LINK_PATH = '/auth/m365/connect-link';

export interface ConnectLinkTarget {
  workspaceId: string;
  externalUserId: string;
  returnTo: string | null;
}

export async function createConnectLink(db: Db, target: ConnectLinkTarget, now: Date): Promise<{ token: string; expiresAt: Date }> {
  const token = randomToken(32);
  const expiresAt = new Date(now.getTime() + CONNECT_LINK_TTL_MS);
  await db
    .insertInto('m365_connect_links')
    .values({
      token_hash: digest(token),
      workspace_id: target.workspaceId,
      external_user_id: target.externalUserId,
      return_to: target.returnTo,
      created_at: now,
      expires_at: expiresAt,
    })
    .execute();
  return { token, expiresAt };
}

/** Marks the link used (one conditional update, so two clicks cannot both win) and returns what it was for. */
export async function redeemConnectLink(db: Db, token: string, now: Date): Promise<ConnectLinkTarget> {
  if (token.length > 256) throw new ConnectError('connect_link_invalid');
  const row = await db
    .updateTable('m365_connect_links')
    .set({ used_at: now })
    .where('token_hash', '=', digest(token))
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning(['workspace_id', 'external_user_id', 'return_to'])
    .executeTakeFirst();
  if (!row) throw new ConnectError('connect_link_invalid');
  return { workspaceId: row.workspace_id, externalUserId: row.external_user_id, returnTo: row.return_to };
}

/** Housekeeping: unused links past their expiry are useless. */
export async function deleteExpiredConnectLinks(db: Kysely<Database>, now: Date): Promise<number> {
  const result = await db.deleteFrom('m365_connect_links').where('expires_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
