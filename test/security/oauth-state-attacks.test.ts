// Attack: a callback with the state missing, made up, replayed, from another browser, or too late. Each is refused
// before any code is redeemed, never redirects to the stored returnTo, and stores nothing.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { digest } from '../../src/features/connect/auth-states.js';
import { Browser, consoleConnect, startConnectKit, type ConnectKit, type ConsoleSession } from '../connect/support/connect-kit.js';
import { dialects, skipReason } from '../support/stores.js';

for (const dialect of dialects) {
  describe(`OAuth state attacks on /auth/m365/callback (${dialect})`, { skip: skipReason(dialect) }, () => {
    let kit: ConnectKit;
    let ws: { id: string };
    let victim: ConsoleSession;

    before(async () => {
      kit = await startConnectKit(dialect);
      ws = await kit.workspace('State');
      victim = await kit.member(ws.id, 'victim@example.com');
    });
    after(async () => kit?.close());

    const connections = () => kit.hub.hub.store.db.selectFrom('m365_connections').select('id').where('workspace_id', '=', ws.id).execute();

    async function refused(response: Response, code: string) {
      assert.equal(response.status, 400);
      assert.equal(response.headers.get('location'), null, 'never redirects on an untrusted state');
      assert.match(await response.text(), new RegExp(`Code: ${code}`));
      assert.equal((await connections()).length, 0);
    }

    it('refuses a missing state', async () => {
      await refused(await victim.browser.get('/auth/m365/callback?code=abc'), 'state_missing');
    });

    it('refuses a made-up state', async () => {
      await refused(await victim.browser.get('/auth/m365/callback?code=abc&state=madeup'), 'state_invalid');
    });

    it('refuses a state finished in another browser (login CSRF)', async () => {
      const callback = await consoleConnect(kit, victim, ws.id, 'dana@contoso.onmicrosoft.com', '/back');
      const attackerBrowser = new Browser(kit.hub.url);
      await refused(await attackerBrowser.get(callback), 'browser_mismatch');
      // (test/security/wrong-browser-callback-uses-up-state.test.ts: the state stays usable by the right browser.)
      assert.equal((await victim.browser.get(callback)).status, 303);
      await victim.call('DELETE', `/api/v1/workspaces/${ws.id}/me/connection`);
    });

    it('refuses a replayed state (and its code)', async () => {
      const callback = await consoleConnect(kit, victim, ws.id, 'dana@contoso.onmicrosoft.com', '/back');
      const first = await victim.browser.get(callback);
      assert.equal(first.status, 303);
      const replay = await victim.browser.get(callback);
      assert.equal(replay.status, 400);
      assert.match(await replay.text(), /state_invalid/);
      await victim.call('DELETE', `/api/v1/workspaces/${ws.id}/me/connection`);
    });

    it('refuses a state older than 10 minutes', async () => {
      const callback = await consoleConnect(kit, victim, ws.id, 'dana@contoso.onmicrosoft.com', '/back');
      const state = new URL(callback).searchParams.get('state')!;
      await kit.hub.hub.store.db.updateTable('m365_auth_states').set({ expires_at: new Date(Date.now() - 1000) }).where('state_hash', '=', digest(state)).execute();
      await refused(await victim.browser.get(callback), 'state_expired');
    });

    it('refuses two state parameters', async () => {
      await refused(await victim.browser.get('/auth/m365/callback?code=abc&state=a&state=b'), 'state_invalid');
    });
  });
}
