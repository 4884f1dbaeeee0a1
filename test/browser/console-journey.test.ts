// The web console in a real Chromium against a real hub: the journeys issue 3 names, with a screenshot of each
// page under test-results/ for people to look at. Needs the built console (`npm run build:console`; `npm test` does).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { browserSkipReason, collectPageErrors, launchBrowser, screenshot } from '../support/browser.js';
import { startTestHub, type TestHub } from '../support/hub.js';
import { signInThroughApi } from './api-session.js';

const viewport = { width: 1280, height: 860 };

describe('web console in Chromium', { skip: browserSkipReason() }, () => {
  let hub: TestHub;
  let browser: Browser;

  before(async () => {
    assert.ok(
      existsSync(path.resolve('dist/console/index.html')),
      'dist/console is not built: run `npm run build:console` (npm test does it) before the browser tests',
    );
    hub = await startTestHub();
    // The built bundle references /assets/…; the console's source index.html references /src/main.tsx instead.
    const index = await (await fetch(hub.url, { headers: { Accept: 'text/html' } })).text();
    assert.match(index, /\/assets\/index-[\w-]+\.js/, 'the test hub must serve the built console (dist/console), not console/ sources');
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await hub?.close();
  });

  async function openPage(): Promise<{ context: BrowserContext; page: Page; pageErrors: () => string[] }> {
    const context = await browser.newContext({ viewport, baseURL: hub.url });
    // Every wait is for something the console shows within moments; a missing element should fail fast, not at 30 s.
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    return { context, page, pageErrors: collectPageErrors(page) };
  }

  async function signIn(page: Page, email: string, password: string): Promise<void> {
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  test('an admin signs in, creates a workspace and an API key, revokes it, and finds both in the audit log', async () => {
    const { context, page, pageErrors } = await openPage();
    try {
      await page.goto('/');
      await page.waitForURL('**/sign-in');
      await page.getByRole('heading', { name: 'Sign in to the console' }).waitFor();
      await screenshot(page, '01-sign-in');

      await signIn(page, hub.admin.email, hub.admin.password);
      // A fresh instance has no workspace yet: the console lands on the workspaces page with its empty state.
      await page.waitForURL('**/workspaces');
      await page.getByRole('main').getByText('No workspaces yet').waitFor();
      await screenshot(page, '02-workspaces-empty');

      await page.getByLabel('Workspace name').fill('Contoso Ltd');
      await page.getByRole('button', { name: 'Create workspace' }).click();
      // An admin's workspace opens on its Microsoft 365 integration: setting it up is the first thing to do.
      await page.waitForURL(/\/w\/ws_[a-z2-7]+\/settings\/integrations$/);
      const workspaceId = page.url().match(/\/w\/(ws_[a-z2-7]+)\//)?.[1];
      assert.ok(workspaceId);
      await page.getByRole('main').getByText('No integration yet').waitFor();
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'API keys' }).click();
      await page.getByRole('heading', { name: 'API keys', level: 1 }).waitFor();
      await page.getByRole('main').getByText('No API keys yet').waitFor();
      assert.equal(await page.getByLabel('Workspace', { exact: true }).inputValue(), workspaceId, 'the switcher shows the new workspace');
      await screenshot(page, '03-api-keys-empty');

      // Every entry of the map leads somewhere: nothing is shown as coming.
      const nav = page.getByRole('navigation', { name: 'Main' });
      assert.equal(await nav.locator('[aria-disabled="true"]').count(), 0, 'no disabled entries once a workspace is chosen');
      assert.equal(await nav.getByRole('link', { name: /Files/ }).count(), 1, 'Files is a page');

      await page.getByLabel('Key name').fill('Production backend');
      await page.getByRole('button', { name: 'Create API key' }).click();
      await page.getByRole('heading', { name: 'API key “Production backend” created' }).waitFor();
      await page.getByText("You won't see it again").waitFor();
      const key = await page.getByLabel('New API key').inputValue();
      assert.match(key, /^m365k_[A-Za-z0-9_-]{43}$/);
      await screenshot(page, '04-api-key-created');

      // The key shown is the real one: the API accepts it for this workspace.
      const workspaceAsKey = () =>
        fetch(`${hub.url}/api/v1/workspaces/${workspaceId}`, { headers: { Authorization: `Bearer ${key}` } });
      const asKey = await workspaceAsKey();
      assert.equal(asKey.status, 200);

      await page.getByRole('button', { name: "I've saved the key" }).click();
      await page.getByRole('heading', { name: /created$/ }).waitFor({ state: 'detached' });
      const row = page.getByRole('row', { name: /Production backend/ });
      await row.getByText('Active').waitFor();
      const prefix = (await row.locator('.key-prefix').textContent())?.replace(/…$/, '');
      assert.ok(prefix && key.startsWith(prefix) && prefix.length < key.length, 'the list identifies the key by its prefix');
      assert.equal((await page.content()).includes(key), false, 'once dismissed, the whole key is nowhere on the page');

      await row.getByRole('button', { name: 'Revoke Production backend' }).click();
      const dialog = page.getByRole('dialog', { name: 'Revoke “Production backend”?' });
      await dialog.waitFor();
      await screenshot(page, '05-api-key-revoke-confirm');
      await dialog.getByRole('button', { name: 'Revoke key' }).click();
      await dialog.waitFor({ state: 'detached' });
      await row.getByText('Revoked').waitFor();
      assert.equal(await row.getByRole('button', { name: /Revoke/ }).count(), 0, 'a revoked key offers no revoke button');
      await screenshot(page, '06-api-key-revoked');

      const revokedKey = await workspaceAsKey();
      assert.equal(revokedKey.status, 401, 'the revoked key no longer opens the API');

      await page.getByRole('link', { name: 'Audit log' }).click();
      await page.waitForURL(`**/w/${workspaceId}/audit-log`);
      const created = page.locator('tr[data-audit-action="api_key.created"]');
      const revoked = page.locator('tr[data-audit-action="api_key.revoked"]');
      await revoked.waitFor();
      await created.waitFor();
      // Newest first: the revocation is listed above the creation, both by the admin.
      const actions = await page.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-audit-action')));
      assert.ok(actions.indexOf('api_key.revoked') < actions.indexOf('api_key.created'), `newest first: ${actions.join(', ')}`);
      assert.match((await revoked.textContent()) ?? '', new RegExp(hub.admin.email.replace('.', '\\.')));
      await screenshot(page, '07-audit-log');

      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL(/\/sign-in(\?|$)/);
      await page.getByText('You have signed out').waitFor();
      await page.goto(`/w/${workspaceId}/api-keys`);
      await page.waitForURL(/\/sign-in\?next=/);
      assert.deepEqual(pageErrors(), []);
    } finally {
      await context.close();
    }
  });

  test('a wrong password shows a clear error and signs nobody in', async () => {
    const { context, page, pageErrors } = await openPage();
    try {
      await page.goto('/sign-in');
      await signIn(page, hub.admin.email, 'not the password');
      const alert = page.getByRole('alert');
      await alert.waitFor();
      const text = (await alert.innerText()).trim();
      assert.ok(text.length > 0);
      assert.doesNotMatch(text, /[{}]|"status"|problem\+json/, 'the error reads as words, not as a JSON dump');
      assert.equal(await page.getByLabel('Password').inputValue(), '', 'the wrong password is cleared');
      assert.match(page.url(), /\/sign-in$/);
      await screenshot(page, '08-sign-in-wrong-password');
      assert.deepEqual(pageErrors(), []);
    } finally {
      await context.close();
    }
  });

  test('a member sees the workspace’s keys and members, but none of the admin controls', async () => {
    const admin = await signInThroughApi(hub.url, hub.admin);
    const workspace = await admin.call<{ id: string }>('POST', '/api/v1/workspaces', { name: 'Fabrikam' });
    await admin.call('POST', `/api/v1/workspaces/${workspace.id}/api-keys`, { name: 'CI pipeline' });
    const member = { email: 'mia.member@example.test', password: 'a long enough member password' };
    await admin.call('POST', `/api/v1/workspaces/${workspace.id}/members`, { ...member, role: 'member', displayName: 'Mia Member' });

    const { context, page, pageErrors } = await openPage();
    try {
      await page.goto('/');
      await signIn(page, member.email, member.password);
      await page.waitForURL(`**/w/${workspace.id}/members`);
      await page.getByRole('row', { name: /Mia Member/ }).waitFor();
      assert.equal(await page.getByRole('button', { name: 'Add member' }).count(), 0);
      assert.equal(await page.getByRole('button', { name: /^Remove/ }).count(), 0);
      assert.equal(await page.getByRole('combobox', { name: /^Role of/ }).count(), 0);
      await screenshot(page, '09-member-members');

      await page.getByRole('link', { name: 'API keys' }).click();
      await page.getByText('Only workspace admins can create or revoke API keys').waitFor();
      assert.equal(await page.getByRole('button', { name: 'Create API key' }).count(), 0);
      assert.equal(await page.getByLabel('Key name').count(), 0);
      assert.equal(await page.getByRole('button', { name: /^Revoke/ }).count(), 0);
      await screenshot(page, '10-member-api-keys');
      assert.deepEqual(pageErrors(), []);
    } finally {
      await context.close();
    }
  });

  test('an admin adds a member with a first password, and that person can sign in', async () => {
    const admin = await signInThroughApi(hub.url, hub.admin);
    const workspace = await admin.call<{ id: string }>('POST', '/api/v1/workspaces', { name: 'Northwind' });
    const { context, page, pageErrors } = await openPage();
    try {
      await page.goto('/sign-in');
      await signIn(page, hub.admin.email, hub.admin.password);
      await page.waitForURL(/\/w\//);
      await page.goto(`/w/${workspace.id}/members`);
      await page.getByRole('heading', { name: 'Add a member' }).waitFor();
      await page.getByLabel('Email').fill('new.person@example.test');
      await page.getByLabel(/^Display name/).fill('Nia Newcomer');
      await page.getByLabel(/^Initial password/).fill('first password for nia');
      await page.getByRole('button', { name: 'Add member' }).click();
      const row = page.getByRole('row', { name: /Nia Newcomer/ });
      await row.waitFor();
      assert.equal(await row.getByRole('combobox', { name: 'Role of Nia Newcomer' }).inputValue(), 'member');
      await screenshot(page, '11-members-admin');

      const nia = await signInThroughApi(hub.url, { email: 'new.person@example.test', password: 'first password for nia' });
      const workspaces = await nia.call<{ items: Array<{ id: string; role: string }> }>('GET', '/api/v1/workspaces');
      assert.deepEqual(workspaces.items.map((w) => [w.id, w.role]), [[workspace.id, 'member']]);
      assert.deepEqual(pageErrors(), []);
    } finally {
      await context.close();
    }
  });

  test('an admin renames a workspace, then deletes it only after typing its name', async () => {
    const admin = await signInThroughApi(hub.url, hub.admin);
    const workspace = await admin.call<{ id: string }>('POST', '/api/v1/workspaces', { name: 'Temporary' });
    const { context, page, pageErrors } = await openPage();
    try {
      await page.goto('/sign-in');
      await signIn(page, hub.admin.email, hub.admin.password);
      await page.waitForURL(/\/w\//);
      await page.goto(`/w/${workspace.id}/settings/general`);
      await page.getByLabel('Workspace name').fill('Temporary (renamed)');
      await page.getByRole('button', { name: 'Save name' }).click();
      await page.getByRole('option', { name: 'Temporary (renamed)' }).waitFor({ state: 'attached' });

      // The subdomain: one taken by another workspace is refused with the reason, a free one is saved and shown.
      await admin.call('POST', '/api/v1/workspaces', { name: 'Holder', subdomain: 'taken-label' });
      const subdomain = page.getByLabel('Subdomain', { exact: true });
      await subdomain.fill('taken-label');
      await page.getByRole('button', { name: 'Save subdomain' }).click();
      await page.locator('#workspace-subdomain-error').getByText('"taken-label" belongs to another workspace').waitFor();
      await screenshot(page, '12a-workspace-subdomain-taken');
      await subdomain.fill('temporary-eu');
      await page.getByRole('button', { name: 'Save subdomain' }).click();
      await page.getByText('Subdomain changed to “temporary-eu”').waitFor();
      const changed = await admin.call<{ subdomain: string }>('GET', `/api/v1/workspaces/${workspace.id}`);
      assert.equal(changed.subdomain, 'temporary-eu');
      await screenshot(page, '12b-workspace-subdomain-changed');

      await page.getByRole('button', { name: 'Delete workspace' }).click();
      const dialog = page.getByRole('dialog', { name: 'Delete “Temporary (renamed)”?' });
      const confirm = dialog.getByRole('button', { name: 'Delete workspace' });
      assert.equal(await confirm.isDisabled(), true, 'nothing is deleted before the name is typed');
      await dialog.getByLabel(/^Type .* to confirm$/).fill('Temporary (renamed)');
      await screenshot(page, '12-workspace-delete-confirm');
      await confirm.click();
      await page.waitForURL('**/workspaces');
      await page.getByRole('heading', { name: 'Your workspaces' }).waitFor();
      const remaining = await admin.call<{ items: Array<{ id: string }> }>('GET', '/api/v1/workspaces');
      assert.equal(remaining.items.some((w) => w.id === workspace.id), false);
      assert.deepEqual(pageErrors(), []);
    } finally {
      await context.close();
    }
  });

  test('when the session ends, the next action leads to sign-in and back to the same page', async () => {
    const { context, page, pageErrors } = await openPage();
    try {
      await page.goto('/sign-in');
      await signIn(page, hub.admin.email, hub.admin.password);
      // After sign-in an admin lands on the workspace's Microsoft 365 integration.
      await page.waitForURL(/\/w\/ws_[a-z2-7]+\/settings\/integrations$/);
      const workspacePath = new URL(page.url()).pathname.replace(/\/settings\/integrations$/, '');
      // Settle first: a page still loading when the cookie goes would end the session before the click.
      await page.getByRole('region', { name: 'Setup guide' }).waitFor();

      await context.clearCookies();
      await page.getByRole('link', { name: 'Members' }).click();
      await page.waitForURL(/\/sign-in\?/);
      await page.getByText('Your session has ended').waitFor();
      await screenshot(page, '13-session-ended');

      await signIn(page, hub.admin.email, hub.admin.password);
      await page.waitForURL(`**${workspacePath}/members`);
      assert.deepEqual(pageErrors(), []);
    } finally {
      await context.close();
    }
  });
});
