// Attachments of a host product's record (entityType, entityId): add a Microsoft 365 file as a link (201) or as a
// copy (202 and a durable copy job), list, remove, and download. The file is read as the user who adds it, so only
// files they can see can be attached; a retried add with the same Idempotency-Key returns the first one.
import type { Kysely } from 'kysely';
import type { Readable } from 'node:stream';
import type { ConnectionUser } from '../../contract/integration-schemas.js';
import type { AddAttachmentBody } from '../../contract/files-schemas.js';
import { downloadItem } from '../../microsoft/graph/graph-download.js';
import type { Job, JobQueue } from '../../platform/jobs/job-queue.js';
import { HttpProblem } from '../../platform/http/http-problem.js';
import type { DocumentStorage } from '../../platform/storage/document-storage.js';
import { newId } from '../../platform/store/ids.js';
import type { Database } from '../../platform/store/schema.js';
import { isUniqueViolation } from '../../platform/store/unique-violation.js';
import type { Clock } from '../../platform/time/clock.js';
import { deleteAttachmentRow, findAttachment, findByIdempotencyKey, type AttachmentRow } from './attachment-store.js';
import { DRIVE_ITEM_SELECT, type GraphDriveItem } from './drive-items.js';
import { FILES_COPY_JOB } from './files-job-types.js';
import { FilesError, filesErrorOf } from './files-error.js';
import { connectHint, graphFor, type FilesMicrosoft } from './files-graph.js';
import { safeFileName } from './file-names.js';

export interface AttachmentServiceDeps {
  db: Kysely<Database>;
  clock: Clock;
  queue: Pick<JobQueue, 'enqueue' | 'get'>;
  storage: DocumentStorage;
  microsoft: FilesMicrosoft;
  /** Config.filesMaxCopyBytes. */
  maxCopyBytes: number;
}

export type AddResult = { kind: 'link'; row: AttachmentRow } | { kind: 'copy'; row: AttachmentRow; job: Job };

export type AttachmentContent = { kind: 'stored'; size: number; stream: Readable; row: AttachmentRow } | { kind: 'microsoft'; chunks: AsyncIterable<Uint8Array>; row: AttachmentRow };

const notFound = () => new HttpProblem('not_found', { detail: 'No such attachment in this workspace.' });

export const storageKeyOf = (workspaceId: string, attachmentId: string) => `${workspaceId}/${attachmentId}`;

export class AttachmentService {
  constructor(private readonly deps: AttachmentServiceDeps) {}

  async add(workspaceId: string, user: ConnectionUser, body: AddAttachmentBody, idempotencyKey: string | undefined): Promise<AddResult> {
    const { db, clock } = this.deps;
    if (idempotencyKey) {
      const earlier = await findByIdempotencyKey(db, workspaceId, idempotencyKey);
      if (earlier) return this.#replay(workspaceId, earlier, body);
    }
    const item = await this.#readItem(workspaceId, user, body.driveId, body.itemId);
    if (item.folder || !item.file) throw new FilesError('file_not_a_file', `"${safeFileName(item.name ?? '')}" is a folder; only files can be attached. Pick a file inside it.`);
    const size = typeof item.size === 'number' ? item.size : null;
    if (body.mode === 'copy' && size !== null && size > this.deps.maxCopyBytes) {
      throw new FilesError('file_too_large', `The file is ${size} bytes; this hub copies files up to ${this.deps.maxCopyBytes} bytes (M365HUB_FILES_MAX_COPY_BYTES). Link it instead.`);
    }
    const id = newId('att');
    const now = clock.now();
    const row = {
      id,
      workspace_id: workspaceId,
      entity_type: body.entityType,
      entity_id: body.entityId,
      mode: body.mode,
      status: body.mode === 'link' ? ('active' as const) : ('copying' as const),
      drive_id: item.parentReference?.driveId ?? body.driveId,
      item_id: item.id,
      name: safeFileName(item.name ?? ''),
      size,
      mime_type: item.file.mimeType ?? null,
      web_url: item.webUrl ?? null,
      etag: item.eTag ?? null,
      parent_path: item.parentReference?.path ?? null,
      added_by_kind: user.kind,
      added_by_id: user.id,
      storage_key: body.mode === 'copy' ? storageKeyOf(workspaceId, id) : null,
      quick_xor_hash: item.file.hashes?.quickXorHash ?? null,
      idempotency_key: idempotencyKey ?? null,
      checked_at: now,
      created_at: now,
      updated_at: now,
    };
    try {
      return await db.transaction().execute(async (trx) => {
        await trx.insertInto('file_attachments').values(row).execute();
        if (body.mode === 'link') return { kind: 'link' as const, row: (await findAttachment(trx, workspaceId, id))! };
        // One copy job per attachment, enqueued with the row: a crash between the two leaves neither.
        const job = await this.deps.queue.enqueue({ type: FILES_COPY_JOB, workspaceId, payload: { attachmentId: id }, idempotencyKey: `copy:${id}`, maxAttempts: 8 }, trx);
        await trx.updateTable('file_attachments').set({ job_id: job.id }).where('id', '=', id).execute();
        return { kind: 'copy' as const, row: (await findAttachment(trx, workspaceId, id))!, job };
      });
    } catch (error) {
      // Two requests with one Idempotency-Key at once: the second finds the first's row.
      if (idempotencyKey && isUniqueViolation(error)) {
        const earlier = await findByIdempotencyKey(db, workspaceId, idempotencyKey);
        if (earlier) return this.#replay(workspaceId, earlier, body);
      }
      throw error;
    }
  }

