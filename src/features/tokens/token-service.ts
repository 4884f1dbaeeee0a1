// The one place that hands out Microsoft access tokens: a user's delegated token (from their stored connection) or
// the workspace's application token (client credentials).
//
// - Cached first: an opened token with more than `refreshMarginMs` left is served from process memory; otherwise one
//   indexed row read and one open; only then a refresh.
// - Single flight: one refresh per connection at a time, in this process (shared promise) and, on PostgreSQL,
//   across processes (the connection's row read again `FOR UPDATE`, which waits for another process's refresh and
//   returns what it stored). Embedded PGlite is one process (its data dir is locked), so there the in-process flight is
//   the lock, and no transaction is held open while Microsoft answers (PGlite runs one query at a time).
// - Rotation-safe: Microsoft's new refresh token and the access token are committed in one statement before anyone
//   uses them; Microsoft keeps the previous refresh token valid, so a failure before the commit loses nothing.
// - Microsoft refusing the stored grant (invalid_grant, consent withdrawn, …) marks the connection needs_reconnect,
//   publishes `connection.needs_reconnect` and audits it in one transaction; it is never refreshed again until
//   reconnected. Transient failures (network, 5xx, 429) are retried by the identity client and leave it active.
import type { Kysely, Transaction } from 'kysely';
import { recordAudit } from '../audit/index.js';
import { sha256 } from '../../platform/crypto/sha256.js';
import { SealedBlobError, type KeyRing, type SealedPlace } from '../../platform/crypto/key-ring.js';
import type { EventPublisher } from '../../platform/events/event-publisher.js';
import type { TokenEventType } from './events.js';
import {
  IdentityError,
  applicationScope,
  RESOURCES,
  resourceScopes,
  type ClientCredentials,
  type DelegatedTokens,
  type EntraClient,
  type ResourceName,
} from '../../microsoft/identity/index.js';
import { isMultiTenantAlias, isTenantGuid, normaliseTenant } from '../../microsoft/identity/tenant-metadata.js';
import type { Logger } from '../../platform/logging/logger.js';
import type { DialectName } from '../../platform/store/database.js';
import type { Database } from '../../platform/store/schema.js';
import type { Clock } from '../../platform/time/clock.js';
import { appTokenPlace, readAppToken, storeAppToken } from './app-token-store.js';
import { appTokenLockName, lockForTransaction } from './connection-lock.js';
import { accessTokenPlace, connectionUser, connectionUserData, lockTokenRow, markNeedsReconnect, readTokenRow, refreshTokenPlace, storeRefreshedTokens, type ConnectionUserRef, type TokenRow } from './connection-store.js';
import type { ConnectionUser } from '../../contract/integration-schemas.js';
import type { IntegrationAuth, IntegrationAuthSource } from './integration-auth-source.js';
import { SingleFlight } from './single-flight.js';
import { TokenError } from './token-error.js';
import { createTokenMemory, forgetByPrefix, type AccessToken, type CachedToken, type TokenMemory } from './token-memory-cache.js';
import { RegistrationFaults } from './registration-faults.js';

export type { AccessToken } from './token-memory-cache.js';

/**
 * `user`: a host product's user (what an API key names); `console_user`: a console user's own connection, a
 * separate namespace no API key input can reach; `application`: the workspace's app-only token.
 */
export type TokenPrincipal =
  | { kind: 'user'; externalUserId: string }
  | { kind: 'console_user'; consoleUserId: string }
  | {
      kind: 'application';
      /**
       * The customer tenant the token is for. Default: the integration's tenant, or for a multi-tenant integration
       * the tenant that first granted admin consent. Each tenant has its own token; naming one lets a multi-tenant
       * workspace act in any tenant that consented (Microsoft refuses the others).
       */
      tenantId?: string;
    };

const userOf = (principal: Exclude<TokenPrincipal, { kind: 'application' }>): ConnectionUser =>
  principal.kind === 'user' ? { kind: 'external_user', id: principal.externalUserId } : { kind: 'console_user', id: principal.consoleUserId };

export interface TokenRequest {
  workspaceId: string;
  principal: TokenPrincipal;
  /**
   * Default 'graph'. A token names one resource (Microsoft refuses mixed resources). `{ uri }` names another API by
   * its resource URI (SharePoint `https://contoso.sharepoint.com`, the Management Activity API
   * `https://manage.office.com`): the token is for `{uri}/.default`, redeemed from the user's refresh token
   * (a v2 refresh token may be redeemed for any resource the user consented to,
   * https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow#refresh-the-access-token) or by
   * client credentials; kept in memory only.
   */
  resource?: TokenResource;
  /**
   * Application mode only: refuse a workspace whose app signs in with a client secret (certificate_credential_required)
   * before asking Microsoft, for APIs that accept app-only tokens from a certificate only (SharePoint REST).
   */
  certificateOnly?: boolean;
}

