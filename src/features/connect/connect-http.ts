// What the connect routes share: their dependencies, the hub's origin as the request addressed it, returnTo
// checking, and the mapping of connect and identity errors to problems.
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Config } from '../../platform/config/config.js';
import type { Database } from '../../platform/store/schema.js';
import { workspaceHomeUrl } from '../workspaces/index.js';
import type { Clock } from '../../platform/time/clock.js';
import { HttpProblem } from '../../platform/http/http-problem.js';
import { IdentityError } from '../../microsoft/identity/index.js';
import type { IntegrationStore } from '../integrations/index.js';
import { ConnectError } from './connect-error.js';
import type { ConnectFlow } from './connect-flow.js';
import { checkReturnTo } from './return-to.js';

/** What the composition root builds for the connect routes. */
export interface M365Services {
  integrations: IntegrationStore;
  connect: ConnectFlow;
}

export interface M365RouteDeps extends M365Services {
  config: Config;
  clock: Clock;
  db: Kysely<Database>;
}

/** Errors of the identity and connect layers as problems (their messages are catalogue text, never secrets). */
export function m365Problem(error: unknown): unknown {
  if (error instanceof ConnectError) {
    const code = error.code === 'integration_not_configured' || error.code === 'no_delegated_services' || error.code === 'return_to_not_allowed' ? error.code : 'validation_failed';
    return new HttpProblem(code, { detail: `${error.userMessage} ${error.fix}` });
  }
  if (error instanceof IdentityError && error.code === 'redirect_uri_not_configured') {
    return new HttpProblem('redirect_uri_not_configured', { detail: `${error.userMessage} ${error.fix}` });
  }
  return error;
}

/** The hub as this request addressed it; BACKEND_URL wins when set (the hub may sit behind a proxy). */
export function hubOrigin(request: FastifyRequest, config: Config): string {
  return config.backendUrl ? new URL(config.backendUrl).origin : `${request.protocol}://${request.host}`;
}

/**
 * The workspace's own URL (its subdomain of FRONTEND_URL), undefined without FRONTEND_URL. Flows that end in the
 * host product go back there, never to the root domain.
 */
export function workspaceHome(deps: M365RouteDeps, workspaceId: string): Promise<string | undefined> {
  return workspaceHomeUrl(deps.db, deps.config.frontendUrl, workspaceId);
}

/**
 * returnTo checked against the workspace's own URL (allowed automatically), the hub's origin (and BACKEND_URL) and
 * the workspace's returnOrigins. The root FRONTEND_URL is not a workspace's home and is refused.
 */
export async function checkedReturnTo(deps: M365RouteDeps, request: FastifyRequest, workspaceId: string, returnTo: string): Promise<string> {
  const integration = await deps.integrations.get(workspaceId);
  const allowed = [await workspaceHome(deps, workspaceId), deps.config.backendUrl, `${request.protocol}://${request.host}`, ...(integration?.returnOrigins ?? [])].filter(
    (o): o is string => Boolean(o),
  );
  return checkReturnTo(returnTo, hubOrigin(request, deps.config), allowed);
}
