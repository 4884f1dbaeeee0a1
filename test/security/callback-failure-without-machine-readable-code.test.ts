// Weakness: a connect flow's failures were HTML pages only, so an API client following a connect link (or the
// callback) programmatically could not tell a used link from a cancelled sign-in. People still get the page; every
// failure also carries its code in X-M365Hub-Error-Code, and `Accept: application/json` gets problem+json.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Browser, startConnectKit, type ConnectKit } from '../connect/support/connect-kit.js';
import { dialects, skipReason } from '../support/stores.js';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

for (const dialect of dialects) {
  describe(`callback failures for API clients (${dialect})`, { skip: skipReason(dialect) }, () => {
    let kit: ConnectKit;
    let ws: { id: string; apiKey: string };

    before(async () => {
      kit = await startConnectKit(dialect);
      ws = await kit.workspace('Machine readable');
    });
    after(async () => kit?.close());

    it('answers problem+json with the code to Accept: application/json, and the page with the code header to browsers', async () => {
      const client = new Browser(kit.hub.url);
      const json = await client.get('/auth/m365/callback?code=abc&state=madeup', { accept: 'application/json' });
      assert.equal(json.status, 400);
      assert.match(json.headers.get('content-type') ?? '', /^application\/problem\+json/);
      assert.equal(json.headers.get('x-m365hub-error-code'), 'state_invalid');
      const problem = (await json.json()) as { code: string; status: number; detail: string; type: string };
      assert.equal(problem.code, 'state_invalid');
      assert.equal(problem.status, 400);
      assert.match(problem.detail, /Start Connect Microsoft 365 again/);

      const page = await client.get('/auth/m365/callback?code=abc&state=madeup', { accept: BROWSER_ACCEPT });
      assert.equal(page.status, 400);
      assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
      assert.equal(page.headers.get('x-m365hub-error-code'), 'state_invalid');
      assert.match(await page.text(), /Code: state_invalid/);
    });

    it('names a used connect link, and a host product user\'s cancelled sign-in on the redirect', async () => {
      const created = await kit.api(ws.apiKey, 'POST', `/api/v1/workspaces/${ws.id}/users/api-client-user/connect-link`, { returnTo: `${kit.hub.url}/host/done` });
      const { url } = (await created.json()) as { url: string };
      const client = new Browser(kit.hub.url);
      const start = await client.get(url, { accept: 'application/json' });
      assert.equal(start.status, 302);
      const reused = await new Browser(kit.hub.url).get(url, { accept: 'application/problem+json' });
      assert.equal(reused.status, 410);
      assert.equal(((await reused.json()) as { code: string }).code, 'connect_link_invalid');

      const cancelled = await kit.emulator.signIn(start.headers.get('location')!, { username: 'sam@contoso.onmicrosoft.com', password: 'Passw0rd!', consent: 'cancel' });
      const back = await client.get(cancelled.url, { accept: 'application/json' });
      assert.equal(back.status, 303);
      assert.equal(back.headers.get('x-m365hub-error-code'), new URL(back.headers.get('location')!).searchParams.get('m365_error'));
    });
  });
}
