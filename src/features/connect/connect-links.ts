// Short-lived, single-use links a host product's backend asks for on behalf of one of its users: the user opens it
// in their browser and the connect flow starts there (binding the state to that browser, not to the backend).
// Only a hash of the link's token is stored. Links are only ever for a host product's users (`external_user`): an
// API key can never start a flow that writes a console user's connection.
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
      purpose: 'connect',
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
  const row = await redeem(db, token, 'connect', now, 'connect_link_invalid');
  return { workspaceId: row.workspace_id, externalUserId: row.external_user_id!, returnTo: row.return_to };
}

// ---- admin consent links ----

/**
 * A tenant administrator may not be at hand when the host product shows "Approval required": the link lasts a day.
 * It only leads to Microsoft's admin consent page, where Microsoft decides whether the person signing in may consent.
 */
export const ADMIN_CONSENT_LINK_TTL_MS = 24 * 60 * 60 * 1000;
export const ADMIN_CONSENT_LINK_PATH = '/auth/m365/admin-consent-link';

export async function createAdminConsentLink(db: Db, target: { workspaceId: string; returnTo: string | null }, now: Date): Promise<{ token: string; expiresAt: Date }> {
  const token = randomToken(32);
  const expiresAt = new Date(now.getTime() + ADMIN_CONSENT_LINK_TTL_MS);
  await db
    .insertInto('m365_connect_links')
    .values({ token_hash: digest(token), purpose: 'admin_consent', workspace_id: target.workspaceId, external_user_id: null, return_to: target.returnTo, created_at: now, expires_at: expiresAt })
    .execute();
  return { token, expiresAt };
}

export async function redeemAdminConsentLink(db: Db, token: string, now: Date): Promise<{ workspaceId: string; returnTo: string | null }> {
  const row = await redeem(db, token, 'admin_consent', now, 'admin_consent_link_invalid');
  return { workspaceId: row.workspace_id, returnTo: row.return_to };
}

async function redeem(db: Db, token: string, purpose: 'connect' | 'admin_consent', now: Date, invalid: 'connect_link_invalid' | 'admin_consent_link_invalid') {
  if (token.length > 256) throw new ConnectError(invalid);
  const row = await db
    .updateTable('m365_connect_links')
    .set({ used_at: now })
    .where('token_hash', '=', digest(token))
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning(['workspace_id', 'external_user_id', 'return_to'])
    .executeTakeFirst();
  if (!row) throw new ConnectError(invalid);
  return row;
}

/** Housekeeping: unused links past their expiry are useless. */
export async function deleteExpiredConnectLinks(db: Kysely<Database>, now: Date): Promise<number> {
  const result = await db.deleteFrom('m365_connect_links').where('expires_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
