// GET /api/v1/workspaces/{workspaceId}/integrations/m365/consent-requests: the admin consent requests users made
// for the workspace's app (who, when, why, the outcome) and where an administrator approves them. Workspace admins
// and the workspace's API key; read live from Microsoft Graph as the workspace's application (the token service's
// application token, through the Graph client factory).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Kysely } from 'kysely';
import { ConsentRequestList } from '../../contract/integration-schemas.js';
import { WorkspaceParams } from '../../contract/api-schemas.js';
import type { GraphClient } from '../../microsoft/graph/graph-client.js';
import { GraphError } from '../../microsoft/graph/graph-error.js';
import { IdentityError } from '../../microsoft/identity/index.js';
import { isMultiTenantAlias } from '../../microsoft/identity/tenant-metadata.js';
import { workspaceOf } from '../../platform/http/authenticate.js';
import { HttpProblem } from '../../platform/http/http-problem.js';
import type { Database } from '../../platform/store/schema.js';
import { readConsentRequests, REQUIRED_PERMISSION, reviewUrl, type ConsentRequestRead } from './consent-request-reader.js';

/** What the composition root provides: a Graph client acting as the workspace's application (tokens feature). */
export interface ConsentRequestServices {
  graphs: { forApp(workspaceId: string): GraphClient };
}

export interface ConsentRequestRouteDeps extends ConsentRequestServices {
  db: Kysely<Database>;
  /** Config.cloud.entraAdminCenterUrl: each national cloud has its own admin center. */
  entraAdminCenterUrl: string;
}

const NO_INTEGRATION = 'This workspace has no Microsoft 365 integration. Create it with PUT …/integrations/m365.';
const NO_TENANT =
  'This multi-tenant integration has no customer tenant yet, so there is no directory to read requests from. Grant admin consent from the customer tenant (it records the tenant), or enter the Azure tenant id in the integration settings.';

export function registerConsentRequestRoutes(server: FastifyInstance, deps: ConsentRequestRouteDeps): void {
  const api = server.withTypeProvider<TypeBoxTypeProvider>();
  api.get(
    '/api/v1/workspaces/:workspaceId/integrations/m365/consent-requests',
    {
      config: { access: 'workspace_admin' },
      schema: {
        tags: ['microsoft 365 integration'],
        summary:
          "The users' admin consent requests for the workspace's app (Microsoft's admin consent workflow): who asked, when, their justification and the outcome, with the Entra admin center page that approves them. Needs ConsentRequest.Read.All; without it `readable` is false and `message` says what to add.",
        params: WorkspaceParams,
        response: { 200: ConsentRequestList },
      },
    },
    async (request): Promise<ConsentRequestList> => {
      const workspaceId = workspaceOf(request).id;
      const integration = await deps.db
        .selectFrom('m365_integrations')
        .select(['client_id', 'azure_tenant_id', 'admin_consent_tenant'])
        .where('workspace_id', '=', workspaceId)
        .executeTakeFirst();
      if (!integration) throw new HttpProblem('not_found', { detail: NO_INTEGRATION });
      // The token service asks Microsoft for the same tenant (the integration's, or the one admin consent recorded).
      const configured = integration.azure_tenant_id && !isMultiTenantAlias(integration.azure_tenant_id) ? integration.azure_tenant_id : null;
      const tenant = configured ?? integration.admin_consent_tenant;
      const answer = (read: ConsentRequestRead): ConsentRequestList => ({
        ...read,
        requiredPermission: REQUIRED_PERMISSION,
        appId: integration.client_id,
        tenant,
        reviewUrl: reviewUrl(deps.entraAdminCenterUrl, tenant),
      });
      if (!tenant) return answer({ readable: false, message: NO_TENANT, requests: [] });

      try {
        return answer(await readConsentRequests(deps.graphs.forApp(workspaceId), integration.client_id));
      } catch (error) {
        if (error instanceof GraphError) {
          const ids = error.requestId ? ` Microsoft's request id: ${error.requestId}.` : '';
          throw new HttpProblem('microsoft_unavailable', { detail: `Microsoft Graph did not answer the consent request read normally (${error.status || error.code}).${ids} Try again in a minute.` });
        }
        return answer(tokenFailure(error));
      }
    },
  );
}

/**
 * No application token: a registration fault (wrong or expired secret, no consent …) is said on the card with
 * Microsoft's words and the fix, like any other reason the requests cannot be read; Microsoft being unavailable is
 * a 503 to retry; no active credential is the integration's own problem.
 */
function tokenFailure(error: unknown): ConsentRequestRead {
  const code = (error as { code?: unknown })?.code;
  if (code === 'integration_not_configured') {
    throw new HttpProblem('integration_not_configured', { detail: 'The integration has no active credential. Set a client secret or certificate with PUT …/integrations/m365.' });
  }
  if (code === 'token_service_unavailable' || (error instanceof IdentityError && !error.permanent)) {
    throw new HttpProblem('microsoft_unavailable', { detail: 'Microsoft Entra ID did not issue the application token after the retries allowed. Try again in a minute.' });
  }
  if (error instanceof IdentityError) {
    return { readable: false, message: `The app's token could not be obtained, so the requests were not read: ${error.userMessage} ${error.fix}`, requests: [] };
  }
  throw error;
}
