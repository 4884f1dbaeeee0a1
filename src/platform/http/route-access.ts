// Who may call a route, declared in each route's `config.access` and enforced by one hook (authenticate.ts), so a
// route cannot forget its check: a route that declares nothing is refused.
import type { Principal, WorkspaceAccessRole } from './principal.js';

export type RouteAccess =
  /** Anyone (health, sign-in, the console's files). */
  | 'public'
  /** A signed-in console user. */
  | 'user'
  /** A console user or an API key. */
  | 'principal'
  /** Of the route's {workspaceId}: any member, or the workspace's API key. */
  | 'workspace_member'
  /** Of the route's {workspaceId}: an admin, or the workspace's API key. */
  | 'workspace_admin'
  /** Of the route's {workspaceId}: an admin user only. Keys never manage keys or members, nor delete the workspace. */
  | 'workspace_admin_user';

export interface WorkspaceAccess {
  /** The workspace every query of the request is confined to: the route's id, after checking the principal's access. */
  id: string;
  role: WorkspaceAccessRole;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** Why an API key may not call this route and what it can do instead (the 403 detail); a general one otherwise. */
    forbiddenForApiKey?: string;
    /** The path carries a secret (a link or endpoint token): the request log names the route pattern only. */
    secretInPath?: boolean;
  }
  interface FastifyRequest {
    principal: Principal | undefined;
    workspace: WorkspaceAccess | undefined;
  }
}

export function allows(access: RouteAccess, role: WorkspaceAccessRole): boolean {
  switch (access) {
    case 'workspace_member':
      return true;
    case 'workspace_admin':
      return role === 'admin' || role === 'api_key';
    case 'workspace_admin_user':
      return role === 'admin';
    default:
      return false;
  }
}

export function isWorkspaceAccess(access: RouteAccess): boolean {
  return access.startsWith('workspace_');
}
