// The compliance dashboard in Chromium, on snapshots imported through the API (the sync of tenant connections is
// another branch's): the hub's stored assessment run shows, a conditional access policy switched to report-only
// after the first snapshot was pinned as the baseline shows as an open drift event (field path, baseline and
// newest values) and as the newly failing rule, whose evidence drawer names the policy and the remediation;
// pinning the newest snapshot closes the drift; the Secure Score trend is drawn; the page passes axe (WCAG 2.1 A/AA).
// Screenshots: test-results/compliance-*.png. Needs the built console (`npm run build`).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { axeViolations, browserSkipReason, launchBrowser, screenshot, signInOnPage } from '../support/browser.js';
import { startTestHub, type TestHub } from '../support/hub.js';
import { signInThroughApi } from './api-session.js';
import { compliantSnapshot } from '../compliance/snapshot-fixtures.js';

const TENANT = '11111111-2222-3333-4444-555555555555';

/** Fourteen daily Secure Scores rising from 40% (Graph keeps one per day). */
function scoreHistory(): { id: string; createdDateTime: string; currentScore: number; maxScore: number }[] {
  return Array.from({ length: 14 }, (_, i) => {
    const day = new Date(Date.UTC(2026, 10, 22 + i)).toISOString().slice(0, 10);
    return { id: `tenant_${day}`, createdDateTime: `${day}T00:00:00Z`, currentScore: 40 + i * 1.5, maxScore: 100 };
  });
}