// The Management APIs are reached by URI ({ uri }), their host varying with the cloud and M365HUB_MANAGEMENT_URL.
export type TokenResource = Exclude<ResourceName, 'manage'> | { uri: string };

export interface TokenServiceOptions {
  db: Kysely<Database>;
  /** Decides whether refreshes take a cross-process lock (PostgreSQL) or rely on the in-process one (PGlite). */
  dialect: DialectName;
  keyRing: KeyRing;
  identity: EntraClient;
  integrations: IntegrationAuthSource;
  events: EventPublisher<TokenEventType>;
  clock: Clock;
  logger: Logger;
  /** A token with less than this left is refreshed (default 5 minutes). */
  refreshMarginMs?: number;
  /** How long a token is served from memory before the row is read again (default 30 s). */
  memoryRecheckMs?: number;
  /** Opened tokens kept in memory (default 50,000). */
  memoryMaxEntries?: number;
  /** Told how long each refresh spent waiting for the lock, at Microsoft and storing (benchmarks, metrics). */
  observeRefresh?: (timing: RefreshTiming) => void;
  /**
   * Asked before every application token is handed out (memory hits included), so a tenant the workspace paused is
   * refused at once in this process and within a second in others (the gate keeps answers 1 s); throws to refuse
   * (the tenants feature's tenant_paused).
   */
  tenantGate?: (workspaceId: string, tenantId: string) => Promise<void>;
}

/** Where one refresh's time went, in milliseconds. */
export interface RefreshTiming {
  principal: 'user' | 'application';
  /** Waiting for the cross-process lock (0 on PGlite). */
  lockWaitMs: number;
  /** At Microsoft's token endpoint; 0 when another process had refreshed already (`refreshed` false). */
  identityMs: number;
  /** Writing the result and committing. */
  storeMs: number;
  totalMs: number;
  /** False when the token was found refreshed by someone else once the lock was ours. */
  refreshed: boolean;
}

/** What Microsoft (or our own store) said that only a reconnect fixes; goes to the row, the event and the audit log. */
interface Refusal {
  code: string;
  aadsts?: number;
  userMessage: string;
  fix: string;
}

/** Why a refresh runs: the token is (nearly) expired, or the keep-alive job renews an idle grant. */
type RefreshReason = { kind: 'expiring' } | { kind: 'idle'; refreshedBefore: Date };

/** The outcome of a refresh attempt, decided under the lock; failures are thrown after the transaction commits. */
type RefreshOutcome =
  | { kind: 'token'; token: AccessToken | undefined }
  | { kind: 'needs_reconnect'; error: TokenError }
  | { kind: 'changed' };

/** Microsoft's refusals that only the user signing in again can fix. App-registration faults are not among them. */
const RECONNECT_CODES = new Set<string>([
  'refresh_token_expired',
  'session_revoked',
  'consent_required',
  'admin_approval_required',
  'user_not_assigned',
  'interaction_required',
  'login_required',
  'mfa_required',
  'blocked_by_conditional_access',
  'user_disabled',
  'user_not_found',
  'user_not_in_tenant',
  'password_expired',
  'invalid_grant',
]);

/** What the user and the operator are told when a stored grant does not open with the key ring. */
const UNOPENABLE_WORDS: Record<string, Pick<Refusal, 'userMessage' | 'fix'>> = {
  sealed_blob_tampered: {
    userMessage: 'The stored Microsoft 365 sign-in could not be opened (it failed its integrity check), so it can no longer be used.',
    fix: 'Reconnect Microsoft 365. Operator: check the key ring (M365HUB_ENCRYPTION_KEYS) is the one this data was sealed with; if it is, the stored value was altered in the database.',
  },
  sealed_blob_malformed: {
    userMessage: 'The stored Microsoft 365 sign-in is damaged, so it can no longer be used.',
    fix: 'Reconnect Microsoft 365. Operator: the stored value is not a sealed value; check the database was not altered or restored from a mismatched backup.',
  },
  sealed_blob_unknown_key: {
    userMessage: "The stored Microsoft 365 sign-in is sealed with an encryption key this server does not have.",
    fix: 'Operator: add the missing key back to the key ring (M365HUB_ENCRYPTION_KEYS, after the newest) and restart; the connection works again without reconnecting.',
  },
};

