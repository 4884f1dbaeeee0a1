// The m365_connections repository: each host-product user's delegated Microsoft 365 connection in a workspace.
// The Microsoft identity is (tid, oid); the refresh and access tokens are sealed by the key ring, bound to their
// row and column. The public view (M365Connection) never carries a token.
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { KeyRing, SealedPlace } from '../../platform/crypto/key-ring.js';
import type { DelegatedTokens, IdTokenClaims } from '../../microsoft/identity/index.js';
import { newId } from '../../platform/store/ids.js';
import type { Database } from '../../platform/store/schema.js';
import type { M365ConnectionsTable } from './tables.js';
import type { Clock } from '../../platform/time/clock.js';
import { isAfter, toPage, type Page, type PageRequest } from '../../platform/store/keyset-page.js';
import { connectionLockName, lockForTransaction } from './connection-lock.js';
import type { ConnectionUser } from '../../contract/integration-schemas.js';

/**
 * Whose connection. A bare string is always a host product's user (what an API key names); a console user's
 * connection is reachable only through an explicit `{ kind: 'console_user', id }`, never from an API key's input.
 */
export type ConnectionUserRef = ConnectionUser | string;
export const connectionUser = (ref: ConnectionUserRef): ConnectionUser => (typeof ref === 'string' ? { kind: 'external_user', id: ref } : ref);

/**
 * How events and audit entries name the user: `externalUserId` stays the host product's id (null for a console
 * user, whose id is not the host product's business), `userKind` says which namespace.
 */
export const connectionUserData = (user: ConnectionUser) =>
  user.kind === 'external_user' ? { userKind: user.kind, externalUserId: user.id } : { userKind: user.kind, externalUserId: null, consoleUserId: user.id };

type Db = Kysely<Database> | Transaction<Database>;
export type ConnectionRow = Selectable<M365ConnectionsTable>;
export type ConnectionStatus = M365ConnectionsTable['status'];

export interface M365Connection {
  id: string;
  user: ConnectionUser;
  /** The host product's user id; null for a console user's connection. */
  externalUserId: string | null;
  tenantId: string;
  objectId: string;
  userPrincipalName: string | null;
  displayName: string | null;
  scopes: string[];
  status: ConnectionStatus;
  /** First connected (a reconnect keeps the connection and its id). */
  connectedAt: Date;
  /** Why it needs reconnecting: the IdentityError code of Microsoft's refusal (e.g. session_revoked). */
  statusReason: string | null;
  lastRefreshedAt: Date;
}

export const TABLE = 'm365_connections';
export const refreshTokenPlace = (rowId: string): SealedPlace => ({ table: TABLE, rowId, column: 'refresh_token_sealed' });
export const accessTokenPlace = (rowId: string): SealedPlace => ({ table: TABLE, rowId, column: 'access_token_sealed' });

const PUBLIC_COLUMNS = [
  'id',
  'user_kind',
  'external_user_id',
  'tenant_id',
  'object_id',
  'user_principal_name',
  'display_name',
  'scopes',
  'status',
  'status_reason',
  'created_at',
  'last_refreshed_at',
] as const;

type PublicRow = Pick<ConnectionRow, (typeof PUBLIC_COLUMNS)[number]>;

function toConnection(row: PublicRow): M365Connection {
  return {
    id: row.id,
    user: { kind: row.user_kind, id: row.external_user_id },
    externalUserId: row.user_kind === 'external_user' ? row.external_user_id : null,
    tenantId: row.tenant_id,
    objectId: row.object_id,
    userPrincipalName: row.user_principal_name,
    displayName: row.display_name,
    scopes: row.scopes.split(' ').filter(Boolean),
    status: row.status,
    statusReason: row.status_reason,
    connectedAt: row.created_at,
    lastRefreshedAt: row.last_refreshed_at,
  };
}

