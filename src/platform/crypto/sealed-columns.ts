// Columns that hold sealed blobs, so a key rotation and the start-up key check find them all. Each feature
// declares its own sealed columns in its folder (sealed-columns.ts, exported from its index); the composition joins
// them with the platform's (src/app/sealed-columns.ts). A blob is sealed with the place
// `{ table, rowId: <value of idColumn>, column }`.
export interface SealedColumn {
  table: string;
  /** The primary key column whose value is the blob's `rowId`. */
  idColumn: string;
  column: string;
}

/** The platform's own: the generic secret store. */
export const PLATFORM_SEALED_COLUMNS: readonly SealedColumn[] = [{ table: 'sealed_secrets', idColumn: 'id', column: 'sealed' }];
