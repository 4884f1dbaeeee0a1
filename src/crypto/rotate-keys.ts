// Re-seals every blob of every sealed column under the newest key of the ring.
//
// Safe to kill at any moment and to run again: each batch re-seals a few rows in its own transaction, so every
// committed row is either still under its old key or already under the new one, and both open (the ring keeps the
// old keys). A rerun selects only the rows not yet under the newest key, so it finishes the rest and re-does nothing.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Logger } from '../logging/logger.js';
import type { Database } from '../store/schema.js';
import type { KeyRing } from './key-ring.js';
import { SealedBlobError, type SealedBlobErrorCode } from './sealed-blob-error.js';
import { SEALED_COLUMNS, type SealedColumn } from './sealed-columns.js';

export interface RotationProgress {
  table: string;
  column: string;
  /** Rows re-sealed so far in this column (this run). */
  resealed: number;
  /** Batches committed so far in this run, across columns. */
  batches: number;
}

export interface RotationFailure {
  table: string;
  column: string;
  rowId: string;
  code: SealedBlobErrorCode;
}

export interface RotationResult {
  /** Rows looked at: already current + re-sealed + failed. */
  scanned: number;
  resealed: number;
  alreadyCurrent: number;
  /** Rows that did not open (tampered, or under a key no longer in the ring); left untouched. */
  failed: number;
  /** The first failures, by place only (never the blob). */
  failures: RotationFailure[];
}

export interface RotateKeysOptions {
  db: Kysely<Database>;
  keyRing: KeyRing;
  logger: Logger;
  /** Rows per transaction; small batches keep locks short while the hub keeps running. */
  batchSize?: number;
  /** Called after each committed batch (the CLI prints it; tests use it to kill a rotation half-way). */
  onProgress?: (progress: RotationProgress) => void | Promise<void>;
  /** Defaults to every registered sealed column. */
  columns?: readonly SealedColumn[];
}

const MAX_LISTED_FAILURES = 100;

interface Row {
  id: string;
  sealed: string;
}

export async function rotateKeys(options: RotateKeysOptions): Promise<RotationResult> {
  const { db, keyRing, logger } = options;
  const batchSize = options.batchSize ?? 100;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError('batchSize must be a positive integer');
  const prefix = keyRing.currentPrefix;
  const result: RotationResult = { scanned: 0, resealed: 0, alreadyCurrent: 0, failed: 0, failures: [] };
  let batches = 0;

  for (const target of options.columns ?? SEALED_COLUMNS) {
    const table = sql.table(target.table);
    const id = sql.ref(target.idColumn);
    const column = sql.ref(target.column);
    // Compared with left() rather than LIKE: key ids may contain `_`, a LIKE wildcard.
    const isCurrent = sql`left(${column}, ${prefix.length}) = ${prefix}`;

    const current = await sql<{ count: number | string }>`
      select count(*) as count from ${table} where ${column} is not null and ${isCurrent}`.execute(db);
    const alreadyCurrent = Number(current.rows[0]?.count ?? 0);
    result.alreadyCurrent += alreadyCurrent;
    result.scanned += alreadyCurrent;

    let resealedHere = 0;
    // Rows that fail to open stay behind the cursor, so the loop always moves forward.
    let after: string | null = null;
    for (;;) {
      const batch = await db.transaction().execute(async (trx: Transaction<Database>) => {
        // FOR UPDATE: a concurrent writer replacing this secret waits, so the re-seal never resurrects an old value.
        const rows = await sql<Row>`
          select ${id} as id, ${column} as sealed from ${table}
          where ${column} is not null and not (${isCurrent})
          ${after === null ? sql`` : sql`and ${id} > ${after}`}
          order by ${id} limit ${batchSize} for update`.execute(trx);
        const updates: { id: string; sealed: string }[] = [];
        for (const row of rows.rows) {
          const place = { table: target.table, rowId: String(row.id), column: target.column };
          let value: Buffer;
          try {
            value = keyRing.open(row.sealed, place);
          } catch (error) {
            if (!(error instanceof SealedBlobError)) throw error;
            result.failed += 1;
            if (result.failures.length < MAX_LISTED_FAILURES) result.failures.push({ ...place, code: error.code });
            // `errorCode`, not `code`: the logger redacts fields named code (OAuth codes).
            logger.error({ ...place, errorCode: error.code }, 'a sealed value could not be opened during key rotation; left as it is');
            continue;
          }
          updates.push({ id: row.id, sealed: keyRing.seal(value, place) });
          value.fill(0);
        }
        if (updates.length > 0) {
          // One statement per batch: a round trip per row would dominate the rotation's time.
          const values = sql.join(updates.map((u) => sql`(${u.id}, ${u.sealed})`));
          await sql`update ${table} set ${column} = resealed.sealed from (values ${values}) as resealed(id, sealed)
            where ${table}.${id} = resealed.id`.execute(trx);
        }
        return { count: rows.rows.length, resealed: updates.length, last: rows.rows.at(-1)?.id };
      });
      if (batch.count === 0) break;
      after = String(batch.last);
      resealedHere += batch.resealed;
      result.resealed += batch.resealed;
      result.scanned += batch.count;
      batches += 1;
      await options.onProgress?.({ table: target.table, column: target.column, resealed: resealedHere, batches });
      if (batch.count < batchSize) break;
    }
    logger.info({ table: target.table, column: target.column, resealed: resealedHere, alreadyCurrent }, 'sealed column rotated');
  }
  logger.info(
    { keyId: keyRing.currentKeyId, resealed: result.resealed, alreadyCurrent: result.alreadyCurrent, failed: result.failed },
    'key rotation finished',
  );
  return result;
}
