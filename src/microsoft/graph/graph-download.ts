// Streaming download of a driveItem's bytes, through the one outbound transport.
//
// Microsoft's protocol (https://learn.microsoft.com/en-us/graph/api/driveitem-get-content): `GET …/items/{id}/content`
// answers 302 Found with a pre-authenticated, short-lived download URL in Location; that URL needs no Authorization
// header and honours `Range` (206 Partial Content, https://learn.microsoft.com/en-us/graph/api/driveitem-get-content#partial-range-downloads).
//
// What this module adds to it:
// - the bearer token goes only to the configured Graph origin: the download URL (any host, the Graph host included)
//   is fetched without it, and a download URL that would downgrade https to http is refused;
// - a body that breaks off (connection reset, an idle socket) resumes with `Range: bytes=<received>-` from the same
//   URL; a download URL that stopped working mid-transfer (401/403/404/410 from the download host: it expired) is
//   replaced by a fresh one from Graph, and the transfer resumes where it was;
// - a resume answered with another ETag than the first answer's is refused (`content_changed`): the file changed,
//   and its new bytes must not be spliced onto the old ones;
// - bytes are yielded as they arrive: nothing buffers the whole file, and the consumer's pace (a disk write) is the
//   download's pace.
import { randomUUID } from 'node:crypto';
import type { Logger } from '../../platform/logging/logger.js';
import type { MicrosoftTransport, RetryPolicy } from '../transport/index.js';
import { GraphError, graphErrorFromResponse } from './graph-error.js';

export interface GraphTransferOptions {
  /** Config.graphUrl: https://graph.microsoft.com, or the emulator. */
  graphUrl: string;
  /** The bearer token for the Graph origin, asked once per request (a refreshed token is used). */
  accessToken: () => Promise<string>;
  transport: MicrosoftTransport;
  logger?: Logger;
  retry?: Partial<RetryPolicy>;
  /** How long a request may wait for its answer's headers, and a body for its next chunk, before it counts as a reset. */
  idleTimeoutMs?: number;
  /** Resumes in a row that bring no new byte before the download gives up (default 5). */
  maxStalledResumes?: number;
}

export interface DownloadTarget {
  driveId: string;
  itemId: string;
}

export interface DownloadOptions {
  /** Bytes already held (a copy resumed after a crash): the download starts at this offset. */
  offset?: number;
  signal?: AbortSignal;
}

const API_VERSION = 'v1.0';
const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 30_000 };
const DEFAULT_IDLE_TIMEOUT_MS = 60_000;
// The transport's per-attempt timeout would also cut a long body short: transfers bound the whole attempt loosely
// and watch for an idle socket themselves.
const WHOLE_TRANSFER_TIMEOUT_MS = 24 * 3600_000;
/** The download host saying the pre-authenticated URL no longer works: it expired, or was revoked. */
const EXPIRED_URL_STATUSES = new Set([401, 403, 404, 410]);
const RETRY_STATUSES = new Set([429, 500, 502, 503, 504]);

/** `https://graph…/v1.0/drives/{d}/items/{i}/content`, ids encoded as path segments. */
export function contentUrl(graphUrl: string, target: DownloadTarget): URL {
  const base = `${graphUrl.replace(/\/+$/, '')}/${API_VERSION}/`;
  return new URL(`drives/${encodeURIComponent(target.driveId)}/items/${encodeURIComponent(target.itemId)}/content`, base);
}

/**
 * The item's bytes from `offset` on, chunk by chunk. Throws GraphError: Microsoft's own (itemNotFound,
 * accessDenied …) from the Graph call, `unexpected_response` for a download URL it refuses to use,
 * `download_interrupted` when resuming stopped making progress.
 */
