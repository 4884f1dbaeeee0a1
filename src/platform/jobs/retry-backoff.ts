// Exponential backoff with "equal jitter": half of the delay is fixed, half random, so retries of many jobs that
// failed together (Microsoft throttling a tenant) spread out instead of returning in one burst.
export interface RetryPolicy {
  /** Delay before the second attempt, before jitter. */
  baseMs: number;
  maxMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { baseMs: 5_000, maxMs: 60 * 60_000 };

/** Delay before the attempt after `failedAttempt` (1-based), in [d/2, d] where d = base · 2^(failedAttempt-1). */
export function retryDelayMs(failedAttempt: number, policy: RetryPolicy = defaultRetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, failedAttempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
