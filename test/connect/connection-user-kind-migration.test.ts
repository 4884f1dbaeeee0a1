// Migration 0007 converts connections keyed `console:<id>` (console users, before the namespaces were split) into
// console_user connections keyed by the bare id, and leaves every host product's user as it was — including one
// whose id merely looks like `console:…` without naming a console user. Run on PostgreSQL (a fresh schema migrates
// in a moment; a fresh PGlite costs seconds of initdb).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useMigrationSchema } from '../support/migration-schema.js';
import { skipReason } from '../support/stores.js';

describe('migration 0007: console users out of the host product\'s user namespace', { skip: skipReason('postgres') }, () => {
  const migration = useMigrationSchema();

  it('keys console users by kind, and keeps host product users as they were', async () => {
    const to6 = await migration.migrator.migrateTo('0006-webhook-rotation-and-expiry-notices');
    assert.equal(to6.error, undefined);
    await migration.db.insertInto('workspaces').values({ id: 'ws_1', name: 'W' }).execute();
    await migration.db.insertInto('console_users').values({ id: 'usr_1', email: 'a@example.com', display_name: 'A', password_hash: 'x' }).execute();
    const row = (id: string, user: string) => ({
      id,
      workspace_id: 'ws_1',
      external_user_id: user,
      tenant_id: 't',
      object_id: id,
      scopes: 'openid',
      status: 'active',
      refresh_token_sealed: 'sealed',
      last_refreshed_at: new Date(),
    });
    await migration.db.insertInto('m365_connections').values([row('conn_console', 'console:usr_1'), row('conn_host', 'usr_1'), row('conn_lookalike', 'console:nobody')]).execute();

    const latest = await migration.migrator.migrateToLatest();
    assert.equal(latest.error, undefined);
    const rows = await migration.db.selectFrom('m365_connections').select(['id', 'user_kind', 'external_user_id']).orderBy('id').execute();
    assert.deepEqual(rows, [
      { id: 'conn_console', user_kind: 'console_user', external_user_id: 'usr_1' },
      { id: 'conn_host', user_kind: 'external_user', external_user_id: 'usr_1' },
      { id: 'conn_lookalike', user_kind: 'external_user', external_user_id: 'console:nobody' },
    ]);
  });
});
