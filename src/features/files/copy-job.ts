// The copy job: streams a Microsoft 365 file into document storage as the user who attached it.
//
// - Streaming end to end: Graph's download (graph-download.ts) → SHA-256 and QuickXorHash → the staged document,
//   at the disk's pace; the process never holds more than a few chunks.
// - Resumable: the staged bytes survive a crash; the next attempt re-reads them to rebuild the hashes and asks
//   Microsoft only for the rest (Range). If the source changed meanwhile (another eTag), it starts over.
// - Verified and atomic: the byte count must match Microsoft's size and the QuickXorHash Microsoft's hash when it
//   gives one; only then is the document committed (rename) and the attachment marked active. Nothing half-written
//   is ever readable: downloads serve only committed documents of active attachments.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { GraphError } from '../../microsoft/graph/graph-error.js';
import { JobFailure } from '../../platform/jobs/job-failure.js';
import type { JobContext, JobHandler } from '../../platform/jobs/job-worker.js';
import type { DocumentStorage } from '../../platform/storage/document-storage.js';
import type { Database } from '../../platform/store/schema.js';
import type { Clock } from '../../platform/time/clock.js';
import type { ConnectionUser } from '../../contract/integration-schemas.js';
import { findAttachment, setStatus, updateAttachment, type AttachmentRow } from './attachment-store.js';
import { DRIVE_ITEM_SELECT, type GraphDriveItem } from './drive-items.js';
import { FilesError, filesErrorOf } from './files-error.js';
import { connectHint, graphFor, type FilesMicrosoft } from './files-graph.js';
import { FILES_COPY_JOB } from './files-job-types.js';
import { streamToStorage } from './stream-to-storage.js';

export interface CopyJobDeps {
  db: Kysely<Database>;
  clock: Clock;
  storage: DocumentStorage;
  microsoft: FilesMicrosoft;
  maxCopyBytes: number;
}

/** Progress is written at most this often (bytes): each write is a database update that also extends the lease. */
const PROGRESS_EVERY = 8 * 1024 * 1024;

export function copyJobs(deps: CopyJobDeps): Record<string, JobHandler> {
  return { [FILES_COPY_JOB]: (context) => runCopy(deps, context) };
}

async function runCopy(deps: CopyJobDeps, context: JobContext): Promise<unknown> {
  const { job } = context;
  const workspaceId = job.workspaceId;
  const attachmentId = (job.payload as { attachmentId?: unknown }).attachmentId;
  if (!workspaceId || typeof attachmentId !== 'string') throw new JobFailure('invalid_job', 'a copy job names its workspace and attachment', { retryable: false });
  const row = await findAttachment(deps.db, workspaceId, attachmentId);
  if (!row || !row.storage_key) return { attachmentId, removed: true }; // removed while queued: nothing to copy
  if (row.status === 'active') return resultOf(row);
  try {
    return await copy(deps, context, row, row.storage_key);
  } catch (error) {
    const user: ConnectionUser = { kind: row.added_by_kind, id: row.added_by_id };
    const failure = filesErrorOf(error, { needs: 'Files.Read.All', connectHint: connectHint(workspaceId, user) });
    const retryable = (failure as { retryable?: unknown }).retryable !== false;
    if (!retryable || job.attempts >= job.maxAttempts) {
      // The user sees the attachment failed; nothing staged is kept for a copy that will not resume.
      await setStatus(deps.db, workspaceId, attachmentId, 'copy_failed', deps.clock.now());
      await deps.storage.discardStaged(row.storage_key);
    }
    throw failure;
  }
}

async function copy(deps: CopyJobDeps, context: JobContext, row: AttachmentRow, key: string): Promise<unknown> {
  const workspaceId = row.workspace_id;
  const user: ConnectionUser = { kind: row.added_by_kind, id: row.added_by_id };
  const { client, transfer } = graphFor(deps.microsoft, workspaceId, user);
  const target = { driveId: row.drive_id, itemId: row.item_id };

  // Committed by an attempt that died before marking the row: finish from the stored document.
  const committed = await deps.storage.read(key);
  if (committed) {
    const sha256 = createHash('sha256');
    for await (const chunk of committed.stream) sha256.update(chunk as Buffer);
    return finish(deps, row, { size: committed.size, sha256: sha256.digest('hex'), eTag: row.etag });
  }

  const item = await client.get<GraphDriveItem>(`/drives/${encodeURIComponent(target.driveId)}/items/${encodeURIComponent(target.itemId)}`, { query: { $select: DRIVE_ITEM_SELECT } });
  const size = typeof item.size === 'number' ? item.size : undefined;
  if (size !== undefined && size > deps.maxCopyBytes) throw new FilesError('file_too_large', `The file is now ${size} bytes; this hub copies files up to ${deps.maxCopyBytes} bytes.`);
  const staged = await deps.storage.stagedSize(key);
  // Bytes staged from another version of the file are worthless: start again (and record the version copied).
  if ((item.eTag ?? null) !== row.etag || (size !== undefined && staged > size)) {
    await deps.storage.discardStaged(key);
  }
  await updateAttachment(deps.db, workspaceId, row.id, { etag: item.eTag ?? null, size: size ?? null, quick_xor_hash: item.file?.hashes?.quickXorHash ?? null, updated_at: deps.clock.now() });

  let copy;
  try {
    copy = await streamToStorage(transfer, target, deps.storage, key, {
      signal: context.signal,
      progressEvery: PROGRESS_EVERY,
      onProgress: (bytes) => context.progress(bytes, size ?? bytes, 'copying'),
    });
  } catch (error) {
    // A new version arrived mid-copy: the next attempt sees its eTag and starts over from byte 0.
    if (error instanceof GraphError && error.code === 'content_changed') throw new JobFailure('source_changed', 'The file changed in Microsoft 365 during the copy; the copy starts again with the new version.', { cause: error });
    throw error;
  }
  const copied = copy.bytes;

  if (size !== undefined && copied !== size) {
    throw new JobFailure('copy_incomplete', `Microsoft said the file has ${size} bytes; ${copied} arrived. The copy will be tried again.`);
  }
  const expected = item.file?.hashes?.quickXorHash;
  if (expected && copy.quickXorHash !== expected) {
    await deps.storage.discardStaged(key);
    throw new JobFailure('copy_hash_mismatch', "The copied bytes do not match Microsoft's QuickXorHash of the file; the copy starts again.");
  }
  // Still attached? A removal while copying must not leave a document behind.
  if (!(await findAttachment(deps.db, workspaceId, row.id))) {
    await deps.storage.discardStaged(key);
    return { attachmentId: row.id, removed: true };
  }
  await deps.storage.commit(key);
  await context.progress(copied, copied, 'copied');
  return finish(deps, row, { size: copied, sha256: copy.sha256, eTag: item.eTag ?? null });
}

async function finish(deps: CopyJobDeps, row: AttachmentRow, copy: { size: number; sha256: string; eTag: string | null }): Promise<unknown> {
  const now = deps.clock.now();
  await updateAttachment(deps.db, row.workspace_id, row.id, { status: 'active', size: copy.size, sha256: copy.sha256, etag: copy.eTag, checked_at: now, updated_at: now });
  return { attachmentId: row.id, size: copy.size, sha256: copy.sha256 };
}

function resultOf(row: AttachmentRow): unknown {
  return { attachmentId: row.id, size: row.size === null ? null : Number(row.size), sha256: row.sha256 };
}
