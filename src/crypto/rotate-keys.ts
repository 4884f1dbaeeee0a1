// Re-seals every sealed blob under the newest key of the ring (`m365hub keys rotate`).
//
// Safe to kill at any moment: each batch is its own transaction, so every row is either still under its old key
// or already under the new one, and both open because the ring keeps the old keys. Running it again finishes the
// rest: rows already under the newest key are filtered out in SQL, so a rerun only touches what is left.
import { sql, type Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../store/schema.js';
import { SealedBlobError, type KeyRing } from './key-ring.js';
import { sealedColumns as registeredColumns, type SealedColumn } from './sealed-columns.js';

export interface RotationCounts {
  /** Blobs looked at that were not under the newest key. */
  scanned: number;
  resealed: number;
  /** Blobs already under the newest key (not rewritten). */
  alreadyCurrent: number;
  /** Blobs that did not open (tampered, unknown key, malformed): left as they are and logged by place. */
  unreadable: number;
  /** Blobs rewritten by someone else between our read and our write: left to the writer (sealed under its ring). */
  changedMeanwhile: number;
}

export interface RotationProgress extends RotationCounts {
  table: string;
  column: string;
  /** Batches committed so far in this run, over all columns. */
  batches: number;
}

export interface RotateKeysOptions {
  db: Kysely<Database>;
  keyRing: KeyRing;
  logger: Logger;
  /** Rows per transaction (default 100): small enough to keep locks short, large enough to be quick. */
  batchSize?: number;
  /** Called after each committed batch. */
  onProgress?: (progress: RotationProgress) => void | Promise<void>;
  /** Defaults to every registered column. */
  columns?: readonly SealedColumn[];
}

export async function rotateKeys(options: RotateKeysOptions): Promise<RotationCounts> {
  const { db, keyRing, logger } = options;
  const batchSize = options.batchSize ?? 100;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error('batchSize must be a positive integer');
  const prefix = keyRing.currentPrefix;
  const counts: RotationCounts = { scanned: 0, resealed: 0, alreadyCurrent: 0, unreadable: 0, changedMeanwhile: 0 };
  let batches = 0;

  for (const target of options.columns ?? registeredColumns) {
    const table = sql.table(target.table);
    const id = sql.ref(target.idColumn);
    const column = sql.ref(target.column);

    const current = await sql<{ n: number }>`select count(*)::int as n from ${table}
      where ${column} is not null and starts_with(${column}, ${prefix})`.execute(db);
    counts.alreadyCurrent += current.rows[0]?.n ?? 0;

    // Keyset over the id, so rows that stay behind (unreadable) are passed once, not read again forever.
    let after: string | null = null;
    for (;;) {
      const batch = await db.transaction().execute(async (trx) => {
        // `for update`: a writer replacing a secret waits for this batch (or this batch for it), never loses out.
        const rows = await sql<{ id: string; sealed: string }>`select ${id}::text as id, ${column} as sealed
          from ${table}
          where ${column} is not null and not starts_with(${column}, ${prefix})
            and (${after}::text is null or ${id}::text > ${after}::text)
          order by ${id}::text
          limit ${batchSize}
          for update`.execute(trx);
        const found = { scanned: rows.rows.length, resealed: 0, unreadable: 0, changedMeanwhile: 0, last: null as string | null };
        for (const row of rows.rows) {
          found.last = row.id;
          const place = { table: target.table, rowId: row.id, column: target.column };
          let resealed: string;
          try {
            resealed = keyRing.seal(keyRing.open(row.sealed, place), place);
          } catch (error) {
            if (!(error instanceof SealedBlobError)) throw error;
            found.unreadable += 1;
            logger.warn({ table: target.table, column: target.column, rowId: row.id, code: error.code }, 'sealed value left as is: it does not open');
            continue;
          }
          const updated = await sql`update ${table} set ${column} = ${resealed}
            where ${id}::text = ${row.id} and ${column} = ${row.sealed}`.execute(trx);
          if (Number(updated.numAffectedRows ?? 0) === 1) found.resealed += 1;
          else found.changedMeanwhile += 1;
        }
        return found;
      });
      if (batch.scanned === 0) break;
      after = batch.last;
      batches += 1;
      counts.scanned += batch.scanned;
      counts.resealed += batch.resealed;
      counts.unreadable += batch.unreadable;
      counts.changedMeanwhile += batch.changedMeanwhile;
      await options.onProgress?.({ ...counts, table: target.table, column: target.column, batches });
      if (batch.scanned < batchSize) break;
    }
  }
  logger.info({ ...counts, keyId: keyRing.currentKeyId }, 'key rotation finished');
  return counts;
}
