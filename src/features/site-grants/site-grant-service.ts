// Grants the integration's app each allowed SharePoint site (Sites.Selected), acting as the console admin who asks:
// Microsoft accepts the grant (POST /sites/{site-id}/permissions) only from a token holding Sites.FullControl.All
// (https://learn.microsoft.com/graph/api/site-post-permissions), which the hub's own app should not hold in
// application mode — the point of Sites.Selected — so the admin's own delegated connection makes it.
import { createGraphClient, type FetchLike } from '../../microsoft/graph/graph-client.js';
import { grantSites, type SiteGrantResult } from '../../microsoft/graph/sharepoint-sites.js';
import { decodeGrantedPermissions } from '../../microsoft/identity/index.js';
import { HttpProblem } from '../../platform/http/http-problem.js';
import type { Logger } from '../../platform/logging/logger.js';
import type { ConnectionUser } from '../../contract/integration-schemas.js';
import type { IntegrationAuth } from '../integrations/index.js';

export const FULL_CONTROL = 'Sites.FullControl.All';

export interface SiteGrantDeps {
  integrations: { loadIntegrationAuth(workspaceId: string): Promise<IntegrationAuth | undefined> };
  /** The user's delegated Graph token; undefined (or a connection_not_found error) when they have no connection. */
  delegatedToken: (workspaceId: string, user: ConnectionUser) => Promise<string | undefined>;
  graphUrl: string;
  fetch?: FetchLike;
  logger?: Logger;
  /** Where an admin grants consent for this workspace. */
  adminConsentLink?: (workspaceId: string) => string | undefined;
}

async function adminToken(deps: SiteGrantDeps, workspaceId: string, user: ConnectionUser | null): Promise<string> {
  const consent = deps.adminConsentLink?.(workspaceId);
  const consentHint = consent ? ` Admin consent for this workspace: ${consent}` : '';
  if (!user) {
    throw new HttpProblem('sites_full_control_required', {
      detail: `An API key has no Microsoft 365 connection of its own: call with X-M365Hub-Acting-User naming a connected SharePoint administrator whose connection holds ${FULL_CONTROL}, or grant from the console.${consentHint}`,
    });
  }
  const token = await deps.delegatedToken(workspaceId, user).catch((error: unknown) => {
    if ((error as { code?: unknown })?.code === 'connection_not_found') return undefined;
    throw error;
  });
  if (!token) {
    throw new HttpProblem('sites_full_control_required', {
      detail: `You have not connected Microsoft 365 in this workspace. Connect your own account (User settings → Your integrations) as a SharePoint administrator, with the delegated permission ${FULL_CONTROL} consented, then grant again.${consentHint}`,
    });
  }
  const granted = decodeGrantedPermissions(token).scp.map((s) => s.toLowerCase());
  if (!granted.includes(FULL_CONTROL.toLowerCase())) {
    throw new HttpProblem('sites_full_control_required', {
      detail: `Your Microsoft 365 connection does not hold ${FULL_CONTROL}, which granting a site needs. Add the delegated permission ${FULL_CONTROL} to the app registration, grant admin consent, reconnect your account, then grant again.${consentHint}`,
    });
  }
  return token;
}

/** Grants every allowed site to the integration's app with the `read` role; per site: granted, already granted, not found or refused. */
export async function grantAllowedSites(deps: SiteGrantDeps, workspaceId: string, user: ConnectionUser | null): Promise<SiteGrantResult[]> {
  const auth = await deps.integrations.loadIntegrationAuth(workspaceId);
  if (!auth) throw new HttpProblem('integration_not_configured');
  if (auth.allowedSites.length === 0) throw new HttpProblem('allowed_sites_missing');
  const token = await adminToken(deps, workspaceId, user);
  const graph = createGraphClient({ graphUrl: deps.graphUrl, accessToken: async () => token, ...(deps.fetch ? { fetch: deps.fetch } : {}), ...(deps.logger ? { logger: deps.logger } : {}) });
  return grantSites(graph, { appId: auth.clientId, displayName: 'm365hub' }, auth.allowedSites, 'read');
}