export interface SaveDelegatedConnectionInput {
  workspaceId: string;
  user: ConnectionUserRef;
  /** What EntraClient.redeemAuthorizationCode returned (its ID token was validated there). */
  redeemed: DelegatedTokens & { idTokenClaims: IdTokenClaims };
  clock: Clock;
}

/**
 * Connect or Reconnect: inserts the user's connection, or replaces it (same id, new identity and tokens, status
 * active again). Pass the callback's transaction so the connection and its audit entry commit together.
 */
export async function saveDelegatedConnection(trx: Transaction<Database>, keyRing: KeyRing, input: SaveDelegatedConnectionInput): Promise<M365Connection> {
  const { workspaceId, redeemed, clock } = input;
  const user = connectionUser(input.user);
  await lockForTransaction(trx, connectionLockName(workspaceId, user));
  const existing = await trx
    .selectFrom('m365_connections')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('user_kind', '=', user.kind)
    .where('external_user_id', '=', user.id)
    .executeTakeFirst();
  const id = existing?.id ?? newId('conn');
  const now = clock.now();
  const values = {
    tenant_id: redeemed.idTokenClaims.tid,
    object_id: redeemed.idTokenClaims.oid,
    user_principal_name: redeemed.idTokenClaims.preferredUsername ?? null,
    display_name: redeemed.idTokenClaims.name ?? null,
    scopes: redeemed.scopes.join(' '),
    status: 'active' as const,
    status_reason: null,
    // Set on every reconnect: with the id and the identity it names the grant the tokens belong to.
    status_changed_at: existing ? now : null,
    refresh_token_sealed: keyRing.seal(redeemed.refreshToken, refreshTokenPlace(id)),
    access_token_sealed: keyRing.seal(redeemed.accessToken, accessTokenPlace(id)),
    access_token_expires_at: redeemed.expiresAt,
    last_refreshed_at: now,
    last_used_at: null,
    updated_at: now,
  };
  const row = existing
    ? await trx.updateTable('m365_connections').set(values).where('id', '=', id).returning(PUBLIC_COLUMNS).executeTakeFirstOrThrow()
    : await trx
        .insertInto('m365_connections')
        .values({ id, workspace_id: workspaceId, user_kind: user.kind, external_user_id: user.id, ...values, created_at: now })
        .returning(PUBLIC_COLUMNS)
        .executeTakeFirstOrThrow();
  return toConnection(row);
}

export async function getConnection(db: Db, workspaceId: string, user: ConnectionUserRef): Promise<M365Connection | undefined> {
  const { kind, id } = connectionUser(user);
  const row = await db
    .selectFrom('m365_connections')
    .select(PUBLIC_COLUMNS)
    .where('workspace_id', '=', workspaceId)
    .where('user_kind', '=', kind)
    .where('external_user_id', '=', id)
    .executeTakeFirst();
  return row && toConnection(row);
}

/** Oldest first, keyset-paged on (connected at, id); `kind` limits the list to one kind of user. */
export async function listConnections(db: Db, workspaceId: string, page: PageRequest & { kind?: ConnectionUser['kind'] }): Promise<Page<M365Connection>> {
  let query = db
    .selectFrom('m365_connections')
    .select(PUBLIC_COLUMNS)
    .where('workspace_id', '=', workspaceId)
    .$if(page.kind !== undefined, (q) => q.where('user_kind', '=', page.kind!))
    .orderBy('created_at')
    .orderBy('id')
    .limit(page.limit + 1);
  if (page.after) query = query.where(isAfter('created_at', 'id', page.after));
  const rows = await query.execute();
  return toPage(rows, page.limit, (row) => ({ createdAt: row.created_at, id: row.id }), toConnection);
}

