// grant_type=client_credentials (https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow):
// a tenant-specific authority, scope `{resource}/.default` only, and a token whose `roles` are the application
// permissions an admin granted in that tenant. Without any grant Microsoft still issues a token, just without
// `roles` (Graph then answers 403), and so does the emulator.
import { aadsts } from '../aadsts-errors.js';
import { ProtocolError } from '../error-responses.js';
import { checkAudienceTenant, permissionsForAudience } from '../hosted-resources.js';
import { parseClientCredentialsScope } from '../scope-request.js';
import { accessTokenLifetimeSeconds } from '../token-minter.js';
import type { GrantRequest, TokenResponseBody } from './grant-request.js';

export function clientCredentialsGrant(req: GrantRequest): TokenResponseBody {
  const { ctx, tenant, app } = req;
  if (tenant.kind !== 'tenant') throw new ProtocolError(tenant.kind === 'common' ? aadsts.grantNotSupportedOnCommon() : aadsts.noTenantInformation());
  const scope = req.params.get('scope');
  if (!scope) throw new ProtocolError(aadsts.missingParameter('scope'));
  const parsed = parseClientCredentialsScope(scope, ctx.directory);
  if (!parsed.ok) throw new ProtocolError(parsed.error);
  const servicePrincipal = ctx.directory.servicePrincipal(tenant.tenant.id, app.appId);
  if (!servicePrincipal) throw new ProtocolError(aadsts.applicationNotFound(app.appId, tenant.tenant.displayName));
  checkAudienceTenant(ctx.directory, parsed.audience, tenant.tenant);
  return {
    token_type: 'Bearer',
    expires_in: accessTokenLifetimeSeconds,
    ext_expires_in: accessTokenLifetimeSeconds,
    access_token: ctx.minter.appOnlyAccessToken({
      tenantId: tenant.tenant.id,
      app,
      servicePrincipal,
      roles: permissionsForAudience(parsed.audience, ctx.directory.grantedRoles(tenant.tenant.id, app.appId), ctx.directory),
      audience: parsed.audience,
      clientAuth: req.clientAuth,
      directoryRevision: ctx.directory.revision,
    }),
  };
}
