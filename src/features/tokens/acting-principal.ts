// Whom a request through the hub acts for, read from its headers the same way by every route that takes them (the
// pass-through and file browsing):
// - delegated (the default): the console user's own connection, or with an API key the host product's user named in
//   X-M365Hub-Acting-User (separate namespaces: an API key never reaches a console user's connection);
// - X-M365Hub-Mode: application (workspace admins and API keys only): the workspace's app, in the customer tenant
//   X-M365Hub-Tenant names (a tenant id or one of its domains) when the workspace has several.
import type { FastifyRequest } from 'fastify';
import type { ConnectionUser } from '../../contract/integration-schemas.js';
import { isTenantIdOrDomain } from '../../microsoft/identity/tenant-metadata.js';
import { principalOf, workspaceOf } from '../../platform/http/authenticate.js';
import { HttpProblem } from '../../platform/http/http-problem.js';
import type { TokenPrincipal } from './token-service.js';

export const MODE_HEADER = 'x-m365hub-mode';
export const TENANT_HEADER = 'x-m365hub-tenant';

export type ActingMode = 'delegated' | 'application';

export type ActingPrincipal = { mode: 'delegated'; user: ConnectionUser } | { mode: 'application'; tenantId?: string };

/** The user a delegated call acts for; `acting_user_required` when an API key names none. */
export function actingUserOf(request: FastifyRequest): ConnectionUser {
  const principal = principalOf(request);
  if (principal.kind === 'user') return { kind: 'console_user', id: principal.user.id };
  if (principal.actingUser) return { kind: 'external_user', id: principal.actingUser };
  throw new HttpProblem('acting_user_required', {
    errors: [{ pointer: '/headers/x-m365hub-acting-user', detail: 'is required with an API key' }],
  });
}

/** X-M365Hub-Mode, or `defaultMode` without it (delegated unless the API takes app-only tokens); 400 when malformed. */
export function actingModeOf(request: FastifyRequest, defaultMode: ActingMode = 'delegated'): ActingMode {
  const header = request.headers[MODE_HEADER];
  const mode = header === undefined ? defaultMode : typeof header === 'string' ? header.trim().toLowerCase() : '';
  if (mode === 'delegated' || mode === 'application') return mode;
  throw new HttpProblem('validation_failed', {
    detail: `X-M365Hub-Mode is delegated or application (default: ${defaultMode}).`,
    errors: [{ pointer: `/headers/${MODE_HEADER}`, detail: 'must be delegated or application' }],
  });
}

/**
 * Whom a call in `mode` acts for (by default the mode the request's X-M365Hub-Mode names): the acting user, or the
 * app in the tenant X-M365Hub-Tenant names. Throws a 400 problem naming the header for a malformed tenant,
 * `acting_user_required` for an API key that names no user, and `application_mode_forbidden` for a workspace member
 * who is not an admin.
 */
export function actingPrincipalOf(request: FastifyRequest, mode: ActingMode = actingModeOf(request)): ActingPrincipal {
  if (mode === 'delegated') return { mode, user: actingUserOf(request) };
  const role = workspaceOf(request).role;
  if (role !== 'admin' && role !== 'api_key') throw new HttpProblem('application_mode_forbidden');
  const tenant = request.headers[TENANT_HEADER];
  if (tenant === undefined) return { mode };
  if (typeof tenant !== 'string' || !isTenantIdOrDomain(tenant.trim())) {
    throw new HttpProblem('validation_failed', {
      detail: "X-M365Hub-Tenant names one of the workspace's tenants: its tenant id (a GUID) or a domain of it, once.",
      errors: [{ pointer: `/headers/${TENANT_HEADER}`, detail: 'must be a tenant id or domain' }],
    });
  }
  return { mode, tenantId: tenant.trim().toLowerCase() };
}

/** The token service's principal for it. */
export function tokenPrincipalOf(acting: ActingPrincipal): TokenPrincipal {
  if (acting.mode === 'application') return acting.tenantId === undefined ? { kind: 'application' } : { kind: 'application', tenantId: acting.tenantId };
  return acting.user.kind === 'console_user' ? { kind: 'console_user', consoleUserId: acting.user.id } : { kind: 'user', externalUserId: acting.user.id };
}
