// The console-auth feature's tables: console users, their sessions and failed sign-ins. They join the one `Database` type by module augmentation, so the
// platform's store never imports a feature; only this feature writes them (docs/architecture.md).
import type { ColumnType } from 'kysely';
import type { CreatedAt, Timestamp } from '../../platform/store/column-types.js';

export interface ConsoleUsersTable {
  id: string;
  /** Stored lower-cased; unique. */
  email: string;
  display_name: string;
  password_hash: string;
  /** Instance administrators may create workspaces and see every workspace they are a member of. */
  is_instance_admin: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: CreatedAt;
}

export interface ConsoleSessionsTable {
  /** SHA-256 of the session cookie value: a stolen database does not yield live sessions. */
  token_hash: string;
  user_id: string;
  /** SHA-256 of the CSRF token the console echoes in a header on state-changing requests. */
  csrf_token_hash: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

/** Failed sign-ins of one (IP, email) within the current window; `key_hash` is a SHA-256 of both. */
export interface SignInFailuresTable {
  key_hash: string;
  failures: number;
  window_ends_at: Date;
}

declare module '../../platform/store/schema.js' {
  interface Database {
    sign_in_failures: SignInFailuresTable;
    console_users: ConsoleUsersTable;
    console_sessions: ConsoleSessionsTable;
  }
}
