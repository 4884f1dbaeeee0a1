// The console's Files page in Chromium: every attachment of the workspace, added through the API as a host backend
// does (two links and a copy of files in the emulator's OneDrive), newest first with their status; after the file
// behind one link is deleted in Microsoft 365 and the link check runs, that link shows "Deleted in Microsoft 365"
// and the status filter finds it alone; a member is told the overview is for admins. Passes axe (WCAG 2.1 A/AA) at
// 1280 and 400 px. Screenshots: test-results/files-*.png. Needs the built console (`npm run build`).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { startEmulator, type EmulatorHandle } from '../../emulator/harness.js';
import { userToken } from '../../emulator/graph/test/graph-test-client.js';
import { FILES_REFRESH_LINKS_JOB } from '../../src/features/files/index.js';
import { saveDelegatedConnection } from '../../src/features/tokens/connection-store.js';
import { systemClock } from '../../src/platform/time/clock.js';
import { axeViolations, browserSkipReason, launchBrowser, screenshot, signInOnPage } from '../support/browser.js';
import { startTestHub, type TestHub } from '../support/hub.js';
import { waitFor } from '../support/wait-for.js';
import { signInThroughApi } from './api-session.js';

const DANA = 'dana@contoso.onmicrosoft.com';
const MEMBER = { email: 'member@example.test', password: 'correct horse battery staple' };