export function needsReconnect(error: IdentityError): boolean {
  return error.permanent && (error.oauthError === 'invalid_grant' || RECONNECT_CODES.has(error.code));
}

const SEP = '\u0000';
const resourceKey = (resource: TokenResource) => (typeof resource === 'string' ? resource : `uri${SEP}${resource.uri.toLowerCase()}`);
const userKey = (workspaceId: string, user: ConnectionUser) => `${workspaceId}${SEP}u${SEP}${user.kind}${SEP}${user.id}${SEP}`;
const appKey = (workspaceId: string) => `${workspaceId}${SEP}a${SEP}`;

export class TokenService {
  readonly #db: Kysely<Database>;
  readonly #crossProcessLock: boolean;
  readonly #keyRing: KeyRing;
  readonly #identity: EntraClient;
  readonly #integrations: IntegrationAuthSource;
  readonly #events: EventPublisher<TokenEventType>;
  readonly #clock: Clock;
  readonly #logger: Logger;
  readonly #marginMs: number;
  readonly #recheckMs: number;
  readonly #memory: TokenMemory;
  readonly #registrationFaults: RegistrationFaults;
  readonly #flights = new SingleFlight<AccessToken | undefined>();
  // Callers that miss memory for one key share one database read (and one refresh, if needed): a storm of callers
  // would otherwise queue a row read each on the pool ahead of the refresh they are all waiting for.
  readonly #lookups = new SingleFlight<AccessToken>();
  readonly #observeRefresh: ((timing: RefreshTiming) => void) | undefined;
  readonly #tenantGate: ((workspaceId: string, tenantId: string) => Promise<void>) | undefined;

  constructor(options: TokenServiceOptions) {
    this.#db = options.db;
    this.#crossProcessLock = options.dialect === 'postgres';
    this.#keyRing = options.keyRing;
    this.#identity = options.identity;
    this.#integrations = options.integrations;
    this.#events = options.events;
    this.#clock = options.clock;
    this.#logger = options.logger.child({ component: 'token-service' });
    this.#marginMs = options.refreshMarginMs ?? 5 * 60_000;
    this.#recheckMs = options.memoryRecheckMs ?? 30_000;
    this.#memory = createTokenMemory(options.memoryMaxEntries ?? 50_000);
    this.#registrationFaults = new RegistrationFaults(options.clock);
    this.#observeRefresh = options.observeRefresh;
    this.#tenantGate = options.tenantGate;
  }

  /**
   * A valid access token for the principal with more than the refresh margin left. Throws TokenError
   * (connection_not_found, connection_needs_reconnect, integration_not_configured, token_service_unavailable) or
   * IdentityError (a fault of the app registration, e.g. secret_expired).
   */
  getAccessToken(request: TokenRequest): Promise<AccessToken> {
    const resource = request.resource ?? 'graph';
    const principal = request.principal;
    const user = principal.kind === 'application' ? undefined : userOf(principal);
    const tenantId = principal.kind === 'application' ? principal.tenantId : undefined;
    const key = (user ? userKey(request.workspaceId, user) : `${appKey(request.workspaceId)}${tenantId ?? ''}${SEP}`) + resourceKey(resource);
    const cached = this.#memory.get(key);
    if (cached !== undefined) {
      const now = this.#clock.now().getTime();
      if (cached.recheckAtMs > now && cached.expiresAtMs - now > this.#marginMs) {
        // An application grant is `<tenant id>:<credential id>` (tenant ids hold no ':').
        if (user || !this.#tenantGate) return Promise.resolve(cached.token);
        return this.#tenantGate(request.workspaceId, cached.grant.slice(0, cached.grant.indexOf(':'))).then(() => cached.token);
      }
    }
    return this.#lookups.run(key, () =>
      user ? this.#userToken(request.workspaceId, user, resource, key) : this.#appToken(request.workspaceId, tenantId, resource, key, request.certificateOnly === true),
    );
  }

  /**
   * Renews a connection's grant if it was last refreshed before `refreshedBefore` (the keep-alive job), even when
   * its access token is still valid. Resolves to whether a refresh happened; a refusal marks it needs_reconnect.
   */
  async keepAlive(workspaceId: string, user: ConnectionUser, refreshedBefore: Date): Promise<boolean> {
    const key = `${userKey(workspaceId, user)}keep-alive`;
    const token = await this.#flights.run(key, () => this.#refreshUser(workspaceId, user, 'graph', { kind: 'idle', refreshedBefore }));
    return token !== undefined;
  }

