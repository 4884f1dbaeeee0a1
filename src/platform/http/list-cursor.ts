// Opaque list cursors: base64url JSON of the position after the last item. Clients pass nextCursor back unchanged;
// anything else answers 400 rather than a wrong page.
import type { Position } from '../store/keyset-page.js';
import { HttpProblem } from './http-problem.js';

const invalidCursor = () =>
  new HttpProblem('validation_failed', {
    detail: 'The cursor is not one this API returned. Pass nextCursor from the previous page unchanged, or omit it.',
    errors: [{ pointer: '/querystring/cursor', detail: 'is not a valid cursor' }],
  });

function encode(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

function decode(cursor: string): unknown {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
}

export function positionCursor(position: Position | null): string | null {
  return position ? encode({ t: position.createdAt.toISOString(), i: position.id }) : null;
}

export function readPositionCursor(cursor: string | undefined): Position | undefined {
  if (cursor === undefined) return undefined;
  const value = decode(cursor) as { t?: unknown; i?: unknown } | null;
  const createdAt = typeof value?.t === 'string' ? new Date(value.t) : undefined;
  if (!createdAt || Number.isNaN(createdAt.getTime()) || typeof value?.i !== 'string') throw invalidCursor();
  return { createdAt, id: value.i };
}

export function sequenceCursor(seq: number | null): string | null {
  return seq === null ? null : encode({ s: seq });
}

export function readSequenceCursor(cursor: string | undefined): number | undefined {
  if (cursor === undefined) return undefined;
  const value = decode(cursor) as { s?: unknown } | null;
  if (typeof value?.s !== 'number' || !Number.isSafeInteger(value.s)) throw invalidCursor();
  return value.s;
}