describe('the Files page in Chromium', { skip: browserSkipReason() }, () => {
  let emulator: EmulatorHandle;
  let hub: TestHub;
  let browser: Browser;
  let workspaceId: string;

  before(async () => {
    emulator = await startEmulator({ autoSignIn: true, autoConsent: true });
    hub = await startTestHub({ fetch: emulator.fetch, env: { M365HUB_GRAPH_URL: emulator.url, M365HUB_LOGIN_URL: emulator.url } });
    const admin = await signInThroughApi(hub.url, hub.admin);
    workspaceId = (await admin.call<{ id: string }>('POST', '/api/v1/workspaces', { name: 'Contoso Files' })).id;
    await admin.call('POST', `/api/v1/workspaces/${workspaceId}/members`, { ...MEMBER, role: 'member' });
    const { key } = await admin.call<{ key: string }>('POST', `/api/v1/workspaces/${workspaceId}/api-keys`, { name: 'host backend' });

    // The host product's user, connected with a real emulator token.
    const token = await userToken(emulator, DANA, 'Files.ReadWrite.All Sites.Read.All');
    const redeemed = {
      accessToken: token,
      refreshToken: 'unused',
      expiresAt: new Date(Date.now() + 3000_000),
      scopes: ['Files.ReadWrite.All'],
      idTokenClaims: { tid: emulator.tenantId!, oid: 'dana', sub: 'dana', preferredUsername: DANA, name: 'Dana', email: undefined, issuer: emulator.issuer() },
    };
    await hub.hub.store.db.transaction().execute((trx) => saveDelegatedConnection(trx, hub.hub.keyRing, { workspaceId, user: 'host-dana', redeemed, clock: systemClock }));

    const graph = (method: string, path: string, body?: string) =>
      emulator.fetch(`${emulator.url}/v1.0${path}`, { method, headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'text/plain' } : {}) }, ...(body !== undefined ? { body } : {}) });
    const register = (await (await graph('GET', '/me/drive/root:/Projects/2026 Audit/Evidence register.xlsx')).json()) as { id: string; parentReference: { driveId: string } };
    const draft = (await (await graph('PUT', '/me/drive/root:/Drafts/Old policy.txt:/content', 'superseded')).json()) as { id: string };
    const attach = async (body: Record<string, unknown>) => {
      const response = await fetch(`${hub.url}/api/v1/workspaces/${workspaceId}/files/attachments`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'x-m365hub-acting-user': 'host-dana', 'content-type': 'application/json' },
        body: JSON.stringify({ driveId: register.parentReference.driveId, ...body }),
      });
      assert.ok(response.status === 201 || response.status === 202, `${response.status} ${await response.text()}`);
    };
    await attach({ entityType: 'requirement', entityId: 'REQ-12', mode: 'link', itemId: register.id });
    await attach({ entityType: 'control', entityId: 'CTRL-4', mode: 'copy', itemId: register.id });
    await attach({ entityType: 'ticket', entityId: 'TCK-981', mode: 'link', itemId: draft.id });
    await waitFor(async () => (await hub.hub.store.db.selectFrom('file_attachments').select('status').where('mode', '=', 'copy').executeTakeFirst())?.status === 'active', 'the copy to finish');

    // The file behind the ticket's link is deleted in Microsoft 365; the link check (due at once) finds it gone.
    assert.equal((await graph('DELETE', `/me/drive/items/${draft.id}`)).status, 204);
    await hub.hub.store.db.updateTable('file_attachments').set({ checked_at: null }).where('workspace_id', '=', workspaceId).execute();
    await hub.hub.jobs.enqueue({ type: FILES_REFRESH_LINKS_JOB, workspaceId, payload: {} });
    await waitFor(async () => (await hub.hub.store.db.selectFrom('file_attachments').select('status').where('entity_id', '=', 'TCK-981').executeTakeFirst())?.status === 'deleted', 'the link check to mark the deleted file');
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await hub?.close();
    await emulator?.close();
  });

  test('lists every attachment newest first with its status; the filter finds the link whose file was deleted; passes axe', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, baseURL: hub.url });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    try {
      await signInOnPage(page, hub.admin);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Files/ }).click();
      await page.getByRole('heading', { name: 'Files', level: 1 }).waitFor();
      const table = page.getByRole('region', { name: 'Attachments' });
      await table.getByText('TCK-981').waitFor();
      const records = await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.querySelector('.mono')?.textContent));
      assert.deepEqual(records, ['TCK-981', 'CTRL-4', 'REQ-12'], 'newest first');
      const statuses = await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-attachment-status')));
      assert.deepEqual(statuses, ['deleted', 'active', 'active']);
      await table.locator('tr[data-attachment-status="deleted"]').getByText('Deleted in Microsoft 365').waitFor();
      assert.equal(await table.getByRole('link', { name: /Download Evidence register/ }).count(), 2, 'the copy and the live link download');
      assert.equal(await table.getByRole('link', { name: /Old policy/ }).count(), 0, 'a deleted file offers neither download nor open');
      assert.deepEqual(await axeViolations(page), [], 'axe WCAG 2.1 A/AA violations');
      await screenshot(page, '01-all', 'files');

      await page.getByLabel('Status', { exact: true }).selectOption('deleted');
      await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 1);
      assert.deepEqual(await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-attachment-status'))), ['deleted']);
      await page.getByLabel('Status', { exact: true }).selectOption('copy_failed');
      await page.getByText('No attachments copy failed').waitFor();
      await screenshot(page, '02-filtered', 'files');
    } finally {
      await context.close();
    }
  });

  test('fits a 400 px screen without sideways scrolling and passes axe; a member is told the overview is for admins', async () => {
    const context = await browser.newContext({ viewport: { width: 400, height: 860 }, baseURL: hub.url });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    try {
      await signInOnPage(page, hub.admin);
      await page.goto(`/w/${workspaceId}/files`);
      await page.getByRole('region', { name: 'Attachments' }).getByText('TCK-981').waitFor();
      assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 400, 'no sideways scrolling at 400 px');
      assert.deepEqual(await axeViolations(page), [], 'axe at 400 px');
      await screenshot(page, '03-narrow', 'files');
    } finally {
      await context.close();
    }
    const memberContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, baseURL: hub.url });
    memberContext.setDefaultTimeout(15_000);
    const memberPage = await memberContext.newPage();
    try {
      await signInOnPage(memberPage, MEMBER);
      await memberPage.goto(`/w/${workspaceId}/files`);
      await memberPage.getByText('Only workspace admins can see every attachment').waitFor();
    } finally {
      await memberContext.close();
    }
  });
});
