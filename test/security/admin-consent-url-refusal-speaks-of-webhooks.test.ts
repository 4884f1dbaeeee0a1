// Weakness: `GET …/admin-consent-url` with an API key answered 403 with a message about webhooks. The URL stays for
// console admins (its state is bound to the browser that asks, and an API key has no browser); the refusal now says
// why and names what an API key can use instead: the single-use admin consent link.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startConnectKit, type ConnectKit } from '../connect/support/connect-kit.js';
import { dialects, skipReason } from '../support/stores.js';

for (const dialect of dialects) {
  describe(`admin consent URL asked for with an API key (${dialect})`, { skip: skipReason(dialect) }, () => {
    let kit: ConnectKit;
    let ws: { id: string; apiKey: string };

    before(async () => {
      kit = await startConnectKit(dialect);
      ws = await kit.workspace('Consent URL');
    });
    after(async () => kit?.close());

    it('is refused with a message about admin consent that points to the admin consent link', async () => {
      const refused = await kit.api(ws.apiKey, 'GET', `/api/v1/workspaces/${ws.id}/integrations/m365/admin-consent-url`);
      assert.equal(refused.status, 403);
      const problem = (await refused.json()) as { code: string; detail: string };
      assert.equal(problem.code, 'forbidden');
      assert.doesNotMatch(problem.detail, /webhook/i);
      assert.match(problem.detail, /admin consent/);
      assert.match(problem.detail, /POST …\/integrations\/m365\/admin-consent-link/);
    });
  });
}
