// Weakness: the host product's "Approval required" page linked to the hub's admin consent route, which only works for
// a signed-in console admin, so a customer's tenant administrator (no console account) could not grant consent. The
// host backend now asks for a single-use, expiring admin consent link with its API key; the failure page of a host
// product's user carries one too. The links are unguessable, work once, expire, and are not connect links.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { digest } from '../../src/features/connect/auth-states.js';
import { Browser, CONTOSO, startConnectKit, type ConnectKit } from '../connect/support/connect-kit.js';
import { dialects, skipReason } from '../support/stores.js';

for (const dialect of dialects) {
  describe(`admin consent by a tenant administrator who is not a console user (${dialect})`, { skip: skipReason(dialect) }, () => {
    let kit: ConnectKit;
    let ws: { id: string; apiKey: string };

    before(async () => {
      kit = await startConnectKit(dialect);
      // Delegated directory permissions need an administrator's approval (Microsoft's "Need admin approval").
      ws = await kit.workspace('Customer approval', { services: [{ service: 'directory', modes: ['delegated'] }] });
    });
    after(async () => kit?.close());

    const adminConsent = async () => ((await (await kit.api(ws.apiKey, 'GET', `/api/v1/workspaces/${ws.id}/integrations/m365`)).json()) as { adminConsent: { tenant: string } | null }).adminConsent;
    const newLink = async () => {
      const created = await kit.api(ws.apiKey, 'POST', `/api/v1/workspaces/${ws.id}/integrations/m365/admin-consent-link`, {});
      assert.equal(created.status, 201, await created.clone().text());
      return ((await created.json()) as { url: string; expiresAt: string }).url;
    };

    it("puts a link that needs no console account on a host product user's Approval required page", async () => {
      const link = (await (await kit.api(ws.apiKey, 'POST', `/api/v1/workspaces/${ws.id}/users/needs-approval/connect-link`, {})).json()) as { url: string };
      const user = new Browser(kit.hub.url);
      const start = await user.get(link.url);
      const refused = await user.get(await kit.microsoftSignIn(start.headers.get('location')!, 'dana@contoso.onmicrosoft.com'));
      assert.equal(refused.status, 400);
      const html = await refused.text();
      assert.match(html, /Approval required/);
      const href = /href="([^"]*\/auth\/m365\/admin-consent-link\/[A-Za-z0-9_-]{43})"/.exec(html)?.[1];
      assert.ok(href, 'the action is a signed admin consent link, not the console-only route');
      assert.ok(!html.includes('/auth/m365/admin-consent?workspaceId='));
    });

    it('lets the host backend get a link that a tenant administrator without a console account opens to grant consent', async () => {
      assert.equal(await adminConsent(), null);
      const url = await newLink();
      const tenantAdmin = new Browser(kit.hub.url);
      const start = await tenantAdmin.get(url);
      assert.equal(start.status, 302, await start.clone().text());
      const consentUrl = new URL(start.headers.get('location')!);
      assert.match(consentUrl.pathname, /\/v2\.0\/adminconsent$/);
      const done = await tenantAdmin.get(await kit.microsoftSignIn(consentUrl.toString(), 'admin@contoso.onmicrosoft.com'));
      assert.equal(done.status, 200, await done.clone().text());
      assert.match(await done.text(), /Admin consent granted/);
      assert.equal((await adminConsent())?.tenant, CONTOSO);
      const granted = await kit.hub.hub.store.db.selectFrom('audit_log').select(['action', 'actor_label']).where('workspace_id', '=', ws.id).where('action', '=', 'integration.admin_consent_granted').executeTakeFirst();
      assert.equal(granted?.actor_label, 'admin consent link');

      const reused = await new Browser(kit.hub.url).get(url);
      assert.equal(reused.status, 410, 'single use');
      assert.match(await reused.text(), /admin_consent_link_invalid/);
    });

    it('refuses an expired link, a connect link, and a made-up one', async () => {
      const url = await newLink();
      const token = url.split('/').at(-1)!;
      await kit.hub.hub.store.db.updateTable('m365_connect_links').set({ expires_at: new Date(Date.now() - 1000) }).where('token_hash', '=', digest(token)).execute();
      assert.equal((await new Browser(kit.hub.url).get(url)).status, 410);

      const connectLink = (await (await kit.api(ws.apiKey, 'POST', `/api/v1/workspaces/${ws.id}/users/someone/connect-link`, {})).json()) as { url: string };
      const asAdminConsent = await new Browser(kit.hub.url).get(`/auth/m365/admin-consent-link/${connectLink.url.split('/').at(-1)}`);
      assert.equal(asAdminConsent.status, 410, 'a connect link is not an admin consent link');
      assert.equal((await new Browser(kit.hub.url).get('/auth/m365/admin-consent-link/madeup')).status, 410);
    });

    it('is not handed out to members, nor to another workspace\'s key', async () => {
      const member = await kit.member(ws.id, 'plain@example.com');
      assert.equal((await member.call('POST', `/api/v1/workspaces/${ws.id}/integrations/m365/admin-consent-link`, {})).status, 403);
      const other = await kit.workspace('Other');
      assert.equal((await kit.api(other.apiKey, 'POST', `/api/v1/workspaces/${ws.id}/integrations/m365/admin-consent-link`, {})).status, 404);
    });
  });
}
