// The sealed columns of this feature's tables (key rotation and the start-up key check walk them).
import type { SealedColumn } from '../../platform/crypto/sealed-columns.js';

export const TOKEN_SEALED_COLUMNS: readonly SealedColumn[] = [
  { table: 'm365_connections', idColumn: 'id', column: 'refresh_token_sealed' },
  { table: 'm365_connections', idColumn: 'id', column: 'access_token_sealed' },
  { table: 'm365_app_tokens', idColumn: 'id', column: 'access_token_sealed' },
];
