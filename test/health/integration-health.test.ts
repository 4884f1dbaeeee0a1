// Stored health and credential expiry notices, directly on the store: a change of health is audited and published
// once, an unchanged one neither; the 30/7/1-day and expired notices are each sent once, a jump past several
// thresholds sends only the nearest, and a new expiry date read from Microsoft starts the notices afresh.
import { INTEGRATION_LISTENERS } from '../../src/app/integration-listeners.js';
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { Kysely, Transaction } from 'kysely';
import { KeyRing } from '../../src/platform/crypto/key-ring.js';
import type { HubEvent } from '../../src/platform/events/event-publisher.js';
import { readHealth, recordHealth } from '../../src/features/health/integration-health.js';
import { storeMicrosoftExpiry } from '../../src/features/health/microsoft-credential-expiry.js';
import type { ConnectionReport } from '../../src/features/health/test-connection.js';
import { IntegrationStore } from '../../src/features/integrations/integration-store.js';
import type { Database } from '../../src/platform/store/schema.js';
import { ManualClock } from '../../src/platform/time/clock.js';
import { dialects, openTestStore, skipReason, type TestStore } from '../support/stores.js';

const DAY = 24 * 3600_000;
const workspaceId = 'ws_hhhhhhhhhhhhhhhhhhhhhhhhhh';

