// The token endpoint: redeem an authorization code (validating the ID token), refresh, and client credentials.
// Protocol handling is oauth4webapi's (a spec-following, dependency-free OAuth 2 / OIDC library; openid-client 6 is
// built on it); this module adds Microsoft's specifics: the per-tenant issuer of multi-tenant apps, the ID token
// signature check against the tenant's JWKS, certificate assertions, and the AADSTS error catalogue.
import * as oauth from 'oauth4webapi';
import type { Logger } from '../../platform/logging/logger.js';
import { systemClock, type Clock } from '../../platform/time/clock.js';
import { identityError, identityErrorFromMicrosoft, type MicrosoftErrorFields } from './aadsts-catalogue.js';
import { adminConsentUrl, buildAuthorizationUrl, type AdminConsentUrlInput, type AuthorizationUrlInput } from './authorization-url.js';
import { clientAuthentication, type ClientCredentials } from './client-assertion.js';
import { IdentityError } from './identity-error.js';
import { retryAfterOf, type MicrosoftTransport, type RandomSource } from '../transport/index.js';
import { createIdentityFetch, type FetchLike, type RetryPolicy } from './identity-fetch.js';
import { applicationScope, RESOURCES } from './permission-catalogue.js';
import { isMultiTenantAlias, isTenantGuid, normaliseTenant, TENANT_TEMPLATE, TenantMetadataCache } from './tenant-metadata.js';

export interface EntraClientOptions {
  /** Config.loginUrl: https://login.microsoftonline.com, or the emulator. */
  loginUrl: string;
  /** Config.cloud.graphResource: the Graph resource URI of the cloud (default: the global cloud's). */
  graphResource?: string;
  fetch?: FetchLike;
  clock?: Clock;
  logger?: Logger;
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  sleep?: (ms: number) => Promise<void>;
  random?: RandomSource;
  /** The product's one outbound transport (the composition builds it); `fetch`, `sleep` and `random` build one otherwise. */
  transport?: MicrosoftTransport;
  /** Allowed difference between our clock and Microsoft's when checking ID token times (default 120 s). */
  clockToleranceSeconds?: number;
}

export interface IdTokenClaims {
  tid: string;
  oid: string;
  sub: string;
  preferredUsername: string | undefined;
  name: string | undefined;
  email: string | undefined;
  issuer: string;
}

export interface DelegatedTokens {
  accessToken: string;
  refreshToken: string;
  expiresAt: Date;
  scopes: string[];
  idTokenClaims: IdTokenClaims | undefined;
}

export interface AppToken {
  accessToken: string;
  expiresAt: Date;
}

export interface RedeemInput {
  tenant?: string;
  credentials: ClientCredentials;
  code: string;
  redirectUri: string;
  codeVerifier: string;
  expectedNonce: string;
  /** Scopes for the token (one resource); default: what the user consented to at /authorize. */
  scopes?: readonly string[];
}

export interface RefreshInput {
  tenant?: string;
  credentials: ClientCredentials;
  refreshToken: string;
  scopes: readonly string[];
}

export interface EntraClient {
  readonly loginUrl: string;
  /** What Graph scopes are qualified with in this cloud (`{graphResource}/Files.Read`, `{graphResource}/.default`). */
  readonly graphResource: string;
  buildAuthorizationUrl(input: Omit<AuthorizationUrlInput, 'loginUrl'>): URL;
  adminConsentUrl(input: Omit<AdminConsentUrlInput, 'loginUrl' | 'graphResource'>): URL;
  redeemAuthorizationCode(input: RedeemInput): Promise<DelegatedTokens & { idTokenClaims: IdTokenClaims }>;
  /** Microsoft rotates refresh tokens: store the returned one, in the same transaction as the access token. */
  refreshAccessToken(input: RefreshInput): Promise<DelegatedTokens>;
  acquireAppToken(input: { tenant: string; credentials: ClientCredentials; scope?: string }): Promise<AppToken>;
  /**
   * The tenant id (GUID) of one tenant named by its id or one of its domains, read from the tenant's OpenID
   * metadata, whose issuer names it (cached like all metadata). Throws IdentityError tenant_not_found for a
   * domain Microsoft does not know, tenant_required for `organizations` / `common`.
   */
  tenantIdOf(tenant: string): Promise<string>;
}

// oauth4webapi's (untyped, underscore-exported) hook for a per-token expected issuer; openid-client 6 sets it the
// same way for Entra ID. Checked at load so an upgrade that drops it fails loudly, not open.
const expectedIssuerHook: symbol = (() => {
  const hook = (oauth as unknown as { _expectedIssuer?: unknown })._expectedIssuer;
  if (typeof hook !== 'symbol') throw new Error('oauth4webapi no longer exports _expectedIssuer; multi-tenant issuer validation needs it');
  return hook;
})();

