import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { after, describe, it } from 'node:test';
import { parseEncryptionKeys } from '../../src/platform/config/config.js';
import { KeyRing } from '../../src/platform/crypto/key-ring.js';
import { generateEncryptionKey, keyFilePath, loadOrCreateKeyFile } from '../../src/platform/crypto/key-file.js';
import { createLogger } from '../../src/platform/logging/logger.js';

function capturingLogger() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger({ level: 'info', destination }), lines };
}

describe('key file (embedded mode without M365HUB_ENCRYPTION_KEYS)', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'm365hub-keyfile-'));
  after(() => rmSync(root, { recursive: true, force: true }));

  it('creates a 0600 key file once, warns without the key, and reads the same keys on the next start', () => {
    const dataDir = path.join(root, 'fresh');
    const first = capturingLogger();
    const keys = loadOrCreateKeyFile(dataDir, first.logger);
    assert.equal(keys.length, 1);
    assert.equal(statSync(keyFilePath(dataDir)).mode & 0o777, 0o600);
    const warning = first.lines.join('');
    assert.match(warning, /back it up/);
    assert.match(warning, /M365HUB_ENCRYPTION_KEYS/);
    assert.ok(!warning.includes(keys[0]!.key.toString('base64')));

    const second = capturingLogger();
    const again = loadOrCreateKeyFile(dataDir, second.logger);
    assert.equal(second.lines.length, 0);
    assert.deepEqual(again, keys);
    // What one start sealed, the next start opens.
    const place = { table: 't', rowId: 'r', column: 'c' };
    assert.equal(new KeyRing(again).openText(new KeyRing(keys).seal('kept', place), place), 'kept');
  });

  it('refuses a damaged key file with a typed error that does not quote it', () => {
    const dataDir = path.join(root, 'damaged');
    loadOrCreateKeyFile(dataDir, capturingLogger().logger);
    writeFileSync(keyFilePath(dataDir), 'k1:dG9vIHNob3J0\n');
    assert.throws(
      () => loadOrCreateKeyFile(dataDir, capturingLogger().logger),
      (error: unknown) => (error as { code?: string }).code === 'key_file_invalid' && !(error as Error).message.includes('dG9vIHNob3J0'),
    );
  });

  it('generates keys in the M365HUB_ENCRYPTION_KEYS format, unique each time', () => {
    const a = generateEncryptionKey(undefined, new Date('2026-11-28T10:00:00Z'));
    const b = generateEncryptionKey();
    assert.match(a, /^k20261128[0-9a-f]{6}:/);
    assert.notEqual(a.split(':')[0], b.split(':')[0]);
    const [parsed] = parseEncryptionKeys(`${generateEncryptionKey('k2026b')},${a}`);
    assert.equal(parsed!.id, 'k2026b');
    assert.throws(() => generateEncryptionKey('bad id with spaces'));
  });
});
