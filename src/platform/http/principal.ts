// Who is calling: a signed-in console user or a workspace API key. Every workspace-scoped query takes the
// workspace id from here (after checking the route's id against it), never from the request alone.
// The shapes are structural: console-auth's sessions and api-keys' identities satisfy them, and the composition
// injects the two authenticators (see authenticate.ts), so the HTTP plumbing knows no feature.
import type { ActorType, WorkspaceRole } from '../store/schema.js';

export interface PrincipalUser {
  id: string;
  email: string;
  displayName: string;
  isInstanceAdmin: boolean;
}

export interface PrincipalSession {
  tokenDigest: string;
  csrfTokenDigest: string;
  csrfToken: string;
  expiresAt: Date;
  /** The sliding expiry moved on this request: the cookie is sent again with it. */
  renewed: boolean;
  user: PrincipalUser;
  /** Workspace id → role, read with the session so every request sees current memberships. */
  memberships: Map<string, WorkspaceRole>;
}

export interface PrincipalKey {
  id: string;
  workspaceId: string;
  name: string;
  prefix: string;
}

export type Principal =
  | { kind: 'user'; user: PrincipalUser; memberships: Map<string, WorkspaceRole>; session: PrincipalSession }
  | { kind: 'api_key'; key: PrincipalKey; workspaceId: string; actingUser?: string };

/** What a principal may do in one workspace. `api_key` is its own role: admin-like, but never manages keys or members. */
export type WorkspaceAccessRole = WorkspaceRole | 'api_key';

/** The principal's role in the workspace, or undefined when it has none (answer as if the workspace did not exist). */
export function roleIn(principal: Principal, workspaceId: string): WorkspaceAccessRole | undefined {
  if (principal.kind === 'api_key') return principal.workspaceId === workspaceId ? 'api_key' : undefined;
  return principal.memberships.get(workspaceId);
}

export interface AuditActor {
  type: ActorType;
  id: string | null;
  label: string;
}

/** Who, from where, when: what every state-changing operation passes down so it can audit itself. */
export interface AuditContext {
  actor: AuditActor;
  ip: string | null;
  actingUser?: string | null;
  at: Date;
}

export function actorOf(principal: Principal): AuditActor {
  return principal.kind === 'user'
    ? { type: 'user', id: principal.user.id, label: principal.user.email }
    : { type: 'api_key', id: principal.key.id, label: `${principal.key.name} (${principal.key.prefix}…)` };
}
