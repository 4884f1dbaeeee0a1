// Embedded mode without M365HUB_ENCRYPTION_KEYS: the key ring lives in `<dataDir>/encryption-keys`, created on
// first start (mode 0600, same `id:base64` format as the variable) and read on later starts. Losing the file
// loses every sealed secret, hence the warning on creation.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import { parseEncryptionKeys, type EncryptionKey } from '../config/config.js';

export const KEY_FILE_NAME = 'encryption-keys';

export class KeyFileError extends Error {
  readonly code = 'key_file_invalid';
  constructor(file: string, reason: string) {
    super(`The key file ${file} cannot be used: ${reason}. Restore it from your backup, or set M365HUB_ENCRYPTION_KEYS.`);
    this.name = 'KeyFileError';
  }
}

export function keyFilePath(dataDir: string): string {
  return path.join(dataDir, KEY_FILE_NAME);
}

/**
 * A new key as `id:base64` (what `m365hub keys generate` prints). The default id is the day plus a random
 * suffix (`k20261128a3f09c`): readable, and two keys made on one day do not collide.
 */
export function generateEncryptionKey(id?: string, now: Date = new Date()): string {
  const keyId = id ?? `k${now.toISOString().slice(0, 10).replaceAll('-', '')}${randomBytes(3).toString('hex')}`;
  const value = `${keyId}:${randomBytes(32).toString('base64')}`;
  parseEncryptionKeys(value); // the same rules the configuration applies (id characters, length)
  return value;
}

export function loadOrCreateKeyFile(dataDir: string, logger: Logger): EncryptionKey[] {
  const file = keyFilePath(dataDir);
  let text: string | undefined;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new KeyFileError(file, (error as Error).message);
  }
  if (text === undefined) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    try {
      // 'wx': if another start created it a moment ago, use theirs rather than replacing a key already in use.
      writeFileSync(file, `${generateEncryptionKey()}\n`, { mode: 0o600, flag: 'wx' });
      logger.warn(
        { file },
        'Created a new encryption key file for the embedded store: back it up with the data directory, because without it ' +
          'stored secrets cannot be decrypted. For production, set M365HUB_ENCRYPTION_KEYS instead.',
      );
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new KeyFileError(file, (error as Error).message);
    }
    text = readFileSync(file, 'utf8');
  } else if ((statSync(file).mode & 0o077) !== 0) {
    logger.warn({ file }, 'The encryption key file is readable by other users; restrict it with chmod 600.');
  }
  try {
    // One key per line or comma-separated, newest first, like the environment variable.
    return parseEncryptionKeys(text.split(/[\n,]/).map((line) => line.trim()).filter(Boolean).join(','));
  } catch (error) {
    throw new KeyFileError(file, (error as Error).message);
  }
}
