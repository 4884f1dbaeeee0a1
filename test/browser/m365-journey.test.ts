// The Microsoft 365 journey of the console in a real Chromium, against a real hub pointed at the real emulator,
// through the emulator's own sign-in and consent pages (no auto sign-in, no auto consent):
//   an admin creates the integration for an app registered in the emulator's Contoso tenant with only part of its
//   application permissions consented, runs Test Connection (permission_error, the missing permission and the
//   admin consent link), grants admin consent through Microsoft's pages, tests again (connected);
//   a member connects their own account (signs in as Dana, accepts consent), sees it, and disconnects;
//   a member meets "Approval required" and requests approval at Microsoft; the admin sees the request on the
//   Consent requests card (who, when, why, the Entra admin center link), then its outcome once denied.
// Screenshots: test-results/m365-<step>.png. Needs the built console (`npm run build:console`; `npm test` does).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startEmulator, type EmulatorHandle } from '../../emulator/harness.js';
import { browserSkipReason, collectPageErrors, launchBrowser, screenshot, signInAtMicrosoft, signInOnPage } from '../support/browser.js';
import { startTestHub, type TestHub } from '../support/hub.js';
import { signInThroughApi, type ApiSession } from './api-session.js';

const viewport = { width: 1280, height: 900 };
const PASSWORD = 'Passw0rd!';
/** From the top: a full-page capture of a scrolled page draws the sticky sidebar and top bar mid-page. */
async function shot(page: Page, step: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, step, 'm365');
}

