// The Sites.Selected section of the console's integration page in Chromium, against a real hub and the emulator
// (its own sign-in pages, no auto sign-in): the allowed sites are listed once (the overview links to the section);
// granting without a connection of one's own stops with sites_full_control_required (409) and offers the admin consent
// link and the way to connect; after an administrator consented Sites.FullControl.All in the tenant and the admin
// connected their own account at Microsoft, "Grant allowed sites" grants the app the known site
// (site-post-permissions, https://learn.microsoft.com/graph/api/site-post-permissions) and names the unknown one; the
// app then reaches the granted site only. axe (WCAG 2.1 A/AA) at each step. Screenshots: test-results/sites-*.png.
// Needs the built console (`npm run build`).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startEmulator, type EmulatorHandle } from '../../emulator/harness.js';
import { appToken, appWithRoles, graphGet } from '../../emulator/graph/test/graph-test-client.js';
import { axeViolations, browserSkipReason, collectPageErrors, launchBrowser, screenshot, signInAtMicrosoft, signInOnPage } from '../support/browser.js';
import { startTestHub, type TestHub } from '../support/hub.js';
import { signInThroughApi } from './api-session.js';

describe('Sites.Selected on the integration page in Chromium', { skip: browserSkipReason() }, () => {
  let emulator: EmulatorHandle;
  let hub: TestHub;
  let browser: Browser;
  let tenant: string;
  let workspaceId: string;
  let app: { appId: string; secret: string };
  let granted: { id: string; webUrl: string };
  let other: { id: string; webUrl: string };
  let unknownSite: string;

  before(async () => {
    emulator = await startEmulator();
    tenant = emulator.tenantId!;
    hub = await startTestHub({ fetch: emulator.fetch, env: { M365HUB_LOGIN_URL: emulator.url, M365HUB_GRAPH_URL: emulator.url } });
    const registered = await emulator.createApplication(tenant, {
      displayName: 'Contoso sites for m365hub',
      signInAudience: 'AzureADMyOrg',
      redirectUris: [`${hub.url}/auth/m365/callback`],
      requiredPermissions: { application: ['Sites.Selected'] },
    });
    app = { appId: registered.appId, secret: (await emulator.addSecret(tenant, registered.appId)).secretText };
    await emulator.grant(tenant, { appId: app.appId, roles: ['Sites.Selected'] });
    const finder = await appWithRoles(emulator, tenant, ['Sites.Read.All']);
    const sites = ((await graphGet(emulator, '/sites?search=*', finder.token)).body.value as { id: string; webUrl: string; root?: object }[]).filter((s) => !s.root);
    [granted, other] = sites as [typeof granted, typeof other];
    unknownSite = `${new URL(granted.webUrl).origin}/sites/no-such-site`;

    const admin = await signInThroughApi(hub.url, hub.admin);
    workspaceId = (await admin.call<{ id: string }>('POST', '/api/v1/workspaces', { name: 'Contoso Sites' })).id;
    await admin.call('PUT', `/api/v1/workspaces/${workspaceId}/integrations/m365`, {
      clientId: app.appId,
      clientSecret: app.secret,
      azureTenantId: tenant,
      redirectUri: `${hub.url}/auth/m365/callback`,
      services: [{ service: 'sharepoint', modes: ['delegated', 'application'] }],
      allowedSites: [granted.webUrl, unknownSite],
    });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await hub?.close();
    await emulator?.close();
  });

  async function openIntegrationPage(page: Page): Promise<void> {
    await page.goto(`/w/${workspaceId}/settings/integrations`);
    await page.getByRole('heading', { name: 'Allowed SharePoint sites (Sites.Selected)' }).waitFor();
  }

  test('lists the allowed sites once; without a connection of your own, granting stops with the consent link and the way to connect; once connected it grants', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, baseURL: hub.url, ignoreHTTPSErrors: true });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    const pageErrors = collectPageErrors(page);
    try {
      await signInOnPage(page, hub.admin);
      await openIntegrationPage(page);
      assert.equal(await page.getByText(granted.webUrl, { exact: true }).count(), 1, 'each allowed site is listed once on the page');
      assert.equal(await page.getByText(unknownSite, { exact: true }).count(), 1);
      const overviewLink = page.getByRole('region', { name: 'Microsoft 365' }).getByRole('link', { name: '2 sites (Sites.Selected)' });
      assert.equal(await overviewLink.getAttribute('href'), '#allowed-sites-title');

      // 1. No connection of the admin's own: the 409 with what to do, as links.
      const section = page.getByRole('region', { name: 'Allowed SharePoint sites (Sites.Selected)' });
      await section.getByRole('button', { name: 'Grant allowed sites' }).click();
      const alert = section.getByRole('alert');
      await alert.getByText(/You have not connected Microsoft 365 in this workspace/).waitFor();
      assert.match((await alert.textContent()) ?? '', /Sites\.FullControl\.All/);
      const consent = alert.getByRole('link', { name: 'Grant admin consent' });
      assert.match((await consent.getAttribute('href')) ?? '', new RegExp(`/auth/m365/admin-consent\\?workspaceId=${workspaceId}`));
      assert.deepEqual(await axeViolations(page), [], 'axe with the refusal shown');
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, '01-full-control-required', 'sites');

      // 2. An administrator consented Sites.FullControl.All (delegated) in the tenant; the admin connects their own
      // account at Microsoft's sign-in page from the link in the refusal.
      await emulator.grant(tenant, { appId: app.appId, scopes: ['Sites.Read.All', 'Sites.FullControl.All', 'offline_access', 'openid', 'profile'] });
      await alert.getByRole('link', { name: 'Connect your account' }).click();
      await page.waitForURL(`**/w/${workspaceId}/account/integrations`);
      await page.getByRole('button', { name: 'Connect Microsoft 365' }).click();
      await signInAtMicrosoft(page, emulator.url, `admin@${emulator.seed!.tenant.domain}`, { mfa: true });
      // The connection asks for the user's own scopes too (e.g. offline access), which Microsoft asks them to accept.
      const consentPage = page.getByRole('heading', { name: 'Permissions requested' });
      await Promise.race([consentPage.waitFor(), page.waitForURL(`**/w/${workspaceId}/account/integrations**`)]);
      if (await consentPage.count()) {
        await screenshot(page, '02-microsoft-consent', 'sites');
        await page.getByRole('button', { name: 'Accept' }).click();
      }
      await page.waitForURL(`**/w/${workspaceId}/account/integrations**`);
      await page.getByText('Microsoft 365 connected').waitFor();

      // 3. Grant: the known site is granted, the unknown one named.
      await openIntegrationPage(page);
      await section.getByRole('button', { name: 'Grant allowed sites' }).click();
      await section.locator('li[data-site-status="granted"]').getByText(granted.webUrl).waitFor();
      await section.locator('li[data-site-status="not_found"]').getByText(unknownSite).waitFor();
      await section.getByText('Not found in the tenant', { exact: false }).waitFor();
      assert.equal(await section.getByRole('alert').count(), 0, 'no refusal left');
      assert.deepEqual(await axeViolations(page), [], 'axe with the outcome shown');
      await screenshot(page, '03-granted', 'sites');

      // Granting again changes nothing: already granted.
      await section.getByRole('button', { name: 'Grant allowed sites' }).click();
      await section.locator('li[data-site-status="already_granted"]').getByText(granted.webUrl).waitFor();
      assert.deepEqual(pageErrors(), []);
    } finally {
      await context.close();
    }

    // Microsoft agrees: the app reaches the granted site, and not the other one.
    const appOnly = await appToken(emulator, tenant, app.appId, app.secret);
    assert.equal((await graphGet(emulator, `/sites/${granted.id}/drive`, appOnly)).status, 200);
    assert.equal((await graphGet(emulator, `/sites/${other.id}/drive`, appOnly)).status, 403);
  });
});
