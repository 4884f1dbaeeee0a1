// Who is calling: a signed-in console user or a workspace API key. Every workspace-scoped query takes the
// workspace id from here (after checking the route's id against it), never from the request alone.
import type { WorkspaceRole } from '../../platform/store/schema.js';
import type { ConsoleUser } from '../console-auth/console-users.js';
import type { ApiKeyIdentity } from '../api-keys/api-key-auth.js';
import type { ActiveSession } from '../console-auth/sessions.js';

export type Principal =
  | { kind: 'user'; user: ConsoleUser; memberships: Map<string, WorkspaceRole>; session: ActiveSession }
  | { kind: 'api_key'; key: ApiKeyIdentity; workspaceId: string; actingUser?: string };

/** What a principal may do in one workspace. `api_key` is its own role: admin-like, but never manages keys or members. */
export type WorkspaceAccessRole = WorkspaceRole | 'api_key';

/** The principal's role in the workspace, or undefined when it has none (answer as if the workspace did not exist). */
export function roleIn(principal: Principal, workspaceId: string): WorkspaceAccessRole | undefined {
  if (principal.kind === 'api_key') return principal.workspaceId === workspaceId ? 'api_key' : undefined;
  return principal.memberships.get(workspaceId);
}

export interface AuditActor {
  type: 'user' | 'api_key' | 'system';
  id: string | null;
  label: string;
}

export function actorOf(principal: Principal): AuditActor {
  return principal.kind === 'user'
    ? { type: 'user', id: principal.user.id, label: principal.user.email }
    : { type: 'api_key', id: principal.key.id, label: `${principal.key.name} (${principal.key.prefix}…)` };
}