describe('Microsoft 365 pages of the console in Chromium', { skip: browserSkipReason() }, () => {
  let emulator: EmulatorHandle;
  let hub: TestHub;
  let browser: Browser;
  let admin: ApiSession;
  let tenant: string;
  let app: { appId: string; secret: string };
  let workspaceId: string;
  const member = { email: 'mia.member@example.test', password: 'a long enough member password' };

  before(async () => {
    assert.ok(existsSync(path.resolve('dist/console/index.html')), 'dist/console is not built: run `npm run build:console` (npm test does it)');
    emulator = await startEmulator();
    tenant = emulator.tenantId!;
    hub = await startTestHub({ fetch: emulator.fetch, env: { M365HUB_LOGIN_URL: emulator.url, M365HUB_GRAPH_URL: emulator.url } });
    // The customer's app registration: the hub's callback registered, two application permissions required, and
    // only one of them consented yet. No delegated permission is pre-consented, so Dana meets the consent page.
    const registered = await emulator.createApplication(tenant, {
      displayName: 'Contoso for m365hub',
      signInAudience: 'AzureADMyOrg',
      redirectUris: [`${hub.url}/auth/m365/callback`],
      requiredPermissions: { application: ['User.Read.All', 'GroupMember.Read.All'] },
    });
    app = { appId: registered.appId, secret: (await emulator.addSecret(tenant, registered.appId)).secretText };
    await emulator.grant(tenant, { appId: app.appId, roles: ['User.Read.All'] });

    admin = await signInThroughApi(hub.url, hub.admin);
    workspaceId = (await admin.call<{ id: string }>('POST', '/api/v1/workspaces', { name: 'Contoso Compliance' })).id;
    await admin.call('POST', `/api/v1/workspaces/${workspaceId}/members`, { ...member, role: 'member', displayName: 'Mia Member' });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await hub?.close();
    await emulator?.close();
  });

  async function openPage(): Promise<{ context: BrowserContext; page: Page; pageErrors: () => string[] }> {
    // The emulator serves HTTPS with its own CA, which this browser does not know: a real user would install it.
    const context = await browser.newContext({ viewport, baseURL: hub.url, ignoreHTTPSErrors: true });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    return { context, page, pageErrors: collectPageErrors(page) };
  }

  /**
   * Microsoft's sign-in page (the emulator's copy of it), then its consent page when it shows one. Administrators
   * meet the seeded "Require multifactor authentication for admins" policy: they type the emulator's code too.
   */
  const microsoftSignIn = (page: Page, username: string, options: { mfa?: boolean } = {}) => signInAtMicrosoft(page, emulator.url, username, { password: PASSWORD, ...options });

  async function runTestConnection(page: Page): Promise<void> {
    const card = page.getByRole('region', { name: 'Test Connection' });
    await card.getByRole('button', { name: 'Test connection' }).click();
    await card.getByRole('button', { name: 'Testing…' }).waitFor({ state: 'detached', timeout: 30_000 });
  }

  test('an admin creates the integration, finds a permission missing, grants admin consent at Microsoft, and tests connected', async () => {
    const { context, page, pageErrors } = await openPage();
    try {
      await signInOnPage(page, hub.admin);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Integrations/ }).click();
      await page.waitForURL(`**/w/${workspaceId}/settings/integrations`);
      await page.getByRole('main').getByText('No integration yet').waitFor();
      // The setup guide is there before anything is configured: what to register, with each permission's type.
      const guide = page.getByRole('region', { name: 'Setup guide' });
      await guide.getByRole('heading', { name: 'Add the redirect URI' }).waitFor();
      await shot(page, '01-empty');

      await page.getByRole('button', { name: 'Create integration' }).click();
      await page.getByLabel('Application (client) ID').fill(app.appId);
      await page.getByLabel(/^Directory \(tenant\) ID/).fill(tenant);
      await page.getByLabel(/^Redirect URI/).fill(`${hub.url}/auth/m365/callback`);
      await page.getByLabel('Client secret value').fill(app.secret);
      // As the Entra admin center shows it: this secret runs out in 20 days (at the end of that day), inside the 30-day warning.
      const expires = new Date(Date.now() + 20 * 24 * 3600 * 1000).toISOString().slice(0, 10);
      await page.getByLabel(/^Secret expires/).fill(expires);
      assert.equal(await page.getByLabel('OneDrive files: Delegated').isChecked(), true, 'OneDrive delegated is the default first service');
      await page.getByLabel('Users and groups: Application').check();
      // The guide follows the ticks before anything is saved: the sign-in permissions first, who may connect, and the
      // application permission just ticked; Dynamics 365 cannot be ticked as delegated.
      const preview = guide.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Add delegated permissions' }) });
      await preview.getByRole('row', { name: /offline_access.*Delegated.*refresh token/ }).waitFor();
      await guide.getByRole('heading', { name: 'Decide who may connect (user assignment)' }).waitFor();
      await guide.getByRole('row', { name: /GroupMember\.Read\.All.*Application/ }).first().waitFor();
      assert.equal(await page.getByLabel('Dynamics 365: Delegated').isDisabled(), true);
      // A certificate can come as a PFX file with its password.
      // (The segmented control's radios are visually hidden; people click their labels.)
      await page.locator('label.segmented__option', { hasText: /^Certificate$/ }).click();
      await page.locator('label.segmented__option', { hasText: 'PFX / PKCS#12 file' }).click();
      await page.getByLabel('PFX file').waitFor();
      await page.getByLabel(/^Passphrase/).waitFor();
      await shot(page, '02a-certificate-pfx');
      await page.locator('label.segmented__option', { hasText: /^Client secret$/ }).click();
      await shot(page, '02-create-form');
      await page.getByRole('button', { name: 'Create integration' }).click();

      const overview = page.getByRole('region', { name: 'Microsoft 365' });
      await overview.getByText('Never tested').waitFor();
      assert.equal(await page.getByTestId('effective-redirect-uri').textContent(), `${hub.url}/auth/m365/callback`);
      await overview.getByText(/^Secret set/).waitFor();
      await overview.getByText(/The active client secret expires in (20|21) days/).waitFor();
      assert.equal((await page.content()).includes(app.secret), false, 'the secret is nowhere on the page once saved');
      // The guide follows the services chosen: the directory's application permission, as an application one.
      const appPermissions = guide.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Add application permissions' }) });
      await appPermissions.getByRole('row', { name: /GroupMember\.Read\.All.*Application/ }).waitFor();

      // First test: the credentials work, one application permission is not consented.
      await runTestConnection(page);
      const permissions = page.locator('[data-step="permissions"]');
      assert.equal(await permissions.getAttribute('data-status'), 'failed');
      assert.equal(await page.locator('[data-step="credentials"]').getAttribute('data-status'), 'passed');
      const missing = await permissions.getByRole('list', { name: 'Missing permissions' }).innerText();
      assert.match(missing, /GroupMember\.Read\.All/);
      assert.doesNotMatch(missing, /User\.Read\.All/, 'a granted permission is not listed as missing');
      await permissions.getByText('How to fix:').waitFor();
      await overview.getByText('Permission error').waitFor();
      await shot(page, '03-test-permission-error');

      // Admin consent through Microsoft's own pages, from the link next to the missing permission.
      await permissions.getByRole('link', { name: 'Grant admin consent' }).click();
      await microsoftSignIn(page, `admin@${emulator.seed!.tenant.domain}`, { mfa: true });
      await page.getByRole('heading', { name: 'Permissions requested' }).waitFor();
      await shot(page, '04-microsoft-admin-consent');
      await page.getByRole('button', { name: 'Accept' }).click();
      await page.waitForURL(`**/w/${workspaceId}/settings/integrations`);
      await page.getByText('Admin consent granted').first().waitFor();
      await overview.getByText('Granted', { exact: true }).waitFor();

      await runTestConnection(page);
      await overview.getByText('Connected', { exact: true }).waitFor();
      const steps = await page.locator('[data-step]').evaluateAll((items) => items.map((i) => `${i.getAttribute('data-step')}=${i.getAttribute('data-status')}`));
      assert.deepEqual(steps, ['credentials=passed', 'registration=passed', 'permissions=passed', 'service:directory=passed']);
      await shot(page, '05-test-connected');
      assert.deepEqual(pageErrors(), []);
    } finally {
      await context.close();
    }
  });

  // Health's steps (kept apart from the connect journey): a rotation from a refused secret to a working one.
  test('health: the expiry reads the same days everywhere; a pending test shows apart; after "Make it active" the old failure is marked outdated and replaced', async () => {
    const healthWs = (await admin.call<{ id: string }>('POST', '/api/v1/workspaces', { name: 'Contoso Health' })).id;
    // 5.4 days left: a rounded relative time says 5, the hub's whole-day count says 6; the page must say one thing.
    await admin.call('PUT', `/api/v1/workspaces/${healthWs}/integrations/m365`, {
      clientId: app.appId,
      azureTenantId: tenant,
      clientSecret: 'Wrong8Q~not-the-secret-at-all-000000000',
      secretExpiresAt: new Date(Date.now() + 5.4 * 24 * 3600 * 1000).toISOString(),
      services: [{ service: 'directory', modes: ['application'] }],
    });
    const { context, page, pageErrors } = await openPage();
    try {
      await signInOnPage(page, hub.admin);
      await page.goto(`/w/${healthWs}/settings/integrations`);
      const overview = page.getByRole('region', { name: 'Microsoft 365' });
      const bannerDays = /expires in (\d+) days/.exec(await overview.getByText(/^The active client secret expires in/).innerText())?.[1];
      const cardDays = /expires in (\d+) days/.exec(await overview.getByText(/^Secret set/).innerText())?.[1];
      assert.ok(bannerDays, 'the banner counts days');
      assert.equal(cardDays, bannerDays, 'the credential and the banner say the same number of days');

      await runTestConnection(page);
      await overview.getByText('Authentication error').waitFor();
      const testCard = page.getByRole('region', { name: 'Test Connection' });
      assert.equal(await testCard.locator('[data-step="credentials"]').getAttribute('data-status'), 'failed');

      // The new secret, added beside the refused one, and tested on its own.
      await overview.getByRole('button', { name: 'Update credentials' }).first().click();
      const rotation = page.getByRole('region', { name: 'Update credentials' });
      await rotation.getByLabel('Client secret value').fill(app.secret);
      await rotation.getByRole('button', { name: 'Add new credential' }).click();
      await rotation.getByRole('button', { name: 'Test new credential' }).click();
      const pendingReport = rotation.getByTestId('pending-report');
      await pendingReport.locator('[data-step="credentials"][data-status="passed"]').waitFor({ timeout: 30_000 });
      await pendingReport.getByText('New (pending) credential').waitFor();
      await testCard.getByText('Active credential', { exact: true }).waitFor();
      assert.equal(await testCard.locator('[data-step="credentials"]').getAttribute('data-status'), 'failed', "the active credential's own result, labelled as such");
      await shot(page, '11-health-pending-apart');

      await rotation.getByRole('button', { name: 'Make it active' }).click();
      await page.getByText('New credential is active').first().waitFor();
      // The refused secret's result is no longer presented as the integration's state: re-tested in the background.
      await overview.getByText('Connected', { exact: true }).waitFor({ timeout: 30_000 });
      await testCard.locator('[data-step="credentials"][data-status="passed"]').waitFor({ timeout: 30_000 });
      // Consent in one voice: the permissions step says all are granted, so the overview says granted too (the
      // consent was given in the tenant, not through this workspace's link).
      await overview.locator('[data-consent="granted"]').waitFor();
      assert.equal(await overview.getByText(/Not granted yet/).count(), 0);
      assert.equal(await page.getByText('Authentication error').count(), 0, 'no stale Authentication error left on the page');
      assert.equal(await page.getByText('invalid_client_secret').count(), 0);
      await shot(page, '12-health-after-rotation');
      assert.deepEqual(pageErrors(), []);
    } finally {
      await context.close();
    }
  });

  test('a member connects their own Microsoft 365 account at Microsoft, sees it, and disconnects', async () => {
    const { context, page, pageErrors } = await openPage();
    try {
      await signInOnPage(page, member);
      const nav = page.getByRole('navigation', { name: 'Main' });
      assert.equal(await nav.getByRole('link', { name: /^Integrations/ }).count(), 0, "members do not see the integration's settings");
      await nav.getByRole('link', { name: /^Your integrations/ }).click();
      await page.waitForURL(`**/w/${workspaceId}/account/integrations`);
      await shot(page, '06-member-not-connected');

      await page.getByRole('button', { name: 'Connect Microsoft 365' }).click();
      await microsoftSignIn(page, `dana@${emulator.seed!.tenant.domain}`);
      await page.getByRole('heading', { name: 'Permissions requested' }).waitFor();
      await shot(page, '07-microsoft-user-consent');
      await page.getByRole('button', { name: 'Accept' }).click();

      await page.waitForURL(`**/w/${workspaceId}/account/integrations`);
      await page.getByText('Microsoft 365 connected').waitFor();
      assert.doesNotMatch(page.url(), /m365_connected/, 'the outcome is taken out of the address');
      const account = page.locator('[data-connection-status="active"]');
      await account.getByText(`dana@${emulator.seed!.tenant.domain}`).waitFor();
      await account.getByText(tenant).waitFor();
      await shot(page, '08-member-connected');

      await page.getByRole('button', { name: 'Disconnect' }).click();
      const dialog = page.getByRole('dialog', { name: 'Disconnect Microsoft 365?' });
      await dialog.waitFor();
      await shot(page, '09-member-disconnect-confirm');
      await dialog.getByRole('button', { name: 'Disconnect' }).click();
      await page.getByRole('button', { name: 'Connect Microsoft 365' }).waitFor();
      const me = await fetch(`${hub.url}/api/v1/workspaces/${workspaceId}/me/connection`, { headers: { cookie: (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ') } });
      assert.equal(me.status, 404, 'the connection is gone on the hub too');
      await shot(page, '10-member-disconnected');
      assert.deepEqual(pageErrors(), []);
    } finally {
      await context.close();
    }
  });

  // Microsoft's admin consent workflow (admin-consent-workflow-overview, review-admin-consent-requests): a member
  // meets "Approval required" while connecting and requests approval; the workspace admin sees the request.
  test('consent requests: a member requests approval at Microsoft and is told to ask their workspace admin; the admin sees who, when and why, the Entra link, then the outcome', async () => {
    // An app whose delegated directory permissions need an administrator, and which may read consent requests.
    const registered = await emulator.createApplication(tenant, {
      displayName: 'Contoso access reviews',
      signInAudience: 'AzureADMyOrg',
      redirectUris: [`${hub.url}/auth/m365/callback`],
      requiredPermissions: { delegated: ['User.Read.All', 'GroupMember.Read.All'], application: ['ConsentRequest.Read.All'] },
    });
    await emulator.grant(tenant, { appId: registered.appId, roles: ['ConsentRequest.Read.All'] });
    const reviewWs = (await admin.call<{ id: string }>('POST', '/api/v1/workspaces', { name: 'Contoso Reviews' })).id;
    await admin.call('PUT', `/api/v1/workspaces/${reviewWs}/integrations/m365`, {
      clientId: registered.appId,
      clientSecret: (await emulator.addSecret(tenant, registered.appId)).secretText,
      azureTenantId: tenant,
      redirectUri: `${hub.url}/auth/m365/callback`,
      services: [{ service: 'directory', modes: ['delegated'] }],
    });
    const requester = { email: 'rita.requester@example.test', password: 'a long enough member password' };
    await admin.call('POST', `/api/v1/workspaces/${reviewWs}/members`, { ...requester, role: 'member', displayName: 'Rita Requester' });
    const justification = 'I review group memberships for the quarterly access audit';

    const asMember = await openPage();
    try {
      const { page } = asMember;
      await signInOnPage(page, requester);
      await page.goto(`/w/${reviewWs}/account/integrations`);
      await page.getByRole('button', { name: 'Connect Microsoft 365' }).click();
      await microsoftSignIn(page, `jordan@${emulator.seed!.tenant.domain}`);
      await page.getByRole('heading', { name: 'Approval required' }).waitFor();
      await page.locator('#justification').fill(justification);
      await shot(page, '13-microsoft-approval-required');
      await page.locator('#requestApproval').click();
      await page.getByRole('heading', { name: 'Request sent' }).waitFor();
      await page.locator('#returnToApp').click();
      // The hub's page, then the console: a member is told to ask their workspace admin, with no link that refuses them.
      await page.getByText('Ask your workspace admin to grant admin consent').waitFor();
      assert.equal(await page.getByRole('link', { name: 'Admin consent link' }).count(), 0);
      await page.getByRole('link', { name: 'Continue' }).click();
      await page.waitForURL(`**/w/${reviewWs}/account/integrations`);
      const banner = page.locator('[data-outcome="error"]');
      await banner.getByText(/Ask your workspace admin to grant admin consent/).waitFor();
      assert.equal(await banner.getByRole('link', { name: 'Grant admin consent' }).count(), 0);
      await shot(page, '14-member-asks-workspace-admin');
      assert.deepEqual(asMember.pageErrors(), []);
    } finally {
      await asMember.context.close();
    }

    const asAdmin = await openPage();
    try {
      const { page } = asAdmin;
      await signInOnPage(page, hub.admin);
      await page.goto(`/w/${reviewWs}/settings/integrations`);
      const card = page.getByRole('region', { name: /^Consent requests/ });
      const request = card.getByRole('listitem').filter({ hasText: 'Jordan Kim' });
      await request.getByText(justification).waitFor();
      await request.getByText(`jordan@${emulator.seed!.tenant.domain}`).waitFor();
      await request.getByText('Waiting for review').waitFor();
      await card.getByText('1 waiting').waitFor();
      const review = card.getByRole('link', { name: /Review in the Entra admin center/ });
      assert.equal(await review.getAttribute('href'), `https://entra.microsoft.com/${tenant}/#view/Microsoft_AAD_IAM/StartboardApplicationsMenuBlade/~/AccessRequests`);
      assert.equal(await review.getAttribute('target'), '_blank');
      await shot(page, '15-consent-requests');

      // An administrator denies it in Entra (here: the emulator's control API); the card shows the outcome.
      const [record] = (await emulator.consentRequests(tenant)).filter((r) => r.appId === registered.appId);
      await emulator.decideConsentRequest(tenant, record!.id, { result: 'Deny', justification: 'Use the audit export instead' });
      await card.getByRole('button', { name: 'Refresh' }).click();
      await request.getByText('Denied', { exact: true }).waitFor();
      await request.getByText(/Use the audit export instead/).waitFor();
      await shot(page, '16-consent-request-denied');

      // A workspace admin reading the same refusal on their own integrations page gets the admin consent button.
      await page.goto(`/w/${reviewWs}/account/integrations?m365_error=admin_approval_required`);
      const grant = page.locator('[data-outcome="error"]').getByRole('link', { name: 'Grant admin consent' });
      assert.match((await grant.getAttribute('href')) ?? '', new RegExp(`^/auth/m365/admin-consent\\?workspaceId=${reviewWs}&`));
      assert.equal(await page.getByText(/Ask your workspace admin/).count(), 0);
      // Back from a cancelled admin consent (the settings page is where admin consent returns): start it again.
      await page.goto(`/w/${reviewWs}/settings/integrations?m365_error=consent_declined`);
      const declined = page.locator('[data-outcome="error"]');
      await declined.getByText('Admin consent was not granted').waitFor();
      await declined.getByRole('link', { name: 'Start admin consent again' }).waitFor();
      assert.equal(await declined.getByText(/Connect again/).count(), 0);

      // The first workspace's app may not read requests: the card names the permission to add instead of failing.
      await page.goto(`/w/${workspaceId}/settings/integrations`);
      const unreadable = page.getByTestId('consent-requests-unreadable');
      await unreadable.getByText(/ConsentRequest\.Read\.All/).waitFor();
      await shot(page, '17-consent-requests-unreadable');
      assert.deepEqual(asAdmin.pageErrors(), []);
    } finally {
      await asAdmin.context.close();
    }
  });
});
