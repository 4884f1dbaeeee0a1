// Reads and writes of file_attachments, always within one workspace: another workspace's attachment id finds
// nothing, exactly like a missing one.
import type { Kysely, Selectable, Transaction, Updateable } from 'kysely';
import type { Attachment } from '../../contract/files-schemas.js';
import type { Database } from '../../platform/store/schema.js';
import { isAfter, isBefore, toPage, type Page, type Position } from '../../platform/store/keyset-page.js';
import type { AttachmentStatus, FileAttachmentsTable } from './tables.js';

export type AttachmentRow = Selectable<FileAttachmentsTable>;
type Db = Kysely<Database> | Transaction<Database>;

export function toAttachment(row: AttachmentRow): Attachment {
  return {
    id: row.id,
    entityType: row.entity_type,
    entityId: row.entity_id,
    mode: row.mode,
    status: row.status,
    driveId: row.drive_id,
    itemId: row.item_id,
    name: row.name,
    size: row.size === null ? null : Number(row.size),
    mimeType: row.mime_type,
    webUrl: row.web_url,
    eTag: row.etag,
    addedBy: { kind: row.added_by_kind, id: row.added_by_id },
    sha256: row.sha256,
    jobId: row.job_id,
    checkedAt: row.checked_at ? row.checked_at.toISOString() : null,
    createdAt: row.created_at.toISOString(),
  };
}

export async function findAttachment(db: Db, workspaceId: string, id: string): Promise<AttachmentRow | undefined> {
  return db.selectFrom('file_attachments').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

export async function findByIdempotencyKey(db: Db, workspaceId: string, key: string): Promise<AttachmentRow | undefined> {
  return db.selectFrom('file_attachments').selectAll().where('workspace_id', '=', workspaceId).where('idempotency_key', '=', key).executeTakeFirst();
}

export interface AttachmentFilter {
  /** One record's attachments, oldest first; without it, the whole workspace's, newest first. */
  entity?: { entityType: string; entityId: string } | undefined;
  status?: AttachmentStatus | undefined;
}

export async function listAttachments(db: Db, workspaceId: string, filter: AttachmentFilter, page: { limit: number; after?: Position | undefined }): Promise<Page<Attachment>> {
  let query = db.selectFrom('file_attachments').selectAll().where('workspace_id', '=', workspaceId);
  if (filter.entity) query = query.where('entity_type', '=', filter.entity.entityType).where('entity_id', '=', filter.entity.entityId);
  if (filter.status) query = query.where('status', '=', filter.status);
  const newestFirst = !filter.entity;
  if (page.after) query = query.where(newestFirst ? isBefore('created_at', 'id', page.after) : isAfter('created_at', 'id', page.after));
  const direction = newestFirst ? 'desc' : 'asc';
  const rows = await query.orderBy('created_at', direction).orderBy('id', direction).limit(page.limit + 1).execute();
  return toPage(rows, page.limit, (row) => ({ createdAt: row.created_at, id: row.id }), toAttachment);
}

export async function updateAttachment(db: Db, workspaceId: string, id: string, changes: Omit<Updateable<FileAttachmentsTable>, 'id' | 'workspace_id'> & { updated_at: Date }): Promise<void> {
  await db.updateTable('file_attachments').set(changes).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}

export async function setStatus(db: Db, workspaceId: string, id: string, status: AttachmentStatus, at: Date): Promise<void> {
  await updateAttachment(db, workspaceId, id, { status, updated_at: at });
}

export async function deleteAttachmentRow(db: Db, workspaceId: string, id: string): Promise<AttachmentRow | undefined> {
  return db.deleteFrom('file_attachments').where('workspace_id', '=', workspaceId).where('id', '=', id).returningAll().executeTakeFirst();
}

/** Links not checked since `before`, oldest first (the refresh job's batch). */
export async function linksDueForCheck(db: Db, before: Date, limit: number): Promise<AttachmentRow[]> {
  return db
    .selectFrom('file_attachments')
    .selectAll()
    .where('mode', '=', 'link')
    .where((eb) => eb.or([eb('checked_at', 'is', null), eb('checked_at', '<', before)]))
    .orderBy('checked_at', (o) => o.nullsFirst())
    .limit(limit)
    .execute();
}
