// The identity platform's use of the one outbound transport (../transport): which answers are worth another
// attempt (no answer, 5xx, 429 honouring Retry-After), the identity defaults for timeouts and retries, and the
// fetch oauth4webapi calls. A transient answer still failing after the last attempt is returned as is (the
// protocol layer turns Microsoft's body into an IdentityError); no answer after the last attempt throws
// IdentityError `network_error` / `timeout`.
import type { Logger } from '../../platform/logging/logger.js';
import type { Clock } from '../../platform/time/clock.js';
import { transportOrOwn, type FetchLike, type MicrosoftTransport, type RandomSource, type RetryPolicy } from '../transport/index.js';
import { identityError } from './aadsts-catalogue.js';

export type { FetchLike, RetryPolicy } from '../transport/index.js';

export interface IdentityFetchOptions {
  /** The shared transport; built here from `fetch`, `sleep`, `random` and `logger` when not given. */
  transport?: MicrosoftTransport;
  fetch?: FetchLike;
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  sleep?: (ms: number) => Promise<void>;
  random?: RandomSource;
  clock?: Clock;
  logger?: Logger;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 250, maxDelayMs: 30_000 };
export const DEFAULT_TIMEOUT_MS = 15_000;

const isTransientStatus = (status: number) => status === 429 || status >= 500;

/** A fetch (for oauth4webapi) that retries what can be retried. */
export function createIdentityFetch(options: IdentityFetchOptions = {}): FetchLike {
  const transport = transportOrOwn(options);
  const policy = { ...DEFAULT_RETRY, ...options.retry };
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  return async (input, init = {}) => {
    const { outcome } = await transport.send(input, init, {
      service: 'identity',
      policy,
      timeoutMs,
      retryable: (o) => o.kind === 'failed' || isTransientStatus(o.response.status),
    });
    if (outcome.kind === 'response') return outcome.response;
    throw identityError(outcome.failure);
  };
}