  /**
   * Forgets what this process holds in memory for a user's connection (after Disconnect or Reconnect), or for the
   * whole workspace (after a credential change). Other processes see the change within `memoryRecheckMs`.
   */
  invalidate(workspaceId: string, user?: ConnectionUserRef): void {
    if (user === undefined) this.#registrationFaults.forgetWorkspace(workspaceId);
    forgetByPrefix(this.#memory, user === undefined ? `${workspaceId}${SEP}` : userKey(workspaceId, connectionUser(user)));
  }

  // ---- delegated ----

  async #userToken(workspaceId: string, user: ConnectionUser, resource: TokenResource, key: string): Promise<AccessToken> {
    // Two rounds at most: the second runs only when a reconnect replaced the row while we refreshed.
    for (let round = 0; round < 2; round++) {
      const row = await readTokenRow(this.#db, workspaceId, user);
      const grant = this.#activeGrant(row);
      // The memory entry's recheck time passed: the grant it came from is unchanged, so it stays good.
      const cached = this.#memory.get(key);
      const now = this.#clock.now().getTime();
      if (cached?.grant === grant && cached.expiresAtMs - now > this.#marginMs) {
        cached.recheckAtMs = now + this.#recheckMs;
        return cached.token;
      }
      const usable = this.#usableStoredToken(row, resource);
      if (usable) return this.#remember(key, usable, grant);
      const token = await this.#flights.run(key, () => this.#refreshUser(workspaceId, user, resource, { kind: 'expiring' }));
      if (token) return this.#remember(key, token, grant);
    }
    throw new TokenError('token_service_unavailable', { fix: 'The connection changed while it was refreshed; try again.' });
  }

  /** Identifies the grant a row holds (a reconnect replaces it); throws for a missing or broken connection. */
  #activeGrant(row: TokenRow | undefined): string {
    if (!row) throw new TokenError('connection_not_found');
    if (row.status === 'needs_reconnect') throw this.#reconnectError(row.status_reason ?? 'invalid_grant');
    return `${row.id}@${row.object_id}@${row.status_changed_at?.getTime() ?? 0}`;
  }

  /** The row's Graph access token when it has more than the margin left (throws for missing or broken connections). */
  #usableStoredToken(maybeRow: TokenRow | undefined, resource: TokenResource): AccessToken | undefined {
    this.#activeGrant(maybeRow);
    const row = maybeRow!;
    if (resource !== 'graph' || !row.access_token_sealed || !row.access_token_expires_at) return undefined;
    if (row.access_token_expires_at.getTime() - this.#clock.now().getTime() <= this.#marginMs) return undefined;
    return this.#openStoredAccessToken(row);
  }

