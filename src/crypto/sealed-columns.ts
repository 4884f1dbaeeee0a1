// Every column in the database that holds sealed blobs, so a key rotation finds them all. A feature that adds a
// sealed column registers it here (next to its migration), and seals with the place
// `{ table, rowId: <value of idColumn>, column }`.
export interface SealedColumn {
  table: string;
  /** The primary key column whose value is the blob's `rowId`. */
  idColumn: string;
  column: string;
}

export const sealedColumns: readonly SealedColumn[] = [{ table: 'sealed_secrets', idColumn: 'id', column: 'sealed' }];
