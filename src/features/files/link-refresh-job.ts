// Keeps links fresh: a recurring job reads each linked item again as the user who attached it and records what it
// finds — name, size, eTag and webUrl updated; `deleted` when Microsoft no longer has it, `moved` when it now lives
// in another folder, `access_lost` when the user can no longer read it (or their connection is gone). Such links
// stay listed with that status: never silently dropped.
import type { Kysely } from 'kysely';
import type { ConnectionUser } from '../../contract/integration-schemas.js';
import type { JobHandler } from '../../platform/jobs/job-worker.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import type { Database } from '../../platform/store/schema.js';
import type { Clock } from '../../platform/time/clock.js';
import { linksDueForCheck, updateAttachment, type AttachmentRow } from './attachment-store.js';
import { DRIVE_ITEM_SELECT, type GraphDriveItem } from './drive-items.js';
import { FilesError, filesErrorOf } from './files-error.js';
import { connectHint, graphFor, type FilesMicrosoft } from './files-graph.js';
import { FILES_REFRESH_LINKS_JOB } from './files-job-types.js';
import { safeFileName } from './file-names.js';
import type { AttachmentStatus } from './tables.js';

export const LINK_REFRESH_INTERVAL_SECONDS = 3600;
const BATCH = 200;

export interface LinkRefreshDeps {
  db: Kysely<Database>;
  clock: Clock;
  microsoft: FilesMicrosoft;
}

export function linkRefreshJobs(deps: LinkRefreshDeps): Record<string, JobHandler> {
  return {
    [FILES_REFRESH_LINKS_JOB]: async ({ signal }) => {
      const now = deps.clock.now();
      const due = await linksDueForCheck(deps.db, new Date(now.getTime() - LINK_REFRESH_INTERVAL_SECONDS * 1000), BATCH);
      const counts: Record<string, number> = {};
      for (const row of due) {
        if (signal.aborted) break;
        const outcome = await checkLink(deps, row);
        if (outcome === 'throttled') break; // the rest wait for the next run, as Microsoft asked
        counts[outcome] = (counts[outcome] ?? 0) + 1;
      }
      return { checked: due.length, ...counts };
    },
  };
}

export async function scheduleLinkRefresh(queue: Pick<JobQueue, 'upsertSchedule'>): Promise<void> {
  await queue.upsertSchedule({ name: FILES_REFRESH_LINKS_JOB, type: FILES_REFRESH_LINKS_JOB, payload: {}, intervalSeconds: LINK_REFRESH_INTERVAL_SECONDS });
}

/** Reads one link again and records what Microsoft says; returns the status recorded (or `throttled`: left as it was). */
export async function checkLink(deps: LinkRefreshDeps, row: AttachmentRow): Promise<AttachmentStatus | 'throttled' | 'unchanged'> {
  const user: ConnectionUser = { kind: row.added_by_kind, id: row.added_by_id };
  const { client } = graphFor(deps.microsoft, row.workspace_id, user);
  const at = deps.clock.now();
  let item: GraphDriveItem;
  try {
    item = await client.get<GraphDriveItem>(`/drives/${encodeURIComponent(row.drive_id)}/items/${encodeURIComponent(row.item_id)}`, { query: { $select: DRIVE_ITEM_SELECT } });
  } catch (error) {
    const failure = filesErrorOf(error, { needs: 'Files.Read.All', connectHint: connectHint(row.workspace_id, user) });
    const status = statusOfFailure(failure);
    if (status === 'throttled') return status;
    if (status === 'unchanged') {
      await updateAttachment(deps.db, row.workspace_id, row.id, { checked_at: at, updated_at: at });
      return status;
    }
    await updateAttachment(deps.db, row.workspace_id, row.id, { status, checked_at: at, updated_at: at });
    return status;
  }
  if (item.deleted) {
    await updateAttachment(deps.db, row.workspace_id, row.id, { status: 'deleted', checked_at: at, updated_at: at });
    return 'deleted';
  }
  const path = item.parentReference?.path ?? null;
  const moved = row.status === 'moved' || (row.parent_path !== null && path !== null && path !== row.parent_path);
  const status: AttachmentStatus = moved ? 'moved' : 'active';
  await updateAttachment(deps.db, row.workspace_id, row.id, {
    status,
    name: safeFileName(item.name ?? row.name),
    size: typeof item.size === 'number' ? item.size : null,
    web_url: item.webUrl ?? row.web_url,
    etag: item.eTag ?? row.etag,
    parent_path: path ?? row.parent_path,
    checked_at: at,
    updated_at: at,
  });
  return status;
}

function statusOfFailure(failure: unknown): AttachmentStatus | 'throttled' | 'unchanged' {
  if (failure instanceof FilesError) {
    if (failure.code === 'file_item_gone') return 'deleted';
    if (failure.code === 'm365_permission_missing' || failure.code === 'm365_not_connected') return 'access_lost';
    if (failure.code === 'microsoft_throttled') return 'throttled';
    return 'unchanged';
  }
  // The token service: a connection that needs reconnecting cannot read the item until the user reconnects.
  if ((failure as { code?: unknown })?.code === 'connection_needs_reconnect') return 'access_lost';
  return 'unchanged';
}
