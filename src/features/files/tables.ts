// The files feature's table: attachments of the host product's records. Joined to the one `Database` type by
// module augmentation; only this feature writes it (docs/architecture.md).
import type { ColumnType } from 'kysely';
import type { CreatedAt, NullableTimestamp, Timestamp } from '../../platform/store/column-types.js';

export type AttachmentMode = 'link' | 'copy';
export type AttachmentStatus = 'active' | 'copying' | 'copy_failed' | 'deleted' | 'moved' | 'access_lost';

export interface FileAttachmentsTable {
  id: string;
  workspace_id: string;
  entity_type: string;
  entity_id: string;
  mode: AttachmentMode;
  status: AttachmentStatus;
  drive_id: string;
  item_id: string;
  name: string;
  /** bigint: a number from PGlite, a string from pg; read through Number(). */
  size: ColumnType<number | string | null, number | null | undefined, number | null>;
  mime_type: string | null;
  web_url: string | null;
  etag: string | null;
  parent_path: string | null;
  added_by_kind: 'console_user' | 'external_user';
  added_by_id: string;
  storage_key: string | null;
  quick_xor_hash: string | null;
  sha256: string | null;
  job_id: string | null;
  idempotency_key: string | null;
  checked_at: NullableTimestamp;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

declare module '../../platform/store/schema.js' {
  interface Database {
    file_attachments: FileAttachmentsTable;
  }
}
