// Graph's pages as the hub's `{ items, nextCursor }`: the cursor carries only the paging parameters of Graph's
// @odata.nextLink ($skip, $skiptoken), so a caller's cursor can never add another query to the request.
import { HttpProblem } from '../../platform/http/http-problem.js';

const PAGING = ['$skip', '$skiptoken'];

export function cursorOf(nextLink: unknown): string | null {
  if (typeof nextLink !== 'string') return null;
  const params = new URL(nextLink).searchParams;
  const kept = Object.fromEntries(PAGING.filter((name) => params.has(name)).map((name) => [name, params.get(name)!]));
  return Object.keys(kept).length === 0 ? null : Buffer.from(JSON.stringify(kept)).toString('base64url');
}

export function pagingOf(cursor: string | undefined): Record<string, string> {
  if (cursor === undefined) return {};
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
    const entries = Object.entries(parsed);
    if (entries.length > 0 && entries.every(([name, value]) => PAGING.includes(name) && typeof value === 'string')) return parsed as Record<string, string>;
  } catch {
    // fall through: not one of ours
  }
  throw new HttpProblem('validation_failed', { detail: 'cursor is not a nextCursor this hub gave; start again without it.', errors: [{ pointer: '/cursor', detail: 'unknown cursor' }] });
}
