// Compliance from Microsoft 365 in Chromium: an admin opens Compliance for a workspace whose integration reads the
// emulator's tenant with application permissions, presses "Refresh data", watches the sync finish and the dashboard
// fill (assessment, Secure Score); someone switches the legacy-authentication block to report-only in the tenant
// (the emulator's control API) after the admin pinned the first snapshot as the baseline; the next refresh shows the
// change as an open drift event (baseline and newest values) and MS.AAD.1.1v1 as newly failing.
// Passes axe (WCAG 2.1 A/AA). Screenshots: test-results/compliance-sync-*.png. Needs `npm run build`.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { startEmulator, type EmulatorHandle } from '../../emulator/harness.js';
import { appWithRoles, graphGet } from '../../emulator/graph/test/graph-test-client.js';
import { axeViolations, browserSkipReason, launchBrowser, screenshot, signInOnPage } from '../support/browser.js';
import { startTestHub, type TestHub } from '../support/hub.js';
import { signInThroughApi } from './api-session.js';

describe('compliance syncs in Chromium', { skip: browserSkipReason() }, () => {
  let emulator: EmulatorHandle;
  let hub: TestHub;
  let browser: Browser;
  let workspaceId: string;
  let legacyPolicyId: string;
  const changePolicy = async (body: Record<string, unknown>) => {
    const response = await emulator.fetch(`${emulator.url}/_emulator/tenants/${emulator.tenantId}/conditionalAccessPolicies/${legacyPolicyId}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    assert.equal(response.status, 200, await response.text());
  };

  before(async () => {
    emulator = await startEmulator();
    hub = await startTestHub({ fetch: emulator.fetch, env: { M365HUB_GRAPH_URL: emulator.url, M365HUB_LOGIN_URL: emulator.url } });
    const admin = await signInThroughApi(hub.url, hub.admin);
    workspaceId = (await admin.call<{ id: string }>('POST', '/api/v1/workspaces', { name: 'Contoso Security' })).id;
    await admin.call('PUT', `/api/v1/workspaces/${workspaceId}/integrations/m365`, {
      clientId: emulator.seed!.application.appId,
      clientSecret: emulator.seed!.application.clientSecret,
      azureTenantId: emulator.tenantId,
      services: [{ service: 'compliance', modes: ['application'] }],
    });
    // The tenant blocks legacy authentication for everyone, with no exclusion: MS.AAD.1.1v1 passes at first.
    const reader = await appWithRoles(emulator, emulator.tenantId!, ['Policy.Read.All']);
    const policies = (await graphGet(emulator, '/identity/conditionalAccess/policies', reader.token)).body.value as Array<{ id: string; displayName: string }>;
    legacyPolicyId = policies.find((p) => p.displayName === 'Block legacy authentication')!.id;
    await changePolicy({ excludeUsers: [] });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await hub?.close();
    await emulator?.close();
  });

  test('Refresh data fills the dashboard; a policy switched to report-only in the tenant shows as drift and a newly failing rule', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, baseURL: hub.url });
    context.setDefaultTimeout(30_000);
    const page = await context.newPage();
    try {
      await signInOnPage(page, hub.admin);
      await page.goto(`/w/${workspaceId}/compliance`);
      // The integration's own tenant is listed before its first sync: connected through the integration, never synced.
      const tenantRow = page.getByRole('row').filter({ hasText: emulator.tenantId! });
      await tenantRow.getByText('Never', { exact: true }).waitFor();
      await page.getByRole('button', { name: 'Refresh data' }).click();
      await page.getByTestId('sync-outcome').getByText(/Snapshot 1 taken: 7 of 7 areas read/).waitFor();
      const legacy = page.locator('tr[data-policy="MS.AAD.1.1v1"]');
      await legacy.waitFor();
      assert.equal(await legacy.getAttribute('data-result'), 'pass');
      assert.ok((await page.locator('.recharts-line-curve').count()) >= 1, 'the Secure Score trend is drawn');
      await tenantRow.getByText(/^\d+ failing$/).waitFor();
      assert.equal(await tenantRow.getByText('Never', { exact: true }).count(), 0, 'the tenant list shows the sync that just ran');
      await screenshot(page, '01-first-sync', 'compliance-sync');

      await page.getByLabel('Automatic sync').selectOption('24');
      await page.getByText(/^Next:/).waitFor();
      await tenantRow.getByText('Every 24 h').waitFor();
      // This state is the one to keep: drift is measured against it from now on.
      await page.getByRole('button', { name: 'Pin snapshot #1 as baseline' }).click();

      // Someone switches the block to report-only in the tenant: it no longer enforces anything.
      await changePolicy({ state: 'enabledForReportingButNotEnforced' });
      await page.getByRole('button', { name: 'Refresh data' }).click();
      await page.getByTestId('sync-outcome').getByText(/Snapshot 2 taken/).waitFor();
      await page.getByText(/Newly failing since the previous snapshot: .*MS\.AAD\.1\.1v1/).waitFor();
      assert.equal(await page.locator('tr[data-policy="MS.AAD.1.1v1"]').getAttribute('data-result'), 'fail');
      await page.getByText('1 open drift(s)').waitFor();
      await page.getByRole('button', { name: 'Show changes to Block legacy authentication' }).click();
      const diff = page.getByRole('region', { name: 'Snapshot diff' });
      await diff.getByText('"enabled"', { exact: true }).waitFor();
      await diff.getByText('"enabledForReportingButNotEnforced"', { exact: true }).waitFor();
      await diff.scrollIntoViewIfNeeded();
      await screenshot(page, '02-drift', 'compliance-sync');

      assert.deepEqual(await axeViolations(page), [], 'axe WCAG 2.1 A/AA violations');
    } finally {
      await context.close();
    }
  });
});
