// Domain objects → API resources (camelCase, ISO 8601 UTC times), typed by the schemas the routes answer with.
import type { Member as MemberRecord } from './members.js';
import type { WorkspaceWithRole } from './workspaces.js';
import { workspaceUrl } from './workspace-subdomain.js';
import type { Member, Workspace } from '../../contract/api-schemas.js';

const iso = (date: Date) => date.toISOString();

/** `frontendUrl`: Config.frontendUrl, from which the workspace's own URL is derived. */
export const workspaceResource = (w: WorkspaceWithRole, frontendUrl: string | undefined): Workspace => ({
  id: w.id,
  name: w.name,
  subdomain: w.subdomain,
  url: workspaceUrl(frontendUrl, w.subdomain) ?? null,
  role: w.role,
  createdAt: iso(w.createdAt),
  updatedAt: iso(w.updatedAt),
});

export const memberResource = (m: MemberRecord): Member => ({
  userId: m.userId,
  email: m.email,
  displayName: m.displayName,
  role: m.role,
  createdAt: iso(m.createdAt),
});

