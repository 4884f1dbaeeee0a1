// The one Microsoft Graph client: every Graph call of the hub leaves through it (and through the one outbound
// transport, ../transport), so retries, throttling, timeouts, request ids and log redaction live in one place each.
// Base URL is Config.graphUrl + /v1.0 (Microsoft, or the emulator); the bearer token comes from a getter (the token
// service), asked once per attempt so a refreshed token is used.
//
// Throttling follows Microsoft's guidance (https://learn.microsoft.com/en-us/graph/throttling): on 429 wait
// Retry-After seconds (fractional values occur), else back off exponentially with full jitter; 503 and 504 are
// retried the same way. Retries are bounded: a Retry-After longer than the longest wait we accept is reported, not
// waited for.
import { randomUUID } from 'node:crypto';
import type { Logger } from '../../platform/logging/logger.js';
import type { Clock } from '../../platform/time/clock.js';
import { parseRetryAfter, transportOrOwn, type FetchLike, type MicrosoftTransport, type RandomSource, type RetryPolicy } from '../transport/index.js';
import { GraphError, graphErrorFromResponse } from './graph-error.js';
import type { TenantPacer } from './tenant-pacer.js';

export type { FetchLike } from '../transport/index.js';
export { parseRetryAfter } from '../transport/index.js';
export type AccessTokenGetter = () => Promise<string>;
export type GraphRetryPolicy = RetryPolicy;

export interface GraphClientOptions {
  /** Config.graphUrl: https://graph.microsoft.com, or the emulator. */
  graphUrl: string;
  accessToken: AccessTokenGetter;
  /** The product's one outbound transport; built from `fetch`, `sleep`, `random`, `clock` and `logger` when absent. */
  transport?: MicrosoftTransport;
  fetch?: FetchLike;
  logger?: Logger;
  timeoutMs?: number;
  retry?: Partial<GraphRetryPolicy>;
  sleep?: (ms: number) => Promise<void>;
  random?: RandomSource;
  clock?: Clock;
  /**
   * The process's one per-tenant pacer (shared with the pass-through) and the key of the tenant this client calls:
   * while Microsoft has that tenant throttled, calls fail at once with the remaining wait instead of adding to
   * Microsoft's count; other tenants' clients keep their pace (https://learn.microsoft.com/graph/throttling: limits
   * are per app and tenant). The key may be worked out on the first call (a tenant named by a domain is paced by
   * its id, known once its token is).
   */
  pacing?: { pacer: TenantPacer; tenantKey: string | (() => Promise<string>) };
}

export type QueryValue = string | number | boolean | undefined;

