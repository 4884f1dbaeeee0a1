// The store on both dialects: migrations from an empty database, readiness, concurrent starts, transactions,
// the same value types from both drivers, and the embedded data dir refusing a second opener.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import pg from 'pg';
import { openStore, type Store } from '../../src/platform/store/database.js';
import { DataDirInUseError } from '../../src/platform/store/data-dir-lock.js';
import { dialects, postgresAvailability, runnerDropsSchemas, skipReason, testSchemaName } from '../support/stores.js';

/** A store on an empty database: nothing migrated yet. */
async function emptyStore(dialect: 'pglite' | 'postgres'): Promise<{ open: () => Promise<Store>; drop: () => Promise<void> }> {
  if (dialect === 'pglite') {
    const instance = await PGlite.create();
    return { open: () => openStore({ dialect: 'pglite', instance }), drop: async () => {} };
  }
  const { url } = postgresAvailability() as { url: string };
  const schema = testSchemaName();
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  return {
    open: () => openStore({ dialect: 'postgres', url, schema, poolSize: 3 }),
    drop: async () => {
      if (!runnerDropsSchemas()) await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
    },
  };
}

for (const dialect of dialects) {
  describe(`store on ${dialect}`, { skip: skipReason(dialect) }, () => {
    let empty: Awaited<ReturnType<typeof emptyStore>>;
    let store: Store;
    before(async () => {
      empty = await emptyStore(dialect);
      store = await empty.open();
    });
    after(async () => {
      await store.close();
      await empty.drop();
    });

    it('is not ready before its migrations, and is after them; migrating again changes nothing', async () => {
      assert.equal(await store.isReady(), false);
      await store.migrate();
      assert.equal(await store.isReady(), true);
      await store.migrate();
      const { rows } = await sql<{ n: number }>`select count(*) as n from kysely_migration`.execute(store.db);
      assert.equal(typeof rows[0]!.n, 'number', 'int8 arrives as a number from both drivers');
      assert.ok(rows[0]!.n >= 4);
    });

    it('rolls a failed transaction back completely', async () => {
      await assert.rejects(
        store.db.transaction().execute(async (trx) => {
          await trx.insertInto('workspaces').values({ id: 'ws_rollback', name: 'x', updated_at: new Date() }).execute();
          throw new Error('abort');
        }),
        /abort/,
      );
      const found = await store.db.selectFrom('workspaces').select('id').where('id', '=', 'ws_rollback').executeTakeFirst();
      assert.equal(found, undefined);
    });

    it('refuses to update an audit log entry (append-only)', async () => {
      await store.db.insertInto('audit_log').values({ id: 'aud_1', actor_type: 'system', actor_label: 'test', action: 'x' }).execute();
      await assert.rejects(store.db.updateTable('audit_log').set({ action: 'y' }).where('id', '=', 'aud_1').execute(), /append-only/);
    });
  });
}

describe('several processes starting at once on PostgreSQL', { skip: skipReason('postgres') }, () => {
  it('migrates once under the advisory lock while three stores migrate together', async () => {
    const empty = await emptyStore('postgres');
    const stores = await Promise.all([empty.open(), empty.open(), empty.open()]);
    try {
      await Promise.all(stores.map((s) => s.migrate()));
      for (const s of stores) assert.equal(await s.isReady(), true);
      const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(stores[0]!.db);
      assert.equal(new Set(rows.map((r) => r.name)).size, rows.length, 'each migration recorded once');
    } finally {
      for (const s of stores) await s.close();
      await empty.drop();
    }
  });
});

describe('embedded data dir', () => {
  it('refuses a second opener while the first holds it, and opens again after it closed', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'm365hub-store-'));
    const first = await openStore({ dialect: 'pglite', dataDir });
    await assert.rejects(openStore({ dialect: 'pglite', dataDir }), (error: unknown) => error instanceof DataDirInUseError);
    await first.close();
    const again = await openStore({ dialect: 'pglite', dataDir });
    await again.close();
  });
});
