// Graph access acting for one user of a workspace: the one Graph client for JSON calls and the transfer options
// for streaming downloads, both over the one outbound transport and fed by the token service (the composition
// passes `accessToken`, so this feature never handles refresh tokens).
import type { ConnectionUser } from '../../contract/integration-schemas.js';
import { createGraphClient, type GraphClient } from '../../microsoft/graph/graph-client.js';
import type { GraphTransferOptions } from '../../microsoft/graph/graph-download.js';
import type { MicrosoftTransport } from '../../microsoft/transport/index.js';
import type { Logger } from '../../platform/logging/logger.js';

export interface FilesMicrosoft {
  /** Config.graphUrl. */
  graphUrl: string;
  transport: MicrosoftTransport;
  /** A delegated Graph token of the user's connection (TokenService.getAccessToken). */
  accessToken(workspaceId: string, user: ConnectionUser): Promise<string>;
  /**
   * The workspace's application Graph token (TokenService.getAccessToken, principal application), in `tenantId`
   * when a multi-tenant workspace names one of its consenting tenants; browsing only.
   */
  appToken?(workspaceId: string, tenantId?: string): Promise<string>;
  /** The integration's allowed SharePoint site URLs (Sites.Selected); empty when it lists none. */
  allowedSites?(workspaceId: string): Promise<readonly string[]>;
  logger?: Logger;
}

/** Whom a call acts for: a user through their connection, or the workspace's app (application mode), in one tenant. */
export type FilesActor = ConnectionUser | { kind: 'application'; tenantId?: string };

export interface UserGraph {
  client: GraphClient;
  transfer: GraphTransferOptions;
}

export function graphFor(microsoft: FilesMicrosoft, workspaceId: string, actor: FilesActor): UserGraph {
  const accessToken = actor.kind === 'application' ? () => appTokenOf(microsoft)(workspaceId, actor.tenantId) : () => microsoft.accessToken(workspaceId, actor);
  const common = { graphUrl: microsoft.graphUrl, transport: microsoft.transport, accessToken, ...(microsoft.logger ? { logger: microsoft.logger } : {}) };
  return { client: createGraphClient(common), transfer: common };
}

function appTokenOf(microsoft: FilesMicrosoft): (workspaceId: string, tenantId?: string) => Promise<string> {
  if (!microsoft.appToken) throw new Error('application-mode files need FilesMicrosoft.appToken (composition)');
  return microsoft.appToken;
}

/** How this user connects, for the not-connected problem (the app has no connection to make). */
export function connectHint(workspaceId: string, user: FilesActor): string {
  if (user.kind === 'application') return 'Application mode uses the integration: grant admin consent and run Test Connection.';
  return user.kind === 'console_user'
    ? 'Connect it in User Settings → Integrations.'
    : `Send the user a connect link: POST /api/v1/workspaces/${workspaceId}/users/${encodeURIComponent(user.id)}/connect-link.`;
}
