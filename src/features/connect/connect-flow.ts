// The browser flows that end at /auth/m365/callback: a user connecting their Microsoft 365 account (authorization
// code + PKCE S256 + nonce), and an administrator granting admin consent. Starting stores a single-use state bound
// to the browser; the callback takes that state out first — nothing else in the answer is trusted before — then
// redeems the code through the identity client (which validates the ID token), saves the connection through the
// token layer's store, and audits, all in one transaction.
import type { Kysely } from 'kysely';
import { recordAudit, type AuditContext } from '../audit/index.js';
import type { KeyRing } from '../../platform/crypto/key-ring.js';
import type { EventPublisher } from '../../platform/events/event-publisher.js';
import type { ConnectEventType } from './events.js';
import {
  createPkce,
  delegatedScopes,
  IdentityError,
  identityError,
  parseAdminConsentCallback,
  parseAuthorizationCallback,
  PERMISSION_CATALOGUE,
  randomNonce,
  type EntraClient,
} from '../../microsoft/identity/index.js';
import type { IntegrationStore } from '../integrations/index.js';
import { resolveRedirectUri } from '../integrations/index.js';
import type { Database } from '../../platform/store/schema.js';
import type { Clock } from '../../platform/time/clock.js';
import { connectionUserData, deleteConnection, saveDelegatedConnection, type M365Connection } from '../tokens/index.js';
import type { ConnectionUser } from '../../contract/integration-schemas.js';
import { consumeAuthState, createAuthState, type AuthState } from './auth-states.js';
import { ConnectError } from './connect-error.js';
import { recordTenantConsent, type TenantEventType } from '../tenants/index.js';

export type CallbackQuery = Record<string, string | string[] | undefined>;

export interface ConnectFlowDeps {
  db: Kysely<Database>;
  keyRing: KeyRing;
  entra: EntraClient;
  integrations: IntegrationStore;
  clock: Clock;
  events?: EventPublisher<ConnectEventType | TenantEventType>;
  /** Called after a connection is saved or deleted, so in-memory token caches forget it. */
  onConnectionChanged?: (workspaceId: string, user: ConnectionUser) => void;
}

/** Who started a flow, for the audit entry written when it completes (the callback itself is anonymous). */
export interface FlowActor {
  actor: AuditContext['actor'];
  ip: string | null;
  actingUser: string | null;
}

export type FlowOutcome =
  | { ok: true; purpose: 'connect'; workspaceId: string; user: ConnectionUser; returnTo: string | null; connection: M365Connection }
  | { ok: true; purpose: 'admin_consent'; workspaceId: string; tenant: string; returnTo: string | null }
  | {
      ok: false;
      error: IdentityError | ConnectError;
      /** Only from a state that passed every check; null otherwise (never redirect on an untrusted state). */
      returnTo: string | null;
      purpose: 'connect' | 'admin_consent' | null;
      workspaceId: string | null;
      user: ConnectionUser | null;
    };

const TENANT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const ADMIN_CONSENT_NEEDED = new Set(['consent_required', 'admin_approval_required']);

export class ConnectFlow {
  constructor(private readonly deps: ConnectFlowDeps) {}

  /** The Microsoft authorization URL for a user's connect flow, with its state stored and bound to `browserBinding`. */
  async startConnect(input: { workspaceId: string; user: ConnectionUser; returnTo: string | null; browserBinding: string }): Promise<URL> {
    const { db, keyRing, entra, integrations, clock } = this.deps;
    const auth = await integrations.loadIntegrationAuth(input.workspaceId);
    if (!auth) throw new ConnectError('integration_not_configured');
    // A service whose delegated mode the catalogue no longer offers (Dynamics 365, saved before) is left out of the scopes.
    const delegated = auth.services.filter((s) => s.modes.includes('delegated') && !PERMISSION_CATALOGUE[s.service].delegated.unsupported).map((s) => s.service);
    if (delegated.length === 0) throw new ConnectError('no_delegated_services');
    const redirectUri = resolveRedirectUri({ integrationRedirectUri: auth.redirectUri });
    const pkce = await createPkce();
    const nonce = randomNonce();
    const state = await createAuthState(db, keyRing, {
      workspaceId: input.workspaceId,
      purpose: 'connect',
      user: input.user,
      browserBinding: input.browserBinding,
      codeVerifier: pkce.codeVerifier,
      nonce,
      returnTo: input.returnTo,
      now: clock.now(),
    });
    return entra.buildAuthorizationUrl({
      tenant: auth.tenant,
      clientId: auth.clientId,
      redirectUri,
      scopes: delegatedScopes(delegated, { graphResource: entra.graphResource, ...(auth.dynamicsOrg ? { dynamicsOrg: auth.dynamicsOrg } : {}) }),
      state,
      nonce,
      codeChallenge: pkce.codeChallenge,
      // The user picks the account to connect: a browser already signed in to another tenant must not connect it silently.
      prompt: 'select_account',
    });
  }

  /**
   * Microsoft's admin consent URL (`/{tenant}/v2.0/adminconsent`, scope https://graph.microsoft.com/.default) with a
   * stored state. `startedBy` records which console admin asked, for the audit entry (null: a signed link).
   */
  async startAdminConsent(input: { workspaceId: string; startedBy: ConnectionUser | null; returnTo: string | null; browserBinding: string }): Promise<{ url: URL; expiresAt: Date }> {
    const { db, keyRing, entra, integrations, clock } = this.deps;
    const integration = await integrations.get(input.workspaceId);
    if (!integration) throw new ConnectError('integration_not_configured');
    const redirectUri = resolveRedirectUri({ integrationRedirectUri: integration.effectiveRedirectUri });
    const now = clock.now();
    const state = await createAuthState(db, keyRing, {
      workspaceId: input.workspaceId,
      purpose: 'admin_consent',
      user: input.startedBy,
      browserBinding: input.browserBinding,
      codeVerifier: null,
      nonce: null,
      returnTo: input.returnTo,
      now,
    });
    const url = entra.adminConsentUrl({ tenant: integration.tenant, clientId: integration.clientId, redirectUri, state });
    return { url, expiresAt: new Date(now.getTime() + 10 * 60 * 1000) };
  }

