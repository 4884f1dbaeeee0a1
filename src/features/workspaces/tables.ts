// The workspaces feature's tables: a workspace and its members. They join the one `Database` type by module augmentation, so the
// platform's store never imports a feature; only this feature writes them (docs/architecture.md).
import type { ColumnType } from 'kysely';
import type { CreatedAt, Timestamp } from '../../platform/store/column-types.js';
import type { WorkspaceRole } from '../../platform/store/schema.js';

export interface WorkspacesTable {
  id: string;
  name: string;
  /** Its subdomain of the host product (FRONTEND_URL); unique (a random label when an insert leaves it out). */
  subdomain: ColumnType<string, string | undefined, string>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface WorkspaceMembersTable {
  workspace_id: string;
  user_id: string;
  role: WorkspaceRole;
  created_at: CreatedAt;
}

declare module '../../platform/store/schema.js' {
  interface Database {
    workspaces: WorkspacesTable;
    workspace_members: WorkspaceMembersTable;
  }
}
