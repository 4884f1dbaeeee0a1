// Attack: an authorization code used twice, or presented with another flow's state (so the PKCE verifier and nonce
// are not the ones it was issued for). Microsoft refuses the redemption; the hub stores nothing.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startConnectKit, type ConnectKit, type ConsoleSession } from '../connect/support/connect-kit.js';
import { dialects, skipReason } from '../support/stores.js';

for (const dialect of dialects) {
  describe(`authorization code and PKCE attacks (${dialect})`, { skip: skipReason(dialect) }, () => {
    let kit: ConnectKit;
    let ws: { id: string };
    let user: ConsoleSession;

    before(async () => {
      kit = await startConnectKit(dialect);
      ws = await kit.workspace('Codes');
      user = await kit.member(ws.id, 'codes@example.com');
    });
    after(async () => kit?.close());

    const connections = () => kit.hub.hub.store.db.selectFrom('m365_connections').select('id').where('workspace_id', '=', ws.id).execute();
    const startFlow = async () => {
      const start = await user.browser.get(`/auth/m365/connect?workspaceId=${ws.id}`);
      assert.equal(start.status, 302);
      return start.headers.get('location')!;
    };

    it("refuses a code redeemed with another flow's PKCE verifier, storing nothing", async () => {
      const first = await startFlow();
      const second = new URL(await startFlow());
      const callback = new URL(await kit.microsoftSignIn(first, 'dana@contoso.onmicrosoft.com'));
      const code = callback.searchParams.get('code')!;
      const swapped = await user.browser.get(`/auth/m365/callback?code=${encodeURIComponent(code)}&state=${second.searchParams.get('state')}`);
      assert.equal(swapped.status, 400);
      assert.match(await swapped.text(), /pkce_verifier_mismatch|invalid_grant|authorization_code_invalid/);
      assert.equal((await connections()).length, 0);
    });

    it('refuses a code used a second time, even with a fresh state', async () => {
      const first = await startFlow();
      const callback = new URL(await kit.microsoftSignIn(first, 'dana@contoso.onmicrosoft.com'));
      assert.equal((await user.browser.get(callback.toString())).status, 200);
      await user.call('DELETE', `/api/v1/workspaces/${ws.id}/me/connection`);
      const second = new URL(await startFlow());
      const again = await user.browser.get(`/auth/m365/callback?code=${encodeURIComponent(callback.searchParams.get('code')!)}&state=${second.searchParams.get('state')}`);
      assert.equal(again.status, 400);
      assert.match(await again.text(), /authorization_code_redeemed|pkce_verifier_mismatch|invalid_grant|authorization_code_invalid/);
      assert.equal((await connections()).length, 0);
    });
  });
}
