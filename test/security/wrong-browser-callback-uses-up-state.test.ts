// Attack: someone (or a mis-sent link) presents a user's callback from another browser before the user's own browser
// comes back. It is refused (browser_mismatch) without consuming the state, so the user's own browser still
// finishes; the state is still single use once the right browser has presented it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Browser, consoleConnect, startConnectKit, type ConnectKit, type ConsoleSession } from '../connect/support/connect-kit.js';
import { dialects, skipReason } from '../support/stores.js';

for (const dialect of dialects) {
  describe(`a callback from the wrong browser (${dialect})`, { skip: skipReason(dialect) }, () => {
    let kit: ConnectKit;
    let ws: { id: string };
    let user: ConsoleSession;

    before(async () => {
      kit = await startConnectKit(dialect);
      ws = await kit.workspace('Wrong browser');
      user = await kit.member(ws.id, 'rightful@example.com');
    });
    after(async () => kit?.close());

    it('is refused without using up the state: the right browser still connects', async () => {
      const callback = await consoleConnect(kit, user, ws.id, 'dana@contoso.onmicrosoft.com', '/back');
      const stray = await new Browser(kit.hub.url).get(callback);
      assert.equal(stray.status, 400);
      assert.match(await stray.text(), /Code: browser_mismatch/);

      const own = await user.browser.get(callback);
      assert.equal(own.status, 303, await own.clone().text());
      assert.equal(own.headers.get('location'), `${kit.hub.url}/back?m365_connected=1`);
      const me = (await (await user.call('GET', `/api/v1/workspaces/${ws.id}/me/connection`)).json()) as { userPrincipalName: string };
      assert.equal(me.userPrincipalName, 'dana@contoso.onmicrosoft.com');

      const again = await user.browser.get(callback);
      assert.equal(again.status, 400);
      assert.match(await again.text(), /Code: state_invalid/, 'still single use');
    });
  });
}
