// How long to wait before trying a call to Microsoft again: capped exponential backoff with "full jitter"
// (a uniformly random wait between 0 and the exponential ceiling). Many callers throttled together — one tenant's
// requests, every process of a deployment — then spread over the window instead of returning in step, which is
// what Microsoft asks of clients (https://learn.microsoft.com/en-us/graph/throttling#best-practices-to-handle-throttling)
// and what AWS's analysis of jitter strategies found cheapest for the server.

export interface RetryPolicy {
  /** Attempts in total, the first included. */
  maxAttempts: number;
  /** The ceiling of the first wait (before jitter); it doubles per attempt. */
  baseDelayMs: number;
  /** No single wait is longer; a Retry-After beyond it is not waited for (the caller reports it instead). */
  maxDelayMs: number;
}

/** A number in [0, 1), as Math.random; injected so tests choose the jitter. */
export type RandomSource = () => number;

/** The wait after the `failedAttempt`-th attempt (1-based): uniform in [0, min(max, base · 2^(n-1))]. */
export function backoffDelayMs(failedAttempt: number, policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>, random: RandomSource = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, failedAttempt - 1));
  const draw = Math.min(Math.max(random(), 0), 1);
  return Math.round(draw * ceiling);
}