export interface GraphRequestOptions {
  /** OData and other query parameters (`$top`, `$select` …), encoded here. */
  query?: Record<string, QueryValue>;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export interface PaginateOptions extends GraphRequestOptions {
  maxPages?: number;
  onPage?: () => void;
}

export interface GraphClient {
  get<T = unknown>(path: string, options?: GraphRequestOptions): Promise<T>;
  post<T = unknown>(path: string, body: unknown, options?: GraphRequestOptions): Promise<T>;
  patch<T = unknown>(path: string, body: unknown, options?: GraphRequestOptions): Promise<T>;
  delete(path: string, options?: GraphRequestOptions): Promise<void>;
  /**
   * The items of a collection, page after page through `@odata.nextLink`; `onPage` is told after each page arrives.
   * The next page is requested while the caller takes the current page's items.
   */
  paginate<T = unknown>(path: string, options?: PaginateOptions): AsyncGenerator<T>;
}

/** The client as built: also follows links Microsoft handed back (kept apart so hand-made test fakes stay small). */
export interface LinkFollowingGraphClient extends GraphClient {
  /**
   * GETs a link Microsoft handed back (@odata.deltaLink, @odata.nextLink, a Location to poll). The bearer goes only to
   * the configured Graph origin: a link on any other host is refused, never called with the token.
   */
  followLink<T = unknown>(link: string, options?: Omit<GraphRequestOptions, 'query'>): Promise<T>;
}

export const DEFAULT_GRAPH_RETRY: GraphRetryPolicy = { maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 30_000 };
export const DEFAULT_GRAPH_TIMEOUT_MS = 30_000;
const API_VERSION = 'v1.0';

// A POST that timed out at a gateway (504) or lost its connection may have been carried out: only answers that
// say the request was not processed (429, 503) are retried for it.
// PATCH is treated like POST (a renewal that timed out may have landed); DELETE is idempotent, like GET.
const RETRY_STATUSES = { GET: new Set([429, 503, 504]), DELETE: new Set([429, 503, 504]), POST: new Set([429, 503]), PATCH: new Set([429, 503]) } as const;
type Method = keyof typeof RETRY_STATUSES;

export function createGraphClient(options: GraphClientOptions): LinkFollowingGraphClient {
  const base = new URL(`${options.graphUrl.replace(/\/+$/, '')}/${API_VERSION}/`);
  const transport = transportOrOwn(options);
  const policy = { ...DEFAULT_GRAPH_RETRY, ...options.retry };
  const timeoutMs = options.timeoutMs ?? DEFAULT_GRAPH_TIMEOUT_MS;
  const log = options.logger;

  function urlOf(path: string, query: Record<string, QueryValue> | undefined): URL {
    if (!path.startsWith('/')) throw new TypeError(`Graph paths start with "/": ${path}`);
    const url = new URL(path.slice(1), base);
    for (const [name, value] of Object.entries(query ?? {})) if (value !== undefined) url.searchParams.set(name, String(value));
    return url;
  }

  async function send<T>(method: Method, url: URL, body: unknown, request: GraphRequestOptions = {}): Promise<T> {
    const clientRequestId = randomUUID();
    const pacing = options.pacing && { pacer: options.pacing.pacer, tenantKey: typeof options.pacing.tenantKey === 'string' ? options.pacing.tenantKey : await options.pacing.tenantKey() };
    const paused = pacing ? pacing.pacer.waitSeconds(pacing.tenantKey) : 0;
    if (paused > 0) {
      throw new GraphError({ code: 'TooManyRequests', status: 429, message: `Microsoft Graph throttled this tenant; calls to it resume in ${paused} s (Retry-After)`, clientRequestId, retryAfterSeconds: paused });
    }
    const { outcome, retryAfterSeconds } = await transport.send(
      url,
      // Asked per attempt, outside any catch: a token that cannot be had (IdentityError) is the caller's to see.
      async () => ({
        method,
        redirect: 'manual',
        ...(request.signal ? { signal: request.signal } : {}),
        headers: {
          accept: 'application/json',
          authorization: `Bearer ${await options.accessToken()}`,
          'client-request-id': clientRequestId,
          'return-client-request-id': 'true',
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...request.headers,
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      }),
      {
        service: 'graph',
        policy,
        timeoutMs,
        logFields: { clientRequestId },
        // Without an answer we cannot know whether a POST was carried out: only GETs are tried again.
        retryable: (o) => (o.kind === 'failed' ? method === 'GET' || method === 'DELETE' : RETRY_STATUSES[method].has(o.response.status)),
      },
    );
    if (outcome.kind === 'failed') {
      const code = outcome.failure;
      throw new GraphError({ code, status: 0, message: code === 'timeout' ? `Microsoft Graph did not answer within ${timeoutMs} ms` : 'Microsoft Graph could not be reached', clientRequestId });
    }
    const response = outcome.response;
    // Even when retries are left to the caller, the tenant stays paused for the wait Microsoft asked for.
    if (pacing && response.status === 429) pacing.pacer.throttled(pacing.tenantKey, parseRetryAfter(response.headers.get('retry-after')) ?? 1);
    const requestId = response.headers.get('request-id') ?? undefined;
    if (response.ok) return readJson<T>(response, clientRequestId, requestId);
    const retryable = RETRY_STATUSES[method].has(response.status);
    const error = await graphErrorFromResponse(response, clientRequestId, retryable ? retryAfterSeconds : undefined);
    log?.warn({ service: 'graph', method, path: url.pathname, clientRequestId, status: error.status, code: error.code, requestId: error.requestId }, 'graph request failed');
    throw error;
  }

  return {
    get: (path, requestOptions) => send('GET', urlOf(path, requestOptions?.query), undefined, requestOptions),
    post: (path, body, requestOptions) => send('POST', urlOf(path, requestOptions?.query), body, requestOptions),
    patch: (path, body, requestOptions) => send('PATCH', urlOf(path, requestOptions?.query), body, requestOptions),
    delete: (path, requestOptions) => send('DELETE', urlOf(path, requestOptions?.query), undefined, requestOptions),
    followLink: async (link, requestOptions) => send('GET', sameOriginLink(link, base), undefined, requestOptions),
    async *paginate<T>(path: string, requestOptions: PaginateOptions = {}) {
      type Page = { value?: T[]; '@odata.nextLink'?: string } | undefined;
      // Settled at once, so a failed page waits as a value until the caller reaches it (no unhandled rejection while
      // the caller still works on the page before, nor when it stops early and never asks for it).
      const request = (url: () => URL): Promise<{ page: Page } | { error: unknown }> =>
        (async () => send<Page>('GET', url(), undefined, requestOptions))().then((page) => ({ page }), (error: unknown) => ({ error }));
      const maxPages = requestOptions.maxPages ?? Infinity;
      let pending = maxPages > 0 ? request(() => urlOf(path, requestOptions.query)) : undefined;
      for (let pages = 1; pending; pages++) {
        const answer = await pending;
        if ('error' in answer) throw answer.error;
        requestOptions.onPage?.();
        const next = answer.page?.['@odata.nextLink'];
        // The next page is asked for before this one's items are handed out, so Graph prepares it while the caller
        // works through them (a large sync's reads then cost about what the requests alone do). A link to another
        // host fails that request, after this page's items.
        pending = next && pages < maxPages ? request(() => sameOriginLink(next, base)) : undefined;
        for (const item of answer.page?.value ?? []) yield item;
      }
    },
  };
}

/**
 * A successful answer's JSON. A body that breaks off mid-way (the connection dropped) or is not valid JSON is
 * named as what it is, with its own code, never as Graph "not answering normally" with status 200.
 */
async function readJson<T>(response: Response, clientRequestId: string, requestId: string | undefined): Promise<T> {
  const ids = { clientRequestId, ...(requestId ? { requestId } : {}) };
  if (response.status === 204) return undefined as T;
  let text: string;
  try {
    text = await response.text();
  } catch {
    throw new GraphError({ code: 'response_truncated', status: response.status, message: `Microsoft Graph's answer (HTTP ${response.status}) broke off before its end: the connection dropped while the body was arriving`, ...ids });
  }
  if (!text) return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    // V8 says "Unexpected end of JSON input" / "Unterminated string" when the text stops before the JSON does.
    const cutShort = /end of JSON input|Unterminated/i.test((error as Error).message);
    throw new GraphError({
      code: cutShort ? 'response_truncated' : 'response_not_json',
      status: response.status,
      message: cutShort
        ? `Microsoft Graph's answer (HTTP ${response.status}) was cut short: its JSON body ends before it is complete (${text.length} characters arrived)`
        : `Microsoft Graph answered HTTP ${response.status} with a body that is not valid JSON (content type ${response.headers.get('content-type') ?? 'none'})`,
      ...ids,
    });
  }
}

/** A nextLink, deltaLink or Location carries our bearer token when followed: only ever towards the Graph origin we were configured with. */
function sameOriginLink(link: string, base: URL): URL {
  const url = new URL(link, base);
  if (url.origin !== base.origin) {
    throw new GraphError({ code: 'unexpected_response', status: 0, message: `Microsoft Graph returned a link on another host (${url.host}); it was not followed, so the token was not sent there`, clientRequestId: 'none' });
  }
  return url;
}