/** Errors say how long to wait in whole seconds (rounded up, so waiting that long is always enough). */
const wholeSeconds = (seconds: number | undefined) => (seconds === undefined ? undefined : Math.ceil(seconds));

const JWT_FAILURES = new Set<string>([oauth.JWT_CLAIM_COMPARISON, oauth.JWT_TIMESTAMP_CHECK, oauth.KEY_SELECTION, oauth.PARSE_ERROR]);

export function createEntraClient(options: EntraClientOptions): EntraClient {
  const loginUrl = options.loginUrl.replace(/\/+$/, '');
  const graphResource = (options.graphResource ?? RESOURCES.graph.uri).replace(/\/+$/, '');
  const clock = options.clock ?? systemClock;
  const log = options.logger;
  const http = createIdentityFetch({
    ...(options.transport ? { transport: options.transport } : {}),
    ...(options.random ? { random: options.random } : {}),
    clock,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.retry ? { retry: options.retry } : {}),
    ...(options.sleep ? { sleep: options.sleep } : {}),
    ...(log ? { logger: log } : {}),
  });
  const metadata = new TenantMetadataCache(loginUrl, http, clock);
  const jwksCache: oauth.JWKSCacheInput = {};
  const insecure = new URL(loginUrl).protocol === 'http:';
  const tolerance = options.clockToleranceSeconds ?? 120;

  const requestOptions = () => ({ [oauth.customFetch]: http as typeof fetch, [oauth.allowInsecureRequests]: insecure, [oauth.jwksCache]: jwksCache });

  const oauthClient = (clientId: string): oauth.Client => ({
    client_id: clientId,
    // Our injected clock is "now" for every time check oauth4webapi makes.
    [oauth.clockSkew]: Math.round((clock.now().getTime() - Date.now()) / 1000),
    [oauth.clockTolerance]: tolerance,
  });

  /** For multi-tenant metadata the ID token's own signed `tid` fills the issuer template, as Microsoft documents. */
  async function serverFor(tenant: string | undefined): Promise<oauth.AuthorizationServer> {
    const { as } = await metadata.get(tenant);
    if (!as.issuer.includes(TENANT_TEMPLATE)) return as;
    return {
      ...as,
      // oauth4webapi's hook for a per-token expected issuer (openid-client uses it for Entra ID the same way).
      [expectedIssuerHook]: ({ claims }: { claims: { tid?: unknown } }) =>
        typeof claims.tid === 'string' && isTenantGuid(claims.tid) ? as.issuer.replace(TENANT_TEMPLATE, claims.tid) : 'tid claim missing or invalid',
    } as oauth.AuthorizationServer;
  }

  function translate(error: unknown, context: { redirectUri?: string } = {}): IdentityError {
    if (error instanceof IdentityError) return error;
    if (error instanceof oauth.ResponseBodyError) {
      const retryAfter = wholeSeconds(retryAfterOf(error.response, clock.now().getTime()));
      return identityErrorFromMicrosoft(error.cause as MicrosoftErrorFields, {
        status: error.status,
        ...(retryAfter !== undefined ? { retryAfterSeconds: retryAfter } : {}),
        ...context,
      });
    }
    if (error instanceof oauth.OperationProcessingError) {
      if (error.cause instanceof Response) {
        const status = error.cause.status;
        const retryAfter = wholeSeconds(retryAfterOf(error.cause, clock.now().getTime()));
        const code = status === 429 ? 'throttled' : status >= 500 ? 'service_unavailable' : 'unexpected_response';
        return identityError(code, { status, ...(retryAfter !== undefined ? { retryAfterSeconds: retryAfter } : {}) });
      }
      if (JWT_FAILURES.has(error.code ?? '') || /id_token|JWT|JWS/i.test(error.message)) return identityError('id_token_invalid');
      return identityError('unexpected_response');
    }
    if (error instanceof oauth.UnsupportedOperationError) return identityError('id_token_invalid');
    return identityError('unexpected_response');
  }

  async function run<T>(operation: string, context: { redirectUri?: string }, body: () => Promise<T>): Promise<T> {
    try {
      return await body();
    } catch (error) {
      const failure = translate(error, context);
      // Only catalogue fields: Microsoft's error text and ids, never a request body, code or token.
      log?.warn({ operation, code: failure.code, aadsts: failure.aadsts, permanent: failure.permanent, traceId: failure.traceId, correlationId: failure.correlationId }, 'identity operation failed');
      throw failure;
    }
  }

  const expiresAt = (expiresIn: number | undefined) => new Date(clock.now().getTime() + (expiresIn ?? 3600) * 1000);
  const scopesOf = (scope: string | undefined) => (scope ? scope.split(' ').filter(Boolean) : []);

  function idTokenClaimsOf(result: oauth.TokenEndpointResponse): IdTokenClaims | undefined {
    const claims = oauth.getValidatedIdTokenClaims(result);
    if (!claims) return undefined;
    const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
    const tid = str(claims.tid);
    const oid = str(claims.oid);
    // Identities are keyed by (tid, oid), never by e-mail or UPN: an ID token without them is unusable.
    if (!tid || !oid || !isTenantGuid(tid)) throw identityError('id_token_invalid');
    return { tid, oid, sub: claims.sub, preferredUsername: str(claims.preferred_username), name: str(claims.name), email: str(claims.email), issuer: claims.iss };
  }

  return {
    loginUrl,
    graphResource,
    tenantIdOf: (tenantInput) =>
      run('resolve_tenant', {}, async () => {
        const tenant = normaliseTenant(tenantInput);
        if (isMultiTenantAlias(tenant)) throw identityError('tenant_required');
        if (isTenantGuid(tenant)) return tenant;
        // The metadata check holds a named tenant's issuer to `{login origin}/{tenant id}/v2.0`.
        const { tenantId } = await metadata.get(tenant);
        if (tenantId === undefined) throw identityError('unexpected_response');
        return tenantId;
      }),
    buildAuthorizationUrl: (input) => buildAuthorizationUrl({ ...input, loginUrl }),
    adminConsentUrl: (input) => adminConsentUrl({ ...input, loginUrl, graphResource }),

    redeemAuthorizationCode: (input) =>
      run('redeem_authorization_code', { redirectUri: input.redirectUri }, async () => {
        if (!input.redirectUri) throw identityError('redirect_uri_not_configured');
        const as = await serverFor(input.tenant);
        const client = oauthClient(input.credentials.clientId);
        // The caller has already matched the state to its store and browser binding (it owns both).
        const callback = oauth.validateAuthResponse(as, client, new URLSearchParams({ code: input.code }), oauth.skipStateCheck);
        const response = await oauth.authorizationCodeGrantRequest(as, client, clientAuthentication(input.credentials, clock), callback, input.redirectUri, input.codeVerifier, {
          ...requestOptions(),
          ...(input.scopes?.length ? { additionalParameters: { scope: input.scopes.join(' ') } } : {}),
        });
        const result = await oauth.processAuthorizationCodeResponse(as, client, response, { expectedNonce: input.expectedNonce, requireIdToken: true });
        // oauth4webapi checks iss, aud, nonce, exp/iat and the algorithm; the signature against the tenant's keys is
        // an explicit second step (the ID token came over TLS, but we do not rely on that alone).
        await oauth.validateApplicationLevelSignature(as, response, requestOptions());
        const idTokenClaims = idTokenClaimsOf(result)!;
        if (!result.refresh_token) throw identityError('refresh_token_missing');
        return {
          accessToken: result.access_token,
          refreshToken: result.refresh_token,
          expiresAt: expiresAt(result.expires_in),
          scopes: scopesOf(result.scope),
          idTokenClaims,
        };
      }),

    refreshAccessToken: (input) =>
      run('refresh_access_token', {}, async () => {
        const as = await serverFor(input.tenant);
        const client = oauthClient(input.credentials.clientId);
        const response = await oauth.refreshTokenGrantRequest(as, client, clientAuthentication(input.credentials, clock), input.refreshToken, {
          ...requestOptions(),
          additionalParameters: { scope: input.scopes.join(' ') },
        });
        const result = await oauth.processRefreshTokenResponse(as, client, response);
        if (result.id_token) await oauth.validateApplicationLevelSignature(as, response, requestOptions());
        return {
          accessToken: result.access_token,
          // Microsoft returns a new refresh token on every redemption; keep the old one only if it did not.
          refreshToken: result.refresh_token ?? input.refreshToken,
          expiresAt: expiresAt(result.expires_in),
          scopes: scopesOf(result.scope),
          idTokenClaims: idTokenClaimsOf(result),
        };
      }),

    acquireAppToken: (input) =>
      run('acquire_app_token', {}, async () => {
        const tenant = normaliseTenant(input.tenant);
        // Client credentials need the customer's tenant: /organizations and /common refuse it (AADSTS9001023).
        if (isMultiTenantAlias(tenant)) throw identityError('tenant_required');
        const as = await serverFor(tenant);
        const client = oauthClient(input.credentials.clientId);
        const response = await oauth.clientCredentialsGrantRequest(as, client, clientAuthentication(input.credentials, clock), new URLSearchParams({ scope: input.scope ?? applicationScope(graphResource) }), requestOptions());
        const result = await oauth.processClientCredentialsResponse(as, client, response);
        return { accessToken: result.access_token, expiresAt: expiresAt(result.expires_in) };
      }),
  };
}
