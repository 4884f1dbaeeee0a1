// The token service against the real emulator over HTTPS, on both dialects: cached vs refreshed tokens, rotation,
// single flight, a failure between Microsoft's answer and the commit, transient and permanent failures, application
// tokens (secret and certificate), workspace isolation, and tokens never leaking into logs, errors or events.
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { after, before, describe, it } from 'node:test';
import { startEmulator, type EmulatorHandle } from '../../emulator/harness.js';
import { createClientCertificate } from '../../emulator/test/support/test-certificate.js';
import { decodeGrantedPermissions, type EntraClient } from '../../src/microsoft/identity/index.js';
import { accessTokenPlace, deleteConnection, getConnection, listConnections, refreshTokenPlace } from '../../src/features/tokens/connection-store.js';
import { TokenError } from '../../src/features/tokens/token-error.js';
import { ManualClock } from '../../src/platform/time/clock.js';
import { waitFor } from '../support/wait-for.js';
import { dialects, openTestStore, skipReason, type TestStore } from '../support/stores.js';
import {
  connectUser,
  createFixture,
  newApp,
  refreshCount,
  rejection,
  seedUser,
  expireAppToken,
  expireStoredToken,
  tokenRequestCount,
  tokenService,
  workspaceWithApp,
  type Fixture,
} from './support/token-kit.js';

let emulator: EmulatorHandle;
const clock = new ManualClock(new Date());

before(async () => {
  emulator = await startEmulator();
});
after(async () => emulator?.close());

