// Streams access-review rows as CSV (RFC 4180) or JSON, one row at a time, so an export of 100,000 users never
// holds the whole document: Readable.from pulls the next chunk only when the socket has drained.
import { Readable } from 'node:stream';
import type { AccessReviewRow } from './access-review-rows.js';

export interface ReviewDecision {
  decision: 'keep' | 'remove';
  comment: string;
  decidedBy: string;
  decidedAt: string;
}

export type ExportRow = AccessReviewRow & { decision?: ReviewDecision | null };

const COLUMNS = [
  'userId', 'displayName', 'userPrincipalName', 'accountEnabled', 'userType', 'lastSignInDateTime', 'mfaRegistered', 'mfaMethods',
  'licences', 'groups', 'directoryRoles', 'privileged',
] as const;
const DECISION_COLUMNS = ['decision', 'comment', 'decidedBy', 'decidedAt'] as const;

/** RFC 4180 quoting; a leading = + - @ is prefixed with ' so a spreadsheet does not run a name as a formula (OWASP CSV injection). */
export function csvField(value: unknown): string {
  let s = value === null || value === undefined ? '' : Array.isArray(value) ? value.join('; ') : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows are batched into chunks of this many before a write: one write per row costs more than the CSV itself. */
const BATCH = 256;

export function csvStream(rows: Iterable<ExportRow> | AsyncIterable<ExportRow>, withDecisions: boolean): Readable {
  const header = [...COLUMNS, ...(withDecisions ? DECISION_COLUMNS : [])];
  async function* lines(): AsyncGenerator<string> {
    yield `${header.join(',')}\r\n`;
    let chunk = '';
    let count = 0;
    for await (const row of rows) {
      const cells = COLUMNS.map((c) => csvField(row[c]));
      if (withDecisions) {
        const d = row.decision;
        cells.push(csvField(d?.decision), csvField(d?.comment), csvField(d?.decidedBy), csvField(d?.decidedAt));
      }
      chunk += `${cells.join(',')}\r\n`;
      if (++count % BATCH === 0) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
  }
  return Readable.from(lines());
}

/** `{ "items": [ … ] }`, written row by row. */
export function jsonStream(rows: Iterable<ExportRow> | AsyncIterable<ExportRow>, head: Record<string, unknown>): Readable {
  async function* parts(): AsyncGenerator<string> {
    const prefix = JSON.stringify(head).slice(0, -1);
    yield `${prefix}${prefix.length > 1 ? ',' : ''}"items":[`;
    let first = true;
    let chunk = '';
    let count = 0;
    for await (const row of rows) {
      chunk += `${first ? '' : ','}${JSON.stringify(row)}`;
      first = false;
      if (++count % BATCH === 0) {
        yield chunk;
        chunk = '';
      }
    }
    yield `${chunk}]}`;
  }
  return Readable.from(parts());
}
