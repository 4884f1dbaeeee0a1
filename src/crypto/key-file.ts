// Embedded mode may start without M365HUB_ENCRYPTION_KEYS: the hub then keeps its key ring in a file beside the
// database, created on first start. Losing that file loses every sealed secret, hence the loud warning.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseEncryptionKeys, type EncryptionKey } from '../config/config.js';
import type { Logger } from '../logging/logger.js';

export const KEY_FILE_NAME = 'encryption-keys';

export class KeyFileError extends Error {
  readonly code = 'key_file_invalid';
  constructor(file: string, reason: string) {
    // The reason never quotes the file's content: it holds key material.
    super(`The encryption key file ${file} is not valid: ${reason}. Restore it from your backup, or set M365HUB_ENCRYPTION_KEYS.`);
    this.name = 'KeyFileError';
  }
}

function todayStamp(now: Date): string {
  return now.toISOString().slice(0, 10).replaceAll('-', '');
}

/**
 * A new key in the `id:base64` form M365HUB_ENCRYPTION_KEYS takes. The default id names the day it was made plus a
 * random suffix, so two keys made on one day still differ and an operator can tell old from new at a glance.
 */
export function generateEncryptionKey(id?: string, now: Date = new Date()): string {
  const keyId = id ?? `k${todayStamp(now)}${randomBytes(3).toString('hex')}`;
  const line = `${keyId}:${randomBytes(32).toString('base64')}`;
  parseEncryptionKeys(line); // the same rules as the configuration: a bad id fails here, not at the next start
  return line;
}

/** Keys separated by commas or new lines, newest first; `#` starts a comment line. */
function parseKeyFile(text: string): EncryptionKey[] {
  const joined = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('#'))
    .join(',');
  return parseEncryptionKeys(joined);
}

export function keyFilePath(dataDir: string): string {
  return path.join(dataDir, KEY_FILE_NAME);
}

/** Reads `<dataDir>/encryption-keys`, creating it (mode 0600) with one new key on first start. */
export function loadOrCreateKeyFile(dataDir: string, logger: Logger): EncryptionKey[] {
  const file = keyFilePath(dataDir);
  mkdirSync(dataDir, { recursive: true });
  try {
    // 'wx': never overwrite a key file, even one another start created a moment ago.
    writeFileSync(file, `# m365hub encryption keys, newest first. Back this file up with the database.\n${generateEncryptionKey()}\n`, {
      flag: 'wx',
      mode: 0o600,
    });
    logger.warn(
      { file },
      'generated a new encryption key file: back it up together with the database (without it no sealed secret can be opened); for production set M365HUB_ENCRYPTION_KEYS instead',
    );
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const mode = statSync(file).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    logger.warn({ file, mode: mode.toString(8) }, 'the encryption key file is readable by other users; restrict it with chmod 600');
  }
  try {
    return parseKeyFile(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new KeyFileError(file, (error as Error).message);
  }
}
