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
  logger?: Logger;
}

export interface UserGraph {
  client: GraphClient;
  transfer: GraphTransferOptions;
}

export function graphFor(microsoft: FilesMicrosoft, workspaceId: string, user: ConnectionUser): UserGraph {
  const accessToken = () => microsoft.accessToken(workspaceId, user);
  const common = { graphUrl: microsoft.graphUrl, transport: microsoft.transport, accessToken, ...(microsoft.logger ? { logger: microsoft.logger } : {}) };
  return { client: createGraphClient(common), transfer: common };
}

/** How this user connects, for the not-connected problem. */
export function connectHint(workspaceId: string, user: ConnectionUser): string {
  return user.kind === 'console_user'
    ? 'Connect it in User Settings → Integrations.'
    : `Send the user a connect link: POST /api/v1/workspaces/${workspaceId}/users/${encodeURIComponent(user.id)}/connect-link.`;
}
