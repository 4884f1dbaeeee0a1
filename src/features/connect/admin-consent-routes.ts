// Admin consent for a workspace's integration: Microsoft's URL for a signed-in console admin (bound to their
// browser), and a single-use link the host product's backend asks for, for a tenant administrator without a console account.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { auditContextOf, principalOf, workspaceOf } from '../../platform/http/authenticate.js';
import { HttpProblem } from '../../platform/http/http-problem.js';
import { recordAudit } from '../audit/index.js';
import { ADMIN_CONSENT_LINK_PATH, createAdminConsentLink } from './connect-links.js';
import { WorkspaceParams } from '../../contract/api-schemas.js';
import { AdminConsentLink, ConnectLinkBody } from '../../contract/integration-schemas.js';
import { checkedReturnTo, hubOrigin, m365Problem, workspaceHome, type M365RouteDeps } from './connect-http.js';
import { setBrowserBinding } from './m365-auth-routes.js';

const tags = ['microsoft 365 integration'];
const BASE = '/api/v1/workspaces/:workspaceId/integrations/m365';

export function registerAdminConsentRoutes(server: FastifyInstance, deps: M365RouteDeps): void {
  const api = server.withTypeProvider<TypeBoxTypeProvider>();
  // The host product's "Approval required" page: a link its backend asks for with the API key and shows (or sends) to
  // the customer's tenant administrator, who needs no console account. Single use, 24 hours; opening it starts
  // Microsoft's admin consent in that administrator's browser.
  api.post(
    `${BASE}/admin-consent-link`,
    {
      config: { access: 'workspace_admin' },
      schema: {
        tags,
        summary: "A single-use admin consent link (24 hours) for a tenant administrator who is not a console user; it starts Microsoft's admin consent in their browser",
        params: WorkspaceParams,
        body: Type.Optional(ConnectLinkBody),
        response: { 201: AdminConsentLink },
      },
    },
    async (request, reply) => {
      const workspaceId = workspaceOf(request).id;
      let returnTo: string | null = null;
      try {
        // Without one, the administrator ends on the workspace's own URL (when FRONTEND_URL is set), not a dead end.
        returnTo = request.body?.returnTo ? await checkedReturnTo(deps, request, workspaceId, request.body.returnTo) : ((await workspaceHome(deps, workspaceId)) ?? null);
        if (!(await deps.integrations.get(workspaceId))) throw new HttpProblem('integration_not_configured');
      } catch (error) {
        throw m365Problem(error);
      }
      const { token, expiresAt } = await createAdminConsentLink(deps.db, { workspaceId, returnTo }, deps.clock.now());
      await recordAudit(deps.db, { workspaceId, ...auditContextOf(request, deps.clock), action: 'integration.admin_consent_link_created', target: { type: 'm365_integration', id: workspaceId } });
      return reply
        .code(201)
        .header('cache-control', 'no-store')
        .send({ url: `${hubOrigin(request, deps.config)}${ADMIN_CONSENT_LINK_PATH}/${token}`, expiresAt: expiresAt.toISOString() });
    },
  );

  // Console admins only: the state is bound to the browser that asks (a cookie set on this answer), so the link
  // works in that browser; an API key has no browser to bind to (it asks for …/admin-consent-link instead).
  api.get(
    `${BASE}/admin-consent-url`,
    {
      config: {
        access: 'workspace_admin_user',
        forbiddenForApiKey:
          "Microsoft's admin consent URL is bound to the browser that asks for it, so only a signed-in console admin gets it. With an API key, ask for a single-use admin consent link instead: POST …/integrations/m365/admin-consent-link.",
      },
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
          startedBy: principal.kind === 'user' ? { kind: 'console_user', id: principal.user.id } : null,
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