/** Disconnect: the row and both sealed tokens go. Returns what was deleted (for the audit entry), if anything. */
export async function deleteConnection(trx: Transaction<Database>, workspaceId: string, ref: ConnectionUserRef): Promise<M365Connection | undefined> {
  const user = connectionUser(ref);
  await lockForTransaction(trx, connectionLockName(workspaceId, user));
  const row = await trx
    .deleteFrom('m365_connections')
    .where('workspace_id', '=', workspaceId)
    .where('user_kind', '=', user.kind)
    .where('external_user_id', '=', user.id)
    .returning(PUBLIC_COLUMNS)
    .executeTakeFirst();
  return row && toConnection(row);
}

// ---- for the token service (same module: the only other code that touches the sealed columns) ----

export type TokenRow = Pick<
  ConnectionRow,
  'id' | 'workspace_id' | 'user_kind' | 'external_user_id' | 'tenant_id' | 'scopes' | 'status' | 'status_reason' | 'refresh_token_sealed' | 'access_token_sealed' | 'access_token_expires_at' | 'last_refreshed_at' | 'status_changed_at' | 'object_id'
>;

function selectTokenRow(db: Db, workspaceId: string, user: ConnectionUser) {
  return db
    .selectFrom('m365_connections')
    .select(['id', 'workspace_id', 'user_kind', 'external_user_id', 'tenant_id', 'scopes', 'status', 'status_reason', 'refresh_token_sealed', 'access_token_sealed', 'access_token_expires_at', 'last_refreshed_at', 'status_changed_at', 'object_id'])
    .where('workspace_id', '=', workspaceId)
    .where('user_kind', '=', user.kind)
    .where('external_user_id', '=', user.id);
}

export async function readTokenRow(db: Db, workspaceId: string, user: ConnectionUser): Promise<TokenRow | undefined> {
  return selectTokenRow(db, workspaceId, user).executeTakeFirst();
}

/**
 * PostgreSQL only: the row, locked for the rest of the transaction, as the last committed writer left it. One round
 * trip does what lock-then-read did in two: under READ COMMITTED, `FOR UPDATE` waits for a concurrent refresh,
 * reconnect or disconnect to commit and then returns the row's latest version (nothing when it was deleted).
 * Reconnects and disconnects update or delete this row, so they conflict with the row lock as they did with the
 * connection's advisory lock. https://www.postgresql.org/docs/current/transaction-iso.html#XACT-READ-COMMITTED
 */
export async function lockTokenRow(trx: Transaction<Database>, workspaceId: string, user: ConnectionUser): Promise<TokenRow | undefined> {
  return selectTokenRow(trx, workspaceId, user).forUpdate().executeTakeFirst();
}

/**
 * Stores a refresh's result: the rotated refresh token and (for Graph, the resource the row caches) the access
 * token, in one statement of the caller's transaction, so neither is used before both are committed.
 */
export async function storeRefreshedTokens(
  trx: Transaction<Database>,
  keyRing: KeyRing,
  row: Pick<TokenRow, 'id'>,
  tokens: { refreshToken: string; accessToken?: { token: string; expiresAt: Date; scopes: string[] } },
  now: Date,
): Promise<void> {
  await trx
    .updateTable('m365_connections')
    .set({
      refresh_token_sealed: keyRing.seal(tokens.refreshToken, refreshTokenPlace(row.id)),
      ...(tokens.accessToken
        ? {
            access_token_sealed: keyRing.seal(tokens.accessToken.token, accessTokenPlace(row.id)),
            access_token_expires_at: tokens.accessToken.expiresAt,
            scopes: tokens.accessToken.scopes.join(' '),
          }
        : {}),
      last_refreshed_at: now,
      updated_at: now,
    })
    .where('id', '=', row.id)
    .execute();
}

export async function markNeedsReconnect(trx: Transaction<Database>, row: Pick<TokenRow, 'id'>, reason: string, now: Date): Promise<void> {
  await trx
    .updateTable('m365_connections')
    .set({ status: 'needs_reconnect', status_reason: reason, status_changed_at: now, access_token_sealed: null, access_token_expires_at: null, updated_at: now })
    .where('id', '=', row.id)
    .execute();
}
