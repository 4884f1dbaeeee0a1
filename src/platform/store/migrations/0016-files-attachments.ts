// Attachments of the host product's records (issue 11): a Microsoft 365 file linked (drive + item, kept fresh by a
// refresh job) or copied into document storage by a durable job. Rows go with their workspace.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('file_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull().check(sql`mode in ('link', 'copy')`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('active', 'copying', 'copy_failed', 'deleted', 'moved', 'access_lost')`))
    .addColumn('drive_id', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint')
    .addColumn('mime_type', 'text')
    .addColumn('web_url', 'text')
    .addColumn('etag', 'text')
    .addColumn('parent_path', 'text')
    .addColumn('added_by_kind', 'text', (c) => c.notNull().check(sql`added_by_kind in ('console_user', 'external_user')`))
    .addColumn('added_by_id', 'text', (c) => c.notNull())
    // Copies: the storage key, Microsoft's hash to check against, what was found, and the job doing it.
    .addColumn('storage_key', 'text')
    .addColumn('quick_xor_hash', 'text')
    .addColumn('sha256', 'text')
    .addColumn('job_id', 'text')
    .addColumn('idempotency_key', 'text')
    .addColumn('checked_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('file_attachments_entity_idx').on('file_attachments').columns(['workspace_id', 'entity_type', 'entity_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('file_attachments_idempotency_idx').on('file_attachments').columns(['workspace_id', 'idempotency_key']).unique().where(sql.ref('idempotency_key'), 'is not', null).execute();
  await db.schema.createIndex('file_attachments_links_idx').on('file_attachments').columns(['mode', 'checked_at']).execute();
}
