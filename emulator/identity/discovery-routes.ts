// OpenID Connect discovery and the signing keys
// (https://learn.microsoft.com/entra/identity-platform/v2-protocols-oidc "Find your app's OpenID configuration
// document URI"; field set of the captured documents in /work/shared/microsoft/identity/token-responses.json).
// For a tenant GUID or domain the endpoints carry the tenant GUID and the issuer is `{origin}/{tid}/v2.0`; for
// `common` and `organizations` the endpoints keep the alias and the issuer is the `{tenantid}` template.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { EmulatorContext } from '../server/emulator-context.js';
import { aadsts } from './aadsts-errors.js';
import { endpointUrls, v2Issuer } from './endpoint-urls.js';
import { sendProtocolError } from './error-responses.js';
import { resolveTenantSegment, type TenantSegment } from './tenant-resolver.js';

type TenantParams = { Params: { tenant: string } };

const claimsSupported = ['sub', 'iss', 'cloud_instance_name', 'cloud_instance_host_name', 'cloud_graph_host_name', 'msgraph_host', 'aud', 'exp', 'iat', 'auth_time', 'acr', 'nonce', 'preferred_username', 'name', 'tid', 'ver', 'at_hash', 'c_hash', 'email'];

function publicCacheable(reply: FastifyReply): FastifyReply {
  return reply.header('cache-control', 'max-age=86400, private').header('access-control-allow-origin', '*').type('application/json; charset=utf-8');
}

function resolvedOrFail(ctx: EmulatorContext, request: FastifyRequest<TenantParams>, reply: FastifyReply): Exclude<TenantSegment, { kind: 'unknown' }> | undefined {
  const tenant = resolveTenantSegment(ctx.directory, request.params.tenant);
  if (tenant.kind === 'unknown') {
    // Discovery answers an unknown tenant with error "invalid_tenant" rather than invalid_request.
    void sendProtocolError(reply, { ...aadsts.tenantNotFound(request.params.tenant), error: 'invalid_tenant' }, request.trace, ctx.origin(request));
    return undefined;
  }
  return tenant;
}

export function openIdConfiguration(origin: string, tenant: Exclude<TenantSegment, { kind: 'unknown' }>) {
  const specific = tenant.kind === 'tenant';
  const segment = specific ? tenant.tenant.id : tenant.segment;
  const urls = endpointUrls(origin, segment);
  return {
    token_endpoint: urls.token,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: urls.jwks,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: v2Issuer(origin, specific ? tenant.tenant.id : '{tenantid}'),
    request_uri_parameter_supported: false,
    userinfo_endpoint: 'https://graph.microsoft.com/oidc/userinfo',
    authorization_endpoint: urls.authorization,
    device_authorization_endpoint: urls.deviceCode,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: urls.logout,
    claims_supported: claimsSupported,
    kerberos_endpoint: urls.kerberos,
    tenant_region_scope: specific ? 'NA' : null,
    cloud_instance_name: 'microsoftonline.com',
    cloud_graph_host_name: 'graph.windows.net',
    msgraph_host: 'graph.microsoft.com',
    rbac_url: 'https://pas.windows.net',
  };
}

export function registerDiscoveryRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.get<TenantParams>('/:tenant/v2.0/.well-known/openid-configuration', async (request, reply) => {
    const tenant = resolvedOrFail(ctx, request, reply);
    if (!tenant) return reply;
    return publicCacheable(reply).send(openIdConfiguration(ctx.origin(request), tenant));
  });

  const keys = async (request: FastifyRequest<TenantParams>, reply: FastifyReply) => {
    const tenant = resolvedOrFail(ctx, request, reply);
    if (!tenant) return reply;
    const issuer = v2Issuer(ctx.origin(request), tenant.kind === 'tenant' ? tenant.tenant.id : '{tenantid}');
    return publicCacheable(reply).send({ keys: ctx.keys.published.map((k) => ({ ...k.publicJwk, issuer })) });
  };
  app.get<TenantParams>('/:tenant/discovery/v2.0/keys', keys);
  app.get<TenantParams>('/:tenant/discovery/keys', keys);
}
