// grant_type=refresh_token (https://learn.microsoft.com/entra/identity-platform/refresh-tokens,
// v2-oauth2-auth-code-flow.md "Refresh the access token"): every redemption returns a new refresh token and the
// old one stays valid until it lapses; a refresh token unused for 90 days lapses (AADSTS700082); revoking the
// user's sessions invalidates it (AADSTS50173, suberror bad_token); an unreadable token is AADSTS9002313 with
// suberror bad_token; withdrawn consent answers AADSTS65001 with suberror
// consent_required; a user no longer assigned to an app that requires assignment gets AADSTS50105; a conditional
// access policy that now asks for MFA the original sign-in did not give answers AADSTS50076 / 50079.
import { isOidcScope } from '../graph-resource.js';
import { aadsts } from '../aadsts-errors.js';
import { ProtocolError } from '../error-responses.js';
import { parseScopes } from '../scope-request.js';
import { requestedDelegated } from '../consent-policy.js';
import { tokenEndpointAccessError } from '../conditional-access.js';
import type { GrantRequest, TokenResponseBody } from './grant-request.js';
import { userTokenResponse } from './user-token-response.js';

export const refreshTokenInactivityMs = 90 * 86_400_000;
/** Refresh tokens of single-page applications: 24 hours, not extended by use (refresh-tokens "Token lifetime"). */
export const spaRefreshTokenLifetimeMs = 86_400_000;

const netTimestamp = (ms: number) => new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$10000Z');

function netDuration(ms: number): string {
  const total = Math.floor(ms / 1000);
  const days = Math.floor(total / 86_400);
  const hh = String(Math.floor((total % 86_400) / 3600)).padStart(2, '0');
  const mm = String(Math.floor((total % 3600) / 60)).padStart(2, '0');
  const ss = String(total % 60).padStart(2, '0');
  return `${days}.${hh}:${mm}:${ss}`;
}

export function refreshTokenGrant(req: GrantRequest): TokenResponseBody {
  const { ctx, params, app, tenant } = req;
  const token = params.get('refresh_token');
  if (!token) throw new ProtocolError(aadsts.missingParameter('refresh_token'));
  const grant = ctx.sealer.open(token);
  if (!grant) throw new ProtocolError(aadsts.refreshTokenUnusable());
  if (grant.clientId !== app.appId) throw new ProtocolError(aadsts.grantIssuedToOtherClient());
  if (tenant.kind === 'tenant' && tenant.tenant.id !== grant.tenantId) throw new ProtocolError(aadsts.grantIssuedToOtherClient());
  const now = ctx.clock.now();
  if (now - grant.issuedAt > refreshTokenInactivityMs) {
    throw new ProtocolError(aadsts.refreshTokenInactive(netTimestamp(grant.issuedAt), netDuration(refreshTokenInactivityMs)));
  }
  if (grant.spaSince !== undefined && now - grant.spaSince > spaRefreshTokenLifetimeMs) {
    throw new ProtocolError(aadsts.spaRefreshTokenExpired(netDuration(spaRefreshTokenLifetimeMs), netTimestamp(grant.spaSince)));
  }
  const user = ctx.directory.getUser(grant.userId);
  if (!user) throw new ProtocolError(aadsts.refreshTokenUnusable());
  if (user.signInSessionsValidFrom !== undefined && grant.authTime < user.signInSessionsValidFrom) {
    throw new ProtocolError(aadsts.sessionRevoked(netTimestamp(grant.authTime), netTimestamp(user.signInSessionsValidFrom)));
  }
  if (!user.accountEnabled) throw new ProtocolError(aadsts.userDisabled());

  let scopes = grant.scopes;
  // A refresh token is good for any resource the user consented to: `scope` names the one this access token is for.
  let audience = grant.audience;
  const scopeParam = params.get('scope');
  if (scopeParam) {
    const parsed = parseScopes(scopeParam, ctx.directory);
    if (!parsed.ok) throw new ProtocolError(parsed.error);
    scopes = [...new Set([...requestedDelegated(app, parsed.value), ...grant.scopes.filter(isOidcScope)])];
    audience = parsed.value.audience;
  }
  const consented = ctx.directory.grantedScopes(grant.tenantId, app.appId, user.id);
  const needed = scopes.filter((s) => s !== 'offline_access' || grant.scopes.includes('offline_access'));
  if (consented.size === 0 || needed.some((s) => !consented.has(s))) throw new ProtocolError(aadsts.consentMissing(app.appId, app.displayName));
  const sp = ctx.directory.servicePrincipal(grant.tenantId, app.appId);
  if (sp?.appRoleAssignmentRequired && !sp.assignedUserIds.includes(user.id)) {
    throw new ProtocolError(aadsts.userNotAssigned(app.displayName, app.appId, user.userPrincipalName));
  }
  const denied = tokenEndpointAccessError(ctx, { user, appId: app.appId, clientAppType: 'mobileAppsAndDesktopClients', ipAddress: req.ipAddress }, grant.mfa === true);
  if (denied) throw new ProtocolError(denied);
  return userTokenResponse(req, {
    tenantId: grant.tenantId,
    user,
    app,
    scopes,
    audience,
    refreshTokenAudience: grant.audience,
    sessionId: grant.sessionId,
    authTime: grant.authTime,
    ...(grant.mfa ? { mfa: true } : {}),
    ...(grant.spaSince !== undefined ? { spaSince: grant.spaSince } : {}),
  });
}
