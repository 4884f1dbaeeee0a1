// The HTTP transport of every request to the Microsoft identity platform: a per-attempt timeout, bounded
// exponential backoff on transient failures (network error, timeout, 5xx, 429 honouring Retry-After), and one
// log line per attempt that names the endpoint but never a query string, body, token or secret.
// Sleeping goes through an injected function so tests never wait; the underlying fetch is injected so tests (and
// operators with a private CA) can trust another certificate authority.
import type { Logger } from '../../platform/logging/logger.js';
import { identityError } from './aadsts-catalogue.js';
import { IdentityError } from './identity-error.js';

export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export interface RetryPolicy {
  /** Attempts in total, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  /** No single wait is longer; a Retry-After beyond it is not waited for (the error says how long instead). */
  maxDelayMs: number;
}

export interface IdentityFetchOptions {
  fetch?: FetchLike;
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  sleep?: (ms: number) => Promise<void>;
  logger?: Logger;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 250, maxDelayMs: 30_000 };
export const DEFAULT_TIMEOUT_MS = 15_000;

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Retry-After in seconds (delta-seconds or an HTTP date), or undefined. */
export function retryAfterSeconds(response: Response, now = Date.now()): number | undefined {
  const value = response.headers.get('retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

const isTransientStatus = (status: number) => status === 429 || status >= 500;

function endpointOf(input: string | URL | Request): string {
  const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
  return `${url.origin}${url.pathname}`;
}

/**
 * A fetch that retries what can be retried. A transient answer that is still failing after the last attempt is
 * returned as is (the protocol layer turns Microsoft's body into an IdentityError); a network failure or timeout
 * after the last attempt throws IdentityError `network_error` / `timeout`.
 */
export function createIdentityFetch(options: IdentityFetchOptions = {}): FetchLike {
  const base = options.fetch ?? ((input, init) => fetch(input, init));
  const policy = { ...DEFAULT_RETRY, ...options.retry };
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const sleep = options.sleep ?? realSleep;
  const log = options.logger;

  return async (input, init = {}) => {
    const endpoint = endpointOf(input);
    const method = init.method ?? 'GET';
    for (let attempt = 1; ; attempt++) {
      const timeout = AbortSignal.timeout(timeoutMs);
      const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
      let response: Response | undefined;
      let failure: IdentityError | undefined;
      try {
        response = await base(input, { ...init, signal });
      } catch (error) {
        if (init.signal?.aborted) throw error;
        failure = identityError(timeout.aborted ? 'timeout' : 'network_error');
        log?.warn({ endpoint, method, attempt, error: failure.code, cause: (error as Error).message }, 'identity request failed');
      }
      if (response) {
        log?.debug({ endpoint, method, attempt, status: response.status }, 'identity request');
        if (!isTransientStatus(response.status)) return response;
      }
      const waitSeconds = response ? retryAfterSeconds(response) : undefined;
      const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
      const delay = waitSeconds !== undefined ? waitSeconds * 1000 : backoff;
      if (attempt >= policy.maxAttempts || delay > policy.maxDelayMs) {
        if (response) return response;
        throw failure!;
      }
      if (response) {
        log?.warn({ endpoint, method, attempt, status: response.status, retryInMs: delay }, 'identity request transient failure, retrying');
        await response.body?.cancel().catch(() => {});
      }
      await sleep(delay);
    }
  };
}