for (const dialect of dialects) {
  describe(`integration health and expiry notices (${dialect})`, { skip: skipReason(dialect) }, () => {
    let store: TestStore;
    let clock: ManualClock;
    let published: HubEvent[];
    const events = { publish: async (_db: Kysely<Database> | Transaction<Database>, event: HubEvent) => void published.push(event) };
    const deps = () => ({ db: store.db, events, clock });
    const report = (health: ConnectionReport['health']): ConnectionReport => ({
      health,
      checkedAt: clock.now().toISOString(),
      credential: 'active',
      mode: 'application',
      steps: [{ name: 'credentials', status: health === 'authentication_error' ? 'failed' : 'passed', ...(health === 'authentication_error' ? { code: 'invalid_client_secret', message: 'wrong secret' } : {}) }],
    });
    const auditActions = async () => (await store.db.selectFrom('audit_log').select('action').where('workspace_id', '=', workspaceId).execute()).map((r) => r.action);

    beforeEach(async () => {
      published = [];
      clock = new ManualClock(new Date('2026-03-01T09:00:00.000Z'));
      store = await openTestStore(dialect);
      await store.db.insertInto('workspaces').values({ id: workspaceId, name: 'Health', created_at: clock.now(), updated_at: clock.now() }).execute();
      const integrations = new IntegrationStore({ db: store.db, keyRing: new KeyRing([{ id: 'k', key: Buffer.alloc(32, 4) }]), clock, redirectDefaults: {}, listeners: INTEGRATION_LISTENERS });
      await integrations.put(
        workspaceId,
        { clientId: '5d3a6c1e-8f2b-4e7d-a9c0-1b2c3d4e5f60', azureTenantId: null, services: [{ service: 'directory', modes: ['application'] }], credential: { kind: 'secret', clientSecret: 'Abc~secret', expiresAt: new Date(clock.now().getTime() + 40 * DAY) } },
        { actor: { type: 'system', id: null, label: 'test' }, ip: null, at: clock.now() },
      );
    });
    afterEach(async () => store.close());

    it('audits and publishes a change of health once; the same health again changes nothing but the time', async () => {
      const first = await recordHealth(deps(), workspaceId, report('authentication_error'));
      assert.deepEqual(first, { previous: 'unknown', changed: true });
      assert.deepEqual(published.map((e) => e.type), ['connection.health_changed']);
      assert.deepEqual(published[0]!.data, { previous: 'unknown', current: 'authentication_error', checkedAt: clock.now().toISOString(), failedSteps: [{ name: 'credentials', code: 'invalid_client_secret', message: 'wrong secret' }] });
      assert.equal((await auditActions()).filter((a) => a === 'integration.health_changed').length, 1);

      clock.advance(3600_000);
      const same = await recordHealth(deps(), workspaceId, report('authentication_error'));
      assert.deepEqual(same, { previous: 'authentication_error', changed: false });
      assert.equal(published.length, 1, 'nothing published');
      assert.equal((await auditActions()).filter((a) => a === 'integration.health_changed').length, 1, 'nothing audited');
      assert.equal((await readHealth(store.db, workspaceId, clock.now()))!.checkedAt, clock.now().toISOString(), 'the check time moves on');

      await recordHealth(deps(), workspaceId, report('connected'));
      assert.deepEqual(published.map((e) => e.data.current), ['authentication_error', 'connected']);
    });

    it('sends each expiry threshold once, and only the nearest after a jump', async () => {
      const notices = () => published.filter((e) => e.type.startsWith('credential.')).map((e) => `${e.type}:${e.data.threshold}`);
      const check = async () => recordHealth(deps(), workspaceId, report('connected'));
      await check();
      assert.deepEqual(notices(), [], '40 days left: nothing yet');
      clock.advance(11 * DAY); // 29 days left
      await check();
      await check();
      assert.deepEqual(notices(), ['credential.expiring:30'], 'once at 30 days');
      clock.advance(24 * DAY); // 5 days left
      await check();
      assert.deepEqual(notices(), ['credential.expiring:30', 'credential.expiring:7']);
      clock.advance(4.5 * DAY); // half a day left
      await check();
      clock.advance(DAY); // expired
      await check();
      await check();
      assert.deepEqual(notices(), ['credential.expiring:30', 'credential.expiring:7', 'credential.expiring:1', 'credential.expired:0']);
      const warnings = (await readHealth(store.db, workspaceId, clock.now()))!.credentialWarnings;
      assert.equal(warnings.length, 1);
      assert.equal(warnings[0]!.threshold, 0);
      assert.match(warnings[0]!.message, /expired on/);

      const fresh = await store.db.selectFrom('m365_credentials').select('id').where('workspace_id', '=', workspaceId).where('status', '=', 'active').executeTakeFirstOrThrow();
      published = [];
      clock.advance(-2.5 * DAY); // 2 days left, with no notice sent yet: as if the first check came this late
      await store.db.updateTable('m365_credentials').set({ expiry_notice_days: null }).where('id', '=', fresh.id).execute();
      await check();
      assert.deepEqual(notices(), ['credential.expiring:7'], 'only the nearest threshold');
    });

    it('a new expiry date from Microsoft starts the notices afresh; the same date keeps them', async () => {
      const credential = await store.db.selectFrom('m365_credentials').select('id').where('workspace_id', '=', workspaceId).executeTakeFirstOrThrow();
      clock.advance(11 * DAY);
      await recordHealth(deps(), workspaceId, report('connected'));
      assert.equal(published.filter((e) => e.type === 'credential.expiring').length, 1);
      const fromMicrosoft = (expiresAt: Date) => ({ steps: [{ name: 'credentials', details: { expiry: { credentialId: credential.id, source: 'microsoft', expiresAt: expiresAt.toISOString() } } }] });

      const later = new Date(clock.now().getTime() + 25 * DAY);
      assert.equal(await storeMicrosoftExpiry(store.db, workspaceId, fromMicrosoft(later)), true);
      const row = await store.db.selectFrom('m365_credentials').selectAll().where('id', '=', credential.id).executeTakeFirstOrThrow();
      assert.equal(row.expires_at!.toISOString(), later.toISOString());
      assert.equal(row.expiry_source, 'microsoft');
      await recordHealth(deps(), workspaceId, report('connected'));
      assert.equal(published.filter((e) => e.type === 'credential.expiring').length, 2, 'the 30-day notice for the new date');
      assert.equal(await storeMicrosoftExpiry(store.db, workspaceId, fromMicrosoft(later)), false);
      await recordHealth(deps(), workspaceId, report('connected'));
      assert.equal(published.filter((e) => e.type === 'credential.expiring').length, 2, 'not again for the same date');
      assert.equal(await storeMicrosoftExpiry('x' as never, workspaceId, { steps: [{ name: 'credentials', details: { expiry: { source: 'unavailable', reason: 'no permission' } } }] }), false, 'nothing stored without a date from Microsoft');
    });
  });
}
