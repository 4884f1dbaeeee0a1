// The browser-facing half of the protocol: the authorization and admin consent URLs, PKCE / state / nonce, and
// reading what Microsoft sends back to the redirect URI. Endpoint paths are Microsoft's fixed v2.0 paths
// (https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow,
// https://learn.microsoft.com/en-us/entra/identity-platform/v2-admin-consent), so building a URL needs no network.
import * as oauth from 'oauth4webapi';
import { identityError, identityErrorFromMicrosoft } from './aadsts-catalogue.js';
import { applicationScope } from './permission-catalogue.js';
import { normaliseTenant } from './tenant-metadata.js';

export interface Pkce {
  /** Kept server-side with the state; sent only to the token endpoint. */
  codeVerifier: string;
  codeChallenge: string;
  codeChallengeMethod: 'S256';
}

export async function createPkce(): Promise<Pkce> {
  const codeVerifier = oauth.generateRandomCodeVerifier();
  return { codeVerifier, codeChallenge: await oauth.calculatePKCECodeChallenge(codeVerifier), codeChallengeMethod: 'S256' };
}

export const randomState = (): string => oauth.generateRandomState();
export const randomNonce = (): string => oauth.generateRandomNonce();

export interface AuthorizationUrlInput {
  loginUrl: string;
  tenant?: string;
  clientId: string;
  redirectUri: string;
  scopes: readonly string[];
  state: string;
  nonce: string;
  codeChallenge: string;
  prompt?: 'login' | 'none' | 'consent' | 'select_account';
  loginHint?: string;
  domainHint?: string;
}

function requireRedirectUri(redirectUri: string | undefined): string {
  if (!redirectUri) throw identityError('redirect_uri_not_configured');
  return redirectUri;
}

export function buildAuthorizationUrl(input: AuthorizationUrlInput): URL {
  const url = new URL(`${input.loginUrl}/${encodeURIComponent(normaliseTenant(input.tenant))}/oauth2/v2.0/authorize`);
  const params: Record<string, string> = {
    client_id: input.clientId,
    response_type: 'code',
    redirect_uri: requireRedirectUri(input.redirectUri),
    // query: the code arrives on a GET to the callback, which a SameSite=Lax cookie accompanies (the browser binding).
    response_mode: 'query',
    scope: input.scopes.join(' '),
    state: input.state,
    nonce: input.nonce,
    code_challenge: input.codeChallenge,
    code_challenge_method: 'S256',
  };
  if (input.prompt) params.prompt = input.prompt;
  if (input.loginHint) params.login_hint = input.loginHint;
  if (input.domainHint) params.domain_hint = input.domainHint;
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url;
}

export interface AdminConsentUrlInput {
  loginUrl: string;
  tenant?: string;
  clientId: string;
  redirectUri: string;
  state: string;
  /** Default: everything configured on the app registration for Graph (`{graphResource}/.default`). */
  scope?: string;
  /** The cloud's Graph resource URI (https://graph.microsoft.com in the global cloud). */
  graphResource: string;
}

export function adminConsentUrl(input: AdminConsentUrlInput): URL {
  const url = new URL(`${input.loginUrl}/${encodeURIComponent(normaliseTenant(input.tenant))}/v2.0/adminconsent`);
  url.searchParams.set('client_id', input.clientId);
  url.searchParams.set('redirect_uri', requireRedirectUri(input.redirectUri));
  url.searchParams.set('state', input.state);
  url.searchParams.set('scope', input.scope ?? applicationScope(input.graphResource));
  return url;
}

type Query = URLSearchParams | Record<string, string | string[] | undefined>;

function single(query: Query, name: string): string | undefined {
  if (query instanceof URLSearchParams) {
    const all = query.getAll(name);
    if (all.length > 1) throw identityError('callback_invalid');
    return all[0];
  }
  const value = query[name];
  if (Array.isArray(value)) throw identityError('callback_invalid');
  return value;
}

function errorFromCallback(query: Query, redirectUri: string | undefined, flow: 'sign_in' | 'admin_consent' = 'sign_in') {
  const error = single(query, 'error');
  if (!error) return undefined;
  const description = single(query, 'error_description');
  const subcode = single(query, 'error_subcode');
  return identityErrorFromMicrosoft(
    { error, ...(description ? { error_description: description } : {}), ...(subcode ? { error_subcode: subcode } : {}) },
    { ...(redirectUri ? { redirectUri } : {}), flow },
  );
}

/**
 * What Microsoft sent to the redirect URI after /authorize: `{ code, state }`, or the IdentityError it reported
 * (e.g. `consent_declined` when the user pressed Cancel). Checking the state against the stored one is the
 * caller's job: it owns the state store and the browser binding.
 */
export function parseAuthorizationCallback(query: Query, context: { redirectUri?: string } = {}): { code: string; state: string } {
  const failure = errorFromCallback(query, context.redirectUri);
  if (failure) throw failure;
  const code = single(query, 'code');
  const state = single(query, 'state');
  if (!code || !state) throw identityError('callback_invalid');
  return { code, state };
}

/** The admin consent callback: `admin_consent=True`, the consenting tenant and the state, or the error. */
export function parseAdminConsentCallback(query: Query, context: { redirectUri?: string } = {}): { tenant: string; state: string; scope: string | undefined } {
  const failure = errorFromCallback(query, context.redirectUri, 'admin_consent');
  if (failure) throw failure;
  const consent = single(query, 'admin_consent');
  const tenant = single(query, 'tenant');
  const state = single(query, 'state');
  if (consent?.toLowerCase() !== 'true' || !tenant || !state) throw identityError('callback_invalid');
  return { tenant, state, scope: single(query, 'scope') };
}