  async #replay(workspaceId: string, earlier: AttachmentRow, body: AddAttachmentBody): Promise<AddResult> {
    const same = earlier.entity_type === body.entityType && earlier.entity_id === body.entityId && earlier.mode === body.mode && earlier.item_id === body.itemId;
    if (!same) throw new HttpProblem('idempotency_conflict');
    if (earlier.mode === 'link') return { kind: 'link', row: earlier };
    const job = earlier.job_id ? await this.deps.queue.get(workspaceId, earlier.job_id) : undefined;
    if (!job) throw new HttpProblem('idempotency_conflict', { detail: 'The attachment this Idempotency-Key created has no copy job any more. Use a new key.' });
    return { kind: 'copy', row: earlier, job };
  }

  async #readItem(workspaceId: string, user: ConnectionUser, driveId: string, itemId: string): Promise<GraphDriveItem> {
    const { client } = graphFor(this.deps.microsoft, workspaceId, user);
    try {
      return await client.get<GraphDriveItem>(`/drives/${encodeURIComponent(driveId)}/items/${encodeURIComponent(itemId)}`, { query: { $select: DRIVE_ITEM_SELECT } });
    } catch (error) {
      throw filesErrorOf(error, { needs: 'Files.Read.All', connectHint: connectHint(workspaceId, user) });
    }
  }

  async get(workspaceId: string, id: string): Promise<AttachmentRow> {
    const row = await findAttachment(this.deps.db, workspaceId, id);
    if (!row) throw notFound();
    return row;
  }

  /** Removes the attachment and its stored copy (a copy still running finds its row gone and stops). */
  async remove(workspaceId: string, id: string): Promise<void> {
    const row = await deleteAttachmentRow(this.deps.db, workspaceId, id);
    if (!row) throw notFound();
    if (row.storage_key) await this.deps.storage.remove(row.storage_key);
  }

  /** A copy's stored bytes; a link's bytes streamed from Microsoft as the acting user. */
  async content(workspaceId: string, id: string, downloader: () => ConnectionUser): Promise<AttachmentContent> {
    const row = await this.get(workspaceId, id);
    if (row.mode === 'copy') {
      const stored = row.status === 'active' && row.storage_key ? await this.deps.storage.read(row.storage_key) : undefined;
      if (!stored) throw new FilesError('attachment_not_copied', row.status === 'copy_failed' ? 'The copy failed; its job says why. Add the file again.' : 'The copy has not finished yet; follow its job.');
      return { kind: 'stored', ...stored, row };
    }
    const user = downloader();
    const { transfer } = graphFor(this.deps.microsoft, workspaceId, user);
    const hint = connectHint(workspaceId, user);
    const chunks = (async function* () {
      try {
        yield* downloadItem(transfer, { driveId: row.drive_id, itemId: row.item_id });
      } catch (error) {
        throw filesErrorOf(error, { needs: 'Files.Read.All', connectHint: hint });
      }
    })();
    return { kind: 'microsoft', chunks, row };
  }
}
