// Domain objects → API resources (camelCase, ISO 8601 UTC times), typed by the schemas the routes answer with.
import type { AuditEntry as AuditRecord } from '../audit/audit-log.js';
import type { ConsoleUser } from '../console-auth/console-users.js';
import type { ApiKeyRecord } from '../api-keys/api-keys.js';
import type { Member as MemberRecord } from './members.js';
import type { WorkspaceWithRole } from './workspaces.js';
import { workspaceUrl } from './workspace-subdomain.js';
import type { ApiKey, AuditEntry, Member, User, Workspace } from '../../contract/api-schemas.js';

const iso = (date: Date) => date.toISOString();
const isoOrNull = (date: Date | null) => (date ? date.toISOString() : null);

export const userResource = (user: ConsoleUser): User => ({
  id: user.id,
  email: user.email,
  displayName: user.displayName,
  isInstanceAdmin: user.isInstanceAdmin,
});

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

export const apiKeyResource = (k: ApiKeyRecord): ApiKey => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  createdAt: iso(k.createdAt),
  createdBy: k.createdBy,
  lastUsedAt: isoOrNull(k.lastUsedAt),
  revokedAt: isoOrNull(k.revokedAt),
});

export const auditEntryResource = (e: AuditRecord): AuditEntry => ({
  id: e.id,
  actor: e.actor,
  action: e.action,
  target: e.target,
  ip: e.ip,
  data: e.data,
  ...(e.actingUser ? { actingUser: e.actingUser } : {}),
  createdAt: iso(e.createdAt),
});