  /** Handles /auth/m365/callback for both flows; never throws for anything the browser or Microsoft sent. */
  async complete(query: CallbackQuery, browserBinding: string | undefined, who: (state: AuthState) => Promise<FlowActor>): Promise<FlowOutcome> {
    const { db, keyRing, clock } = this.deps;
    let state: AuthState;
    try {
      const raw = query.state;
      if (Array.isArray(raw)) throw new ConnectError('state_invalid');
      state = await consumeAuthState(db, keyRing, raw, browserBinding, clock.now());
    } catch (error) {
      if (error instanceof ConnectError) return { ok: false, error, returnTo: null, purpose: null, workspaceId: null, user: null };
      throw error;
    }
    const failed = (error: IdentityError | ConnectError): FlowOutcome => ({
      ok: false,
      error,
      returnTo: state.returnTo,
      purpose: state.purpose,
      workspaceId: state.workspaceId,
      user: state.user,
    });
    try {
      const actor = await who(state);
      return state.purpose === 'connect' ? await this.#completeConnect(query, state, actor) : await this.#completeAdminConsent(query, state, actor);
    } catch (error) {
      if (error instanceof IdentityError || error instanceof ConnectError) return failed(error);
      throw error;
    }
  }

  /** Disconnect: deletes the connection and its tokens; undefined when there was none. */
  async disconnect(workspaceId: string, user: ConnectionUser, audit: AuditContext): Promise<M365Connection | undefined> {
    const removed = await this.deps.db.transaction().execute(async (trx) => {
      const connection = await deleteConnection(trx, workspaceId, user);
      if (!connection) return undefined;
      await recordAudit(trx, {
        workspaceId,
        actor: audit.actor,
        ip: audit.ip,
        actingUser: audit.actingUser ?? null,
        at: audit.at,
        action: 'connection.disconnected',
        target: { type: 'm365_connection', id: connection.id },
        data: { ...connectionUserData(user), tenantId: connection.tenantId },
      });
      await this.deps.events?.publish(trx, { workspaceId, type: 'connection.disconnected', data: { connectionId: connection.id, ...connectionUserData(user) } });
      return connection;
    });
    if (removed) this.deps.onConnectionChanged?.(workspaceId, user);
    return removed;
  }

  async #completeConnect(query: CallbackQuery, state: AuthState, who: FlowActor): Promise<FlowOutcome> {
    const { db, keyRing, entra, integrations, clock } = this.deps;
    const auth = await integrations.loadIntegrationAuth(state.workspaceId);
    if (!auth) throw new ConnectError('integration_not_configured');
    const redirectUri = resolveRedirectUri({ integrationRedirectUri: auth.redirectUri });
    const { code } = parseAuthorizationCallback(query, { redirectUri });
    if (!state.codeVerifier || !state.nonce || !state.user) throw identityError('callback_invalid');
    const redeemed = await entra.redeemAuthorizationCode({
      tenant: auth.tenant,
      credentials: auth.credentials,
      code,
      redirectUri,
      codeVerifier: state.codeVerifier,
      expectedNonce: state.nonce,
    });
    const user = state.user;
    const connection = await db.transaction().execute(async (trx) => {
      const saved = await saveDelegatedConnection(trx, keyRing, { workspaceId: state.workspaceId, user, redeemed, clock });
      await recordAudit(trx, {
        workspaceId: state.workspaceId,
        ...who,
        at: clock.now(),
        action: 'connection.connected',
        target: { type: 'm365_connection', id: saved.id },
        data: { ...connectionUserData(user), tenantId: saved.tenantId, objectId: saved.objectId, userPrincipalName: saved.userPrincipalName },
      });
      await this.deps.events?.publish(trx, {
        workspaceId: state.workspaceId,
        type: 'connection.connected',
        data: { connectionId: saved.id, ...connectionUserData(user), tenantId: saved.tenantId, userPrincipalName: saved.userPrincipalName },
      });
      return saved;
    });
    this.deps.onConnectionChanged?.(state.workspaceId, user);
    return { ok: true, purpose: 'connect', workspaceId: state.workspaceId, user, returnTo: state.returnTo, connection };
  }

  async #completeAdminConsent(query: CallbackQuery, state: AuthState, who: FlowActor): Promise<FlowOutcome> {
    const { db, integrations, clock } = this.deps;
    const integration = await integrations.get(state.workspaceId);
    if (!integration) throw new ConnectError('integration_not_configured');
    const { tenant } = parseAdminConsentCallback(query, integration.effectiveRedirectUri ? { redirectUri: integration.effectiveRedirectUri } : {});
    // Stored and later used as the tenant of client-credential requests: only a directory id is acceptable.
    if (!TENANT_ID.test(tenant)) throw identityError('callback_invalid');
    const at = clock.now();
    await db.transaction().execute(async (trx) => {
      await integrations.recordAdminConsent(trx, state.workspaceId, tenant, { ...who, at });
      // Every consenting tenant becomes a tenant connection of the workspace (the MSP case).
      await recordTenantConsent(trx, { workspaceId: state.workspaceId, tenantId: tenant, at, by: who.actor.label }, this.deps.events);
    });
    return { ok: true, purpose: 'admin_consent', workspaceId: state.workspaceId, tenant, returnTo: state.returnTo };
  }
}
