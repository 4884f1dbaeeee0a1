// Endpoints other answers point at that the emulator does not otherwise serve:
//  - `kerberos_endpoint` of the discovery document, Entra ID's Kerberos KDC proxy (MS-KKDCP, used by Windows
//    devices for cloud Kerberos trust): a real endpoint, not emulated, so it answers emulator_unsupported naming it;
//  - the v1.0 `authorization_uri` in Graph's `WWW-Authenticate` (`{origin}/common/oauth2/authorize`): like Microsoft's,
//    a request without client_id shows the AADSTS900144 page; a complete v1.0 request is answered on a page as
//    unsupported, pointing at the v2.0 endpoint the emulator implements
//    (https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { EmulatorContext } from '../server/emulator-context.js';
import { aadsts } from './aadsts-errors.js';
import { sendProtocolError } from './error-responses.js';
import { showErrorPage } from './error-page.js';
import { parseProtocolParams, rawQuery } from './request-params.js';

type TenantParams = { Params: { tenant: string } };

export function registerAdvertisedEndpoints(app: FastifyInstance, ctx: EmulatorContext): void {
  const kerberos = async (request: FastifyRequest<TenantParams>, reply: Parameters<typeof sendProtocolError>[0]) =>
    sendProtocolError(reply, aadsts.unsupported('Kerberos over HTTPS (the KDC proxy of kerberos_endpoint, MS-KKDCP)'), request.trace, ctx.origin(request));
  app.get<TenantParams>('/:tenant/kerberos', kerberos);
  app.post<TenantParams>('/:tenant/kerberos', kerberos);

  app.get<TenantParams>('/:tenant/oauth2/authorize', async (request, reply) => {
    const params = parseProtocolParams(rawQuery(request.url));
    if (!params.get('client_id')) return showErrorPage(request, reply, aadsts.missingParameter('client_id'));
    return showErrorPage(request, reply, aadsts.unsupported(`The v1.0 authorization endpoint (/${request.params.tenant}/oauth2/authorize; use /${request.params.tenant}/oauth2/v2.0/authorize)`));
  });
}
