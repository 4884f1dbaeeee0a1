// The sealed columns of this feature's tables (key rotation and the start-up key check walk them).
import type { SealedColumn } from '../../platform/crypto/sealed-columns.js';

export const WEBHOOK_SEALED_COLUMNS: readonly SealedColumn[] = [
  { table: 'webhook_endpoints', idColumn: 'id', column: 'secret_sealed' },
  { table: 'webhook_endpoints', idColumn: 'id', column: 'previous_secret_sealed' },
];
