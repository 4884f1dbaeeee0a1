// The one Microsoft Graph client: every Graph call of the hub leaves through it, so retries, throttling, timeouts,
// request ids and log redaction live here once. Base URL is Config.graphUrl + /v1.0 (Microsoft, or the emulator);
// the bearer token comes from a getter (the token service), asked once per attempt so a refreshed token is used.
//
// Throttling follows Microsoft's guidance (https://learn.microsoft.com/en-us/graph/throttling): on 429 wait
// Retry-After seconds (fractional values occur), else back off exponentially; 503 and 504 are retried the same way.
// Retries are bounded: a Retry-After longer than the longest wait we accept is reported, not waited for.
import { randomUUID } from 'node:crypto';
import type { Logger } from '../../platform/logging/logger.js';
import { GraphError, graphErrorFromResponse } from './graph-error.js';

export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
export type AccessTokenGetter = () => Promise<string>;

export interface GraphRetryPolicy {
  /** Attempts in total, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  /** No single wait is longer; a Retry-After beyond it ends the retries. */
  maxDelayMs: number;
}

export interface GraphClientOptions {
  /** Config.graphUrl: https://graph.microsoft.com, or the emulator. */
  graphUrl: string;
  accessToken: AccessTokenGetter;
  fetch?: FetchLike;
  logger?: Logger;
  timeoutMs?: number;
  retry?: Partial<GraphRetryPolicy>;
  sleep?: (ms: number) => Promise<void>;
}

export type QueryValue = string | number | boolean | undefined;

export interface GraphRequestOptions {
  /** OData and other query parameters (`$top`, `$select` …), encoded here. */
  query?: Record<string, QueryValue>;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export interface GraphClient {
  get<T = unknown>(path: string, options?: GraphRequestOptions): Promise<T>;
  post<T = unknown>(path: string, body: unknown, options?: GraphRequestOptions): Promise<T>;
  /** The items of a collection, page after page through `@odata.nextLink`. */
  paginate<T = unknown>(path: string, options?: GraphRequestOptions & { maxPages?: number }): AsyncGenerator<T>;
}

export const DEFAULT_GRAPH_RETRY: GraphRetryPolicy = { maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 30_000 };
export const DEFAULT_GRAPH_TIMEOUT_MS = 30_000;
const API_VERSION = 'v1.0';

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Retry-After in seconds: delta-seconds (possibly fractional, as Graph sends) or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - now) / 1000);
}

// A POST that timed out at a gateway (504) or lost its connection may have been carried out: only answers that
// say the request was not processed (429, 503) are retried for it.
const RETRY_STATUSES = { GET: new Set([429, 503, 504]), POST: new Set([429, 503]) } as const;

export function createGraphClient(options: GraphClientOptions): GraphClient {
  const base = new URL(`${options.graphUrl.replace(/\/+$/, '')}/${API_VERSION}/`);
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const policy = { ...DEFAULT_GRAPH_RETRY, ...options.retry };
  const timeoutMs = options.timeoutMs ?? DEFAULT_GRAPH_TIMEOUT_MS;
  const sleep = options.sleep ?? realSleep;
  const log = options.logger;

  function urlOf(path: string, query: Record<string, QueryValue> | undefined): URL {
    if (!path.startsWith('/')) throw new TypeError(`Graph paths start with "/": ${path}`);
    const url = new URL(path.slice(1), base);
    for (const [name, value] of Object.entries(query ?? {})) if (value !== undefined) url.searchParams.set(name, String(value));
    return url;
  }

  async function send<T>(method: 'GET' | 'POST', url: URL, body: unknown, request: GraphRequestOptions = {}): Promise<T> {
    const clientRequestId = randomUUID();
    // Logged without the query string: $filter and $search values can carry names and addresses.
    const where = { method, path: url.pathname, clientRequestId };
    for (let attempt = 1; ; attempt++) {
      const timeout = AbortSignal.timeout(timeoutMs);
      const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
      // Outside the try: a token that cannot be had (IdentityError) is the caller's to see, not a network failure.
      const token = await options.accessToken();
      let response: Response;
      try {
        response = await doFetch(url, {
          method,
          signal,
          redirect: 'manual',
          headers: {
            accept: 'application/json',
            authorization: `Bearer ${token}`,
            'client-request-id': clientRequestId,
            'return-client-request-id': 'true',
            ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
            ...request.headers,
          },
          ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        });
      } catch (error) {
        if (request.signal?.aborted) throw error;
        const code = timeout.aborted ? 'timeout' : 'network_error';
        log?.warn({ ...where, attempt, error: code, cause: (error as Error).message }, 'graph request failed');
        // Without an answer we cannot know whether a POST was carried out: only GETs are tried again.
        if (method === 'GET' && attempt < policy.maxAttempts) {
          await sleep(backoff(attempt));
          continue;
        }
        throw new GraphError({ code, status: 0, message: code === 'timeout' ? `Microsoft Graph did not answer within ${timeoutMs} ms` : 'Microsoft Graph could not be reached', clientRequestId });
      }

      const requestId = response.headers.get('request-id') ?? undefined;
      log?.debug({ ...where, attempt, status: response.status, requestId }, 'graph request');
      if (response.ok) {
        if (response.status === 204) return undefined as T;
        const text = await response.text();
        if (!text) return undefined as T;
        try {
          return JSON.parse(text) as T;
        } catch {
          throw new GraphError({ code: 'unexpected_response', status: response.status, message: 'Microsoft Graph answered with a body that is not JSON', clientRequestId, ...(requestId ? { requestId } : {}) });
        }
      }

      const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
      const delay = retryAfter !== undefined ? Math.ceil(retryAfter * 1000) : backoff(attempt);
      const retryable = RETRY_STATUSES[method].has(response.status);
      if (!retryable || attempt >= policy.maxAttempts || delay > policy.maxDelayMs) {
        const error = await graphErrorFromResponse(response, clientRequestId, retryable ? retryAfter : undefined);
        log?.warn({ ...where, attempt, status: error.status, code: error.code, requestId: error.requestId }, 'graph request failed');
        throw error;
      }
      log?.warn({ ...where, attempt, status: response.status, requestId, retryInMs: delay }, 'graph request throttled or unavailable, retrying');
      await response.body?.cancel().catch(() => {});
      await sleep(delay);
    }
  }

  const backoff = (attempt: number) => Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));

  return {
    get: (path, requestOptions) => send('GET', urlOf(path, requestOptions?.query), undefined, requestOptions),
    post: (path, body, requestOptions) => send('POST', urlOf(path, requestOptions?.query), body, requestOptions),
    async *paginate<T>(path: string, requestOptions: GraphRequestOptions & { maxPages?: number } = {}) {
      let url: URL | undefined = urlOf(path, requestOptions.query);
      for (let page = 0; url && page < (requestOptions.maxPages ?? Infinity); page++) {
        const body: { value?: T[]; '@odata.nextLink'?: string } = await send('GET', url, undefined, requestOptions);
        for (const item of body?.value ?? []) yield item;
        const next = body?.['@odata.nextLink'];
        url = next ? sameOriginLink(next, base) : undefined;
      }
    },
  };
}

/** A nextLink carries our bearer token when followed: only ever towards the Graph origin we were configured with. */
function sameOriginLink(link: string, base: URL): URL {
  const url = new URL(link, base);
  if (url.origin !== base.origin) {
    throw new GraphError({ code: 'unexpected_response', status: 0, message: 'Microsoft Graph returned a next page link on another host; it was not followed', clientRequestId: 'none' });
  }
  return url;
}
