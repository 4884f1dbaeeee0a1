// The sealed columns of this feature's tables (key rotation and the start-up key check walk them).
import type { SealedColumn } from '../../platform/crypto/sealed-columns.js';

export const INTEGRATION_SEALED_COLUMNS: readonly SealedColumn[] = [
  { table: 'm365_credentials', idColumn: 'id', column: 'secret_sealed' },
  { table: 'm365_credentials', idColumn: 'id', column: 'private_key_sealed' },
];
