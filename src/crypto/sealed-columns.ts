// Every database column that holds sealed blobs. Key rotation re-seals exactly these, so a feature that adds a
// sealed column adds its line here (a static list rather than runtime registration: `keys rotate` must find every
// column without importing the feature that owns it).
import type { Database } from '../store/schema.js';

export interface SealedColumn {
  table: keyof Database & string;
  /** The row's primary key column: its value is the `rowId` the blob is bound to. */
  idColumn: string;
  column: string;
}

export const SEALED_COLUMNS: readonly SealedColumn[] = [{ table: 'sealed_secrets', idColumn: 'id', column: 'sealed' }];
