// Accessibility and small screens of the console in Chromium: axe (WCAG 2.1 A and AA) over the main pages at
// 1280 px, the same pages at 400 px without sideways scrolling, and keyboard focus returning after a confirm dialog.
// Screenshots: test-results/a11y-<page>-<width>.png. Needs the built console (`npm run build`).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { browserSkipReason, launchBrowser, screenshot } from '../support/browser.js';
import { startTestHub, type TestHub } from '../support/hub.js';
import { signInThroughApi } from './api-session.js';

describe('console accessibility in Chromium', { skip: browserSkipReason() }, () => {
  let hub: TestHub;
  let browser: Browser;
  let workspaceId: string;

  before(async () => {
    hub = await startTestHub();
    const admin = await signInThroughApi(hub.url, hub.admin);
    workspaceId = (await admin.call<{ id: string }>('POST', '/api/v1/workspaces', { name: 'Fabrikam Accessibility Ltd' })).id;
    await admin.call('POST', `/api/v1/workspaces/${workspaceId}/api-keys`, { name: 'A rather long production backend key name' });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await hub?.close();
  });

  async function signedIn(width: number): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: 860 }, baseURL: hub.url });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(hub.admin.email);
    await page.getByLabel('Password').fill(hub.admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/w\//);
    return page;
  }

  const pages = [
    { name: 'integrations', path: () => `/w/${workspaceId}/settings/integrations`, ready: 'No integration yet' },
    { name: 'api-keys', path: () => `/w/${workspaceId}/api-keys`, ready: 'A rather long production backend key name' },
    { name: 'members', path: () => `/w/${workspaceId}/members`, ready: 'Add a member' },
    { name: 'audit-log', path: () => `/w/${workspaceId}/audit-log`, ready: 'api_key.created' },
    { name: 'workspaces', path: () => '/workspaces', ready: 'Your workspaces' },
    { name: 'settings', path: () => `/w/${workspaceId}/settings/general`, ready: 'Fabrikam Accessibility Ltd' },
    { name: 'my-integrations', path: () => `/w/${workspaceId}/account/integrations`, ready: 'Connect Microsoft 365' },
  ];

  test('every page passes axe WCAG 2.1 A/AA at 1280 px and fits 400 px without sideways scrolling, the menu behind a button', async () => {
    const wide = await signedIn(1280);
    const narrow = await signedIn(400);
    try {
      const violations: string[] = [];
      const overflowing: string[] = [];
      for (const entry of pages) {
        await wide.goto(entry.path());
        await wide.getByRole('main').getByText(entry.ready).first().waitFor();
        await screenshot(wide, `${entry.name}-1280`, 'a11y');
        const result = await new AxeBuilder({ page: wide }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        for (const v of result.violations) violations.push(`${entry.name}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);

        await narrow.goto(entry.path());
        await narrow.getByRole('main').getByText(entry.ready).first().waitFor();
        await screenshot(narrow, `${entry.name}-400`, 'a11y');
        const width = await narrow.evaluate(() => document.documentElement.scrollWidth);
        if (width > 400) overflowing.push(`${entry.name}: ${width}px`);
      }
      assert.deepEqual(violations, [], 'axe WCAG 2.1 A/AA violations');
      assert.deepEqual(overflowing, [], 'pages wider than a 400 px screen');

      // At 400 px the navigation waits behind the Menu button; opening it shows the links, following one closes it.
      const nav = narrow.getByRole('navigation', { name: 'Main' });
      assert.equal(await nav.isVisible(), false, 'the sidebar is folded away on a narrow screen');
      await narrow.getByRole('button', { name: 'Menu' }).click();
      await nav.getByRole('link', { name: 'Members' }).click();
      await narrow.waitForURL('**/members');
      await nav.waitFor({ state: 'hidden' });
    } finally {
      await wide.context().close();
      await narrow.context().close();
    }
  });

  test('keyboard only: closing a confirm dialog returns focus to the button that opened it', async () => {
    const page = await signedIn(1280);
    try {
      await page.goto(`/w/${workspaceId}/api-keys`);
      const revoke = page.getByRole('button', { name: /^Revoke A rather long/ });
      await revoke.focus();
      await page.keyboard.press('Enter');
      await page.getByRole('dialog').waitFor();
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      await page.waitForFunction(() => document.activeElement?.textContent?.startsWith('Revoke'));
      assert.notEqual(await page.evaluate(() => document.activeElement?.tagName), 'BODY');

      // The workspace switcher shows where focus is.
      await page.getByLabel('Workspace', { exact: true }).focus();
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Tab');
      const ring = await page.getByLabel('Workspace', { exact: true }).evaluate((el) => getComputedStyle(el).outlineStyle);
      assert.notEqual(ring, 'none', 'the focused workspace switcher has a visible outline');
    } finally {
      await page.context().close();
    }
  });
});
