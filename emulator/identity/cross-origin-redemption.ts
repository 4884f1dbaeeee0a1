// Token redemption from a browser (https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow
// "Redirect URIs for single-page apps (SPAs)"): a code issued to a redirect URI of the single-page application
// platform is redeemed by a public client, cross-origin (the request carries `Origin`) and without a credential;
// a code issued to a web redirect URI redeemed cross-origin gets AADSTS9002326, an SPA code redeemed without
// `Origin` AADSTS9002327. The token endpoint answers a browser's CORS requests (preflight and response) so the
// browser lets the SPA read both tokens and these errors.
import type { FastifyReply } from 'fastify';
import type { EmulatorContext } from '../server/emulator-context.js';
import type { Application } from '../state/directory-types.js';
import { aadsts } from './aadsts-errors.js';
import { ProtocolError } from './error-responses.js';
import { redirectUriRegistered } from './redirect-uri-match.js';
import type { ProtocolParams } from './request-params.js';

/**
 * For an authorization_code or refresh_token request: true when it is an SPA redemption (public client); throws
 * the refusals. Refresh tokens issued to an SPA follow the same rule as its codes: redeemed cross-origin, without a
 * credential ("Refresh tokens issued to SPAs … must be redeemed via cross-origin requests", refresh-tokens).
 */
export function spaRedemption(ctx: EmulatorContext, app: Application, grantType: string, params: ProtocolParams, origin: string | undefined): boolean {
  if (grantType === 'refresh_token') {
    const refresh = params.get('refresh_token');
    const grant = refresh ? ctx.sealer.open(refresh) : undefined;
    if (!grant?.spaSince || grant.clientId !== app.appId) return false;
    if (!origin) throw new ProtocolError(aadsts.spaRedemptionNotCrossOrigin());
    return !params.has('client_secret') && !params.has('client_assertion');
  }
  if (grantType !== 'authorization_code') return false;
  const code = params.get('code');
  const grant = code ? ctx.codes.find(code)?.grant : undefined;
  // An unknown code is the grant's to refuse (AADSTS9002313), in Microsoft's order of checks.
  if (!grant || grant.clientId !== app.appId) return false;
  const spa = redirectUriRegistered(app.spaRedirectUris ?? [], grant.redirectUri);
  if (spa && !origin) throw new ProtocolError(aadsts.spaRedemptionNotCrossOrigin());
  if (!spa && origin) throw new ProtocolError(aadsts.crossOriginRedemptionNotSpa(origin));
  return spa && !params.has('client_secret') && !params.has('client_assertion');
}

/** CORS headers of a token endpoint answer to a browser request (any origin: the grant decides what it gets). */
export function allowCrossOrigin(reply: FastifyReply, origin: string | undefined): FastifyReply {
  if (origin) reply.header('access-control-allow-origin', origin).header('vary', 'Origin');
  return reply;
}

/** The answer to a CORS preflight of the token endpoint: POST with the headers the browser asked for. */
export function preflight(reply: FastifyReply, origin: string | undefined, requestedHeaders: string | undefined) {
  allowCrossOrigin(reply, origin ?? '*');
  return reply
    .code(200)
    .header('access-control-allow-methods', 'POST, OPTIONS')
    .header('access-control-allow-headers', requestedHeaders ?? 'content-type')
    .header('access-control-max-age', '86400')
    .send();
}
