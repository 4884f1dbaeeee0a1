// Resumable uploads (https://learn.microsoft.com/en-us/graph/api/driveitem-createuploadsession):
// - the session is created through the Graph client (bearer to the configured Graph host only);
// - fragments go to the uploadUrl WITHOUT an Authorization header: "the uploadUrl … is pre-authenticated; including
//   the Authorization header … may result in an HTTP 401" — so the bearer never reaches whatever host Microsoft (or
//   anyone tampering with the answer) names there;
// - every fragment but the last is a multiple of 320 KiB ("Use a byte range size that is a multiple of 320 KiB");
// - after a failed fragment (no answer, 5xx, 416) the session's status names the next expected ranges to resume from;
// - a 404 means the session expired or is gone: a new session starts from byte 0.
import type { FetchLike } from '../transport/index.js';
import { GraphError } from './graph-error.js';
import type { GraphClient } from './graph-client.js';

export const UPLOAD_UNIT = 320 * 1024;

export interface UploadOptions {
  /** Graph path of createUploadSession, e.g. `/me/drive/root:/folder/name.bin:/createUploadSession`. */
  sessionPath: string;
  /** Bytes per fragment, a multiple of 320 KiB; default 10 × 320 KiB. */
  fragmentBytes?: number;
  /** New sessions started after a 404 before giving up; default 2. */
  maxSessions?: number;
  /** Failed fragments per session before giving up; default 5. */
  maxFragmentFailures?: number;
  conflictBehavior?: 'rename' | 'replace' | 'fail';
}

interface SessionStatus {
  uploadUrl?: string;
  nextExpectedRanges?: string[];
}

/** The first byte Microsoft still expects ("12345-" or "12345-67890"). */
function nextStart(status: SessionStatus): number | undefined {
  const first = status.nextExpectedRanges?.[0];
  if (first === undefined) return undefined;
  const start = Number(first.split('-')[0]);
  return Number.isSafeInteger(start) && start >= 0 ? start : undefined;
}

/** Uploads `bytes` through an upload session; answers the driveItem Microsoft committed. */
export async function uploadInSession<T = unknown>(client: GraphClient, fetch: FetchLike, bytes: Uint8Array, options: UploadOptions): Promise<T> {
  const fragmentBytes = options.fragmentBytes ?? 10 * UPLOAD_UNIT;
  if (fragmentBytes <= 0 || fragmentBytes % UPLOAD_UNIT !== 0) throw new TypeError(`Upload fragments are a multiple of 320 KiB (${UPLOAD_UNIT} bytes); ${fragmentBytes} is not`);
  const total = bytes.length;
  const maxSessions = options.maxSessions ?? 2;
  const maxFailures = options.maxFragmentFailures ?? 5;

  for (let sessionNo = 0; sessionNo <= maxSessions; sessionNo++) {
    const session = await client.post<SessionStatus>(options.sessionPath, { item: { '@microsoft.graph.conflictBehavior': options.conflictBehavior ?? 'rename' } });
    if (!session?.uploadUrl) throw new GraphError({ code: 'unexpected_response', status: 0, message: 'Microsoft Graph created an upload session without an uploadUrl', clientRequestId: 'none' });
    const uploadUrl = session.uploadUrl;
    let offset = nextStart(session) ?? 0;
    let failures = 0;
    let expired = false;
    while (!expired) {
      const end = Math.min(offset + fragmentBytes, total) - 1;
      let response: Response | undefined;
      try {
        // No Authorization header: the uploadUrl carries its own credential.
        response = await fetch(uploadUrl, { method: 'PUT', headers: { 'content-range': `bytes ${offset}-${end}/${total}`, 'content-length': String(end - offset + 1) }, body: bytes.subarray(offset, end + 1) as Uint8Array<ArrayBuffer> });
      } catch {
        response = undefined;
      }
      if (response && (response.status === 200 || response.status === 201)) return (await response.json()) as T;
      if (response?.status === 202) {
        const status = (await response.json()) as SessionStatus;
        offset = nextStart(status) ?? end + 1;
        continue;
      }
      await response?.body?.cancel();
      if (response?.status === 404) {
        expired = true;
        continue;
      }
      if (++failures > maxFailures) throw new GraphError({ code: 'upload_failed', status: response?.status ?? 0, message: `The upload stopped: ${failures} fragments failed in a row (last HTTP ${response?.status ?? 'no answer'})`, clientRequestId: 'none' });
      // Ask the session where to resume: the fragment may have landed though its answer was lost.
      const asked = await fetch(uploadUrl, { method: 'GET' }).catch(() => undefined);
      if (asked?.status === 404) {
        expired = true;
        continue;
      }
      if (asked?.ok) offset = nextStart((await asked.json()) as SessionStatus) ?? offset;
      else await asked?.body?.cancel();
    }
  }
  throw new GraphError({ code: 'upload_session_expired', status: 404, message: `The upload session expired ${maxSessions + 1} times; try the upload again later`, clientRequestId: 'none' });
}
