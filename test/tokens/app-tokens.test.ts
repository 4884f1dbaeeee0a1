// Application tokens of a multi-tenant workspace, on both dialects: a consent completed in another tenant does not
// move the workspace's token there (each consenting tenant keeps its own), and a broken registration is backed off
// (remembered for a growing time per workspace + tenant) instead of asking Microsoft on every request, until the
// credential changes.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startEmulator, type EmulatorHandle } from '../../emulator/harness.js';
import { TokenError } from '../../src/features/tokens/token-error.js';
import { IdentityError } from '../../src/microsoft/identity/index.js';
import { ManualClock } from '../../src/platform/time/clock.js';
import { dialects, openTestStore, skipReason, type TestStore } from '../support/stores.js';
import { createFixture, newApp, rejection, tokenRequestCount, tokenService, workspaceWithApp, type Fixture } from './support/token-kit.js';

let emulator: EmulatorHandle;
const clock = new ManualClock(new Date());

before(async () => {
  emulator = await startEmulator();
});
after(async () => emulator?.close());

const tenantOf = (token: string) => (JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { tid: string }).tid;

for (const dialect of dialects) {
  describe(`application tokens (${dialect})`, { skip: skipReason(dialect) }, () => {
    let store: TestStore;
    let f: Fixture;

    before(async () => {
      store = await openTestStore(dialect);
      f = await createFixture(emulator, store, clock);
    });
    after(async () => store?.close());

    it('admin consent completed in another tenant does not move the workspace app token; each tenant keeps its own', async () => {
      const home = emulator.tenantId!;
      const other = (await emulator.createTenant({ displayName: `Other ${dialect}` })).id;
      const app = await newApp(emulator);
      await emulator.grant(home, { appId: app.appId, roles: ['User.Read.All'] });
      await emulator.grant(other, { appId: app.appId, roles: ['User.Read.All'] });
      const ws = await workspaceWithApp(f, app, { services: [{ service: 'directory', modes: ['application'] }] });
      await f.integrations.recordAdminConsent(store.db, ws, home, f.audit);
      const first = await tokenService(f).getAccessToken({ workspaceId: ws, principal: { kind: 'application' } });
      assert.equal(tenantOf(first.accessToken), home);

      // Someone completes admin consent for the same app in their own tenant.
      await f.integrations.recordAdminConsent(store.db, ws, other, f.audit);
      const requests = await tokenRequestCount(emulator, app.appId);
      const after = await tokenService(f).getAccessToken({ workspaceId: ws, principal: { kind: 'application' } });
      assert.equal(tenantOf(after.accessToken), home, 'the workspace token stays in the tenant that consented first');
      assert.equal(after.accessToken, first.accessToken, 'and is the same stored token');
      assert.equal(await tokenRequestCount(emulator, app.appId), requests);
      assert.equal((await f.integrations.get(ws))?.adminConsent?.tenant, home);

      // The other tenant has a token of its own, asked for by tenant id; neither replaces the other.
      const theirs = await tokenService(f).getAccessToken({ workspaceId: ws, principal: { kind: 'application', tenantId: other } });
      assert.equal(tenantOf(theirs.accessToken), other);
      const rows = await store.db.selectFrom('m365_app_tokens').select(['tenant_id']).where('workspace_id', '=', ws).orderBy('tenant_id').execute();
      assert.deepEqual(rows.map((r) => r.tenant_id), [home, other].sort());
      assert.equal((await tokenService(f).getAccessToken({ workspaceId: ws, principal: { kind: 'application' } })).accessToken, first.accessToken);
      assert.equal((await tokenService(f).getAccessToken({ workspaceId: ws, principal: { kind: 'application', tenantId: other } })).accessToken, theirs.accessToken);

      const audit = await store.db.selectFrom('audit_log').select('data').where('workspace_id', '=', ws).where('action', '=', 'integration.admin_consent_granted').execute();
      assert.equal(audit.length, 2);
    });

    it('a tenant a single-tenant integration is not for is refused without calling Microsoft', async () => {
      const app = await newApp(emulator);
      const ws = await workspaceWithApp(f, app, { azureTenantId: emulator.tenantId!, services: [{ service: 'directory', modes: ['application'] }] });
      const before = await tokenRequestCount(emulator, app.appId);
      const failure = await rejection(tokenService(f).getAccessToken({ workspaceId: ws, principal: { kind: 'application', tenantId: '0f0f0f0f-0000-4000-8000-000000000001' } }));
      assert.ok(failure instanceof TokenError);
      assert.equal(failure.code, 'integration_not_configured');
      assert.equal(await tokenRequestCount(emulator, app.appId), before);
    });

    it('a broken registration is backed off per workspace + tenant for a growing time, and a credential change clears it', async () => {
      const app = await newApp(emulator);
      await emulator.grant(emulator.tenantId!, { appId: app.appId, roles: ['User.Read.All'] });
      const ws = await workspaceWithApp(f, app, {
        azureTenantId: emulator.tenantId!,
        services: [{ service: 'directory', modes: ['application'] }],
        credential: { kind: 'secret', clientSecret: 'Wrong8Q~not-the-secret-at-all-000000000' },
      });
      const tokens = tokenService(f);
      const ask = () => rejection(tokens.getAccessToken({ workspaceId: ws, principal: { kind: 'application' } }));
      const start = await tokenRequestCount(emulator, app.appId);

      const refused = await ask();
      assert.ok(refused instanceof IdentityError);
      assert.equal(refused.code, 'invalid_client_secret');
      for (let i = 0; i < 10; i++) {
        const again = await ask();
        assert.equal((again as IdentityError).code, 'invalid_client_secret', 'answered from memory, the same refusal');
        assert.ok(((again as IdentityError).retryAfterSeconds ?? 0) > 0, 'saying when Microsoft will be asked again');
      }
      assert.equal(await tokenRequestCount(emulator, app.appId), start + 1, 'Microsoft was asked once');

      // After the first window (30 s) Microsoft is asked once more; the next window is longer (60 s).
      clock.advance(31_000);
      await ask();
      assert.equal(await tokenRequestCount(emulator, app.appId), start + 2);
      clock.advance(31_000);
      await ask();
      assert.equal(await tokenRequestCount(emulator, app.appId), start + 2, 'still inside the doubled window');
      clock.advance(31_000);
      await ask();
      assert.equal(await tokenRequestCount(emulator, app.appId), start + 3);

      // The admin fixes the secret: the next request goes to Microsoft at once and succeeds.
      await f.integrations.addPendingCredential(ws, { kind: 'secret', clientSecret: app.secret }, f.audit);
      await f.integrations.promotePendingCredential(ws, f.audit);
      const token = await tokens.getAccessToken({ workspaceId: ws, principal: { kind: 'application' } });
      assert.equal(tenantOf(token.accessToken), emulator.tenantId);
    });
  });
}
