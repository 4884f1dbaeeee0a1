// The sealed columns of this feature's tables (key rotation and the start-up key check walk them).
import type { SealedColumn } from '../../platform/crypto/sealed-columns.js';

export const CONNECT_SEALED_COLUMNS: readonly SealedColumn[] = [
  { table: 'm365_auth_states', idColumn: 'state_hash', column: 'code_verifier_sealed' },
];
