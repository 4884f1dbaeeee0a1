// What a read action answers when Microsoft Graph did not give what was asked. Reads are safe to retry, so unlike
// writes (idempotent-action.ts) nothing is remembered: each failure becomes a problem saying what to do.
import { GraphError } from '../../microsoft/graph/graph-error.js';
import { HttpProblem } from '../../platform/http/http-problem.js';

export function readFailure(error: unknown): unknown {
  if (!(error instanceof GraphError)) return error;
  if (error.status === 404) return new HttpProblem('action_target_not_found', { detail: `Microsoft Graph has no such item (${error.code}): check the id, and that it is in the mailbox, calendar, team or chat acted in.` });
  if (error.status === 429) {
    const seconds = Math.max(1, Math.ceil(error.retryAfterSeconds ?? 1));
    return new HttpProblem('rate_limited', { detail: `Microsoft Graph is throttling this tenant. Wait ${seconds} s (Retry-After) and try again.`, headers: { 'retry-after': String(seconds) } });
  }
  if (error.status >= 400 && error.status < 500) return new HttpProblem('action_refused', { detail: `Microsoft Graph refused (${error.status} ${error.code}): ${error.message}` });
  return new HttpProblem('microsoft_unavailable', { detail: `Microsoft Graph did not answer normally (${error.status || error.code}). Nothing to change on your side; try again in a minute.` });
}

/** Runs a read, turning Graph's failures into problems. */
export async function reading<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    throw readFailure(error);
  }
}
