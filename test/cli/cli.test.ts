// The `m365hub` command as operators use it: the built launcher, real processes, real exit codes.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { createServer } from 'node:net';
import { prepareDataDir } from '../support/stores.js';
import { KeyRing } from '../../src/platform/crypto/key-ring.js';
import { putSecret } from '../../src/platform/crypto/secret-store.js';
import { openStore } from '../../src/platform/store/database.js';
import { runM365hub, spawnM365hub } from '../support/processes.js';

const freshDir = () => mkdtempSync(path.join(tmpdir(), 'm365hub-cli-'));
const keyRing = `k1:${Buffer.alloc(32, 3).toString('base64')}`;

describe('m365hub command line', () => {
  it('prints help for every subcommand with exit code 0', async () => {
    for (const command of ['start', 'demo', 'migrate', 'keys', 'admin', 'emulator']) {
      const { code, output } = await runM365hub([command, '--help']);
      assert.equal(code, 0, `${command} --help: ${output}`);
      assert.match(output, /Usage: m365hub/, command);
    }
  });

  it('exits with 2 and the command list on an unknown command', async () => {
    const { code, output } = await runM365hub(['strat']);
    assert.equal(code, 2);
    assert.match(output, /unknown command "strat"/);
    assert.match(output, /Commands:/);
  });

  it('exits with 2 on an unknown flag', async () => {
    const { code, output } = await runM365hub(['migrate', '--force']);
    assert.equal(code, 2);
    assert.match(output, /Unknown option '--force'/);
  });

  it('exits with 2 and one message listing every bad setting, without a stack trace', async () => {
    const { code, output } = await runM365hub(['start'], { M365HUB_PORT: 'x', DATABASE_URL: 'mysql://db' });
    assert.equal(code, 2);
    assert.match(output, /M365HUB_PORT: must be a port number/);
    assert.match(output, /DATABASE_URL: must be a postgres/);
    assert.doesNotMatch(output, /\n\s+at /);
  });

  it('generates keys in the M365HUB_ENCRYPTION_KEYS format', async () => {
    const { code, output } = await runM365hub(['keys', 'generate', '--id', 'k2027']);
    assert.equal(code, 0);
    const [id, encoded] = output.trim().split(':');
    assert.equal(id, 'k2027');
    assert.equal(Buffer.from(encoded!, 'base64').length, 32);
  });

  it('migrates, creates an administrator from stdin, and refuses a second one with the same email (exit 1)', async () => {
    const dataDir = freshDir();
    await prepareDataDir(dataDir);
    const env = { M365HUB_DATA_DIR: dataDir, M365HUB_ENCRYPTION_KEYS: keyRing };
    assert.equal((await runM365hub(['migrate'], env)).code, 0);
    const created = await runM365hub(['admin', 'create', '--email', 'Ops@Example.test', '--password-stdin'], env, 'a long enough password\n');
    assert.equal(created.code, 0, created.output);
    assert.match(created.output, /created instance administrator ops@example\.test/);
    assert.doesNotMatch(created.output, /a long enough password/);
    const again = await runM365hub(['admin', 'create', '--email', 'ops@example.test'], env);
    assert.equal(again.code, 1);
    assert.match(again.output, /already exists/);
  });

  it('starts, answers /readyz, and stops gracefully on SIGTERM with exit code 0', async () => {
    const dataDir = freshDir();
    await prepareDataDir(dataDir);
    const hub = spawnM365hub(['start'], { M365HUB_PORT: '0', M365HUB_DATA_DIR: dataDir, M365HUB_ENCRYPTION_KEYS: keyRing });
    const [, url] = await hub.waitForLine(/^m365hub listening on (http\S+)$/);
    const ready = await fetch(`${url}/readyz`);
    assert.equal(ready.status, 200);
    // A second process on the same embedded data dir must be refused, not corrupt it.
    const second = await runM365hub(['migrate'], { M365HUB_DATA_DIR: dataDir, M365HUB_ENCRYPTION_KEYS: keyRing });
    assert.equal(second.code, 1);
    assert.match(second.output, /in use by another m365hub process/);
    hub.child.kill('SIGTERM');
    assert.deepEqual(await hub.exit, { code: 0, signal: null });
  });

  it('refuses to start (exit 2) when the encryption keys open none of the stored secrets, naming the key ids', async () => {
    const dataDir = freshDir();
    await prepareDataDir(dataDir);
    const store = await openStore({ dialect: 'pglite', dataDir });
    await store.migrate();
    await putSecret(store.db, new KeyRing([{ id: 'k2025old', key: Buffer.alloc(32, 5) }]), { workspaceId: null, purpose: 'test.secret', value: 'sealed-under-the-old-key' });
    await store.close();
    const wrong = await runM365hub(['start'], { M365HUB_PORT: '0', M365HUB_DATA_DIR: dataDir, M365HUB_ENCRYPTION_KEYS: keyRing });
    assert.equal(wrong.code, 2);
    assert.match(wrong.output, /open none of the stored secrets/);
    assert.match(wrong.output, /found in the data: k2025old/);
    assert.match(wrong.output, /configured: k1/);
    assert.doesNotMatch(wrong.output, /\n\s+at /, 'no stack trace');
    // The right key (listed after a new one, as during a rotation) starts.
    const right = spawnM365hub(['start'], { M365HUB_PORT: '0', M365HUB_DATA_DIR: dataDir, M365HUB_ENCRYPTION_KEYS: `${keyRing},k2025old:${Buffer.alloc(32, 5).toString('base64')}` });
    await right.waitForLine(/^m365hub listening on (http\S+)$/);
    right.child.kill('SIGTERM');
    assert.deepEqual(await right.exit, { code: 0, signal: null });
  });

  it('exits 2 with its own message when the port is already in use', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as { port: number }).port;
    try {
      const dataDir = freshDir();
      await prepareDataDir(dataDir);
      const result = await runM365hub(['start'], { M365HUB_PORT: String(port), M365HUB_DATA_DIR: dataDir, M365HUB_ENCRYPTION_KEYS: keyRing });
      assert.equal(result.code, 2);
      assert.match(result.output, new RegExp(`Port ${port} on 127\\.0\\.0\\.1 is already in use`));
      assert.match(result.output, /M365HUB_PORT/);
      assert.doesNotMatch(result.output, /\n\s+at /, 'no stack trace');
    } finally {
      taken.close();
    }
  });

  it('demo (what npm start runs) prints the banner first, as words, with the key file note, and stops on SIGTERM', async () => {
    const dataDir = freshDir();
    const demo = spawnM365hub(['demo', '--emulator-port', '0', '--example-port', '0'], { M365HUB_PORT: '0', M365HUB_DATA_DIR: dataDir });
    await demo.waitForLine(/^Press Ctrl\+C to stop\.$/);
    const lines = demo.output().split('\n').filter((line) => line.trim() !== '');
    assert.equal(lines[0], 'm365hub demo is running', `first line: ${lines[0]}`);
    assert.ok(!lines.some((line) => line.trimStart().startsWith('{')), `no raw JSON log line:\n${demo.output()}`);
    assert.ok(lines.some((line) => /^ {2}Note: Created a new encryption key file .*encryption-keys\)$/.test(line)), demo.output());
    // The demo turned on the emulated tenant's audit feed through the hub's Management Activity API pass-through.
    assert.ok(lines.some((line) => /^ {2}Audit feed \(Management Activity API pass-through\): [1-9]\d* content blob/.test(line)), demo.output());
    // The example host product answers with its own API key: its requirement page lists attachments through the hub.
    const example = lines.map((line) => /^ {2}Example host product "Requirements" \(hosted picker\): (http:\/\/\S+)\/$/.exec(line)?.[1]).find(Boolean);
    assert.ok(example, demo.output());
    const requirement = await fetch(`${example}/requirements/REQ-1`);
    assert.equal(requirement.status, 200);
    assert.match(await requirement.text(), /No attachments yet[\s\S]*Add from OneDrive/);
    demo.child.kill('SIGTERM');
    assert.equal((await demo.exit).code, 0);
  });
});