export async function* downloadItem(options: GraphTransferOptions, target: DownloadTarget, request: DownloadOptions = {}): AsyncGenerator<Uint8Array> {
  const graph = new URL(options.graphUrl);
  const policy = { ...DEFAULT_RETRY, ...options.retry };
  const idleMs = options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
  const maxStalled = options.maxStalledResumes ?? 5;
  let received = request.offset ?? 0;
  let total: number | undefined;
  let stalled = 0;
  let location: { url: URL } | { body: Response } | undefined;
  // The version being read: a resume that would splice another version's bytes onto these is refused.
  let version: string | undefined;

  while (total === undefined || received < total) {
    request.signal?.throwIfAborted();
    location ??= await resolveContent(options, graph, target, policy, idleMs, request.signal, received);
    const idle = idleWatch(idleMs, request.signal);
    let response: Response;
    if ('body' in location) {
      response = location.body;
      location = undefined; // Graph's own answer is used once; a resume asks again
    } else {
      const url = location.url;
      const sent = await options.transport.send(
        url,
        async (): Promise<RequestInit> => ({ method: 'GET', redirect: 'follow', signal: idle.signal, headers: received > 0 ? { range: `bytes=${received}-` } : {} }),
        { service: 'graph-download', policy, timeoutMs: WHOLE_TRANSFER_TIMEOUT_MS, retryable: (o) => o.kind === 'failed' || RETRY_STATUSES.has(o.response.status) },
      ).catch((error: unknown) => {
        if (request.signal?.aborted) throw error;
        return undefined; // our idle watch aborted the wait for headers: a reset like any other
      });
      const outcome = sent?.outcome;
      if (!outcome || outcome.kind === 'failed') {
        idle.stop();
        if (++stalled > maxStalled) throw interrupted(received);
        continue;
      }
      response = outcome.response;
      if (EXPIRED_URL_STATUSES.has(response.status)) {
        idle.stop();
        await response.body?.cancel().catch(() => {});
        location = undefined;
        if (++stalled > maxStalled) throw interrupted(received);
        options.logger?.info({ service: 'graph-download', status: response.status, received }, 'download URL stopped working; asking Microsoft Graph for a fresh one');
        continue;
      }
    }
    if (response.status === 416 && total === undefined && received > 0) {
      // Nothing after `received`: a resumed copy that already had every byte.
      await response.body?.cancel().catch(() => {});
      idle.stop();
      return;
    }
    if (response.status !== 200 && response.status !== 206) {
      idle.stop();
      throw await graphErrorFromResponse(response, 'download');
    }
    const etag = response.headers.get('etag') ?? undefined;
    if (version !== undefined && etag !== undefined && etag !== version) {
      idle.stop();
      await response.body?.cancel().catch(() => {});
      throw new GraphError({ code: 'content_changed', status: response.status, message: 'The file changed in Microsoft 365 while it was being downloaded; download it again from the start', clientRequestId: 'download' });
    }
    version ??= etag;
    const start = startOf(response);
    total ??= totalOf(response, start);
    let skip = received - start; // a server that ignored Range sends from 0: skip what we hold
    if (skip < 0) {
      idle.stop();
      await response.body?.cancel().catch(() => {});
      throw new GraphError({ code: 'unexpected_response', status: response.status, message: `The download host answered from byte ${start}, before the ${received} bytes asked for`, clientRequestId: 'download' });
    }
    const before = received;
    try {
      for await (const chunk of bodyChunks(response, idle)) {
        let bytes = chunk;
        if (skip > 0) {
          const dropped = Math.min(skip, bytes.length);
          skip -= dropped;
          bytes = bytes.subarray(dropped);
          if (bytes.length === 0) continue;
        }
        received += bytes.length;
        yield bytes;
      }
    } catch (error) {
      if (request.signal?.aborted) throw error;
      options.logger?.warn({ service: 'graph-download', received, error: (error as Error).name }, 'download broke off; resuming with Range');
    } finally {
      idle.stop();
    }
    if (received > before) stalled = 0;
    else if (++stalled > maxStalled) throw interrupted(received);
    // Without a length (chunked, no Content-Range) the end of a body that did not break off is the end of the file.
    if (total === undefined) return;
  }
}

