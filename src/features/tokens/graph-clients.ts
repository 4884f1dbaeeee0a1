// "A Graph client for (workspace, user | app[, tenant])": what files, compliance, proxy and actions all need. Built
// once in the composition over the one outbound transport, and fed by the token service, which is asked for a
// token on every attempt (so a refresh between retries is used, and the memory cache makes that free).
import { createGraphClient, type GraphClient } from '../../microsoft/graph/graph-client.js';
import { tenantPacingKey, type TenantPacer } from '../../microsoft/graph/tenant-pacer.js';
import type { MicrosoftTransport, RetryPolicy } from '../../microsoft/transport/index.js';
import type { Logger } from '../../platform/logging/logger.js';
import type { AccessToken } from './token-memory-cache.js';
import type { TokenPrincipal, TokenService } from './token-service.js';

export interface GraphClientFactory {
  /** Acts as the host product's user, with their delegated connection. */
  forUser(workspaceId: string, externalUserId: string): GraphClient;
  /** Acts as the workspace's application; `tenantId` picks one of a multi-tenant workspace's consenting tenants. */
  forApp(workspaceId: string, tenantId?: string): GraphClient;
}

export interface GraphClientFactoryOptions {
  /** Config.graphUrl. */
  graphUrl: string;
  transport: MicrosoftTransport;
  tokens: Pick<TokenService, 'getAccessToken'>;
  logger?: Logger;
  retry?: Partial<RetryPolicy>;
  timeoutMs?: number;
  /** The process's one tenant pacer, shared with the pass-through: a tenant Microsoft throttled waits everywhere. */
  pacer?: TenantPacer;
}

export function createGraphClientFactory(options: GraphClientFactoryOptions): GraphClientFactory {
  const tokenOf = (workspaceId: string, principal: TokenPrincipal) => options.tokens.getAccessToken({ workspaceId, principal, resource: 'graph' });
  const clientFor = (workspaceId: string, principal: TokenPrincipal): GraphClient =>
    createGraphClient({
      graphUrl: options.graphUrl,
      transport: options.transport,
      accessToken: async () => (await tokenOf(workspaceId, principal)).accessToken,
      ...(options.logger ? { logger: options.logger } : {}),
      ...(options.retry ? { retry: options.retry } : {}),
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
      ...(options.pacer ? { pacing: { pacer: options.pacer, tenantKey: principal.kind === 'application' ? appPacingKey(workspaceId, () => tokenOf(workspaceId, principal)) : tenantPacingKey(workspaceId, { kind: 'user' }) } } : {}),
    });
  return {
    forUser: (workspaceId, externalUserId) => clientFor(workspaceId, { kind: 'user', externalUserId }),
    forApp: (workspaceId, tenantId) => clientFor(workspaceId, tenantId === undefined ? { kind: 'application' } : { kind: 'application', tenantId }),
  };
}

/**
 * The app's pacing key in the tenant its token is for: by id, so a tenant named by one of its domains, or left to the
 * integration's default, waits in the same place as when named by id. Worked out once per client, on its first call.
 */
function appPacingKey(workspaceId: string, token: () => Promise<AccessToken>): () => Promise<string> {
  let key: Promise<string> | undefined;
  return () =>
    (key ??= token().then(
      ({ tenantId }) => tenantPacingKey(workspaceId, { kind: 'application', tenantId }),
      (error: unknown) => {
        key = undefined; // no token yet (a transient fault): the next call asks again
        throw error;
      },
    ));
}
