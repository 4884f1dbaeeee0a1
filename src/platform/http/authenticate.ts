// One hook decides who is calling and whether they may call this route, before the body is even read:
//   1. `Authorization: Bearer m365k_…` → the key's workspace principal (no cookie, no CSRF: browsers cannot send it
//      cross-site without a CORS preflight, which this hub never grants);
//   2. else the `m365hub_session` cookie → the console user, and on POST/PUT/PATCH/DELETE the X-CSRF-Token header
//      must match the session and any Origin header must be the hub's own;
//   3. a route's {workspaceId} must be one the principal belongs to, else 404 exactly as for a missing workspace.
// The plumbing knows no feature: the composition injects how an API key and a session cookie are resolved
// (api-keys and console-auth own those tables).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type {} from '@fastify/cookie';
import type { Config } from '../config/config.js';
import type { Clock } from '../time/clock.js';
import { actorOf, roleIn, type AuditContext, type Principal, type PrincipalKey, type PrincipalSession } from './principal.js';
import { ACTING_USER_HEADER, CSRF_HEADER } from '../../contract/api-schemas.js';
import { HttpProblem } from './http-problem.js';
import { allows, isWorkspaceAccess, type RouteAccess, type WorkspaceAccess } from './route-access.js';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// Printable ASCII and common Unicode, no control characters: the value lands in audit rows and logs.
const ACTING_USER = /^[^\p{Cc}\p{Cf}]{1,256}$/u;

/** How a presented credential becomes a principal; injected by the composition. */
export interface Authenticators {
  /** The name of the console's session cookie. */
  sessionCookie: string;
  /** A bearer API key → its identity, or undefined when unknown or revoked. */
  apiKey(token: string): Promise<PrincipalKey | undefined>;
  /** A session cookie's value → the live session, or undefined when unknown or expired. */
  session(cookie: string): Promise<PrincipalSession | undefined>;
  /** Re-sends the session cookie when the session's sliding expiry moved. */
  renewSessionCookie(request: FastifyRequest, reply: FastifyReply, cookie: string, expiresAt: Date): void;
  /** Whether the X-CSRF-Token header belongs to the session. */
  csrfTokenMatches(session: PrincipalSession, presented: string): boolean;
}

export interface AuthenticationDeps {
  config: Config;
  authenticators: Authenticators;
}

/** The origins a state-changing browser request may come from: the hub itself (as addressed) and BACKEND_URL. */
function isOwnOrigin(request: FastifyRequest, origin: string, config: Config): boolean {
  const own = new Set([`${request.protocol}://${request.host}`]);
  if (config.backendUrl) own.add(new URL(config.backendUrl).origin);
  return own.has(origin);
}

function checkOrigin(request: FastifyRequest, config: Config): void {
  const origin = request.headers.origin;
  if (STATE_CHANGING.has(request.method) && origin !== undefined && !isOwnOrigin(request, origin, config)) {
    throw new HttpProblem('csrf_failed', { detail: 'The request comes from another site (Origin header). Use the hub\'s own console.' });
  }
}

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header === undefined) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw new HttpProblem('unauthenticated', { detail: 'The Authorization header must be `Bearer m365k_…`.' });
  return match[1];
}

function actingUserOf(request: FastifyRequest): string | undefined {
  const value = request.headers[ACTING_USER_HEADER];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !ACTING_USER.test(value)) {
    throw new HttpProblem('validation_failed', {
      detail: 'X-M365Hub-Acting-User must be one opaque id of 1–256 characters without control characters.',
      errors: [{ pointer: `/headers/${ACTING_USER_HEADER}`, detail: 'must be 1–256 characters without control characters' }],
    });
  }
  return value;
}