describe('compliance dashboard in Chromium', { skip: browserSkipReason() }, () => {
  let hub: TestHub;
  let browser: Browser;
  let workspaceId: string;

  before(async () => {
    hub = await startTestHub();
    const admin = await signInThroughApi(hub.url, hub.admin);
    workspaceId = (await admin.call<{ id: string }>('POST', '/api/v1/workspaces', { name: 'Contoso Compliance' })).id;
    const tenantUrl = `/api/v1/workspaces/${workspaceId}/compliance/tenants/${TENANT}/snapshots`;
    // The dashboard assesses without an exclusions configuration, so the legacy-authentication block excludes no one.
    const withoutExclusion = (snapshot: ReturnType<typeof compliantSnapshot>) => {
      const legacy = snapshot.areas.conditionalAccess!.policies!.find((p) => p.id === 'ca-legacy')! as { conditions: { users: { excludeUsers: string[] } } };
      legacy.conditions.users.excludeUsers = [];
      snapshot.areas.secureScore!.secureScores = scoreHistory();
      return snapshot;
    };
    const first = withoutExclusion(compliantSnapshot());
    const baseline = await admin.call<{ id: string }>('POST', tenantUrl, first);
    await admin.call('PUT', `/api/v1/workspaces/${workspaceId}/compliance/tenants/${TENANT}/baseline`, { snapshotId: baseline.id });
    // Someone switches the legacy-authentication block to report-only: it no longer enforces anything.
    const second = withoutExclusion(compliantSnapshot());
    second.collectedAt = '2026-12-05T11:00:00.000Z';
    second.areas.conditionalAccess!.policies!.find((p) => p.id === 'ca-legacy')!.state = 'enabledForReportingButNotEnforced';
    await admin.call('POST', tenantUrl, second);
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await hub?.close();
  });

  test('shows results, drift and the newly failing rule with its evidence; passes axe', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, baseURL: hub.url });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    try {
      await signInOnPage(page, hub.admin);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Compliance/ }).click();
      await page.getByRole('heading', { name: 'Compliance', level: 1 }).waitFor();
      await page.getByText('Not in Microsoft Graph: mail flow rules and Exchange Online settings').waitFor();
      await page.getByRole('region', { name: 'Tenants' }).getByText(TENANT).waitFor();

      // The assessment of the newest snapshot, with the rule that the change broke marked as newly failing.
      const legacy = page.locator('tr[data-policy="MS.AAD.1.1v1"]');
      await legacy.waitFor();
      assert.equal(await legacy.getAttribute('data-result'), 'fail');
      await page.getByText(/Newly failing since the previous snapshot: .*MS\.AAD\.1\.1v1/).waitFor();
      assert.ok((await page.locator('.recharts-line-curve').count()) >= 1, 'the Secure Score trend is drawn by recharts');
      await page.getByText('Latest: 59.5% on 2026-12-05 (14 day(s))').waitFor();
      await screenshot(page, '01-dashboard', 'compliance');

      // Filter to failing high-severity results only.
      await page.getByLabel('Result', { exact: true }).selectOption('fail');
      await page.getByLabel('Severity', { exact: true }).selectOption('high');
      const shown = await page.locator('tr[data-policy]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-result')));
      assert.ok(shown.length > 0 && shown.every((r) => r === 'fail'), `only failing rows: ${shown.join(',')}`);

      await page.getByRole('button', { name: 'Evidence for MS.AAD.1.1v1' }).click();
      const drawer = page.getByRole('dialog');
      await drawer.getByText('ca-legacy').first().waitFor();
      await drawer.getByText(/Create an enabled conditional access policy/).waitFor();
      await screenshot(page, '02-evidence-drawer', 'compliance');
      await drawer.getByRole('button', { name: 'Close' }).click();

      // The drift timeline against the baseline: one open event, by the policy's name; its fields show the
      // baseline's value and the newest one.
      const timeline = page.getByRole('list', { name: 'Drift timeline' });
      await page.getByText('1 open drift(s)').waitFor();
      await timeline.getByText('Block legacy authentication', { exact: true }).waitFor();
      await page.getByRole('button', { name: 'Show changes to Block legacy authentication' }).click();
      const diff = page.getByRole('region', { name: 'Snapshot diff' });
      await diff.getByText('Baseline and newest values').waitFor();
      await diff.getByText('state', { exact: true }).waitFor();
      await diff.getByText('"enabled"', { exact: true }).waitFor();
      await diff.getByText('"enabledForReportingButNotEnforced"', { exact: true }).waitFor();
      await page.getByText('Hash chain verified').waitFor();
      await diff.scrollIntoViewIfNeeded();
      await screenshot(page, '03-drift-diff', 'compliance');

      assert.deepEqual(await axeViolations(page), [], 'axe WCAG 2.1 A/AA violations');

      // Accepting the change: the newest snapshot becomes the baseline and the drift closes.
      await page.getByRole('button', { name: 'Pin snapshot #2 as baseline' }).click();
      await page.getByText('No open drift').waitFor();
      await timeline.getByText('Resolved').waitFor();
      await page.getByText(/Baseline: snapshot #2/).waitFor();
      await screenshot(page, '03b-baseline-pinned', 'compliance');

      // Exports are links the browser downloads with the session.
      const evidence = await page.getByRole('link', { name: 'Evidence bundle (zip)' }).getAttribute('href');
      const response = await page.request.get(evidence!);
      assert.equal(response.status(), 200);
      assert.equal(response.headers()['content-type'], 'application/zip');

      // An access review of privileged users starts from the newest snapshot.
      await page.getByLabel('Review name').fill('Q4 privileged access');
      await page.getByRole('button', { name: 'Start review' }).click();
      await page.getByRole('region', { name: 'Access reviews' }).getByText('0 of 4').waitFor();
      // A reviewer keeps one administrator, with a comment; the review counts the decision.
      await page.getByRole('button', { name: 'Review Q4 privileged access' }).click();
      await page.getByLabel('Comment on Ada Admin').fill('on-call administrator');
      await page.getByRole('button', { name: 'Keep Ada Admin' }).click();
      await page.getByRole('region', { name: 'Access reviews' }).getByText('1 of 4').waitFor();
      await page.locator('tr[data-user="u-ga-1"]').getByText('keep', { exact: true }).waitFor();
      await screenshot(page, '04-access-reviews', 'compliance');
      assert.deepEqual(await axeViolations(page), [], 'axe with the review open');
      const decided = await page.request.get(`/api/v1/workspaces/${workspaceId}/compliance/access-reviews`);
      assert.equal(((await decided.json()) as { items: { decided: number }[] }).items[0]!.decided, 1);
    } finally {
      await context.close();
    }
  });

  test('fits a 400 px screen without sideways scrolling, and passes axe there', async () => {
    const context = await browser.newContext({ viewport: { width: 400, height: 860 }, baseURL: hub.url });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    try {
      await signInOnPage(page, hub.admin);
      await page.goto(`/w/${workspaceId}/compliance`);
      await page.locator('tr[data-policy="MS.AAD.1.1v1"]').waitFor();
      await page.getByRole('button', { name: 'Show changes to Block legacy authentication' }).click();
      await page.getByRole('region', { name: 'Snapshot diff' }).waitFor();
      await screenshot(page, '05-narrow', 'compliance');
      assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 400, 'no sideways scrolling at 400 px');
      assert.deepEqual(await axeViolations(page), []);
    } finally {
      await context.close();
    }
  });
});
