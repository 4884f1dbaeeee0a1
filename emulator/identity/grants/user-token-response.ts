// The token response of the delegated grants (auth code and refresh), exactly as the v2.0 endpoint answers:
// token_type, scope, expires_in, ext_expires_in, access_token, then refresh_token only when offline_access was
// granted, id_token only with openid, client_info only when the request sent client_info=1
// (v2-oauth2-auth-code-flow.md "Successful response"; msal fixture AUTHENTICATION_RESULT in token-responses.json).
import type { Application, User } from '../../state/directory-types.js';
import { declaredClientCapabilities } from '../client-capabilities.js';
import { amrOf } from '../conditional-access.js';
import { isOidcScope } from '../graph-resource.js';
import { checkAudienceTenant, permissionsForAudience } from '../hosted-resources.js';
import { accessTokenLifetimeSeconds, clientInfo } from '../token-minter.js';
import type { GrantRequest, TokenResponseBody } from './grant-request.js';

export interface UserGrant {
  tenantId: string;
  user: User;
  app: Application;
  /** The delegated permissions of this grant (OIDC scopes included). */
  scopes: string[];
  audience: string;
  /** The resource a refresh token falls back to when redeemed without `scope` (the access token's audience unless set). */
  refreshTokenAudience?: string;
  nonce?: string;
  sessionId: string;
  authTime: number;
  /** A second factor was given at the sign-in this grant descends from. */
  mfa?: boolean;
  /** Single-page application grant: when its fixed 24-hour refresh token lifetime started. */
  spaSince?: number;
}

export function userTokenResponse(req: GrantRequest, grant: UserGrant): TokenResponseBody {
  const { ctx } = req;
  const consented = ctx.directory.grantedScopes(grant.tenantId, grant.app.appId, grant.user.id);
  // Graph tokens carry every permission consented for this user and app, not only the ones just asked for.
  const tenant = ctx.directory.findTenant(grant.tenantId)!;
  checkAudienceTenant(ctx.directory, grant.audience, tenant);
  const scp = permissionsForAudience(grant.audience, [...consented].filter((s) => s !== 'offline_access'), ctx.directory);
  const graphScopes = scp.filter((s) => !isOidcScope(s));
  const oidc = grant.scopes.filter(isOidcScope);
  const body: TokenResponseBody = {
    token_type: 'Bearer',
    scope: [...graphScopes, ...oidc].join(' '),
    expires_in: accessTokenLifetimeSeconds,
    ext_expires_in: accessTokenLifetimeSeconds,
    access_token: ctx.minter.userAccessToken({
      tenantId: grant.tenantId,
      app: grant.app,
      user: grant.user,
      scp,
      audience: grant.audience,
      clientAuth: req.clientAuth,
      sessionId: grant.sessionId,
      amr: amrOf(grant.mfa),
      wids: grant.user.directoryRoles,
      clientCapabilities: declaredClientCapabilities(req.params),
    }),
  };
  if (grant.scopes.includes('offline_access')) {
    body.refresh_token = ctx.sealer.seal({
      tenantId: grant.tenantId,
      userId: grant.user.id,
      clientId: grant.app.appId,
      scopes: grant.scopes,
      audience: grant.refreshTokenAudience ?? grant.audience,
      authTime: grant.authTime,
      issuedAt: ctx.clock.now(),
      sessionId: grant.sessionId,
      ...(grant.mfa ? { mfa: true } : {}),
      ...(grant.spaSince !== undefined ? { spaSince: grant.spaSince } : {}),
    });
  }
  if (grant.scopes.includes('openid')) {
    body.id_token = ctx.minter.idToken({
      origin: req.origin,
      tenantId: grant.tenantId,
      app: grant.app,
      user: grant.user,
      oidcScopes: grant.scopes.filter(isOidcScope),
      ...(grant.nonce !== undefined ? { nonce: grant.nonce } : {}),
      sessionId: grant.sessionId,
      authTimeSeconds: Math.floor(grant.authTime / 1000),
    });
  }
  if (req.params.get('client_info') === '1') body.client_info = clientInfo(grant.user);
  return body;
}
