// A stored token that no key opens (one byte changed in the sealed refresh token) is flagged: the connection turns
// needs_reconnect with reason sealed_blob_tampered, an audit entry and a `connection.needs_reconnect` webhook event
// are written, the error tells the user to reconnect and the operator to check the key ring, and nothing is sent to
// Microsoft. On both dialects.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startEmulator, type EmulatorHandle } from '../../emulator/harness.js';
import { getConnection } from '../../src/features/tokens/connection-store.js';
import { TokenError } from '../../src/features/tokens/token-error.js';
import { ManualClock } from '../../src/platform/time/clock.js';
import { dialects, openTestStore, skipReason, type TestStore } from '../support/stores.js';
import { connectUser, createFixture, expireStoredToken, newApp, rejection, tokenRequestCount, tokenService, workspaceWithApp, type Fixture } from './support/token-kit.js';

let emulator: EmulatorHandle;
const clock = new ManualClock(new Date());

before(async () => {
  emulator = await startEmulator();
});
after(async () => emulator?.close());

/** One base64url character of the ciphertext changed (not the last, which may carry padding bits). */
function changeOneByte(sealed: string): string {
  const parts = sealed.split('.');
  const ciphertext = parts[3]!;
  const at = Math.floor(ciphertext.length / 2);
  parts[3] = ciphertext.slice(0, at) + (ciphertext[at] === 'A' ? 'B' : 'A') + ciphertext.slice(at + 1);
  return parts.join('.');
}

for (const dialect of dialects) {
  describe(`a stored token no key opens (${dialect})`, { skip: skipReason(dialect) }, () => {
    let store: TestStore;
    let f: Fixture;

    before(async () => {
      store = await openTestStore(dialect);
      f = await createFixture(emulator, store, clock);
    });
    after(async () => store?.close());

    it('marks the connection needs_reconnect (sealed_blob_tampered), audits it, sends the webhook event, says what to do, and calls no one', async () => {
      const app = await newApp(emulator);
      const ws = await workspaceWithApp(f, app);
      const { connection } = await connectUser(emulator, f, app, ws, 'user-tampered');
      const row = await store.db.selectFrom('m365_connections').select('refresh_token_sealed').where('id', '=', connection.id).executeTakeFirstOrThrow();
      await store.db.updateTable('m365_connections').set({ refresh_token_sealed: changeOneByte(row.refresh_token_sealed) }).where('id', '=', connection.id).execute();
      await expireStoredToken(f, connection.id);
      const before = await tokenRequestCount(emulator, app.appId);

      const failure = await rejection(tokenService(f).getAccessToken({ workspaceId: ws, principal: { kind: 'user', externalUserId: 'user-tampered' } }));
      assert.ok(failure instanceof TokenError, `a TokenError, not ${failure.name}: ${failure.message}`);
      assert.equal(failure.code, 'connection_needs_reconnect');
      assert.equal(failure.reason, 'sealed_blob_tampered');
      assert.match(failure.fix, /reconnect/i);
      assert.match(failure.fix, /key ring|M365HUB_ENCRYPTION_KEYS/i);

      const view = await getConnection(store.db, ws, 'user-tampered');
      assert.equal(view?.status, 'needs_reconnect');
      assert.equal(view?.statusReason, 'sealed_blob_tampered');

      const events = f.events.events.filter((e) => e.type === 'connection.needs_reconnect' && e.data.connectionId === connection.id);
      assert.equal(events.length, 1);
      assert.equal(events[0]!.workspaceId, ws);
      assert.equal(events[0]!.data.reason, 'sealed_blob_tampered');
      assert.match(String(events[0]!.data.fix), /reconnect/i);

      const audit = await store.db.selectFrom('audit_log').selectAll().where('workspace_id', '=', ws).where('action', '=', 'connection.needs_reconnect').execute();
      assert.equal(audit.length, 1);
      assert.equal(audit[0]!.target_id, connection.id);
      assert.match(JSON.stringify(audit[0]!.data), /sealed_blob_tampered/);

      // Asked again (another process, empty memory): the same answer, still no call to Microsoft, no second event.
      const again = await rejection(tokenService(f).getAccessToken({ workspaceId: ws, principal: { kind: 'user', externalUserId: 'user-tampered' } }));
      assert.equal((again as TokenError).reason, 'sealed_blob_tampered');
      assert.equal(await tokenRequestCount(emulator, app.appId), before, 'nothing is sent to Microsoft');
      assert.equal(f.events.events.filter((e) => e.data.connectionId === connection.id).length, 1);

      // Reconnecting replaces the broken grant.
      const reconnected = await connectUser(emulator, f, app, ws, 'user-tampered');
      const token = await tokenService(f).getAccessToken({ workspaceId: ws, principal: { kind: 'user', externalUserId: 'user-tampered' } });
      assert.equal(token.accessToken, reconnected.redeemed.accessToken);
    });
  });
}
