// POST /{tenant}/oauth2/v2.0/token. Shared checks in Microsoft's order (tenant, grant type, client, client
// authentication), then the grant. Parameters MSAL and other clients add (x-client-*, client-request-id,
// client_info, clidata, x-ms-lib-capability, the client-capabilities `claims` JSON …) are ignored, as Microsoft
// ignores what it does not act on; grants Microsoft supports but the emulator does not answer emulator_unsupported.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { EmulatorContext } from '../server/emulator-context.js';
import { aadsts } from './aadsts-errors.js';
import { authenticateClient, parseBasicAuthorization } from './client-authentication.js';
import { findClientApplication } from './client-application.js';
import { endpointUrls } from './endpoint-urls.js';
import { noStore, ProtocolError, sendProtocolError } from './error-responses.js';
import { authorizationCodeGrant } from './grants/authorization-code-grant.js';
import { allowCrossOrigin, preflight, spaRedemption } from './cross-origin-redemption.js';
import { clientCredentialsGrant } from './grants/client-credentials-grant.js';
import { deviceCodeGrant } from './grants/device-code-grant.js';
import type { GrantRequest, TokenResponseBody } from './grants/grant-request.js';
import { passwordGrant } from './grants/password-grant.js';
import { refreshTokenGrant } from './grants/refresh-token-grant.js';
import { parseProtocolParams, type ProtocolParams } from './request-params.js';
import type { Application } from '../state/directory-types.js';
import { resolveTenantSegment } from './tenant-resolver.js';

const grants: Record<string, (req: GrantRequest) => TokenResponseBody> = {
  client_credentials: clientCredentialsGrant,
  authorization_code: authorizationCodeGrant,
  refresh_token: refreshTokenGrant,
  password: passwordGrant,
  'urn:ietf:params:oauth:grant-type:device_code': deviceCodeGrant,
  device_code: deviceCodeGrant,
};

const unsupportedGrants: Record<string, string> = {
  'urn:ietf:params:oauth:grant-type:jwt-bearer': 'The on-behalf-of flow (grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer)',
  'urn:ietf:params:oauth:grant-type:saml1_1-bearer': 'SAML bearer assertion grants',
  'urn:ietf:params:oauth:grant-type:saml2-bearer': 'SAML bearer assertion grants',
  'urn:ietf:params:oauth:grant-type:token-exchange': 'Token exchange',
};

type TenantParams = { Params: { tenant: string } };

// The grants a public client may use without a credential once the registration allows public client flows
// (`isFallbackPublicClient`, https://learn.microsoft.com/entra/identity-platform/msal-client-applications); without
// that setting Microsoft asks for a credential (AADSTS7000218), as authenticateClient does.
const publicClientGrants = new Set(['urn:ietf:params:oauth:grant-type:device_code', 'device_code', 'password']);

function asPublicClient(app: Application, grantType: string, params: ProtocolParams, basic: unknown): boolean {
  return app.isFallbackPublicClient === true && publicClientGrants.has(grantType) && !params.has('client_secret') && !params.has('client_assertion') && !basic;
}

export function registerTokenEndpoint(app: FastifyInstance, ctx: EmulatorContext): void {
  app.post<TenantParams>('/:tenant/oauth2/v2.0/token', async (request, reply) => handleToken(ctx, request, reply));
  app.options<TenantParams>('/:tenant/oauth2/v2.0/token', async (request, reply) =>
    preflight(reply, request.headers.origin, request.headers['access-control-request-headers'] as string | undefined),
  );
  app.get<TenantParams>('/:tenant/oauth2/v2.0/token', async (request, reply) =>
    sendProtocolError(reply, aadsts.wrongVerb('GET'), request.trace, ctx.origin(request)),
  );
}

async function handleToken(ctx: EmulatorContext, request: FastifyRequest<TenantParams>, reply: FastifyReply) {
  const origin = ctx.origin(request);
  const fail = (err: Parameters<typeof sendProtocolError>[1]) => sendProtocolError(reply, err, request.trace, origin);
  const browserOrigin = request.headers.origin;
  allowCrossOrigin(reply, browserOrigin);
  const params = parseProtocolParams(typeof request.body === 'string' ? request.body : '');
  const grantType = params.get('grant_type');
  const basic = parseBasicAuthorization(request.headers.authorization);
  const clientId = (params.get('client_id') ?? basic?.clientId)?.toLowerCase();
  request.protocolOutcome.grantType = grantType;
  request.protocolOutcome.clientId = clientId;

  if (params.duplicated) return fail(aadsts.duplicatedParameter(params.duplicated));
  const tenant = resolveTenantSegment(ctx.directory, request.params.tenant);
  if (tenant.kind === 'unknown') return fail(aadsts.tenantNotFound(request.params.tenant));
  if (tenant.kind === 'consumers') return fail(aadsts.unsupported('Personal Microsoft accounts (the /consumers authority)'));
  if (!grantType) return fail(aadsts.missingParameter('grant_type'));
  const grant = grants[grantType];
  if (!grant) return fail(unsupportedGrants[grantType] ? aadsts.unsupported(unsupportedGrants[grantType]) : aadsts.unsupportedGrantType(grantType));
  if (params.has('resource')) return fail(aadsts.resourceParameterUnsupported());
  if (!clientId) return fail(aadsts.missingParameter('client_id'));
  const found = findClientApplication(ctx.directory, tenant, clientId, 'token');
  if (!found.ok) return fail(found.error);

  const audiences = tokenEndpointAudiences(origin, request.params.tenant, tenant);
  try {
    const publicClient = spaRedemption(ctx, found.app, grantType, params, browserOrigin) || asPublicClient(found.app, grantType, params, basic);
    const clientAuth = publicClient ? '0' : await authenticateClient(found.app, params, basic, audiences, ctx.clock.now());
    const body = grant({ ctx, params, tenant, origin, app: found.app, clientAuth, ipAddress: request.ip });
    return noStore(reply).type('application/json; charset=utf-8').send(body);
  } catch (error) {
    if (error instanceof ProtocolError) return fail(error.aadsts);
    throw error;
  }
}

/** A client assertion's `aud` may name the token endpoint by the path segment used, the tenant id or any domain. */
function tokenEndpointAudiences(origin: string, segment: string, tenant: ReturnType<typeof resolveTenantSegment>): string[] {
  const segments = new Set([segment]);
  if (tenant.kind === 'tenant') {
    segments.add(tenant.tenant.id);
    for (const d of tenant.tenant.domains) segments.add(d);
  }
  return [...segments].flatMap((s) => [endpointUrls(origin, s).token, `${origin}/${s}/oauth2/token`]);
}
