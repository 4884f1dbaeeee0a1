// Start-up check that the configured key ring opens the secrets already stored. Without it, a process started with
// the wrong M365HUB_ENCRYPTION_KEYS (or a regenerated key file) runs happily and fails on every token, webhook and
// credential later, one request at a time. One blob per key id found in the data is tried: if none of them opens,
// the start is refused naming the key ids in the data and in the ring; key ids in the data that the ring lacks
// (while others open) are only warned about, since `keys rotate` may still be under way.
import { sql, type Kysely } from 'kysely';
import type { Logger } from '../logging/logger.js';
import { StartupError } from '../errors/startup-error.js';
import { SealedBlobError, type KeyRing } from './key-ring.js';
import type { SealedColumn } from './sealed-columns.js';

interface KeySample {
  keyId: string;
  column: SealedColumn;
  rowId: string;
  sealed: string;
}

async function samplesPerKeyId(db: Kysely<any>, columns: readonly SealedColumn[]): Promise<Map<string, KeySample>> {
  const samples = new Map<string, KeySample>();
  for (const column of columns) {
    const table = sql.table(column.table);
    const value = sql.ref(column.column);
    // distinct on: one row per key id, whatever the table's size (blobs are `v1.<keyId>.<nonce>.<ct>.<tag>`).
    const rows = await sql<{ key_id: string; row_id: string; sealed: string }>`
      select distinct on (split_part(${value}, '.', 2)) split_part(${value}, '.', 2) as key_id,
             ${sql.ref(column.idColumn)}::text as row_id, ${value} as sealed
        from ${table} where ${value} is not null`.execute(db);
    for (const row of rows.rows) {
      if (!samples.has(row.key_id)) samples.set(row.key_id, { keyId: row.key_id, column, rowId: row.row_id, sealed: row.sealed });
    }
  }
  return samples;
}

export async function checkKeyRingOpensStoredData(options: {
  db: Kysely<any>;
  keyRing: KeyRing;
  columns: readonly SealedColumn[];
  logger: Logger;
}): Promise<void> {
  const samples = await samplesPerKeyId(options.db, options.columns);
  if (samples.size === 0) return; // nothing sealed yet: any ring is right
  const opened: string[] = [];
  const refused: string[] = [];
  for (const sample of samples.values()) {
    try {
      options.keyRing.open(sample.sealed, { table: sample.column.table, column: sample.column.column, rowId: sample.rowId });
      opened.push(sample.keyId);
    } catch (error) {
      if (!(error instanceof SealedBlobError)) throw error;
      refused.push(sample.keyId);
    }
  }
  const inData = [...samples.keys()].sort();
  if (opened.length === 0) {
    throw new StartupError(
      'key_ring_mismatch',
      `The encryption keys open none of the stored secrets. Key ids found in the data: ${inData.join(', ')}; ` +
        `key ids configured: ${options.keyRing.keyIds.join(', ')}. Start with the keys this data was sealed with ` +
        '(M365HUB_ENCRYPTION_KEYS, or the key file in the data dir); to move to a new key, put it first and keep the old ' +
        'ones after it, then run `m365hub keys rotate`.',
    );
  }
  if (refused.length > 0) {
    options.logger.warn(
      { keyIdsNotOpening: refused.sort(), keyIdsConfigured: options.keyRing.keyIds },
      'some stored secrets are sealed under keys this process cannot open; add those keys to M365HUB_ENCRYPTION_KEYS or re-enter the secrets',
    );
  }
}
