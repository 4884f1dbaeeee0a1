// The device authorization grant's two front doors (https://learn.microsoft.com/entra/identity-platform/v2-oauth2-device-code):
//  - POST /{tenant}/oauth2/v2.0/devicecode (client_id, scope) answers device_code, user_code, verification_uri,
//    expires_in (900), interval (5) and message; no verification_uri_complete ("not included or supported").
//  - GET /devicelogin is the page the user opens on another device: enter the code (`otc`), then the emulator's
//    usual sign-in and consent pages, ending on a confirmation page instead of a redirect (device-approval.ts).
// The polling half is grants/device-code-grant.ts.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { EmulatorContext } from '../server/emulator-context.js';
import { deviceCodeLifetimeSeconds } from '../state/device-codes.js';
import { deviceCodeEntryPage } from '../ui/device-pages.js';
import { aadsts } from './aadsts-errors.js';
import { findClientApplication } from './client-application.js';
import { noStore, sendProtocolError } from './error-responses.js';
import type { AuthorizeInteraction } from './interaction-state.js';
import { advance } from './interactive-routes.js';
import { parseProtocolParams, rawQuery } from './request-params.js';
import { parseScopes } from './scope-request.js';
import { resolveTenantSegment } from './tenant-resolver.js';

type TenantParams = { Params: { tenant: string } };

export const deviceLoginPath = '/devicelogin';

export function registerDeviceCodeRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.post<TenantParams>('/:tenant/oauth2/v2.0/devicecode', async (request, reply) => requestDeviceCode(ctx, request, reply));
  app.get(deviceLoginPath, async (request, reply) => enterCode(ctx, request, reply));
}

function requestDeviceCode(ctx: EmulatorContext, request: FastifyRequest<TenantParams>, reply: FastifyReply) {
  const origin = ctx.origin(request);
  const fail = (err: Parameters<typeof sendProtocolError>[1]) => sendProtocolError(reply, err, request.trace, origin);
  const params = parseProtocolParams(typeof request.body === 'string' ? request.body : '');
  const clientId = params.get('client_id')?.toLowerCase();
  request.protocolOutcome.grantType = 'device_authorization';
  request.protocolOutcome.clientId = clientId;
  if (params.duplicated) return fail(aadsts.duplicatedParameter(params.duplicated));
  const tenant = resolveTenantSegment(ctx.directory, request.params.tenant);
  if (tenant.kind === 'unknown') return fail(aadsts.tenantNotFound(request.params.tenant));
  if (tenant.kind === 'consumers') return fail(aadsts.unsupported('Personal Microsoft accounts (the /consumers authority)'));
  if (!clientId) return fail(aadsts.missingParameter('client_id'));
  const found = findClientApplication(ctx.directory, tenant, clientId, 'token');
  if (!found.ok) return fail(found.error);
  const scope = params.get('scope');
  if (!scope) return fail(aadsts.missingParameter('scope'));
  const scopes = parseScopes(scope, ctx.directory);
  if (!scopes.ok) return fail(scopes.error);

  const { deviceCode, authorization } = ctx.deviceCodes.issue({
    tenantSegment: request.params.tenant,
    ...(tenant.kind === 'tenant' ? { tenantId: tenant.tenant.id } : {}),
    clientId: found.app.appId,
    scopes: scopes.value,
  });
  const verificationUri = `${origin}${deviceLoginPath}`;
  return noStore(reply)
    .type('application/json; charset=utf-8')
    .send({
      user_code: authorization.userCode,
      device_code: deviceCode,
      verification_uri: verificationUri,
      expires_in: deviceCodeLifetimeSeconds,
      interval: authorization.intervalSeconds,
      // Microsoft's wording (the captured response in Microsoft Q&A 981553 and msal's DEVICE_CODE_RESPONSE fixture).
      message: `To sign in, use a web browser to open the page ${verificationUri} and enter the code ${authorization.userCode} to authenticate.`,
    });
}

function enterCode(ctx: EmulatorContext, request: FastifyRequest, reply: FastifyReply) {
  const typed = parseProtocolParams(rawQuery(request.url)).get('otc');
  const page = (error?: string) =>
    reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(deviceCodeEntryPage({ actionUrl: deviceLoginPath, ...(error ? { error, code: typed } : {}) }));
  if (!typed) return page();
  const authorization = ctx.deviceCodes.findByUserCode(typed);
  if (!authorization) return page("That code didn't work. Check the code and try again.");
  const p: AuthorizeInteraction = {
    kind: 'authorize',
    tenantSegment: authorization.tenantSegment,
    ...(authorization.tenantId ? { tenantId: authorization.tenantId } : {}),
    clientId: authorization.clientId,
    // Never used: a device sign-in ends on the confirmation page, not at a redirect URI.
    target: { redirectUri: '', responseMode: 'query' },
    scopes: authorization.scopes,
    includeClientInfo: false,
    deviceUserCode: authorization.userCode,
  };
  const id = ctx.pending.park(p);
  return advance(ctx, request, reply, id, p);
}