async function resolvePrincipal(request: FastifyRequest, deps: AuthenticationDeps): Promise<Principal | undefined> {
  const { authenticators } = deps;
  const token = bearerToken(request);
  if (token !== undefined) {
    const key = await authenticators.apiKey(token);
    if (!key) throw new HttpProblem('unauthenticated', { detail: 'The API key is unknown or revoked. Create a new key in the console.' });
    const actingUser = actingUserOf(request);
    return { kind: 'api_key', key, workspaceId: key.workspaceId, ...(actingUser !== undefined ? { actingUser } : {}) };
  }
  const cookie = request.cookies[authenticators.sessionCookie];
  if (!cookie) return undefined;
  const session = await authenticators.session(cookie);
  if (!session) return undefined;
  if (request.headers[ACTING_USER_HEADER] !== undefined) {
    throw new HttpProblem('validation_failed', { detail: 'X-M365Hub-Acting-User is accepted only with an API key.' });
  }
  return { kind: 'user', user: session.user, memberships: session.memberships, session };
}

function checkCsrf(request: FastifyRequest, principal: Principal, deps: AuthenticationDeps): void {
  if (principal.kind !== 'user' || !STATE_CHANGING.has(request.method)) return;
  checkOrigin(request, deps.config);
  const presented = request.headers[CSRF_HEADER];
  if (typeof presented !== 'string' || !deps.authenticators.csrfTokenMatches(principal.session, presented)) {
    throw new HttpProblem('csrf_failed');
  }
}

function workspaceAccess(request: FastifyRequest, access: RouteAccess, principal: Principal): WorkspaceAccess {
  const forApiKey = request.routeOptions.config.forbiddenForApiKey;
  const workspaceId = (request.params as Record<string, unknown> | undefined)?.workspaceId;
  const role = typeof workspaceId === 'string' ? roleIn(principal, workspaceId) : undefined;
  // Another workspace's id and a missing one must be indistinguishable: same problem, same detail.
  if (typeof workspaceId !== 'string' || role === undefined) throw new HttpProblem('not_found');
  if (!allows(access, role)) {
    throw new HttpProblem('forbidden', {
      detail:
        role === 'api_key'
          ? (forApiKey ?? 'API keys cannot manage API keys, members or webhooks, nor delete the workspace. Do it in the console as a workspace admin.')
          : 'Only workspace admins may do this. Ask an admin of the workspace.',
    });
  }
  return { id: workspaceId, role };
}

export function registerAuthentication(server: FastifyInstance, deps: AuthenticationDeps): void {
  server.decorateRequest('principal', undefined);
  server.decorateRequest('workspace', undefined);
  server.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    // Unknown routes have no config; they fall through to the not-found handler.
    if (request.is404) return;
    const access = request.routeOptions.config.access;
    if (access === undefined) throw new Error(`route ${request.routeOptions.url} declares no access rule`);
    if (access === 'public') {
      checkOrigin(request, deps.config);
      return;
    }
    const principal = await resolvePrincipal(request, deps);
    if (!principal) throw new HttpProblem('unauthenticated');
    request.principal = principal;
    if (principal.kind === 'user' && principal.session.renewed) {
      deps.authenticators.renewSessionCookie(request, reply, request.cookies[deps.authenticators.sessionCookie] as string, principal.session.expiresAt);
    }
    if (access === 'user' && principal.kind !== 'user') {
      throw new HttpProblem('forbidden', { detail: 'This route is for signed-in console users, not API keys.' });
    }
    if (isWorkspaceAccess(access)) request.workspace = workspaceAccess(request, access, principal);
    checkCsrf(request, principal, deps);
  });
}

/** The authenticated principal; routes whose access is not `public` always have one. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new Error('principalOf() on a route without authentication');
  return request.principal;
}

/** The workspace the request is confined to; only on `workspace_*` routes. */
export function workspaceOf(request: FastifyRequest): WorkspaceAccess {
  if (!request.workspace) throw new Error('workspaceOf() on a route without workspace access');
  return request.workspace;
}

/** Who, from where, when: for the audit entries of the request's changes. */
export function auditContextOf(request: FastifyRequest, clock: Clock): AuditContext {
  const principal = principalOf(request);
  return {
    actor: actorOf(principal),
    ip: request.ip ?? null,
    actingUser: principal.kind === 'api_key' ? (principal.actingUser ?? null) : null,
    at: clock.now(),
  };
}
