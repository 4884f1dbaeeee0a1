// Attack: using the connect flow as an open redirect. returnTo must be on FRONTEND_URL, the hub's own origin or a
// workspace-configured origin; foreign origins, protocol-relative and scheme tricks, javascript: and user-info
// disguises are refused by the checker and by every route that takes a returnTo.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ConnectError } from '../../src/features/connect/connect-error.js';
import { checkReturnTo } from '../../src/features/connect/return-to.js';
import { startConnectKit, type ConnectKit, type ConsoleSession } from '../connect/support/connect-kit.js';
import { dialects, skipReason } from '../support/stores.js';

const HUB = 'https://hub.example.com';
const FRONTEND = 'https://app.example.com';
const HOSTILE = [
  'https://evil.example.net/',
  '//evil.example.net/x',
  '/\\evil.example.net',
  'https:evil.example.net',
  'https:/evil.example.net',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'https://app.example.com@evil.example.net/',
  'https://app.example.com:443@evil.example.net/',
  'https://evil.example.net\\@app.example.com/',
  'https://app.example.com.evil.example.net/',
  'http://app.example.com/',
  ' https://app.example.com/',
  'https://app.example.com/\nLocation: https://evil.example.net',
  'ftp://app.example.com/',
];

describe('returnTo checking', () => {
  for (const hostile of HOSTILE) {
    it(`refuses ${JSON.stringify(hostile)}`, () => {
      assert.throws(() => checkReturnTo(hostile, HUB, [FRONTEND]), (e: unknown) => e instanceof ConnectError && e.code === 'return_to_not_allowed');
    });
  }
  it('accepts the allowed origins and hub paths', () => {
    assert.equal(checkReturnTo('https://app.example.com/settings?tab=m365', HUB, [FRONTEND]), 'https://app.example.com/settings?tab=m365');
    assert.equal(checkReturnTo('/console/settings', HUB, [FRONTEND]), 'https://hub.example.com/console/settings');
    assert.equal(checkReturnTo('https://acme.example.org/x', HUB, [FRONTEND, 'https://acme.example.org']), 'https://acme.example.org/x');
  });
});

for (const dialect of dialects) {
  describe(`returnTo on the routes (${dialect})`, { skip: skipReason(dialect) }, () => {
    let kit: ConnectKit;
    let ws: { id: string; apiKey: string };
    let user: ConsoleSession;

    before(async () => {
      kit = await startConnectKit(dialect, { env: { FRONTEND_URL: FRONTEND } });
      ws = await kit.workspace('Redirects', { returnOrigins: ['https://tenant1.example.org'] });
      user = await kit.member(ws.id, 'redirects@example.com');
    });
    after(async () => kit?.close());

    it('refuses hostile returnTo values when starting from the console, before going to Microsoft', async () => {
      for (const hostile of HOSTILE) {
        const response = await user.browser.get(`/auth/m365/connect?workspaceId=${ws.id}&returnTo=${encodeURIComponent(hostile)}`);
        assert.equal(response.status, 400, hostile);
        assert.equal(response.headers.get('location'), null, hostile);
      }
    });

    it('refuses hostile returnTo values in connect links and admin consent URLs', async () => {
      for (const hostile of HOSTILE) {
        const link = await kit.api(ws.apiKey, 'POST', `/api/v1/workspaces/${ws.id}/users/u1/connect-link`, { returnTo: hostile });
        assert.equal(link.status, 400, hostile);
        assert.equal(((await link.json()) as { code: string }).code, 'return_to_not_allowed');
        const consent = await kit.admin.call('GET', `/api/v1/workspaces/${ws.id}/integrations/m365/admin-consent-url?returnTo=${encodeURIComponent(hostile)}`);
        assert.equal(consent.status, 400, hostile);
      }
    });

    it("accepts the workspace's own URL (its subdomain of FRONTEND_URL), the hub's own origin and the workspace's return origins", async () => {
      const { url } = (await (await kit.api(ws.apiKey, 'GET', `/api/v1/workspaces/${ws.id}`)).json()) as { url: string };
      assert.equal(url, 'https://redirects.app.example.com');
      for (const ok of [`${url}/after`, `${kit.hub.url}/after`, '/after', 'https://tenant1.example.org/after']) {
        const response = await kit.api(ws.apiKey, 'POST', `/api/v1/workspaces/${ws.id}/users/u1/connect-link`, { returnTo: ok });
        assert.equal(response.status, 201, ok);
      }
    });
  });
}
