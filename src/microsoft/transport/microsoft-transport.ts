// The one outbound HTTP transport for Microsoft (identity platform and Graph): one fetch type, a per-attempt
// timeout, bounded retries with jittered backoff or Microsoft's Retry-After, and one log line per attempt that names
// the endpoint (origin and path) and never a query string, body, header, token or secret. What may be retried is
// the caller's protocol knowledge (a POST that timed out at a gateway may have been carried out); how to wait and
// log is decided here once. Sleeping, the random source and the clock are injected so tests never wait. Streamed
// exchanges (the pass-through) go out through ./exchange.ts, one attempt each.
import type { Logger } from '../../platform/logging/logger.js';
import { systemClock, type Clock } from '../../platform/time/clock.js';
import { backoffDelayMs, type RandomSource, type RetryPolicy } from './backoff.js';
import { exchangeOverFetch, ExchangeTimeoutError, nodeExchange, type Exchange, type ExchangeRequest, type ExchangeResponse } from './exchange.js';
import type { FetchLike } from './fetch-like.js';
import { retryAfterOf } from './retry-after.js';

export type { FetchLike };

export interface MicrosoftTransportOptions {
  fetch?: FetchLike;
  /** How streamed exchanges go out; default over `fetch` when one is given, else node:http(s) (./exchange.ts). */
  exchange?: Exchange;
  logger?: Logger;
  sleep?: (ms: number) => Promise<void>;
  random?: RandomSource;
  /** For Retry-After given as an HTTP-date. */
  clock?: Clock;
}

/** What one attempt produced: an answer (any status), or no answer at all. */
export type AttemptOutcome = { kind: 'response'; response: Response } | { kind: 'failed'; failure: 'timeout' | 'network_error'; cause: unknown };

export interface SendOptions {
  /** Names the caller in log lines: `identity`, `graph`. */
  service: string;
  policy: RetryPolicy;
  timeoutMs: number;
  /** Whether this outcome may be tried again (status and idempotency rules are the caller's). */
  retryable(outcome: AttemptOutcome): boolean;
  /** Extra fields for each log line (ids only: never a secret or a query string). */
  logFields?: Record<string, unknown>;
}

export interface SendResult {
  /** The last attempt's outcome: a success, a refusal not worth retrying, or the last of the retries. */
  outcome: AttemptOutcome;
  attempts: number;
  /** Microsoft's Retry-After on the last answer, in seconds, when it sent one. */
  retryAfterSeconds?: number;
}

export interface StreamOptions {
  /** Names the caller in log lines. */
  service: string;
  /** For the whole exchange, the answer's body included. */
  timeoutMs: number;
  logFields?: Record<string, unknown>;
}

/** A streamed exchange's outcome: Microsoft's answer (body still streaming), or no answer at all. */
export type StreamOutcome = { kind: 'response'; response: ExchangeResponse } | { kind: 'failed'; failure: 'timeout' | 'network_error'; cause: unknown };

export interface MicrosoftTransport {
  /** `init` may be a function of the attempt number (a bearer token asked for per attempt). */
  send(input: string | URL | Request, init: RequestInit | ((attempt: number) => Promise<RequestInit>), options: SendOptions): Promise<SendResult>;
  /**
   * One attempt, bodies streamed both ways and redirects never followed (a streamed body cannot be sent twice):
   * the pass-through's path. The timeout covers the answer's body too; it is cleared when that body ends.
   */
  stream(url: URL, request: Omit<ExchangeRequest, 'timeoutMs'>, options: StreamOptions): Promise<StreamOutcome>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Origin and path only: a query string can carry codes, names and addresses. */
export function endpointOf(input: string | URL | Request): string {
  const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
  return `${url.origin}${url.pathname}`;
}

export function createMicrosoftTransport(options: MicrosoftTransportOptions = {}): MicrosoftTransport {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  const clock = options.clock ?? systemClock;
  const log = options.logger;
  const exchange = options.exchange ?? (options.fetch ? exchangeOverFetch(options.fetch) : nodeExchange());

  return {
    async stream(url, request, send) {
      // Built only for a line that is written: the pass-through's hot path logs nothing at the default level.
      const where = () => ({ service: send.service, endpoint: endpointOf(url), method: request.method, ...send.logFields });
      try {
        const response = await exchange(url, { ...request, timeoutMs: send.timeoutMs });
        if (log?.isLevelEnabled('debug')) log.debug({ ...where(), status: response.status }, 'microsoft request');
        return { kind: 'response', response };
      } catch (error) {
        const failure = error instanceof ExchangeTimeoutError ? 'timeout' : 'network_error';
        log?.warn({ ...where(), error: failure, cause: (error as Error).message }, 'microsoft request failed');
        return { kind: 'failed', failure, cause: error };
      }
    },
    async send(input, init, send) {
      const where = { service: send.service, endpoint: endpointOf(input), ...send.logFields };
      for (let attempt = 1; ; attempt++) {
        const attemptInit = typeof init === 'function' ? await init(attempt) : init;
        const method = attemptInit.method ?? 'GET';
        const timeout = AbortSignal.timeout(send.timeoutMs);
        const callerSignal = attemptInit.signal ?? undefined;
        const signal = callerSignal ? AbortSignal.any([callerSignal, timeout]) : timeout;
        let outcome: AttemptOutcome;
        try {
          outcome = { kind: 'response', response: await doFetch(input, { ...attemptInit, signal }) };
          log?.debug({ ...where, method, attempt, status: outcome.response.status }, 'microsoft request');
        } catch (error) {
          if (callerSignal?.aborted) throw error;
          outcome = { kind: 'failed', failure: timeout.aborted ? 'timeout' : 'network_error', cause: error };
          log?.warn({ ...where, method, attempt, error: outcome.failure, cause: (error as Error).message }, 'microsoft request failed');
        }
        const retryAfterSeconds = outcome.kind === 'response' ? retryAfterOf(outcome.response, clock.now().getTime()) : undefined;
        const result: SendResult = { outcome, attempts: attempt, ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}) };
        if (!send.retryable(outcome)) return result;
        const delay = retryAfterSeconds !== undefined ? Math.ceil(retryAfterSeconds * 1000) : backoffDelayMs(attempt, send.policy, random);
        if (attempt >= send.policy.maxAttempts || delay > send.policy.maxDelayMs) return result;
        if (outcome.kind === 'response') {
          log?.warn({ ...where, method, attempt, status: outcome.response.status, retryInMs: delay }, 'microsoft request throttled or unavailable, retrying');
          await outcome.response.body?.cancel().catch(() => {});
        }
        await sleep(delay);
      }
    },
  };
}

/**
 * The transport a client was given, or one built from the client's own test seams (fetch, sleep, random, clock,
 * logger): the identity and Graph clients accept either, so the composition shares one and unit tests need none.
 */
export function transportOrOwn(options: MicrosoftTransportOptions & { transport?: MicrosoftTransport | undefined }): MicrosoftTransport {
  if (options.transport) return options.transport;
  const { fetch, exchange, sleep, random, clock, logger } = options;
  return createMicrosoftTransport({
    ...(fetch ? { fetch } : {}),
    ...(exchange ? { exchange } : {}),
    ...(sleep ? { sleep } : {}),
    ...(random ? { random } : {}),
    ...(clock ? { clock } : {}),
    ...(logger ? { logger } : {}),
  });
}
