// The overview's "Admin consent" line and the setup guide read the same catalogue facts: an integration whose
// delegated permissions need an administrator (User.Read.All, GroupMember.Read.All: "Admin consent required: Yes" in
// https://learn.microsoft.com/en-us/graph/permissions-reference) is never "Not needed", even before any test.
import { INTEGRATION_LISTENERS } from '../../src/app/integration-listeners.js';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { AuditContext } from '../../src/features/audit/index.js';
import { createConsoleUser } from '../../src/features/console-auth/index.js';
import { readHealth } from '../../src/features/health/integration-health.js';
import { IntegrationStore, type PutIntegrationInput } from '../../src/features/integrations/integration-store.js';
import { createWorkspace } from '../../src/features/workspaces/workspaces.js';
import { setupGuide } from '../../src/microsoft/identity/index.js';
import { KeyRing } from '../../src/platform/crypto/key-ring.js';
import { ManualClock } from '../../src/platform/time/clock.js';
import { openTestStore, type TestStore } from '../support/stores.js';

describe('admin consent state before and after a test', () => {
  let store: TestStore;
  let integrations: IntegrationStore;
  let audit: AuditContext;
  const clock = new ManualClock(new Date('2026-03-01T09:00:00Z'));

  before(async () => {
    store = await openTestStore('pglite');
    const admin = await createConsoleUser(store.db, { email: 'admin@example.test', password: 'correct horse battery staple' });
    audit = { actor: { type: 'user', id: admin.id, label: admin.email }, ip: '127.0.0.1', at: clock.now() };
    integrations = new IntegrationStore({ db: store.db, keyRing: new KeyRing([{ id: 'k1', key: Buffer.alloc(32, 3) }]), clock, redirectDefaults: { backendUrl: 'https://hub.example.com/' }, listeners: INTEGRATION_LISTENERS });
  });
  after(async () => store?.close());

  async function stateWith(services: PutIntegrationInput['services']): Promise<string | undefined> {
    const ws = (await createWorkspace(store.db, { name: `ws ${services.map((s) => s.service).join('-')}`, adminUserId: audit.actor.id! }, audit)).id;
    await integrations.put(ws, { clientId: '11111111-2222-3333-4444-555555555555', azureTenantId: '', services, credential: { kind: 'secret', clientSecret: 's3cret-value-for-test', expiresAt: new Date('2027-01-01T00:00:00Z') } }, audit);
    return (await readHealth(store.db, ws, clock.now()))?.consent.state;
  }

  it('delegated permissions that need an administrator, never tested: unknown (the guide says Required), not "not needed"', async () => {
    const services = [{ service: 'directory' as const, modes: ['delegated' as const] }];
    const guideSaysRequired = setupGuide({ services, redirectUri: 'https://hub.example.com/auth/m365/callback' }).steps.some((s) => s.kind === 'admin-consent');
    assert.equal(guideSaysRequired, true);
    assert.equal(await stateWith(services), 'unknown');
  });

  it('delegated permissions any user may grant: not needed', async () => {
    assert.equal(await stateWith([{ service: 'onedrive', modes: ['delegated'] }]), 'not_needed');
  });

  it('application permissions, never tested: unknown', async () => {
    assert.equal(await stateWith([{ service: 'directory', modes: ['application'] }]), 'unknown');
  });
});
