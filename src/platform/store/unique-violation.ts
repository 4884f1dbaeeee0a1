// PostgreSQL (and PGlite, which reports the same SQLSTATE) refuses a row that breaks a unique index with 23505 and
// names the index in `constraint`: callers tell "someone else took this name" from other failures by it.
const UNIQUE_VIOLATION = '23505';

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: unknown; constraint?: unknown; message?: unknown } | null;
  if (!e || e.code !== UNIQUE_VIOLATION) return false;
  if (constraint === undefined) return true;
  // pg sets `constraint`; PGlite may only name it in the message.
  return e.constraint === constraint || (typeof e.message === 'string' && e.message.includes(constraint));
}
