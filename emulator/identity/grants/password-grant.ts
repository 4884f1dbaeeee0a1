// grant_type=password, the resource owner password credentials grant
// (https://learn.microsoft.com/entra/identity-platform/v2-oauth-ropc): username + password + scope, for work accounts
// only; no consent prompt is possible, so the user or an admin must have consented before (AADSTS65001 with
// suberror consent_required otherwise); the client authenticates as in every grant, so a confidential client without
// its credential gets AADSTS7000218. Errors: unknown user AADSTS50034 (suberror bad_token), wrong password
// AADSTS50126, disabled account AADSTS50057, unassigned user AADSTS50105; all `invalid_grant`. Conditional access
// asking for MFA: AADSTS50076 / 50079 (conditional-access.ts).
import { randomUUID } from 'node:crypto';
import { aadsts } from '../aadsts-errors.js';
import { ProtocolError } from '../error-responses.js';
import { requestedDelegated } from '../consent-policy.js';
import { parseScopes } from '../scope-request.js';
import { tokenEndpointAccessError } from '../conditional-access.js';
import { credentialMatches } from '../../state/credential-hash.js';
import type { GrantRequest, TokenResponseBody } from './grant-request.js';
import { userTokenResponse } from './user-token-response.js';

export function passwordGrant(req: GrantRequest): TokenResponseBody {
  const { ctx, params, app, tenant } = req;
  const username = params.get('username');
  if (!username) throw new ProtocolError(aadsts.missingParameter('username'));
  const password = params.get('password');
  if (!password) throw new ProtocolError(aadsts.missingParameter('password'));
  const scope = params.get('scope');
  if (!scope) throw new ProtocolError(aadsts.scopeMissing());
  const parsed = parseScopes(scope, ctx.directory);
  if (!parsed.ok) throw new ProtocolError(parsed.error);

  const home = tenant.kind === 'tenant' ? tenant.tenant : ctx.directory.findTenant(username.split('@')[1] ?? '');
  const user = home && ctx.directory.findUserByUpn(username, home.id);
  if (!home || !user) throw new ProtocolError(aadsts.ropcUserNotFound(username.toLowerCase(), home?.id ?? username.split('@')[1] ?? ''));
  if (!credentialMatches(password, user.passwordHash)) throw new ProtocolError(aadsts.ropcWrongPassword());
  if (!user.accountEnabled) throw new ProtocolError(aadsts.userDisabled());
  if (home.id !== app.tenantId && app.signInAudience !== 'AzureADMultipleOrgs') throw new ProtocolError(aadsts.applicationNotFound(app.appId, home.displayName));

  const scopes = requestedDelegated(app, parsed.value);
  const consented = ctx.directory.grantedScopes(home.id, app.appId, user.id);
  if (scopes.some((s) => !consented.has(s) && !['openid', 'profile', 'email', 'offline_access'].includes(s)) || consented.size === 0) {
    throw new ProtocolError(aadsts.consentMissing(app.appId, app.displayName));
  }
  const sp = ctx.directory.servicePrincipal(home.id, app.appId);
  if (sp?.appRoleAssignmentRequired && !sp.assignedUserIds.includes(user.id)) throw new ProtocolError(aadsts.userNotAssigned(app.displayName, app.appId, user.userPrincipalName));
  // ROPC cannot give a second factor: a policy asking for MFA answers 50076 (50079 without a registered method).
  const denied = tokenEndpointAccessError(ctx, { user, appId: app.appId, clientAppType: 'mobileAppsAndDesktopClients', ipAddress: req.ipAddress }, false);
  if (denied) throw new ProtocolError(denied);
  return userTokenResponse(req, {
    tenantId: home.id,
    user,
    app,
    scopes,
    audience: parsed.value.audience,
    sessionId: randomUUID(),
    authTime: ctx.clock.now(),
  });
}
