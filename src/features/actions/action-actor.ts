// Who an action acts as, and with which Graph client: the acting user's connection (delegated, the default) or the
// workspace's app in one mailbox of the tenant (application). The workspace must have enabled the action's service
// in that mode (the permission catalogue's services), so the token carries the permission Microsoft asks for.
import type { FastifyRequest } from 'fastify';
import type { ActingQuery } from '../../contract/action-schemas.js';
import type { ServiceName } from '../../contract/services.js';
import type { GraphClient } from '../../microsoft/graph/graph-client.js';
import { principalOf, workspaceOf } from '../../platform/http/authenticate.js';
import { HttpProblem } from '../../platform/http/http-problem.js';
import type { GraphClientFactory } from '../tokens/index.js';
import { isServiceEnabled, serviceNotEnabled, type EnabledServices, type ServiceMode } from '../integrations/index.js';

export interface ActorServices {
  graphs: GraphClientFactory;
  enabledServices(workspaceId: string): Promise<EnabledServices>;
}

export interface Actor {
  workspaceId: string;
  mode: ServiceMode;
  graph: GraphClient;
  /** The Graph path of the mailbox or calendar acted in: `/me`, or `/users/{mailbox}` in application mode. */
  base: string;
  /** The acting user (delegated) or the mailbox (application): the audit entry's target. */
  who: string;
  actingUser: string | null;
}

export async function requireService(deps: Pick<ActorServices, 'enabledServices'>, workspaceId: string, service: ServiceName, mode: ServiceMode): Promise<void> {
  if (!isServiceEnabled(await deps.enabledServices(workspaceId), service, mode)) throw serviceNotEnabled(service, mode);
}

/**
 * `delegatedOnly` names why Microsoft offers the action to a signed-in user only; application mode is then refused
 * with that reason instead of failing at Microsoft.
 */
export async function actorFor(request: FastifyRequest, deps: ActorServices, service: ServiceName, input: ActingQuery, options: { delegatedOnly?: string } = {}): Promise<Actor> {
  const workspaceId = workspaceOf(request).id;
  const principal = principalOf(request);
  const mode = input.mode ?? 'delegated';
  const actingUser = principal.kind === 'api_key' ? (principal.actingUser ?? null) : null;
  if (mode === 'application' && options.delegatedOnly) throw new HttpProblem('action_mode_unsupported', { detail: options.delegatedOnly });
  if (mode === 'delegated' && !actingUser) throw new HttpProblem('acting_user_required');
  if (mode === 'application' && !input.mailbox) {
    throw new HttpProblem('validation_failed', { detail: 'Application mode acts in a mailbox of the tenant: set `mailbox` to its user id or userPrincipalName.', errors: [{ pointer: '/mailbox', detail: 'is required in application mode' }] });
  }
  await requireService(deps, workspaceId, service, mode);
  if (mode === 'delegated') return { workspaceId, mode, graph: deps.graphs.forUser(workspaceId, actingUser!), base: '/me', who: actingUser!, actingUser };
  return { workspaceId, mode, graph: deps.graphs.forApp(workspaceId, input.tenant), base: `/users/${encodeURIComponent(input.mailbox!)}`, who: input.mailbox!, actingUser };
}
