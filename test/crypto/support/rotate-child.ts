// A separate process that rotates keys and prints one line per committed batch, so a test can SIGKILL it
// half-way through a rotation. Usage: rotate-child.ts <json: { store, keys, batchSize }>
import { hubSealedColumns } from '../../../src/app/sealed-columns.js';
import { parseEncryptionKeys } from '../../../src/platform/config/config.js';
import { KeyRing } from '../../../src/platform/crypto/key-ring.js';
import { rotateKeys } from '../../../src/platform/crypto/rotate-keys.js';
import { createLogger } from '../../../src/platform/logging/logger.js';
import { openStore, type StoreTarget } from '../../../src/platform/store/database.js';

const { store: target, keys, batchSize } = JSON.parse(process.argv[2]!) as {
  store: StoreTarget;
  keys: string;
  batchSize: number;
};
const store = await openStore(target);
const result = await rotateKeys({
  columns: hubSealedColumns,
  db: store.db,
  keyRing: new KeyRing(parseEncryptionKeys(keys)),
  logger: createLogger({ level: 'silent' }),
  batchSize,
  onProgress: ({ batches }) => {
    process.stdout.write(`batch ${batches}\n`);
  },
});
process.stdout.write(`done ${JSON.stringify(result)}\n`);
await store.close();
