// grant_type=authorization_code (https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow,
// "Redeem a code for an access token"): the code is single use (AADSTS54005), lapses after 10 minutes
// (AADSTS70008), belongs to one client and tenant, the redirect_uri must be the one the code was issued to, and
// a PKCE code_verifier must match the challenge (RFC 7636; AADSTS501481).
import { createHash } from 'node:crypto';
import { aadsts } from '../aadsts-errors.js';
import { ProtocolError } from '../error-responses.js';
import type { GrantRequest, TokenResponseBody } from './grant-request.js';
import { redirectUriRegistered } from '../redirect-uri-match.js';
import { userTokenResponse } from './user-token-response.js';

function verifierMatches(verifier: string, challenge: string, method: 'S256' | 'plain'): boolean {
  const computed = method === 'S256' ? createHash('sha256').update(verifier).digest('base64url') : verifier;
  return computed === challenge;
}

export function authorizationCodeGrant(req: GrantRequest): TokenResponseBody {
  const { ctx, params, app, tenant } = req;
  const code = params.get('code');
  if (!code) throw new ProtocolError(aadsts.missingParameter('code'));
  const found = ctx.codes.find(code);
  if (!found) throw new ProtocolError(aadsts.malformedGrant());
  const { grant } = found;
  if (grant.redeemed) throw new ProtocolError(aadsts.codeAlreadyRedeemed());
  if (found.expired) throw new ProtocolError(aadsts.codeExpired());
  if (grant.clientId !== app.appId) throw new ProtocolError(aadsts.grantIssuedToOtherClient());
  if (tenant.kind === 'tenant' && tenant.tenant.id !== grant.tenantId) throw new ProtocolError(aadsts.codeRedeemedAgainstWrongTenant());
  const redirectUri = params.get('redirect_uri');
  if (!redirectUri) throw new ProtocolError(aadsts.missingParameter('redirect_uri'));
  if (redirectUri !== grant.redirectUri) throw new ProtocolError(aadsts.redirectUriMismatchOnRedemption(redirectUri, grant.redirectUri));
  if (grant.codeChallenge) {
    const verifier = params.get('code_verifier');
    if (!verifier) throw new ProtocolError(aadsts.pkceVerifierMissing());
    if (!verifierMatches(verifier, grant.codeChallenge, grant.codeChallengeMethod ?? 'plain')) throw new ProtocolError(aadsts.pkceVerifierMismatch());
  }
  const user = ctx.directory.getUser(grant.userId);
  if (!user) throw new ProtocolError(aadsts.malformedGrant());
  grant.redeemed = true;
  return userTokenResponse(req, {
    tenantId: grant.tenantId,
    user,
    app,
    scopes: grant.scopes,
    audience: grant.audience,
    ...(grant.nonce !== undefined ? { nonce: grant.nonce } : {}),
    sessionId: grant.sessionId,
    authTime: grant.authTime,
    ...(grant.mfa ? { mfa: true } : {}),
    ...(redirectUriRegistered(app.spaRedirectUris ?? [], grant.redirectUri) ? { spaSince: ctx.clock.now() } : {}),
  });
}
