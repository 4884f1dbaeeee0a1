import { hubSealedColumns } from '../../src/app/sealed-columns.js';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { parseEncryptionKeys } from '../../src/platform/config/config.js';
import { KeyRing } from '../../src/platform/crypto/key-ring.js';
import { rotateKeys } from '../../src/platform/crypto/rotate-keys.js';
import { createLogger } from '../../src/platform/logging/logger.js';
import { openStore, type Store, type StoreTarget } from '../../src/platform/store/database.js';
import { dialects, openTestStore, skipReason } from '../support/stores.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const oldKeys = `k2025a:${randomBytes(32).toString('base64')}`;
const newKey = `k2026_b:${randomBytes(32).toString('base64')}`; // `_` would be a LIKE wildcard: must not matter
const rotatedKeys = `${newKey},${oldKeys}`;
const silent = createLogger({ level: 'silent' });
const SECRETS = 3000;

const place = (id: string) => ({ table: 'sealed_secrets', rowId: id, column: 'sealed' });

async function seed(store: Store): Promise<Map<string, string>> {
  const ring = new KeyRing(parseEncryptionKeys(oldKeys));
  await store.db.insertInto('workspaces').values({ id: 'ws_rot', name: 'rotation', updated_at: new Date() }).execute();
  const values = new Map<string, string>();
  const rows = [];
  for (let i = 0; i < SECRETS; i += 1) {
    const id = `sec_${String(i).padStart(5, '0')}`;
    const value = `secret-${i}-${randomBytes(8).toString('hex')}`;
    values.set(id, value);
    rows.push({ id, workspace_id: 'ws_rot', purpose: 'test', sealed: ring.seal(value, place(id)), updated_at: new Date() });
  }
  for (let i = 0; i < rows.length; i += 500) await store.db.insertInto('sealed_secrets').values(rows.slice(i, i + 500)).execute();
  return values;
}

/** Runs the rotation in a child process and SIGKILLs it once it reports `killAfter` committed batches. */
async function rotateAndKill(target: StoreTarget, killAfter: number): Promise<void> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(here, 'support/rotate-child.ts'), JSON.stringify({ store: target, keys: rotatedKeys, batchSize: 20 })],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
  for await (const line of createInterface({ input: child.stdout })) {
    if (line === `batch ${killAfter}`) {
      child.kill('SIGKILL');
      break;
    }
    assert.ok(!line.startsWith('done'), 'the rotation finished before it could be killed');
  }
  assert.equal(await exited, 'SIGKILL');
}

async function assertEverySecretOpens(store: Store, values: Map<string, string>, ring: KeyRing): Promise<number> {
  const rows = await store.db.selectFrom('sealed_secrets').select(['id', 'sealed']).execute();
  assert.equal(rows.length, values.size, 'no secret lost');
  let current = 0;
  for (const row of rows) {
    assert.equal(ring.openText(row.sealed, place(row.id)), values.get(row.id));
    if (!ring.needsReseal(row.sealed)) current += 1;
  }
  return current;
}

for (const dialect of dialects) {
  describe(`key rotation on ${dialect}`, { skip: skipReason(dialect) }, () => {
    const dirs: string[] = [];
    after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

    it('survives a SIGKILL half-way: every secret still opens, a rerun finishes the rest, a third run does nothing', async () => {
      let target: StoreTarget;
      let store: Store;
      let closeForChild = false;
      if (dialect === 'pglite') {
        // The child needs a data dir on disk: load the run's template into one instead of paying initdb.
        const dataDir = mkdtempSync(path.join(tmpdir(), 'm365hub-rotation-'));
        dirs.push(dataDir);
        const template = process.env.M365HUB_TEST_PGLITE_TEMPLATE;
        const instance = template
          ? await PGlite.create(path.join(dataDir, 'db'), { loadDataDir: new Blob([new Uint8Array(readFileSync(template))]) })
          : await PGlite.create(path.join(dataDir, 'db'));
        target = { dialect: 'pglite', dataDir };
        store = await openStore({ dialect: 'pglite', instance });
        await store.migrate();
        closeForChild = true; // one process at a time on a PGlite data dir
      } else {
        const testStore = await openTestStore('postgres');
        store = testStore;
        target = { dialect: 'postgres', ...testStore.postgres!, poolSize: 2 };
      }
      try {
        const values = await seed(store);
        if (closeForChild) await store.close();
        await rotateAndKill(target, 5);
        if (closeForChild) store = await openStore(target);

        const ring = new KeyRing(parseEncryptionKeys(rotatedKeys));
        const currentAfterKill = await assertEverySecretOpens(store, values, ring);
        assert.ok(currentAfterKill >= 5 * 20 && currentAfterKill < SECRETS, `half-way: ${currentAfterKill} of ${SECRETS} re-sealed`);

        const rerun = await rotateKeys({ columns: hubSealedColumns, db: store.db, keyRing: ring, logger: silent, batchSize: 200 });
        assert.deepEqual(
          { ...rerun, failures: rerun.failures.length },
          { scanned: SECRETS, resealed: SECRETS - currentAfterKill, alreadyCurrent: currentAfterKill, failed: 0, failures: 0 },
        );
        // Everything is under the new key now: the old key can leave the ring.
        const newOnly = new KeyRing(parseEncryptionKeys(newKey));
        assert.equal(await assertEverySecretOpens(store, values, newOnly), SECRETS);

        const third = await rotateKeys({ columns: hubSealedColumns, db: store.db, keyRing: ring, logger: silent });
        assert.equal(third.resealed, 0);
        assert.equal(third.alreadyCurrent, SECRETS);
      } finally {
        await store.close();
      }
    });

    it('leaves a blob it cannot open untouched, reports it by place, and re-seals the others', async () => {
      const store = await openTestStore(dialect);
      try {
        const values = await seed(store);
        const [firstId] = values.keys();
        await store.db.updateTable('sealed_secrets').set({ sealed: 'v1.k2025a.AAAAAAAAAAAAAAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA' }).where('id', '=', firstId!).execute();
        const result = await rotateKeys({ columns: hubSealedColumns, db: store.db, keyRing: new KeyRing(parseEncryptionKeys(rotatedKeys)), logger: silent, batchSize: 500 });
        assert.equal(result.failed, 1);
        assert.deepEqual(result.failures, [{ table: 'sealed_secrets', column: 'sealed', rowId: firstId, code: 'sealed_blob_tampered' }]);
        assert.equal(result.resealed, SECRETS - 1);
      } finally {
        await store.close();
      }
    });
  });
}
