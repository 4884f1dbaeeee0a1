// The Tenants section of the Microsoft 365 page in Chromium, against a hub pointed at the emulator: two customer
// tenants that consented are listed; the admin labels one, pauses and resumes it, runs Test Connection in one
// (its health changes from "Never tested" without touching the other's), and removes one after a confirmation that
// says Microsoft's consent stays in Entra. axe (WCAG 2.1 A/AA) is clean at 1280 and 400 px; at 400 px the section fits
// its card (the configured integration page is wider than 400 px already, with or without this section).
// Screenshots: test-results/tenants-*.png. Needs the built console (`npm run build`).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { startEmulator, type EmulatorHandle } from '../../emulator/harness.js';
import { recordTenantConsent } from '../../src/features/tenants/index.js';
import { axeViolations, browserSkipReason, collectPageErrors, launchBrowser, screenshot, signInOnPage } from '../support/browser.js';
import { startTestHub, type TestHub } from '../support/hub.js';
import { CONTOSO, DEMO_APP, DEMO_SECRET, FABRIKAM } from '../connect/support/connect-kit.js';
import { signInThroughApi } from './api-session.js';

const axe = axeViolations;

describe('Tenants section in Chromium', { skip: browserSkipReason() }, () => {
  let emulator: EmulatorHandle;
  let hub: TestHub;
  let browser: Browser;
  let workspaceId: string;

  before(async () => {
    emulator = await startEmulator();
    hub = await startTestHub({ fetch: emulator.fetch, env: { M365HUB_LOGIN_URL: emulator.url, M365HUB_GRAPH_URL: emulator.url } });
    const admin = await signInThroughApi(hub.url, hub.admin);
    workspaceId = (await admin.call<{ id: string }>('POST', '/api/v1/workspaces', { name: 'Northwind MSP' })).id;
    await admin.call('PUT', `/api/v1/workspaces/${workspaceId}/integrations/m365`, {
      clientId: DEMO_APP,
      clientSecret: DEMO_SECRET,
      services: [{ service: 'directory', modes: ['application'] }],
      redirectUri: `${hub.url}/auth/m365/callback`,
    });
    // Both tenants consented, as the admin consent callback records them.
    await hub.hub.store.db.transaction().execute(async (trx) => {
      await recordTenantConsent(trx, { workspaceId, tenantId: CONTOSO, at: new Date('2026-12-01T09:00:00Z'), by: 'admin@contoso.onmicrosoft.com' });
      await recordTenantConsent(trx, { workspaceId, tenantId: FABRIKAM, at: new Date('2026-12-02T09:00:00Z'), by: 'admin@fabrikam.onmicrosoft.com' });
    });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await hub?.close();
    await emulator?.close();
  });

  test('label, pause and resume, test and remove tenants; passes axe', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, baseURL: hub.url });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    try {
      await signInOnPage(page, hub.admin);
      await page.goto(`/w/${workspaceId}/settings/integrations`);
      const section = page.getByRole('region', { name: 'Tenants', exact: true });
      const contoso = section.locator(`tr[data-tenant="${CONTOSO}"]`);
      const fabrikam = section.locator(`tr[data-tenant="${FABRIKAM}"]`);
      await fabrikam.getByText('Never tested').waitFor();
      await screenshot(page, '01-list', 'tenants');
      assert.deepEqual(await axe(page), [], 'axe WCAG 2.1 A/AA violations');

      await section.getByRole('button', { name: `Rename ${FABRIKAM}` }).click();
      await page.getByLabel(`Label for ${FABRIKAM}`).fill('Fabrikam Ltd');
      await section.getByRole('button', { name: 'Save label' }).click();
      await fabrikam.locator('td').first().getByText('Fabrikam Ltd', { exact: true }).waitFor();

      await section.getByRole('button', { name: 'Pause Fabrikam Ltd' }).click();
      await fabrikam.getByText('Paused', { exact: true }).waitFor();
      const paused = await page.request.get(`/api/v1/workspaces/${workspaceId}/tenants/${FABRIKAM}`);
      assert.equal(((await paused.json()) as { status: string }).status, 'paused');
      await screenshot(page, '02-paused', 'tenants');
      await section.getByRole('button', { name: 'Resume Fabrikam Ltd' }).click();
      await fabrikam.getByText('Active', { exact: true }).waitFor();

      await section.getByRole('button', { name: `Test connection ${CONTOSO}` }).click();
      await contoso.locator('[data-health]:not([data-health="unknown"])').waitFor();
      await fabrikam.getByText('Never tested').waitFor();
      await screenshot(page, '03-tested', 'tenants');
      assert.deepEqual(await axe(page), [], 'axe after a test');

      await section.getByRole('button', { name: 'Remove Fabrikam Ltd' }).click();
      const dialog = page.getByRole('dialog', { name: 'Remove Fabrikam Ltd?' });
      await dialog.getByText(/Enterprise applications/).waitFor();
      await screenshot(page, '04-remove-dialog', 'tenants');
      assert.deepEqual(await axe(page), [], 'axe with the dialog open');
      await dialog.getByRole('button', { name: 'Remove tenant' }).click();
      await fabrikam.waitFor({ state: 'detached' });
      await contoso.waitFor();
      assert.deepEqual(errors(), []);
    } finally {
      await context.close();
    }
  });

  test('at 400 px the section fits its card and does not widen the page, and passes axe there', async () => {
    const context = await browser.newContext({ viewport: { width: 400, height: 860 }, baseURL: hub.url });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    try {
      await signInOnPage(page, hub.admin);
      await page.goto(`/w/${workspaceId}/settings/integrations`);
      await page.getByRole('region', { name: 'Tenants', exact: true }).locator(`tr[data-tenant="${CONTOSO}"]`).waitFor();
      await page.getByRole('region', { name: 'Tenants', exact: true }).scrollIntoViewIfNeeded();
      await screenshot(page, '05-narrow', 'tenants');
      // The section itself never widens the page (the page's width with the section hidden is the same), and nothing
      // in it is wider than its card.
      const widths = await page.evaluate(() => {
        const section = document.querySelector('[aria-labelledby="tenants-title"]') as HTMLElement;
        const shown = document.documentElement.scrollWidth;
        section.style.display = 'none';
        const hidden = document.documentElement.scrollWidth;
        section.style.display = '';
        return { shown, hidden, section: section.scrollWidth, card: section.clientWidth };
      });
      assert.equal(widths.shown, widths.hidden, 'the Tenants section does not widen the page');
      assert.ok(widths.section <= widths.card, `nothing in the section is wider than its card: ${JSON.stringify(widths)}`);
      assert.deepEqual(await axe(page), []);
    } finally {
      await context.close();
    }
  });
});
