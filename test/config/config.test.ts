import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError, SETTINGS, loadConfig, parseEncryptionKeys } from '../../src/platform/config/config.js';

const key = (byte: number) => Buffer.alloc(32, byte).toString('base64');

describe('configuration', () => {
  it('uses the documented defaults when nothing is set', () => {
    const config = loadConfig({}, '/srv/hub');
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.port, 3000);
    assert.equal(config.dataDir, '/srv/hub/.m365hub');
    assert.equal(config.databaseUrl, undefined);
    assert.equal(config.encryptionKeys, undefined);
    assert.equal(config.loginUrl, 'https://login.microsoftonline.com');
    assert.equal(config.graphUrl, 'https://graph.microsoft.com');
  });

  it('lists every bad setting in one error, each with what is expected', () => {
    assert.throws(
      () =>
        loadConfig({
          M365HUB_PORT: 'eighty',
          DATABASE_URL: 'mysql://db/hub',
          M365HUB_LOGIN_URL: 'login.microsoftonline.com',
          M365HUB_LOG_LEVEL: 'loud',
        }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.deepEqual(
          error.problems.map((p) => p.setting).sort(),
          ['DATABASE_URL', 'M365HUB_LOGIN_URL', 'M365HUB_LOG_LEVEL', 'M365HUB_PORT'],
        );
        assert.match(error.message, /M365HUB_PORT: must be a port number/);
        return true;
      },
    );
  });

  it('requires a key ring when DATABASE_URL is set (processes must share keys)', () => {
    assert.throws(
      () => loadConfig({ DATABASE_URL: 'postgres://db/hub' }),
      (error: unknown) => error instanceof ConfigError && error.problems[0]?.setting === 'M365HUB_ENCRYPTION_KEYS',
    );
    const config = loadConfig({ DATABASE_URL: 'postgres://db/hub', M365HUB_ENCRYPTION_KEYS: `k2:${key(2)},k1:${key(1)}` });
    assert.deepEqual(config.encryptionKeys?.map((k) => k.id), ['k2', 'k1']);
  });

  it('document storage: local disk by default; s3 needs a bucket and takes endpoint, region, prefix and path style', () => {
    assert.deepEqual(loadConfig({}, '/srv/hub').documentStorage, { kind: 'local' });
    assert.throws(
      () => loadConfig({ M365HUB_STORAGE: 's3' }),
      (error: unknown) => error instanceof ConfigError && error.problems.some((p) => p.setting === 'M365HUB_S3_BUCKET' && /required when M365HUB_STORAGE=s3/.test(p.expected)),
    );
    assert.throws(
      () => loadConfig({ M365HUB_STORAGE: 'azure' }),
      (error: unknown) => error instanceof ConfigError && error.problems[0]?.setting === 'M365HUB_STORAGE',
    );
    assert.throws(
      () => loadConfig({ M365HUB_STORAGE: 's3', M365HUB_S3_BUCKET: 'Bad_Bucket' }),
      (error: unknown) => error instanceof ConfigError && error.problems[0]?.setting === 'M365HUB_S3_BUCKET',
    );
    const config = loadConfig({ M365HUB_STORAGE: 's3', M365HUB_S3_BUCKET: 'hub-documents', M365HUB_S3_PREFIX: 'm365hub/', M365HUB_S3_ENDPOINT: 'http://127.0.0.1:9000', M365HUB_S3_FORCE_PATH_STYLE: 'true' });
    assert.deepEqual(config.documentStorage, { kind: 's3', bucket: 'hub-documents', prefix: 'm365hub/', endpoint: 'http://127.0.0.1:9000', region: 'us-east-1', forcePathStyle: true });
  });

  it('rejects keys that are not 32 bytes of base64, with duplicated ids, or without an id', () => {
    assert.throws(() => parseEncryptionKeys(`k1:${Buffer.alloc(16).toString('base64')}`), /32 random bytes/);
    assert.throws(() => parseEncryptionKeys(`k1:${key(1)},k1:${key(2)}`), /unique/);
    assert.throws(() => parseEncryptionKeys(key(1)), /<id>:<base64/);
  });

  it('reads a JSON config file, and the environment wins over it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'm365hub-config-'));
    const file = path.join(dir, 'hub.json');
    writeFileSync(file, JSON.stringify({ M365HUB_PORT: 4000, M365HUB_HOST: '0.0.0.0' }));
    const config = loadConfig({ M365HUB_CONFIG_FILE: file, M365HUB_PORT: '5000' });
    assert.equal(config.port, 5000);
    assert.equal(config.host, '0.0.0.0');
    writeFileSync(file, JSON.stringify({ M365HUB_PROT: 1 }));
    assert.throws(() => loadConfig({ M365HUB_CONFIG_FILE: file }), /M365HUB_PROT .*not a known setting/);
  });

  it('documents every setting in the README settings table', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    for (const name of SETTINGS) assert.match(readme, new RegExp(`^\\| \`${name}\` \\|`, 'm'), `${name} missing`);
  });
});
