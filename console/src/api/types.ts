// The resources the console reads and writes: the very types the server validates with (src/contract/).
// `import type` only, so none of the schema code reaches the browser bundle.
import type {
  AddMemberBody,
  ApiKey,
  AuditEntry,
  CreatedApiKey,
  Job,
  Member,
  Problem,
  Session,
  UpdateWorkspaceBody,
  User,
  Workspace,
  WorkspaceRole,
} from '../../../src/contract/api-schemas.js';

export type { ApiKey, AuditEntry, CreatedApiKey, Job, Member, Session, UpdateWorkspaceBody, Workspace, WorkspaceRole };
export type SessionUser = User;
export type NewMember = AddMemberBody;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * RFC 9457 problem details as the console holds them: the server's (every field present), or one the console makes
 * up for a network failure or a non-JSON answer (only title and status guaranteed).
 */
export type ProblemDetails = Pick<Problem, 'title' | 'status'> & Partial<Omit<Problem, 'title' | 'status'>>;
