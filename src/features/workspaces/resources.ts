// Domain objects → API resources (camelCase, ISO 8601 UTC times), typed by the schemas the routes answer with.
import type { Member as MemberRecord } from './members.js';
import type { WorkspaceWithRole } from './workspaces.js';
import type { Member, Workspace } from '../../contract/api-schemas.js';

const iso = (date: Date) => date.toISOString();

export const workspaceResource = (w: WorkspaceWithRole): Workspace => ({
  id: w.id,
  name: w.name,
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

