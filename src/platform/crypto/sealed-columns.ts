// Every column in the database that holds sealed blobs, so a key rotation finds them all. A feature that adds a
// sealed column registers it here (next to its migration), and seals with the place
// `{ table, rowId: <value of idColumn>, column }`.
export interface SealedColumn {
  table: string;
  /** The primary key column whose value is the blob's `rowId`. */
  idColumn: string;
  column: string;
}

export const sealedColumns: readonly SealedColumn[] = [
  { table: 'sealed_secrets', idColumn: 'id', column: 'sealed' },
  { table: 'm365_credentials', idColumn: 'id', column: 'secret_sealed' },
  { table: 'm365_credentials', idColumn: 'id', column: 'private_key_sealed' },
  { table: 'm365_auth_states', idColumn: 'state_hash', column: 'code_verifier_sealed' },
  { table: 'm365_connections', idColumn: 'id', column: 'refresh_token_sealed' },
  { table: 'm365_connections', idColumn: 'id', column: 'access_token_sealed' },
  { table: 'm365_app_tokens', idColumn: 'id', column: 'access_token_sealed' },
  { table: 'webhook_endpoints', idColumn: 'id', column: 'secret_sealed' },
  { table: 'webhook_endpoints', idColumn: 'id', column: 'previous_secret_sealed' },
];
