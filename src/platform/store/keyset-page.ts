// Keyset pagination on (created_at, id): stable under inserts, no offsets. Rows are created with the injected
// clock's millisecond timestamps, so the cursor's timestamp compares exactly.
import { sql, type RawBuilder } from 'kysely';

export interface Position {
  createdAt: Date;
  id: string;
}

export interface PageRequest {
  limit: number;
  after?: Position;
}

export interface Page<T> {
  items: T[];
  /** The last item's position when more rows follow, else null. */
  next: Position | null;
}

/** `(createdColumn, idColumn) > (after.createdAt, after.id)`, for a query ordered by those two columns. */
export function isAfter(createdColumn: string, idColumn: string, after: Position): RawBuilder<boolean> {
  return sql<boolean>`(${sql.ref(createdColumn)}, ${sql.ref(idColumn)}) > (${after.createdAt}, ${after.id})`;
}

/** `(createdColumn, idColumn) < (before.createdAt, before.id)`, for a query ordered by those two columns descending. */
export function isBefore(createdColumn: string, idColumn: string, before: Position): RawBuilder<boolean> {
  return sql<boolean>`(${sql.ref(createdColumn)}, ${sql.ref(idColumn)}) < (${before.createdAt}, ${before.id})`;
}

/** Splits the `limit + 1` rows a query fetched into a page and the position to continue from. */
export function toPage<Row, T>(rows: Row[], limit: number, position: (row: Row) => Position, map: (row: Row) => T): Page<T> {
  const pageRows = rows.slice(0, limit);
  const last = pageRows.at(-1);
  return { items: pageRows.map(map), next: rows.length > limit && last ? position(last) : null };
}
