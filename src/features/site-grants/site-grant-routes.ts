// POST …/integrations/m365/site-grants: a workspace admin grants the integration's app every allowed site
// (Sites.Selected), with their own Microsoft 365 connection holding Sites.FullControl.All. Synchronous: three Graph
// calls per site, at most 200 sites (the settings' limit).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { WorkspaceParams } from '../../contract/api-schemas.js';
import { SiteGrantReport } from '../../contract/site-grant-schemas.js';
import type { ConnectionUser } from '../../contract/integration-schemas.js';
import { principalOf, workspaceOf } from '../../platform/http/authenticate.js';
import type { Principal } from '../../platform/http/principal.js';
import { grantAllowedSites, type SiteGrantDeps } from './site-grant-service.js';

/** Whose connection makes the grant: the console admin's own, or the host product's user an API key acts for. */
function granterOf(principal: Principal): ConnectionUser | null {
  if (principal.kind === 'user') return { kind: 'console_user', id: principal.user.id };
  return principal.actingUser ? { kind: 'external_user', id: principal.actingUser } : null;
}

export function registerSiteGrantRoutes(server: FastifyInstance, deps: SiteGrantDeps): void {
  server.withTypeProvider<TypeBoxTypeProvider>().post(
    '/api/v1/workspaces/:workspaceId/integrations/m365/site-grants',
    {
      config: { access: 'workspace_admin' as const },
      schema: {
        tags: ['microsoft 365 integration'],
        summary: "Sites.Selected: grant the integration's app each allowed SharePoint site (read), with your own connection holding Sites.FullControl.All; answers the result per site",
        params: WorkspaceParams,
        response: { 200: SiteGrantReport },
      },
    },
    async (request) => {
      const workspaceId = workspaceOf(request).id;
      const granter = granterOf(principalOf(request));
      const sites = await grantAllowedSites(deps, workspaceId, granter);
      return { sites };
    },
  );
}
