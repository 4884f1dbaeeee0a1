// grant_type=urn:ietf:params:oauth:grant-type:device_code, the poll of the device authorization grant
// (https://learn.microsoft.com/entra/identity-platform/v2-oauth2-device-code "Authenticating the user"): the same
// client must poll; until the user finished on the device login page the answer is authorization_pending
// (AADSTS70016), after 15 minutes expired_token (AADSTS70019), a declined sign-in authorization_declined, an unknown
// or redeemed code bad_verification_code; success is the token response of the other delegated grants.
import { aadsts } from '../aadsts-errors.js';
import { ProtocolError } from '../error-responses.js';
import type { GrantRequest, TokenResponseBody } from './grant-request.js';
import { userTokenResponse } from './user-token-response.js';

export function deviceCodeGrant(req: GrantRequest): TokenResponseBody {
  const { ctx, params, app } = req;
  const deviceCode = params.get('device_code');
  if (!deviceCode) throw new ProtocolError(aadsts.missingParameter('device_code'));
  const found = ctx.deviceCodes.find(deviceCode);
  if (!found || found.authorization.clientId !== app.appId) throw new ProtocolError(aadsts.deviceCodeUnknown());
  const { authorization, expired } = found;
  const outcome = authorization.outcome;
  if (outcome.kind === 'redeemed') throw new ProtocolError(aadsts.deviceCodeUnknown());
  if (expired) throw new ProtocolError(aadsts.deviceCodeExpired());
  if (outcome.kind === 'declined') throw new ProtocolError(aadsts.deviceAuthorizationDeclined());
  if (outcome.kind === 'pending') {
    throw new ProtocolError(ctx.deviceCodes.pollTooSoon(authorization) ? aadsts.deviceCodeSlowDown() : aadsts.authorizationPending());
  }
  const user = ctx.directory.getUser(outcome.userId);
  if (!user || !user.accountEnabled) throw new ProtocolError(aadsts.deviceCodeUnknown());
  authorization.outcome = { kind: 'redeemed' };
  return userTokenResponse(req, {
    tenantId: user.tenantId,
    user,
    app,
    scopes: outcome.scopes,
    audience: authorization.scopes.audience,
    sessionId: outcome.sessionId,
    authTime: outcome.authTime,
    ...(outcome.mfa ? { mfa: true } : {}),
  });
}
