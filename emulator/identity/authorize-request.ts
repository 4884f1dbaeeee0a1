// Validation of /authorize and /adminconsent parameters, in the order that decides where an error may go:
// problems with the tenant, client_id or redirect_uri are shown on a page (a redirect to an unverified URI would
// be an open redirector, AADSTS50011 / AADSTS700016); everything after that goes back to the redirect URI
// (https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow "Error response").
import type { EmulatorContext } from '../server/emulator-context.js';
import type { Application } from '../state/directory-types.js';
import { aadsts, type AadstsError } from './aadsts-errors.js';
import { findClientApplication } from './client-application.js';
import type { AuthorizeInteraction, RedirectTarget, ResponseMode } from './interaction-state.js';
import { redirectUriRegistered, registeredRedirectUris } from './redirect-uri-match.js';
import type { ProtocolParams } from './request-params.js';
import { parseScopes } from './scope-request.js';
import { resolveTenantSegment } from './tenant-resolver.js';

export type Checked<T> =
  | { outcome: 'ok'; value: T; app: Application }
  | { outcome: 'page'; error: AadstsError }
  | { outcome: 'redirect'; error: AadstsError; target: RedirectTarget };

/** Tenant, client and redirect URI: the part whose errors are shown on a page. */
export function checkClientAndRedirect(
  ctx: EmulatorContext,
  tenantSegment: string,
  params: ProtocolParams,
  responseMode: ResponseMode,
): Checked<{ tenantId?: string; redirectUri: string }> {
  if (params.duplicated) return { outcome: 'page', error: aadsts.duplicatedParameter(params.duplicated) };
  const tenant = resolveTenantSegment(ctx.directory, tenantSegment);
  if (tenant.kind === 'unknown') return { outcome: 'page', error: aadsts.tenantNotFound(tenantSegment) };
  if (tenant.kind === 'consumers') return { outcome: 'page', error: aadsts.unsupported('Personal Microsoft accounts (the /consumers authority)') };
  const clientId = params.get('client_id');
  if (!clientId) return { outcome: 'page', error: aadsts.missingParameter('client_id') };
  const found = findClientApplication(ctx.directory, tenant, clientId, 'authorize');
  if (!found.ok) return { outcome: 'page', error: found.error };
  const app = found.app;
  const redirectUri = params.get('redirect_uri') ?? registeredRedirectUris(app)[0];
  if (!redirectUri) return { outcome: 'page', error: aadsts.noReplyAddress() };
  if (!redirectUriRegistered(registeredRedirectUris(app), redirectUri)) return { outcome: 'page', error: aadsts.redirectUriMismatch(redirectUri, app.appId) };
  void responseMode;
  return { outcome: 'ok', app, value: { ...(tenant.kind === 'tenant' ? { tenantId: tenant.tenant.id } : {}), redirectUri } };
}

const implicitOrHybrid = new Set(['token', 'id_token', 'code id_token', 'id_token token', 'code token', 'code id_token token']);
const prompts = new Set(['login', 'consent', 'select_account', 'none']);

export function checkAuthorizeRequest(ctx: EmulatorContext, tenantSegment: string, params: ProtocolParams): Checked<AuthorizeInteraction> {
  const modeParam = params.get('response_mode');
  const validMode = modeParam === 'query' || modeParam === 'fragment' || modeParam === 'form_post';
  const responseMode: ResponseMode = validMode ? modeParam : 'query';
  const base = checkClientAndRedirect(ctx, tenantSegment, params, responseMode);
  if (base.outcome !== 'ok') return base;
  const state = params.get('state');
  const target: RedirectTarget = { redirectUri: base.value.redirectUri, responseMode, ...(state !== undefined ? { state } : {}) };
  const fail = (error: AadstsError): Checked<AuthorizeInteraction> => ({ outcome: 'redirect', error, target });

  const responseType = params.get('response_type');
  if (!responseType) return fail(aadsts.missingParameter('response_type'));
  const normalised = responseType.split(/\s+/).sort().join(' ');
  if (normalised !== 'code') {
    if (implicitOrHybrid.has(responseType) || implicitOrHybrid.has(normalised)) {
      return fail(aadsts.unsupported(`The implicit and hybrid flows (response_type=${responseType})`));
    }
    return fail(aadsts.unsupportedResponseType(responseType));
  }
  if (modeParam !== undefined && !validMode) return fail(aadsts.unsupportedResponseMode(modeParam));
  for (const name of ['request', 'request_uri']) if (params.has(name)) return fail(aadsts.unsupported(`Request objects (the '${name}' parameter)`));

  const scope = params.get('scope');
  if (!scope) return fail(aadsts.missingParameter('scope'));
  const scopes = parseScopes(scope, ctx.directory);
  if (!scopes.ok) return fail(scopes.error);

  const challenge = params.get('code_challenge');
  const method = params.get('code_challenge_method') ?? (challenge ? 'plain' : undefined);
  if (challenge) {
    if (method !== 'S256' && method !== 'plain') return fail(aadsts.invalidCodeChallengeMethod(method ?? ''));
    if (challenge.length < 43 || challenge.length > 128) return fail(aadsts.invalidCodeChallenge());
  }

  const prompt = params.get('prompt');
  if (prompt !== undefined && !prompts.has(prompt)) {
    if (prompt === 'create' || prompt === 'admin_consent') return fail(aadsts.unsupported(`prompt=${prompt}`));
    return fail(aadsts.invalidPrompt(prompt));
  }

  const loginHint = params.get('login_hint');
  const nonce = params.get('nonce');
  const value: AuthorizeInteraction = {
    kind: 'authorize',
    tenantSegment,
    ...(base.value.tenantId ? { tenantId: base.value.tenantId } : {}),
    clientId: base.app.appId,
    target,
    scopes: scopes.value,
    includeClientInfo: params.get('client_info') === '1',
    ...(loginHint ? { loginHint } : {}),
    ...(nonce !== undefined ? { nonce } : {}),
    ...(challenge ? { codeChallenge: challenge, codeChallengeMethod: method as 'S256' | 'plain' } : {}),
    ...(prompt ? { prompt: prompt as AuthorizeInteraction['prompt'] } : {}),
  };
  return { outcome: 'ok', value, app: base.app };
}
