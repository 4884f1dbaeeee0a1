// The admin consent URL for a workspace's integration, handed to a console admin (the connect flow starts it).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { principalOf, workspaceOf } from '../../platform/http/authenticate.js';
import { WorkspaceParams } from '../../contract/api-schemas.js';
import { AdminConsentLink } from '../../contract/integration-schemas.js';
import { checkedReturnTo, m365Problem, type M365RouteDeps } from './connect-http.js';
import { setBrowserBinding } from './m365-auth-routes.js';

const tags = ['microsoft 365 integration'];
const BASE = '/api/v1/workspaces/:workspaceId/integrations/m365';

export function registerAdminConsentUrlRoute(server: FastifyInstance, deps: M365RouteDeps): void {
  const api = server.withTypeProvider<TypeBoxTypeProvider>();
  // Console admins only: the state is bound to the browser that asks (a cookie set on this answer), so the link
  // works in that browser; an API key has no browser to bind to.
  api.get(
    `${BASE}/admin-consent-url`,
    {
      config: { access: 'workspace_admin_user' },
      schema: {
        tags,
        summary: "Microsoft's admin consent URL for the integration (single use, 10 minutes); open it in the same browser",
        params: WorkspaceParams,
        querystring: Type.Object({ returnTo: Type.Optional(Type.String({ minLength: 1, maxLength: 2048 })) }, { additionalProperties: false }),
        response: { 200: AdminConsentLink },
      },
    },
    async (request, reply) => {
      const workspaceId = workspaceOf(request).id;
      const principal = principalOf(request);
      try {
        const returnTo = request.query.returnTo ? await checkedReturnTo(deps, request, workspaceId, request.query.returnTo) : null;
        const binding = setBrowserBinding(request, reply);
        const { url, expiresAt } = await deps.connect.startAdminConsent({
          workspaceId,
          startedBy: `console:${principal.kind === 'user' ? principal.user.id : ''}`,
          returnTo,
          browserBinding: binding,
        });
        return reply.header('cache-control', 'no-store').send({ url: url.toString(), expiresAt: expiresAt.toISOString() });
      } catch (error) {
        throw m365Problem(error);
      }
    },
  );
}