  /** The row's cached access token, or undefined when it does not open (the refresh token replaces it). */
  #openStoredAccessToken(row: TokenRow): AccessToken | undefined {
    const accessToken = this.#openOrWarn(row.access_token_sealed!, accessTokenPlace(row.id), row.workspace_id);
    return accessToken === undefined ? undefined : { accessToken, expiresAt: row.access_token_expires_at!, scopes: row.scopes.split(' ').filter(Boolean) };
  }

  /** Opens a sealed cache entry; one that no key opens is only a cache miss (logged for the operator). */
  #openOrWarn(sealed: string, place: SealedPlace, workspaceId: string): string | undefined {
    try {
      return this.#keyRing.openText(sealed, place);
    } catch (error) {
      if (!(error instanceof SealedBlobError)) throw error;
      this.#logger.warn({ workspaceId, table: place.table, column: place.column, rowId: place.rowId, code: error.code }, 'a cached token did not open; fetching a new one');
      return undefined;
    }
  }

  #reconnectError(reason: string, refusal?: Pick<Refusal, 'userMessage' | 'fix'>): TokenError {
    const words = refusal ?? UNOPENABLE_WORDS[reason];
    return new TokenError('connection_needs_reconnect', { reason, ...(words ? { userMessage: words.userMessage, fix: words.fix } : {}) });
  }

  /** Resolves to the new token, or undefined when nothing was refreshed (keep-alive: someone else did). */
  async #refreshUser(workspaceId: string, user: ConnectionUser, resource: TokenResource, reason: RefreshReason): Promise<AccessToken | undefined> {
    const timing = this.#startTiming('user');
    let outcome: RefreshOutcome;
    if (this.#crossProcessLock) {
      // The integration is read on its own pooled connection while the lock is being taken, not before: in a storm
      // the lock wait is the long part, and the read no longer adds to it.
      const authRead = this.#requireAuth(workspaceId);
      authRead.catch(() => {}); // awaited below; a failure must not surface as unhandled while the lock is taken
      outcome = await new Promise<RefreshOutcome>((resolve, reject) => {
        this.#db
          .transaction()
          .execute(async (trx) => {
            const row = await lockTokenRow(trx, workspaceId, user);
            timing.locked();
            const auth = await authRead;
            const locked = await this.#refreshLocked(row, trx, auth, workspaceId, user, resource, reason, timing);
            // Found refreshed by another process: only reads happened, so the waiting callers need not also wait
            // for the commit (it only releases the lock). Anything written is handed out after its commit.
            if (locked.kind === 'token' && !timing.askedMicrosoft) resolve(locked);
            return locked;
          })
          .then(resolve, reject);
      });
    } else {
      const auth = await this.#requireAuth(workspaceId);
      timing.locked();
      const row = await readTokenRow(this.#db, workspaceId, user);
      outcome = await this.#refreshLocked(row, undefined, auth, workspaceId, user, resource, reason, timing);
    }
    timing.done(outcome.kind === 'token' && timing.askedMicrosoft);
    if (outcome.kind === 'needs_reconnect') throw outcome.error;
    if (outcome.kind === 'changed') return undefined;
    return outcome.token;
  }

  /**
   * Under the connection's lock (`trx` on PostgreSQL; the in-process flight on PGlite, where writes open their own
   * short transaction and compare the refresh token they replace).
   */
  async #refreshLocked(
    row: TokenRow | undefined,
    trx: Transaction<Database> | undefined,
    auth: IntegrationAuth,
    workspaceId: string,
    user: ConnectionUser,
    resource: TokenResource,
    reason: RefreshReason,
    timing: RefreshTimer,
  ): Promise<RefreshOutcome> {
    if (reason.kind === 'idle') {
      if (!row || row.status !== 'active' || row.last_refreshed_at.getTime() >= reason.refreshedBefore.getTime()) return { kind: 'token', token: undefined };
    } else {
      // Another process (or an earlier flight) may have refreshed while we waited for the lock.
      const usable = this.#usableStoredToken(row, resource);
      if (usable) return { kind: 'token', token: usable };
    }
    const current = row!;
    let refreshToken: string;
    try {
      refreshToken = this.#keyRing.openText(current.refresh_token_sealed, refreshTokenPlace(current.id));
    } catch (error) {
      return this.#unopenableGrant(trx, current, error);
    }
    let tokens: DelegatedTokens;
    timing.askMicrosoft();
    try {
      tokens = await this.#identity.refreshAccessToken({
        tenant: auth.tenant,
        credentials: auth.credentials,
        refreshToken,
        scopes: refreshScopes(auth, resource, current.scopes, this.#identity.graphResource),
      });
    } catch (error) {
      timing.answered();
      if (error instanceof IdentityError && needsReconnect(error)) {
        const refusal: Refusal = { code: error.code, userMessage: error.userMessage, fix: error.fix, ...(error.aadsts !== undefined ? { aadsts: error.aadsts } : {}) };
        const write = (t: Transaction<Database>) => this.#markNeedsReconnect(t, current, refusal);
        await (trx ? write(trx) : this.#db.transaction().execute(write));
        return { kind: 'needs_reconnect', error: this.#reconnectError(error.code, error) };
      }
      // The keep-alive job counts the failure and tries again on its next run.
      if (reason.kind === 'idle') throw error;
      return this.#transientFailure(current, resource, error);
    }
    timing.answered();
    const now = this.#clock.now();
    const accessToken = { token: tokens.accessToken, expiresAt: tokens.expiresAt, scopes: tokens.scopes };
    const stored = { refreshToken: tokens.refreshToken, ...(resource === 'graph' ? { accessToken } : {}) };
    if (trx) {
      await storeRefreshedTokens(trx, this.#keyRing, current, stored, now);
    } else {
      const replaced = await this.#db.transaction().execute(async (t) => {
        const still = await t.selectFrom('m365_connections').select('refresh_token_sealed').where('id', '=', current.id).executeTakeFirst();
        if (still?.refresh_token_sealed !== current.refresh_token_sealed) return false;
        await storeRefreshedTokens(t, this.#keyRing, current, stored, now);
        return true;
      });
      // A reconnect or disconnect replaced the grant meanwhile: this token belongs to the old one; start over.
      if (!replaced) return { kind: 'changed' };
    }
    this.#logger.debug({ workspaceId, connectionId: current.id, resource, reason: reason.kind }, 'connection refreshed');
    return { kind: 'token', token: { accessToken: tokens.accessToken, expiresAt: tokens.expiresAt, scopes: tokens.scopes } };
  }

  /** Still active; serve the stored token while it has not expired at all, else a typed transient error. */
  #transientFailure(row: TokenRow, resource: TokenResource, error: unknown): RefreshOutcome {
    const identity = error instanceof IdentityError ? error : undefined;
    this.#logger.warn({ workspaceId: row.workspace_id, connectionId: row.id, code: identity?.code ?? 'unexpected_error', permanent: identity?.permanent ?? false }, 'connection refresh failed; connection left active');
    if (resource === 'graph' && row.access_token_sealed && row.access_token_expires_at && row.access_token_expires_at.getTime() > this.#clock.now().getTime()) {
      const token = this.#openStoredAccessToken(row);
      if (token) return { kind: 'token', token };
    }
    throw unavailableOrAsIs(identity);
  }

  /**
   * The stored refresh token does not open. Altered or malformed, it can never be used again: the user must
   * reconnect, like a refusal from Microsoft, and nothing is sent to Microsoft. Sealed under a key the ring lacks,
   * it is the operator's to fix (add the key back), so the connection is left as it is.
   */
  async #unopenableGrant(trx: Transaction<Database> | undefined, row: TokenRow, error: unknown): Promise<RefreshOutcome> {
    if (!(error instanceof SealedBlobError)) throw error;
    this.#logger.error({ workspaceId: row.workspace_id, connectionId: row.id, code: error.code }, 'a stored refresh token does not open with the key ring');
    if (error.code === 'sealed_blob_unknown_key') {
      throw new TokenError('token_service_unavailable', { reason: error.code, ...UNOPENABLE_WORDS[error.code]! });
    }
    const refusal: Refusal = { code: error.code, ...UNOPENABLE_WORDS[error.code]! };
    const write = (t: Transaction<Database>) => this.#markNeedsReconnect(t, row, refusal);
    await (trx ? write(trx) : this.#db.transaction().execute(write));
    return { kind: 'needs_reconnect', error: this.#reconnectError(error.code, refusal) };
  }

  async #markNeedsReconnect(trx: Transaction<Database>, row: TokenRow, error: Refusal): Promise<void> {
    const now = this.#clock.now();
    await markNeedsReconnect(trx, row, error.code, now);
    await this.#events.publish(trx, {
      workspaceId: row.workspace_id,
      type: 'connection.needs_reconnect',
      data: {
        connectionId: row.id,
        ...connectionUserData({ kind: row.user_kind, id: row.external_user_id }),
        tenantId: row.tenant_id,
        reason: error.code,
        ...(error.aadsts !== undefined ? { aadsts: error.aadsts } : {}),
        userMessage: error.userMessage,
        fix: error.fix,
      },
    });
    await recordAudit(trx, {
      workspaceId: row.workspace_id,
      actor: { type: 'system', id: null, label: 'token service' },
      action: 'connection.needs_reconnect',
      target: { type: 'm365_connection', id: row.id },
      ip: null,
      data: { ...connectionUserData({ kind: row.user_kind, id: row.external_user_id }), reason: error.code, ...(error.aadsts !== undefined ? { aadsts: error.aadsts } : {}) },
      at: now,
    });
    this.invalidate(row.workspace_id, { kind: row.user_kind, id: row.external_user_id });
    this.#logger.warn({ workspaceId: row.workspace_id, connectionId: row.id, reason: error.code, aadsts: error.aadsts }, 'connection needs reconnect');
  }

  // ---- application ----

  async #appToken(workspaceId: string, requestedTenant: string | undefined, resource: TokenResource, key: string, certificateOnly: boolean): Promise<AccessToken> {
    const auth = await this.#requireAuth(workspaceId);
    if (certificateOnly && 'clientSecret' in auth.credentials) throw new TokenError('certificate_credential_required');
    // A tenant named by a domain is the tenant id its metadata names: tokens, the gate and stored tokens go by id.
    const requested = requestedTenant === undefined || isTenantGuid(requestedTenant) ? requestedTenant : await this.#tenantIdOf(requestedTenant);
    // A single-tenant integration set up with its tenant's domain is compared with a named tenant by id too.
    const own = requested === undefined || isTenantGuid(auth.tenant) || isMultiTenantAlias(auth.tenant) ? auth.tenant : await this.#tenantIdOf(auth.tenant);
    const target = appTarget({ ...auth, tenant: own }, requested);
    await this.#tenantGate?.(workspaceId, target.tenantId);
    const grant = `${target.tenantId}:${target.credentialId}`;
    const cached = this.#memory.get(key);
    const now = this.#clock.now().getTime();
    if (cached?.grant === grant && cached.expiresAtMs - now > this.#marginMs) {
      cached.recheckAtMs = now + this.#recheckMs;
      return cached.token;
    }
    if (resource === 'graph') {
      const stored = this.#usableAppToken(await readAppToken(this.#db, workspaceId, target.tenantId), target);
      if (stored) return this.#remember(key, stored, grant);
    }
    // A registration Microsoft refused a moment ago (wrong secret, app gone …) is answered from memory.
    this.#registrationFaults.throwIfRemembered(workspaceId, target);
    const token = await this.#flights.run(key, async () => {
      const acquire = async (db: Kysely<Database> | Transaction<Database>): Promise<AccessToken> => {
        if (resource === 'graph') {
          const stored = this.#usableAppToken(await readAppToken(db, workspaceId, target.tenantId), target);
          if (stored) return stored;
        }
        const scope = resource === 'graph' ? applicationScope(this.#identity.graphResource) : `${resource === 'dynamics' ? dynamicsUri(auth) : resource.uri}/.default`;
        const acquired = await this.#registrationFaults.watch(workspaceId, target, () =>
          this.#identity.acquireAppToken({ tenant: target.tenantId, credentials: auth.credentials, scope }),
        );
        if (resource === 'graph') {
          await storeAppToken(db, this.#keyRing, { workspaceId, ...target, accessToken: acquired.accessToken, expiresAt: acquired.expiresAt, now: this.#clock.now() });
        }
        return { accessToken: acquired.accessToken, expiresAt: acquired.expiresAt, scopes: [scope], tenantId: target.tenantId };
      };
      if (!this.#crossProcessLock) return acquire(this.#db);
      return this.#db.transaction().execute(async (trx) => {
        await lockForTransaction(trx, appTokenLockName(workspaceId, target.tenantId));
        return acquire(trx);
      });
    });
    return this.#remember(key, token!, grant);
  }

  /** A tenant named by a domain, as its id; an unknown one is the caller's to fix, an unanswered lookup transient. */
  async #tenantIdOf(domain: string): Promise<string> {
    try {
      return await this.#identity.tenantIdOf(domain);
    } catch (error) {
      if (!(error instanceof IdentityError)) throw error;
      if (error.code === 'tenant_not_found' || error.code === 'tenant_required') {
        throw new TokenError('integration_not_configured', {
          userMessage: `Microsoft knows no tenant ${domain}.`,
          fix: "Name the customer tenant by its tenant id (a GUID) or one of its verified domains (such as contoso.onmicrosoft.com).",
        });
      }
      throw unavailableOrAsIs(error);
    }
  }

  #usableAppToken(row: Awaited<ReturnType<typeof readAppToken>>, target: { tenantId: string; credentialId: string }): AccessToken | undefined {
    if (!row || row.credential_id !== target.credentialId || row.tenant_id !== target.tenantId) return undefined;
    if (row.expires_at.getTime() - this.#clock.now().getTime() <= this.#marginMs) return undefined;
    const accessToken = this.#openOrWarn(row.access_token_sealed, appTokenPlace(row.id), row.workspace_id);
    return accessToken === undefined ? undefined : { accessToken, expiresAt: row.expires_at, scopes: [applicationScope(this.#identity.graphResource)], tenantId: target.tenantId };
  }

  // ---- shared ----

  #startTiming(principal: RefreshTiming['principal']): RefreshTimer {
    return new RefreshTimer(principal, this.#observeRefresh);
  }

  async #requireAuth(workspaceId: string): Promise<IntegrationAuth> {
    const auth = await this.#integrations.loadIntegrationAuth(workspaceId);
    if (!auth) throw new TokenError('integration_not_configured');
    return auth;
  }

  #remember(key: string, token: AccessToken, grant: string): AccessToken {
    const frozen = Object.freeze({ ...token, scopes: Object.freeze([...token.scopes]) });
    const entry: CachedToken = { token: frozen, grant, expiresAtMs: token.expiresAt.getTime(), recheckAtMs: this.#clock.now().getTime() + this.#recheckMs };
    this.#memory.set(key, entry);
    return frozen;
  }
}

/** The delegated scopes a refresh asks for: the integration's services on that resource, else what was granted. */
function refreshScopes(auth: IntegrationAuth, resource: TokenResource, grantedScopes: string, graphResource: string): string[] {
  // Another API: what the user consented to on it (its static permissions), asked for by `.default`.
  if (typeof resource === 'object') return [`${resource.uri}/.default`];
  const services = auth.services.filter((s) => s.modes.includes('delegated')).map((s) => s.service);
  const fromCatalogue = resourceScopes(services, resource, { graphResource, ...(auth.dynamicsOrg ? { dynamicsOrg: auth.dynamicsOrg } : {}) });
  if (fromCatalogue.length > 0) return fromCatalogue;
  if (resource === 'dynamics') return [`${dynamicsUri(auth)}/user_impersonation`];
  // Graph scopes come back unqualified (Files.Read …); OIDC ones are not for a resource.
  const graph = grantedScopes.split(' ').filter((s) => s && !['openid', 'profile', 'email', 'offline_access'].includes(s));
  return graph.length > 0 ? graph.map((s) => (s.includes('/') ? s : `${graphResource}/${s}`)) : [`${graphResource}/User.Read`];
}

function dynamicsUri(auth: IntegrationAuth): string {
  const org = auth.dynamicsOrg?.trim();
  if (!org) throw new TokenError('integration_not_configured', { userMessage: 'Dynamics 365 is not configured for this workspace.', fix: 'Set the Dynamics 365 organisation in the Microsoft 365 integration settings.' });
  return RESOURCES.dynamics.uri.replace('{org}', org.toLowerCase());
}

/**
 * What a failed identity call becomes: a permanent fault of the app registration (e.g. secret_expired) is the admin's
 * to fix, said as it is; anything else is token_service_unavailable, with Microsoft's wait when it gave one.
 */
function unavailableOrAsIs(identity: IdentityError | undefined): Error {
  if (identity?.permanent) return identity;
  return new TokenError('token_service_unavailable', identity?.retryAfterSeconds !== undefined ? { retryAfterSeconds: identity.retryAfterSeconds } : {});
}

/**
 * Client credentials need the customer tenant. By default: the integration's own tenant, or for a multi-tenant
 * integration the tenant recorded as its admin consent (the first to consent: a later consent in another tenant
 * does not move it). A named tenant (its id, domains resolved before) must be one a single-tenant integration is for.
 */
function appTarget(auth: IntegrationAuth, requested: string | undefined): { tenantId: string; credentialId: string } {
  const credentialId = auth.credentialId ?? credentialDigest(auth.credentials);
  if (requested === undefined) {
    const tenantId = isMultiTenantAlias(auth.tenant) && auth.adminConsentTenant ? auth.adminConsentTenant : auth.tenant;
    return { tenantId, credentialId };
  }
  const tenantId = normaliseTenant(requested);
  const own = normaliseTenant(auth.tenant);
  if (!isTenantGuid(tenantId) || (!isMultiTenantAlias(own) && tenantId !== own)) {
    throw new TokenError('integration_not_configured', {
      userMessage: `This workspace's Microsoft 365 integration cannot act in tenant ${tenantId}.`,
      fix: isMultiTenantAlias(own)
        ? 'Name the customer tenant by its tenant id (a GUID), and have its administrator grant admin consent.'
        : 'The integration is for one Azure tenant; use the multi-tenant setting to act in other tenants.',
    });
  }
  return { tenantId, credentialId };
}

function credentialDigest(credentials: ClientCredentials): string {
  const material = 'clientSecret' in credentials ? credentials.clientSecret : credentials.certificatePem;
  return `digest:${sha256(`${credentials.clientId}\n${material}`, 'base64url')}`;
}

/** Marks the phases of one refresh; reports them only when someone observes. */
class RefreshTimer {
  readonly #started = performance.now();
  #locked = 0;
  #asked = 0;
  #answered = 0;

  constructor(
    private readonly principal: RefreshTiming['principal'],
    private readonly observe: ((timing: RefreshTiming) => void) | undefined,
  ) {}

  get askedMicrosoft(): boolean {
    return this.#asked > 0;
  }
  locked(): void {
    this.#locked = performance.now();
  }
  askMicrosoft(): void {
    this.#asked = performance.now();
  }
  answered(): void {
    this.#answered = performance.now();
  }
  done(refreshed: boolean): void {
    if (!this.observe) return;
    const end = performance.now();
    const locked = this.#locked || end;
    this.observe({
      principal: this.principal,
      lockWaitMs: locked - this.#started,
      identityMs: this.#asked ? (this.#answered || end) - this.#asked : 0,
      storeMs: end - (this.#answered || locked),
      totalMs: end - this.#started,
      refreshed,
    });
  }
}
