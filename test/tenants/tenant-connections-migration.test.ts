// Migration 0025 backfills tenant connections from what already proved a consent: the integration's recorded admin
// consent tenant and every tenant an application token was cached for (one row each, lower case). Run on
// PostgreSQL (a fresh schema migrates in a moment; a fresh PGlite costs seconds of initdb).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useMigrationSchema } from '../support/migration-schema.js';
import { skipReason } from '../support/stores.js';

const CONTOSO = 'c0a7e5a0-5e3d-4b7a-9a65-7c0e2f4d1a01';
const FABRIKAM = 'fab71ca0-2d4e-4c1b-8e3f-6a9b0c1d2e02';

describe('migration 0025: tenant connections backfilled from admin consent and app tokens', { skip: skipReason('postgres') }, () => {
  const migration = useMigrationSchema();

  it('makes one active connection per consented tenant', async () => {
    assert.equal((await migration.migrator.migrateTo('0024-access-reviews')).error, undefined);
    await migration.db.insertInto('workspaces').values([{ id: 'ws_1', name: 'MSP' }, { id: 'ws_2', name: 'Other' }]).execute();
    const consentAt = new Date('2026-11-01T09:00:00Z');
    await migration.db.insertInto('m365_integrations').values({ workspace_id: 'ws_1', id: 'int_1', client_id: 'app', services: '[]', admin_consent_tenant: CONTOSO.toUpperCase(), admin_consent_at: consentAt }).execute();
    const token = (workspace: string, tenant: string) => ({ id: `${workspace}:${tenant}`, workspace_id: workspace, tenant_id: tenant, credential_id: 'cred', access_token_sealed: 'sealed', expires_at: new Date() });
    await migration.db.insertInto('m365_app_tokens').values([token('ws_1', CONTOSO), token('ws_1', FABRIKAM), token('ws_2', FABRIKAM)]).execute();

    assert.equal((await migration.migrator.migrateToLatest()).error, undefined);
    const rows = await migration.db.selectFrom('m365_tenant_connections').select(['workspace_id', 'tenant_id', 'status', 'consented_at', 'health']).orderBy('workspace_id').orderBy('tenant_id').execute();
    assert.deepEqual(rows, [
      { workspace_id: 'ws_1', tenant_id: CONTOSO, status: 'active', consented_at: consentAt, health: 'unknown' },
      { workspace_id: 'ws_1', tenant_id: FABRIKAM, status: 'active', consented_at: null, health: 'unknown' },
      { workspace_id: 'ws_2', tenant_id: FABRIKAM, status: 'active', consented_at: null, health: 'unknown' },
    ]);
  });
});
