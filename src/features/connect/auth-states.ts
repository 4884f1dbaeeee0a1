// OAuth states of the connect and admin consent flows. A state is random, stored only as a hash, single use (the
// row is deleted by the request from the browser it is bound to, before anything else in the answer is trusted),
// expires after 10 minutes, and is bound to the browser that started the flow by the hash of an httpOnly cookie value. The PKCE verifier is
// sealed beside it and goes only to Microsoft's token endpoint.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { KeyRing } from '../../platform/crypto/key-ring.js';
import type { Database } from '../../platform/store/schema.js';
import { randomToken } from '../../platform/store/ids.js';
import { ConnectError } from './connect-error.js';
import type { ConnectionUser } from '../../contract/integration-schemas.js';

type Db = Kysely<Database> | Transaction<Database>;

export const STATE_TTL_MS = 10 * 60 * 1000;

export const digest = (value: string): string => createHash('sha256').update(value, 'utf8').digest('base64url');

/** A new browser binding: the cookie value (kept by the browser only) whose hash each state records. */
export const newBrowserBinding = (): string => randomToken(32);

export interface NewAuthState {
  workspaceId: string;
  purpose: 'connect' | 'admin_consent';
  /** connect: whose connection it becomes; admin_consent: the console admin who started it (null: a signed link). */
  user: ConnectionUser | null;
  browserBinding: string;
  codeVerifier: string | null;
  nonce: string | null;
  returnTo: string | null;
  now: Date;
}

export interface AuthState {
  workspaceId: string;
  purpose: 'connect' | 'admin_consent';
  user: ConnectionUser | null;
  codeVerifier: string | null;
  nonce: string | null;
  returnTo: string | null;
}

const verifierPlace = (stateHash: string) => ({ table: 'm365_auth_states', rowId: stateHash, column: 'code_verifier_sealed' });

/** Stores the state and returns its value (for the authorization URL). */
export async function createAuthState(db: Db, keyRing: KeyRing, input: NewAuthState): Promise<string> {
  const state = randomToken(32);
  const stateHash = digest(state);
  await db
    .insertInto('m365_auth_states')
    .values({
      state_hash: stateHash,
      workspace_id: input.workspaceId,
      purpose: input.purpose,
      user_kind: input.user?.kind ?? null,
      external_user_id: input.user?.id ?? null,
      browser_binding_hash: digest(input.browserBinding),
      code_verifier_sealed: input.codeVerifier === null ? null : keyRing.seal(input.codeVerifier, verifierPlace(stateHash)),
      nonce: input.nonce,
      return_to: input.returnTo,
      created_at: input.now,
      expires_at: new Date(input.now.getTime() + STATE_TTL_MS),
    })
    .execute();
  return state;
}

/**
 * Takes the state out of the store (single use) once it is known to be this browser's, and checks its expiry. A
 * state presented by another browser is refused but left in place: a stray or forged callback must not use up the
 * real browser's flow. An expired one is removed. `returnTo` of a refused state is never used: it could belong to
 * someone else's flow.
 */
export async function consumeAuthState(db: Db, keyRing: KeyRing, state: string | undefined, browserBinding: string | undefined, now: Date): Promise<AuthState> {
  if (!state) throw new ConnectError('state_missing');
  if (state.length > 512) throw new ConnectError('state_invalid');
  const stateHash = digest(state);
  const found = await db.selectFrom('m365_auth_states').select(['browser_binding_hash', 'expires_at']).where('state_hash', '=', stateHash).executeTakeFirst();
  if (!found) throw new ConnectError('state_invalid');
  if (found.expires_at.getTime() <= now.getTime()) {
    await db.deleteFrom('m365_auth_states').where('state_hash', '=', stateHash).execute();
    throw new ConnectError('state_expired');
  }
  const presented = Buffer.from(digest(browserBinding ?? ''), 'utf8');
  const expected = Buffer.from(found.browser_binding_hash, 'utf8');
  if (!browserBinding || presented.length !== expected.length || !timingSafeEqual(presented, expected)) throw new ConnectError('browser_mismatch');
  // The delete decides who wins when the right browser presents the state twice at once: exactly one request gets the row.
  const row = await db
    .deleteFrom('m365_auth_states')
    .where('state_hash', '=', stateHash)
    .where('browser_binding_hash', '=', found.browser_binding_hash)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw new ConnectError('state_invalid');
  return {
    workspaceId: row.workspace_id,
    purpose: row.purpose,
    user: row.user_kind && row.external_user_id !== null ? { kind: row.user_kind, id: row.external_user_id } : null,
    codeVerifier: row.code_verifier_sealed === null ? null : keyRing.openText(row.code_verifier_sealed, verifierPlace(stateHash)),
    nonce: row.nonce,
    returnTo: row.return_to,
  };
}

/** Expired states nobody came back for. */
export async function deleteExpiredAuthStates(db: Db, now: Date): Promise<number> {
  const result = await db.deleteFrom('m365_auth_states').where('expires_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
