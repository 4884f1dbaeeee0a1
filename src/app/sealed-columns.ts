// Every sealed column of the hub: the platform's and each feature's own declaration.
import { PLATFORM_SEALED_COLUMNS, type SealedColumn } from '../platform/crypto/sealed-columns.js';
import { CONNECT_SEALED_COLUMNS } from '../features/connect/index.js';
import { INTEGRATION_SEALED_COLUMNS } from '../features/integrations/index.js';
import { TOKEN_SEALED_COLUMNS } from '../features/tokens/index.js';
import { WEBHOOK_SEALED_COLUMNS } from '../features/webhooks/index.js';

export const hubSealedColumns: readonly SealedColumn[] = [
  ...PLATFORM_SEALED_COLUMNS,
  ...INTEGRATION_SEALED_COLUMNS,
  ...CONNECT_SEALED_COLUMNS,
  ...TOKEN_SEALED_COLUMNS,
  ...WEBHOOK_SEALED_COLUMNS,
];
