// Connect Microsoft 365 end to end: a real hub, the real emulator's sign-in and consent pages, the browser binding
// cookie, connect links for a host product's users, admin consent, disconnect, and each failure's outcome.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { dialects, skipReason } from '../support/stores.js';
import { Browser, consoleConnect, CONTOSO, PASSWORD, startConnectKit, type ConnectKit } from './support/connect-kit.js';

for (const dialect of dialects) {
  describe(`connect flow (${dialect})`, { skip: skipReason(dialect) }, () => {
    let kit: ConnectKit;
    let ws: { id: string; apiKey: string };

    before(async () => {
      kit = await startConnectKit(dialect);
      ws = await kit.workspace('Connect');
    });
    after(async () => kit?.close());

    it('connects a console user, shows the account, reconnects, and disconnects', async () => {
      const member = await kit.member(ws.id, 'dana.console@example.com');
      const callback = await consoleConnect(kit, member, ws.id, 'dana@contoso.onmicrosoft.com');
      const done = await member.browser.get(callback);
      assert.equal(done.status, 303, await done.clone().text());
      assert.equal(done.headers.get('location'), `${kit.hub.url}/settings/integrations?m365_connected=1`);

      const me = await member.call('GET', `/api/v1/workspaces/${ws.id}/me/connection`);
      assert.equal(me.status, 200);
      const connection = (await me.json()) as Record<string, unknown>;
      assert.equal(connection.userPrincipalName, 'dana@contoso.onmicrosoft.com');
      assert.equal(connection.tenantId, CONTOSO);
      assert.equal(connection.status, 'active');
      assert.deepEqual(connection.user, { kind: 'console_user', id: member.userId });
      assert.equal(connection.externalUserId, null, "a console user is not one of the host product's users");
      assert.ok((connection.scopes as string[]).some((s) => /Files\.Read/i.test(s)), JSON.stringify(connection.scopes));

      // Reconnect with another account of the tenant replaces the connection (same id, new identity).
      const again = await member.browser.get(await consoleConnect(kit, member, ws.id, 'lee@contoso.onmicrosoft.com'));
      assert.equal(again.status, 303);
      const replaced = (await (await member.call('GET', `/api/v1/workspaces/${ws.id}/me/connection`)).json()) as Record<string, unknown>;
      assert.equal(replaced.id, connection.id);
      assert.equal(replaced.userPrincipalName, 'lee@contoso.onmicrosoft.com');

      const list = (await (await kit.admin.call('GET', `/api/v1/workspaces/${ws.id}/connections`)).json()) as { items: { user: { kind: string; id: string } }[] };
      assert.ok(list.items.some((c) => c.user.kind === 'console_user' && c.user.id === member.userId));

      assert.equal((await member.call('DELETE', `/api/v1/workspaces/${ws.id}/me/connection`)).status, 204);
      assert.equal((await member.call('GET', `/api/v1/workspaces/${ws.id}/me/connection`)).status, 404);
      const rows = await kit.hub.hub.store.db.selectFrom('m365_connections').select('id').where('workspace_id', '=', ws.id).execute();
      assert.equal(rows.length, 0, 'the tokens are gone with the row');
      const actions = (await kit.hub.hub.store.db.selectFrom('audit_log').select('action').where('workspace_id', '=', ws.id).execute()).map((r) => r.action);
      assert.ok(actions.includes('connection.connected') && actions.includes('connection.disconnected'), actions.join(','));
    });

    it("connects a host product's user through a single-use connect link", async () => {
      const created = await kit.api(ws.apiKey, 'POST', `/api/v1/workspaces/${ws.id}/users/ext-user-42/connect-link`, { returnTo: `${kit.hub.url}/host/done` });
      assert.equal(created.status, 201, await created.clone().text());
      const link = (await created.json()) as { url: string; expiresAt: string };
      assert.match(link.url, /\/auth\/m365\/connect-link\/[A-Za-z0-9_-]{43}$/);

      const userBrowser = new Browser(kit.hub.url);
      const start = await userBrowser.get(link.url);
      assert.equal(start.status, 302);
      const callback = await kit.microsoftSignIn(start.headers.get('location')!, 'sam@contoso.onmicrosoft.com');
      const done = await userBrowser.get(callback);
      assert.equal(done.status, 303);
      assert.equal(done.headers.get('location'), `${kit.hub.url}/host/done?m365_connected=1`);

      const shown = (await (await kit.api(ws.apiKey, 'GET', `/api/v1/workspaces/${ws.id}/users/ext-user-42/connection`)).json()) as Record<string, unknown>;
      assert.equal(shown.userPrincipalName, 'sam@contoso.onmicrosoft.com');
      assert.ok(!('refreshToken' in shown) && !('accessToken' in shown));

      const reused = await new Browser(kit.hub.url).get(link.url);
      assert.equal(reused.status, 410, 'a connect link works once');
      assert.match(await reused.text(), /connect_link_invalid/);

      const acting = await kit.api(ws.apiKey, 'GET', `/api/v1/workspaces/${ws.id}/me/connection`, undefined, { 'x-m365hub-acting-user': 'ext-user-42' });
      assert.equal(((await acting.json()) as { userPrincipalName: string }).userPrincipalName, 'sam@contoso.onmicrosoft.com');
      assert.equal((await kit.api(ws.apiKey, 'DELETE', `/api/v1/workspaces/${ws.id}/users/ext-user-42/connection`)).status, 204);
    });

    it('sends a host product the code of a cancelled connection, and shows console users the page', async () => {
      const created = await kit.api(ws.apiKey, 'POST', `/api/v1/workspaces/${ws.id}/users/ext-cancel/connect-link`, { returnTo: `${kit.hub.url}/host/done` });
      const { url } = (await created.json()) as { url: string };
      const userBrowser = new Browser(kit.hub.url);
      const start = await userBrowser.get(url);
      const callback = await kit.microsoftSignIn(start.headers.get('location')!, 'jordan@contoso.onmicrosoft.com', 'cancel');
      const done = await userBrowser.get(callback);
      // The emulator may skip the consent page when consent exists; then the user could not cancel.
      if (new URL(callback).searchParams.has('error')) {
        assert.equal(done.status, 303);
        assert.equal(done.headers.get('location'), `${kit.hub.url}/host/done?m365_error=consent_declined`);
      }

      const member = await kit.member(ws.id, 'cancel.console@example.com');
      const start2 = await member.browser.get(`/auth/m365/connect?workspaceId=${ws.id}`);
      const state = new URL(start2.headers.get('location')!).searchParams.get('state')!;
      const cancelled = await member.browser.get(`/auth/m365/callback?error=access_denied&error_subcode=cancel&state=${state}`);
      assert.equal(cancelled.status, 400);
      const html = await cancelled.text();
      assert.match(html, /The connection was cancelled or not approved/);
      assert.match(html, /consent_declined/);
    });

    it('explains approval required with the admin consent link, and records admin consent', async () => {
      // Delegated directory permissions need an administrator's approval: Microsoft shows "Need admin approval".
      const strict = await kit.workspace('Needs approval', { services: [{ service: 'directory', modes: ['delegated'] }] });
      const member = await kit.member(strict.id, 'approval.console@example.com');
      const callback = await consoleConnect(kit, member, strict.id, 'dana@contoso.onmicrosoft.com', '/x');
      const refused = await member.browser.get(callback);
      assert.equal(refused.status, 400);
      const html = await refused.text();
      assert.match(html, /Approval required/);
      assert.match(html, /admin_approval_required/);
      // A member cannot start admin consent: told to ask a workspace admin, never given a link that refuses them.
      assert.ok(!html.includes('/auth/m365/admin-consent'), 'no admin consent link for a member');
      assert.match(html, /Ask your workspace admin to grant admin consent/);
      assert.ok(html.includes('/x?m365_error=admin_approval_required'));
      assert.equal((await member.call('GET', `/api/v1/workspaces/${strict.id}/me/connection`)).status, 404, 'nothing stored');

      // A workspace admin who meets the same page is given the admin consent link.
      const adminRefused = await kit.admin.browser.get(await consoleConnect(kit, kit.admin, strict.id, 'sam@contoso.onmicrosoft.com', '/x'));
      const adminHtml = await adminRefused.text();
      assert.ok(adminHtml.includes(`/auth/m365/admin-consent?workspaceId=${strict.id}`), 'links an admin to admin consent');
      assert.doesNotMatch(adminHtml, /Ask your workspace admin/);

      // Members cannot start admin consent; the admin can, and the grant is recorded.
      assert.equal((await member.browser.get(`/auth/m365/admin-consent?workspaceId=${strict.id}`)).status, 403);
      // Cancelling on Microsoft's admin consent page says to start admin consent again, not to connect again.
      const cancelStart = await kit.admin.browser.get(`/auth/m365/admin-consent?workspaceId=${strict.id}`);
      const cancelled = await kit.emulator.signIn(cancelStart.headers.get('location')!, { username: 'admin@contoso.onmicrosoft.com', password: PASSWORD, consent: 'cancel' });
      const cancelPage = await kit.admin.browser.get(cancelled.url);
      assert.equal(cancelPage.headers.get('x-m365hub-error-code'), 'consent_declined');
      const cancelHtml = await cancelPage.text();
      assert.match(cancelHtml, /Admin consent was not granted/);
      assert.match(cancelHtml, /Start admin consent again/);
      assert.doesNotMatch(cancelHtml, /Start Connect Microsoft 365 again/);
      const adminStart = await kit.admin.browser.get(`/auth/m365/admin-consent?workspaceId=${strict.id}&returnTo=/settings`);
      assert.equal(adminStart.status, 302);
      const consentUrl = new URL(adminStart.headers.get('location')!);
      assert.match(consentUrl.pathname, /\/v2\.0\/adminconsent$/);
      assert.equal(consentUrl.searchParams.get('scope'), 'https://graph.microsoft.com/.default');
      const back = await kit.microsoftSignIn(consentUrl.toString(), 'admin@contoso.onmicrosoft.com');
      const done = await kit.admin.browser.get(back);
      assert.equal(done.status, 303, await done.clone().text());
      assert.equal(done.headers.get('location'), `${kit.hub.url}/settings?m365_admin_consent=1`);
      const integration = (await (await kit.admin.call('GET', `/api/v1/workspaces/${strict.id}/integrations/m365`)).json()) as { adminConsent: { tenant: string } };
      assert.equal(integration.adminConsent.tenant, CONTOSO);
    });

    it('answers the admin consent URL to console admins, with a state bound to their browser', async () => {
      const response = await kit.admin.call('GET', `/api/v1/workspaces/${ws.id}/integrations/m365/admin-consent-url`);
      assert.equal(response.status, 200);
      const { url } = (await response.json()) as { url: string };
      assert.equal(new URL(url).searchParams.get('client_id'), '5d3a6c1e-8f2b-4e7d-a9c0-1b2c3d4e5f60');
      assert.ok(kit.admin.browser.cookies.has('m365hub_oauth_binding'));
      assert.equal((await kit.api(ws.apiKey, 'GET', `/api/v1/workspaces/${ws.id}/integrations/m365/admin-consent-url`)).status, 403);
    });

    it('serves the setup guide from the catalogue with the redirect URI to register', async () => {
      const response = await kit.admin.call('GET', `/api/v1/workspaces/${ws.id}/integrations/m365/setup-guide`);
      assert.equal(response.status, 200);
      const guide = (await response.json()) as { redirectUri: string; markdown: string; steps: { kind: string }[] };
      assert.equal(guide.redirectUri, `${kit.hub.url}/auth/m365/callback`);
      assert.ok(guide.markdown.includes(guide.redirectUri));
      assert.ok(guide.markdown.includes('Files.Read'));
      assert.ok(guide.steps.some((s) => s.kind === 'admin-consent'));
    });

    it('previews the setup guide for services ticked but not saved yet', async () => {
      const preview = await kit.admin.call('GET', `/api/v1/workspaces/${ws.id}/integrations/m365/setup-guide?services=mail.delegated,compliance.application`);
      assert.equal(preview.status, 200, await preview.clone().text());
      const guide = (await preview.json()) as { markdown: string };
      assert.ok(guide.markdown.includes('`Mail.Send`') && guide.markdown.includes('`Policy.Read.All`'));
      assert.ok(!guide.markdown.includes('`Files.Read`'), 'the saved OneDrive service is not what the form shows');
      const saved = (await (await kit.admin.call('GET', `/api/v1/workspaces/${ws.id}/integrations/m365/setup-guide`)).json()) as { markdown: string };
      assert.ok(saved.markdown.includes('`Files.Read`'));
      assert.equal((await kit.admin.call('GET', `/api/v1/workspaces/${ws.id}/integrations/m365/setup-guide?services=fax.delegated`)).status, 400);
    });

    it('keeps members out of integration settings but lets them connect', async () => {
      const member = await kit.member(ws.id, 'plain.member@example.com');
      for (const [method, path] of [
        ['GET', ''],
        ['PUT', ''],
        ['DELETE', ''],
        ['GET', '/setup-guide'],
        ['POST', '/credentials'],
      ] as const) {
        const response = await member.call(method, `/api/v1/workspaces/${ws.id}/integrations/m365${path}`, method === 'PUT' || method === 'POST' ? { clientSecret: 'x', clientId: 'y', services: [] } : undefined);
        assert.equal(response.status, 403, `${method} ${path}`);
      }
      assert.equal((await member.browser.get(`/auth/m365/connect?workspaceId=${ws.id}`)).status, 302);
    });

    it('refuses to start without an integration or without a redirect URI, saying why', async () => {
      const bare = await kit.admin.call('POST', '/api/v1/workspaces', { name: 'Bare' });
      const bareId = ((await bare.json()) as { id: string }).id;
      const start = await kit.admin.browser.get(`/auth/m365/connect?workspaceId=${bareId}`);
      assert.equal(start.status, 409);
      assert.match(await start.text(), /integration_not_configured/);
      const link = await kit.admin.call('POST', `/api/v1/workspaces/${bareId}/users/u1/connect-link`, {});
      assert.equal(link.status, 409);
      assert.equal(((await link.json()) as { code: string }).code, 'integration_not_configured');

      await kit.admin.call('PUT', `/api/v1/workspaces/${bareId}/integrations/m365`, {
        clientId: '5d3a6c1e-8f2b-4e7d-a9c0-1b2c3d4e5f60',
        clientSecret: 'whatever-secret-value',
        services: [{ service: 'onedrive', modes: ['delegated'] }],
      });
      const noRedirect = await kit.admin.browser.get(`/auth/m365/connect?workspaceId=${bareId}`);
      assert.equal(noRedirect.status, 409);
      const html = await noRedirect.text();
      assert.match(html, /Redirect URI not configured/);
      assert.match(html, /M365_REDIRECT_URI/);
    });
  });
}
