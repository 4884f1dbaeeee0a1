// Re-seals every sealed blob under the newest key of the ring (`m365hub keys rotate`).
//
// Safe to kill at any moment: each batch is its own transaction, so every row is either still under its old key
// or already under the new one, and both open because the ring keeps the old keys. Running it again finishes the
// rest: rows already under the newest key are filtered out in SQL, so a rerun only touches what is left.
import { sql, type Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../store/schema.js';
import { SealedBlobError, type KeyRing, type SealedBlobErrorCode } from './key-ring.js';
import type { SealedColumn } from './sealed-columns.js';

/** A blob that did not open (tampered, unknown key, malformed): left as it is, named by place (never by value). */
export interface RotationFailure {
  table: string;
  column: string;
  rowId: string;
  code: SealedBlobErrorCode;
}

export interface RotationCounts {
  /** Every blob counted: already current + looked at. */
  scanned: number;
  resealed: number;
  /** Blobs already under the newest key (not rewritten). */
  alreadyCurrent: number;
  failed: number;
}

export interface RotationResult extends RotationCounts {
  failures: RotationFailure[];
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
  /** Every sealed column (the composition's list: src/app/sealed-columns.ts). */
  columns: readonly SealedColumn[];
}

export async function rotateKeys(options: RotateKeysOptions): Promise<RotationResult> {
  const { db, keyRing, logger } = options;
  const batchSize = options.batchSize ?? 100;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error('batchSize must be a positive integer');
  const prefix = keyRing.currentPrefix;
  const counts: RotationCounts = { scanned: 0, resealed: 0, alreadyCurrent: 0, failed: 0 };
  const failures: RotationFailure[] = [];
  let batches = 0;

  for (const target of options.columns) {
    const table = sql.table(target.table);
    const id = sql.ref(target.idColumn);
    const column = sql.ref(target.column);

    const current = await sql<{ n: number }>`select count(*)::int as n from ${table}
      where ${column} is not null and starts_with(${column}, ${prefix})`.execute(db);
    const alreadyCurrent = current.rows[0]?.n ?? 0;
    counts.alreadyCurrent += alreadyCurrent;
    counts.scanned += alreadyCurrent;

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
        const found = { scanned: rows.rows.length, resealed: 0, failures: [] as RotationFailure[], last: null as string | null };
        const updates: { id: string; sealed: string }[] = [];
        for (const row of rows.rows) {
          found.last = row.id;
          const place = { table: target.table, rowId: row.id, column: target.column };
          try {
            updates.push({ id: row.id, sealed: keyRing.seal(keyRing.open(row.sealed, place), place) });
          } catch (error) {
            if (!(error instanceof SealedBlobError)) throw error;
            found.failures.push({ ...place, code: error.code });
          }
        }
        if (updates.length > 0) {
          // One statement per batch. The rows are locked by the select above: nobody changed them since.
          const values = sql.join(updates.map((u) => sql`(${u.id}, ${u.sealed})`));
          await sql`update ${table} set ${column} = resealed.sealed
            from (values ${values}) as resealed(id, sealed)
            where ${table}.${id}::text = resealed.id`.execute(trx);
          found.resealed = updates.length;
        }
        return found;
      });
      if (batch.scanned === 0) break;
      after = batch.last;
      batches += 1;
      counts.scanned += batch.scanned;
      counts.resealed += batch.resealed;
      counts.failed += batch.failures.length;
      for (const failure of batch.failures) {
        failures.push(failure);
        logger.warn(failure, 'sealed value left as it is: it does not open with any key of the ring');
      }
      await options.onProgress?.({ ...counts, table: target.table, column: target.column, batches });
      if (batch.scanned < batchSize) break;
    }
  }
  logger.info({ ...counts, keyId: keyRing.currentKeyId }, 'key rotation finished');
  return { ...counts, failures };
}
