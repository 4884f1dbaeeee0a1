import { hubSealedColumns } from '../../app/sealed-columns.js';
import { keyRingFor } from '../../app/hub.js';
import { openConfiguredStore } from '../../app/open-configured-store.js';
import { loadConfig } from '../../platform/config/config.js';
import { generateEncryptionKey } from '../../platform/crypto/key-file.js';
import { rotateKeys } from '../../platform/crypto/rotate-keys.js';
import { createLogger } from '../../platform/logging/logger.js';
import type { Command } from '../command.js';
import { parseOptions } from '../parse-options.js';
import { UsageError } from '../usage-error.js';

export const keysCommand: Command = {
  name: 'keys',
  summary: 'Manage the encryption key ring (generate, rotate)',
  help: [
    'Usage: m365hub keys generate [--id ID]',
    '       m365hub keys rotate',
    '',
    'generate  Prints a new key as "<id>:<base64>". Put it FIRST in M365HUB_ENCRYPTION_KEYS (comma-separated,',
    '          newest first), keep the old keys after it, and restart every process.',
    'rotate    Re-seals every stored secret under the newest key. Resumable: if it is stopped half-way, every',
    '          secret still opens (old keys stay in the ring) and running it again finishes the rest. Once it',
    '          reports 0 left on the old keys, the old keys can be removed from M365HUB_ENCRYPTION_KEYS.',
  ].join('\n'),
  async run({ argv, env, stdout, stderr }) {
    const { positionals, values } = parseOptions(argv, { id: { type: 'string' } }, true);
    const [action, ...rest] = positionals;
    if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"`);
    if (action === 'generate') {
      stdout(generateEncryptionKey(values.id));
      return 0;
    }
    if (action !== 'rotate') throw new UsageError(action ? `unknown keys action "${action}"` : 'say generate or rotate');
    if (values.id !== undefined) throw new UsageError('--id belongs to "keys generate"');
    const config = loadConfig(env);
    const logger = createLogger({ level: config.logLevel });
    const keyRing = keyRingFor(config, logger);
    const store = await openConfiguredStore(config);
    try {
      const counts = await rotateKeys({
        columns: hubSealedColumns,
        db: store.db,
        keyRing,
        logger,
        onProgress: (progress) => stdout(`${progress.table}.${progress.column}: ${progress.resealed} re-sealed so far`),
      });
      stdout(
        `key rotation done: ${counts.resealed} re-sealed, ${counts.alreadyCurrent} already under the newest key, ${counts.scanned} scanned`,
      );
      if (counts.failed === 0) return 0;
      // Blobs that open under no key in the ring stay as they are; the operator must look at each one.
      stderr(`${counts.failed} secrets could not be opened with any key in M365HUB_ENCRYPTION_KEYS and were left unchanged:`);
      for (const f of counts.failures) stderr(`  ${f.table}.${f.column} row ${f.rowId}: ${f.code}`);
      return 1;
    } finally {
      await store.close();
    }
  },
};
