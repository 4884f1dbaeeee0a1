// The resources the console reads and writes, as the HTTP API (/api/v1) returns them.
// These mirror the contract of issue 3; once src/http/api-schemas.ts lands they become `Static<…>` of its schemas.

export type WorkspaceRole = 'admin' | 'member';

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  isInstanceAdmin: boolean;
}

export interface Session {
  user: SessionUser;
  csrfToken: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Workspace {
  id: string;
  name: string;
  role: WorkspaceRole;
  createdAt: string;
  updatedAt: string;
}

export interface Member {
  userId: string;
  email: string;
  displayName: string;
  role: WorkspaceRole;
  createdAt: string;
}

export interface NewMember {
  email: string;
  role: WorkspaceRole;
  displayName?: string;
  password?: string;
}

export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  createdBy: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** Returned once, at creation: the only time the whole key is ever visible. */
export interface CreatedApiKey extends ApiKey {
  key: string;
}

export interface AuditEntry {
  id: string;
  actor: { type: 'user' | 'api_key' | 'system'; id: string | null; label: string };
  action: string;
  target: { type: string; id: string } | null;
  ip: string | null;
  data: Record<string, unknown> | null;
  actingUser?: string | null;
  createdAt: string;
}

/** RFC 9457 problem details, as every API error is answered. */
export interface ProblemDetails {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  code?: string;
  requestId?: string;
}