/** Asks Graph for the item's content: the 302's Location, or (a server that answers directly) the body itself. */
async function resolveContent(
  options: GraphTransferOptions,
  graph: URL,
  target: DownloadTarget,
  policy: RetryPolicy,
  idleMs: number,
  signal: AbortSignal | undefined,
  received: number,
): Promise<{ url: URL } | { body: Response }> {
  const clientRequestId = randomUUID();
  const { outcome, retryAfterSeconds } = await options.transport.send(
    contentUrl(options.graphUrl, target),
    async () => ({
      method: 'GET',
      redirect: 'manual',
      ...(signal ? { signal } : {}),
      headers: {
        authorization: `Bearer ${await options.accessToken()}`,
        'client-request-id': clientRequestId,
        ...(received > 0 ? { range: `bytes=${received}-` } : {}),
      },
    }),
    { service: 'graph', policy, timeoutMs: idleMs, logFields: { clientRequestId }, retryable: (o) => o.kind === 'failed' || RETRY_STATUSES.has(o.response.status) },
  );
  if (outcome.kind === 'failed') {
    throw new GraphError({ code: outcome.failure, status: 0, message: 'Microsoft Graph could not be reached for the download', clientRequestId });
  }
  const response = outcome.response;
  if (response.status >= 300 && response.status < 400) {
    await response.body?.cancel().catch(() => {});
    const link = response.headers.get('location');
    if (!link) throw new GraphError({ code: 'unexpected_response', status: response.status, message: 'Microsoft Graph redirected the download without a Location', clientRequestId });
    return { url: downloadUrlOf(link, graph, clientRequestId) };
  }
  if (response.status === 200 || response.status === 206) return { body: response };
  throw await graphErrorFromResponse(response, clientRequestId, RETRY_STATUSES.has(response.status) ? retryAfterSeconds : undefined);
}

/**
 * A download URL Microsoft handed back. It is used without our token wherever it points; one that would move an
 * https Graph's bytes over plain http, or is not http(s) at all, is refused.
 */
export function downloadUrlOf(link: string, graph: URL, clientRequestId = 'download'): URL {
  let url: URL;
  try {
    url = new URL(link, graph);
  } catch {
    throw new GraphError({ code: 'unexpected_response', status: 0, message: 'Microsoft Graph returned a download URL that is not a URL', clientRequestId });
  }
  const downgrade = graph.protocol === 'https:' && url.protocol !== 'https:';
  if (downgrade || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new GraphError({ code: 'unexpected_response', status: 0, message: `Microsoft Graph returned a download URL over ${url.protocol.replace(':', '')}; it was not followed`, clientRequestId });
  }
  return url;
}

function startOf(response: Response): number {
  if (response.status !== 206) return 0;
  const range = /^bytes (\d+)-\d+\/(\d+|\*)$/.exec(response.headers.get('content-range') ?? '');
  return range ? Number(range[1]) : 0;
}

function totalOf(response: Response, start: number): number | undefined {
  if (response.status === 206) {
    const whole = /\/(\d+)$/.exec(response.headers.get('content-range') ?? '');
    if (whole) return Number(whole[1]);
  }
  const length = response.headers.get('content-length');
  return length !== null && /^\d+$/.test(length) ? start + Number(length) : undefined;
}

interface IdleWatch {
  signal: AbortSignal;
  /** Re-arms the timer: something arrived. */
  touch(): void;
  stop(): void;
}

/**
 * Aborts when nothing arrives for `ms` (a silent socket is a reset), or when the caller aborts. A gigabyte arrives in
 * tens of thousands of chunks: each only notes the time, and one timer looks at it when it fires (re-arming a timer
 * per chunk cost more than the rest of the bookkeeping).
 */
function idleWatch(ms: number, caller: AbortSignal | undefined): IdleWatch {
  const controller = new AbortController();
  let last = performance.now();
  let timer: NodeJS.Timeout;
  const check = () => {
    const quiet = performance.now() - last;
    if (quiet >= ms) return controller.abort(new Error('idle'));
    timer = setTimeout(check, ms - quiet);
    timer.unref();
  };
  timer = setTimeout(check, ms);
  timer.unref();
  const signal = caller ? AbortSignal.any([caller, controller.signal]) : controller.signal;
  return { signal, touch: () => {
      last = performance.now();
    }, stop: () => clearTimeout(timer) };
}

async function* bodyChunks(response: Response, idle: IdleWatch): AsyncGenerator<Uint8Array> {
  if (!response.body) return;
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      idle.touch();
      yield value;
    }
  } finally {
    reader.releaseLock();
    await response.body.cancel().catch(() => {});
  }
}

function interrupted(received: number): GraphError {
  return new GraphError({ code: 'download_interrupted', status: 0, message: `The download stopped making progress after ${received} bytes; it can be resumed later`, clientRequestId: 'download' });
}