for (const dialect of dialects) {
  describe(`token service (${dialect})`, { skip: skipReason(dialect) }, () => {
    let store: TestStore;
    let f: Fixture;
    /** Every token the tests saw, to prove none appears in logs, errors or events. */
    const seen = new Set<string>();
    const errors: unknown[] = [];

    before(async () => {
      store = await openTestStore(dialect);
      f = await createFixture(emulator, store, clock);
    });
    after(async () => store?.close());

    const storedRefreshToken = async (id: string) => {
      const row = await store.db.selectFrom('m365_connections').select('refresh_token_sealed').where('id', '=', id).executeTakeFirstOrThrow();
      return f.keyRing.openText(row.refresh_token_sealed, refreshTokenPlace(id));
    };

    it('serves the stored token while it has more than 5 minutes left, then refreshes and stores the rotated refresh token', async () => {
      const app = await newApp(emulator);
      const ws = await workspaceWithApp(f, app);
      const { redeemed, connection } = await connectUser(emulator, f, app, ws, 'user-1');
      seen.add(redeemed.accessToken).add(redeemed.refreshToken);
      const tokens = tokenService(f);

      const first = await tokens.getAccessToken({ workspaceId: ws, principal: { kind: 'user', externalUserId: 'user-1' } });
      assert.equal(first.accessToken, redeemed.accessToken);
      assert.equal(await refreshCount(emulator, app.appId), 0);

      // Less than 5 minutes left: a process that has not seen it in memory refreshes it.
      await expireStoredToken(f, connection.id, 4 * 60_000);
      const second = await tokenService(f).getAccessToken({ workspaceId: ws, principal: { kind: 'user', externalUserId: 'user-1' } });
      seen.add(second.accessToken);
      assert.notEqual(second.accessToken, redeemed.accessToken);
      assert.ok(second.expiresAt.getTime() - clock.now().getTime() > 50 * 60_000);
      assert.ok(decodeGrantedPermissions(second.accessToken).scp.includes('Files.Read'));
      assert.equal(await refreshCount(emulator, app.appId), 1);

      const rotated = await storedRefreshToken(connection.id);
      seen.add(rotated);
      assert.notEqual(rotated, redeemed.refreshToken, 'the rotated refresh token is the one stored');
      const view = await getConnection(store.db, ws, 'user-1');
      assert.equal(view?.status, 'active');
      assert.equal(view?.lastRefreshedAt.getTime(), clock.now().getTime());
      assert.ok(!JSON.stringify(view).includes(second.accessToken) && !JSON.stringify(view).includes(rotated));

      // A second process (a new service, empty memory) reads the stored token: no refresh.
      const other = await tokenService(f).getAccessToken({ workspaceId: ws, principal: { kind: 'user', externalUserId: 'user-1' } });
      assert.equal(other.accessToken, second.accessToken);
      assert.equal(await refreshCount(emulator, app.appId), 1);
    });

    it('single flight: 100 concurrent calls on an expired token make exactly one refresh', async () => {
      const app = await newApp(emulator);
      const ws = await workspaceWithApp(f, app);
      const { connection } = await connectUser(emulator, f, app, ws, 'user-sf');
      const tokens = tokenService(f);
      await expireStoredToken(f, connection.id);
      const results = await Promise.all(Array.from({ length: 100 }, () => tokens.getAccessToken({ workspaceId: ws, principal: { kind: 'user', externalUserId: 'user-sf' } })));
      assert.equal(new Set(results.map((r) => r.accessToken)).size, 1);
      results.forEach((r) => seen.add(r.accessToken));
      assert.equal(await refreshCount(emulator, app.appId), 1);
    });

    it('a failure between Microsoft answering and the commit keeps the old refresh token, and the next refresh works', async () => {
      const app = await newApp(emulator);
      const ws = await workspaceWithApp(f, app);
      const { redeemed, connection } = await connectUser(emulator, f, app, ws, 'user-crash');
      const crashing: EntraClient = {
        ...f.identity,
        async refreshAccessToken(input) {
          await f.identity.refreshAccessToken(input); // Microsoft has rotated the refresh token…
          throw new Error('process died before the commit'); // …and we never stored the new one.
        },
      };
      await expireStoredToken(f, connection.id);
      const failure = await rejection(tokenService(f, { identity: crashing }).getAccessToken({ workspaceId: ws, principal: { kind: 'user', externalUserId: 'user-crash' } }));
      errors.push(failure);
      assert.equal(failure.code, 'token_service_unavailable');
      assert.equal(await storedRefreshToken(connection.id), redeemed.refreshToken);
      assert.equal((await getConnection(store.db, ws, 'user-crash'))?.status, 'active');

      const next = await tokenService(f).getAccessToken({ workspaceId: ws, principal: { kind: 'user', externalUserId: 'user-crash' } });
      seen.add(next.accessToken);
      assert.equal(await refreshCount(emulator, app.appId), 2);
      assert.notEqual(await storedRefreshToken(connection.id), redeemed.refreshToken);
    });

    it('transient 503 and 429 are retried with backoff and leave the connection active', async () => {
      const app = await newApp(emulator);
      const ws = await workspaceWithApp(f, app);
      const { connection } = await connectUser(emulator, f, app, ws, 'user-transient');
      await expireStoredToken(f, connection.id);
      f.sleeps.length = 0;
      await emulator.addFault({ method: 'POST', pathPattern: '/oauth2/v2\\.0/token$', status: 503, count: 1 });
      await emulator.addFault({ method: 'POST', pathPattern: '/oauth2/v2\\.0/token$', status: 429, count: 1, retryAfter: 2 });
      const token = await tokenService(f).getAccessToken({ workspaceId: ws, principal: { kind: 'user', externalUserId: 'user-transient' } });
      seen.add(token.accessToken);
      assert.deepEqual(f.sleeps, [250, 2000]);
      assert.equal((await getConnection(store.db, ws, 'user-transient'))?.status, 'active');

      // Still failing after every attempt: a typed transient error, and the connection stays active.
      await expireStoredToken(f, connection.id);
      await emulator.addFault({ method: 'POST', pathPattern: '/oauth2/v2\\.0/token$', status: 503, count: 4 });
      const failure = await rejection(tokenService(f).getAccessToken({ workspaceId: ws, principal: { kind: 'user', externalUserId: 'user-transient' } }));
      await emulator.clearFaults();
      errors.push(failure);
      assert.ok(failure instanceof TokenError);
      assert.equal(failure.code, 'token_service_unavailable');
      assert.equal((await getConnection(store.db, ws, 'user-transient'))?.status, 'active');
      const recovered = await tokenService(f).getAccessToken({ workspaceId: ws, principal: { kind: 'user', externalUserId: 'user-transient' } });
      seen.add(recovered.accessToken);
    });

    it('revoked sign-in sessions: needs_reconnect (session_revoked), an event and an audit entry, then no more calls to Microsoft', async () => {
      const app = await newApp(emulator);
      const ws = await workspaceWithApp(f, app);
      const { connection } = await connectUser(emulator, f, app, ws, 'user-revoked', 'jordan');
      await emulator.revokeSignInSessions(emulator.tenantId!, seedUser(emulator, 'jordan').id);
      await expireStoredToken(f, connection.id);
      const tokens = tokenService(f);
      const failure = await rejection(tokens.getAccessToken({ workspaceId: ws, principal: { kind: 'user', externalUserId: 'user-revoked' } }));
      errors.push(failure);
      assert.ok(failure instanceof TokenError);
      assert.equal(failure.code, 'connection_needs_reconnect');
      assert.equal(failure.reason, 'session_revoked');
      assert.ok(failure.userMessage && failure.fix);

      const view = await getConnection(store.db, ws, 'user-revoked');
      assert.equal(view?.status, 'needs_reconnect');
      assert.equal(view?.statusReason, 'session_revoked');
      const event = f.events.events.find((e) => e.type === 'connection.needs_reconnect' && e.data.connectionId === connection.id);
      assert.equal(event?.workspaceId, ws);
      assert.equal(event?.data.reason, 'session_revoked');
      const audit = await store.db.selectFrom('audit_log').selectAll().where('workspace_id', '=', ws).where('action', '=', 'connection.needs_reconnect').execute();
      assert.equal(audit.length, 1);
      assert.equal(audit[0]!.actor_type, 'system');

      const before = await tokenRequestCount(emulator, app.appId);
      for (let i = 0; i < 5; i++) {
        const again = await rejection(tokenService(f).getAccessToken({ workspaceId: ws, principal: { kind: 'user', externalUserId: 'user-revoked' } }));
        assert.equal((again as TokenError).code, 'connection_needs_reconnect');
        assert.equal((again as TokenError).reason, 'session_revoked');
      }
      assert.equal(await tokenRequestCount(emulator, app.appId), before, 'no token request after needs_reconnect');
      assert.equal(f.events.events.filter((e) => e.data.connectionId === connection.id).length, 1);

      // Reconnect replaces the connection (same id) and makes it active again.
      const again = await connectUser(emulator, f, app, ws, 'user-revoked', 'jordan');
      assert.equal(again.connection.id, connection.id);
      assert.equal(again.connection.status, 'active');
      const token = await tokens.getAccessToken({ workspaceId: ws, principal: { kind: 'user', externalUserId: 'user-revoked' } });
      assert.equal(token.accessToken, again.redeemed.accessToken);
    });

    it('consent withdrawn is needs_reconnect with consent_required', async () => {
      const app = await newApp(emulator);
      const ws = await workspaceWithApp(f, app);
      const { connection } = await connectUser(emulator, f, app, ws, 'user-consent', 'lee');
      await emulator.revokeGrant(emulator.tenantId!, app.appId);
      await expireStoredToken(f, connection.id);
      const failure = await rejection(tokenService(f).getAccessToken({ workspaceId: ws, principal: { kind: 'user', externalUserId: 'user-consent' } }));
      assert.equal((failure as TokenError).reason, 'consent_required');
      assert.equal((await getConnection(store.db, ws, 'user-consent'))?.status, 'needs_reconnect');
    });

    it('disconnect deletes the tokens; the connection is gone for the token service', async () => {
      const app = await newApp(emulator);
      const ws = await workspaceWithApp(f, app);
      await connectUser(emulator, f, app, ws, 'user-bye');
      const tokens = tokenService(f);
      await tokens.getAccessToken({ workspaceId: ws, principal: { kind: 'user', externalUserId: 'user-bye' } });
      const deleted = await store.db.transaction().execute((trx) => deleteConnection(trx, ws, 'user-bye'));
      assert.equal(deleted?.externalUserId, 'user-bye');
      tokens.invalidate(ws, 'user-bye');
      const failure = await rejection(tokens.getAccessToken({ workspaceId: ws, principal: { kind: 'user', externalUserId: 'user-bye' } }));
      assert.equal((failure as TokenError).code, 'connection_not_found');
      assert.equal(await store.db.selectFrom('m365_connections').select('id').where('workspace_id', '=', ws).executeTakeFirst(), undefined);
    });

    it('a refresh waiting behind an uncommitted disconnect finds the connection gone and asks Microsoft nothing', { skip: dialect === 'pglite' && 'one process: the in-process flight is the lock on PGlite' }, async () => {
      const app = await newApp(emulator);
      const ws = await workspaceWithApp(f, app);
      const { connection } = await connectUser(emulator, f, app, ws, 'user-leaving');
      await expireStoredToken(f, connection.id);
      const refreshesBefore = await refreshCount(emulator, app.appId);
      let commitDisconnect!: () => void;
      const disconnectMayCommit = new Promise<void>((resolve) => (commitDisconnect = resolve));
      let deleted!: () => void;
      const rowDeleted = new Promise<void>((resolve) => (deleted = resolve));
      const disconnect = store.db.transaction().execute(async (trx) => {
        await deleteConnection(trx, ws, 'user-leaving');
        deleted();
        await disconnectMayCommit;
      });
      await rowDeleted;
      const refresh = rejection(tokenService(f).getAccessToken({ workspaceId: ws, principal: { kind: 'user', externalUserId: 'user-leaving' } }));
      // The refresh has read the expired row and now waits for the deleting transaction's row lock.
      await waitFor(async () => Number((await sql<{ n: string }>`select count(*) as n from pg_locks l join pg_stat_activity a on a.pid = l.pid where not l.granted and a.query ilike '%m365_connections%for update%'`.execute(store.db)).rows[0]!.n) > 0, 'the refresh to wait for the row lock');
      commitDisconnect();
      await disconnect;
      assert.equal((await refresh).code, 'connection_not_found');
      assert.equal(await refreshCount(emulator, app.appId), refreshesBefore);
    });

    it("workspace isolation: one workspace's connection is never served to another, whatever the ids", async () => {
      const app = await newApp(emulator);
      const a = await workspaceWithApp(f, app);
      const b = await workspaceWithApp(f, app);
      const inA = await connectUser(emulator, f, app, a, 'shared-id', 'dana');
      const tokens = tokenService(f);
      await tokens.getAccessToken({ workspaceId: a, principal: { kind: 'user', externalUserId: 'shared-id' } });
      const failure = await rejection(tokens.getAccessToken({ workspaceId: b, principal: { kind: 'user', externalUserId: 'shared-id' } }));
      assert.equal((failure as TokenError).code, 'connection_not_found');
      assert.equal(await getConnection(store.db, b, 'shared-id'), undefined);
      assert.deepEqual((await listConnections(store.db, b, { limit: 10 })).items, []);
      // The same external user id in B is B's own connection (another Microsoft user), with its own token.
      const inB = await connectUser(emulator, f, app, b, 'shared-id', 'sam');
      const tokenB = await tokens.getAccessToken({ workspaceId: b, principal: { kind: 'user', externalUserId: 'shared-id' } });
      const tokenA = await tokens.getAccessToken({ workspaceId: a, principal: { kind: 'user', externalUserId: 'shared-id' } });
      assert.equal(tokenA.accessToken, inA.redeemed.accessToken);
      assert.equal(tokenB.accessToken, inB.redeemed.accessToken);
      assert.notEqual(inA.connection.objectId, inB.connection.objectId);
      // A sealed token copied into another workspace's row does not open there.
      const rowA = await store.db.selectFrom('m365_connections').select('access_token_sealed').where('id', '=', inA.connection.id).executeTakeFirstOrThrow();
      assert.throws(() => f.keyRing.openText(rowA.access_token_sealed!, accessTokenPlace(inB.connection.id)));
      const page = await listConnections(store.db, a, { limit: 10 });
      assert.deepEqual(page.items.map((c) => c.externalUserId), ['shared-id']);
      assert.ok(!JSON.stringify(page).includes(inA.redeemed.accessToken) && !JSON.stringify(page).includes('sealed'));
    });

    it('application tokens with a secret: per workspace tenant, cached in memory and in the database', async () => {
      const app = await newApp(emulator);
      await emulator.grant(emulator.tenantId!, { appId: app.appId, roles: ['User.Read.All'] });
      const ws = await workspaceWithApp(f, app, { azureTenantId: emulator.tenantId!, services: [{ service: 'directory', modes: ['application'] }] });
      const tokens = tokenService(f);
      const token = await tokens.getAccessToken({ workspaceId: ws, principal: { kind: 'application' } });
      seen.add(token.accessToken);
      assert.deepEqual(decodeGrantedPermissions(token.accessToken).roles, ['User.Read.All']);
      const stored = await store.db.selectFrom('m365_app_tokens').selectAll().where('workspace_id', '=', ws).executeTakeFirstOrThrow();
      assert.ok(!stored.access_token_sealed.includes(token.accessToken));
      const requests = await tokenRequestCount(emulator, app.appId);
      assert.equal((await tokens.getAccessToken({ workspaceId: ws, principal: { kind: 'application' } })).accessToken, token.accessToken);
      // Another process shares the stored token instead of asking Microsoft.
      assert.equal((await tokenService(f).getAccessToken({ workspaceId: ws, principal: { kind: 'application' } })).accessToken, token.accessToken);
      assert.equal(await tokenRequestCount(emulator, app.appId), requests);
      // Near expiry a new one is acquired, once for 20 concurrent callers.
      await expireAppToken(f, ws, 4 * 60_000);
      const fresh = tokenService(f);
      const renewed = await Promise.all(Array.from({ length: 20 }, () => fresh.getAccessToken({ workspaceId: ws, principal: { kind: 'application' } })));
      assert.equal(new Set(renewed.map((t) => t.accessToken)).size, 1);
      const row = await store.db.selectFrom('m365_app_tokens').select('expires_at').where('workspace_id', '=', ws).executeTakeFirstOrThrow();
      assert.ok(row.expires_at.getTime() - clock.now().getTime() > 50 * 60_000, 'the renewed token is stored');
      assert.equal(await tokenRequestCount(emulator, app.appId), requests + 1);
    });

    it('application tokens with a certificate, in the tenant that granted admin consent (multi-tenant app)', async () => {
      const app = await newApp(emulator);
      const { certificatePem, privateKeyPem } = await createClientCertificate();
      await emulator.addCertificate(emulator.tenantId!, app.appId, certificatePem);
      await emulator.grant(emulator.tenantId!, { appId: app.appId, roles: ['Sites.Read.All'] });
      const ws = await workspaceWithApp(f, app, { credential: { kind: 'certificate', certificatePem, privateKeyPem }, services: [{ service: 'sharepoint', modes: ['application'] }] });
      const tokens = tokenService(f);
      await f.integrations.recordAdminConsent(store.db, ws, emulator.tenantId!, f.audit);
      const token = await tokens.getAccessToken({ workspaceId: ws, principal: { kind: 'application' } });
      seen.add(token.accessToken);
      assert.deepEqual(decodeGrantedPermissions(token.accessToken).roles, ['Sites.Read.All']);
      const logged = (await emulator.requests(1000)).filter((r) => r.client_id === app.appId && r.grant_type === 'client_credentials');
      assert.equal(logged.at(-1)?.tenant, emulator.tenantId);
    });

    it('an unconfigured workspace is integration_not_configured', async () => {
      const app = await newApp(emulator);
      const ws = await workspaceWithApp(f, app);
      await f.integrations.delete(ws, f.audit);
      const failure = await rejection(tokenService(f).getAccessToken({ workspaceId: ws, principal: { kind: 'application' } }));
      assert.equal((failure as TokenError).code, 'integration_not_configured');
    });

    it('tokens never appear in logs, errors or events', () => {
      assert.ok(seen.size >= 10);
      const haystacks = [
        f.logs.text(),
        JSON.stringify(f.events.events),
        ...errors.map((e) => `${String(e)} ${JSON.stringify(e)} ${(e as Error).stack ?? ''}`),
      ];
      for (const token of seen) for (const text of haystacks) assert.ok(!text.includes(token), 'a token leaked');
      assert.match(f.logs.text(), /connection needs reconnect/); // the logs were captured at all
    });
  });
}
