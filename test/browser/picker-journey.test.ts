// The hosted picker in a real Chromium, opened from the example host product ("Requirements", src/demo/example-host.ts)
// against a real hub and the real emulator (its own sign-in and consent pages, no auto sign-in): the host shows "Add
// from OneDrive" disabled until the user is connected; the user connects in the host's User Settings → Integrations
// through Microsoft's sign-in and consent pages, links a file from their OneDrive and copies one from a Teams channel
// (the copy's bytes match the emulator's), links one a colleague shared with them (Shared with me), removes one, and
// the picker page is axe clean at 400 px wide. A picker session for one origin never posts its selection to another,
// and an expired or forged session gets a clear page. Screenshots: test-results/picker-<step>.png.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startEmulator, type EmulatorHandle } from '../../emulator/harness.js';
import { appWithRoles } from '../../emulator/graph/test/graph-test-client.js';
import { startExampleHost, type ExampleHost } from '../../src/demo/example-host.js';
import { pickerSigningKeys, signPickerSession } from '../../src/features/picker/picker-session-token.js';
import { axeViolations, browserSkipReason, collectPageErrors, launchBrowser, screenshot, signInAtMicrosoft } from '../support/browser.js';
import { startTestHub, type TestHub } from '../support/hub.js';
import { signInThroughApi } from './api-session.js';

const HOST_USER = 'dana-in-requirements';
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('hosted picker from the example host product in Chromium', { skip: browserSkipReason() }, () => {
  let emulator: EmulatorHandle;
  let hub: TestHub;
  let host: ExampleHost;
  let evil: Server;
  let evilUrl: string;
  let browser: Browser;
  let workspaceId: string;
  let apiKey: string;
  /** An app token of the tenant that reads any drive, to compare copied bytes with Microsoft's. */
  let readerToken: string;

  const hubApi = async (method: string, path: string, body?: unknown) =>
    fetch(`${hub.url}/api/v1/workspaces/${workspaceId}${path}`, {
      method,
      headers: { authorization: `Bearer ${apiKey}`, 'x-m365hub-acting-user': HOST_USER, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });

  before(async () => {
    emulator = await startEmulator({ filesPerFolder: 3 });
    readerToken = (await appWithRoles(emulator, emulator.tenantId!, ['Files.Read.All'])).token;
    hub = await startTestHub({ fetch: emulator.fetch, env: { M365HUB_GRAPH_URL: emulator.url, M365HUB_LOGIN_URL: emulator.url } });
    // The customer's app registration, with the hub's callback; no delegated permission consented yet.
    const registered = await emulator.createApplication(emulator.tenantId!, { displayName: 'Requirements for m365hub', signInAudience: 'AzureADMyOrg', redirectUris: [`${hub.url}/auth/m365/callback`] });
    const secret = (await emulator.addSecret(emulator.tenantId!, registered.appId)).secretText;
    const admin = await signInThroughApi(hub.url, hub.admin);
    workspaceId = (await admin.call<{ id: string }>('POST', '/api/v1/workspaces', { name: 'Requirements Inc' })).id;
    apiKey = (await admin.call<{ key: string }>('POST', `/api/v1/workspaces/${workspaceId}/api-keys`, { name: 'requirements backend' })).key;
    host = await startExampleHost({ hubUrl: hub.url, workspaceId, apiKey, userId: HOST_USER });
    // Another site that obtains a picker URL meant for the host and opens it: it must never get the selection.
    evil = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>evil</title><script>window.got=[];addEventListener("message",function(e){window.got.push(e.data)})</script>');
    });
    await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
    evilUrl = `http://127.0.0.1:${(evil.address() as AddressInfo).port}`;
    await admin.call('PUT', `/api/v1/workspaces/${workspaceId}/integrations/m365`, {
      clientId: registered.appId,
      clientSecret: secret,
      azureTenantId: emulator.tenantId!,
      redirectUri: `${hub.url}/auth/m365/callback`,
      services: [
        { service: 'onedrive', modes: ['delegated'] },
        { service: 'sharepoint', modes: ['delegated'] },
        { service: 'teams-files', modes: ['delegated'] },
      ],
      returnOrigins: [host.url],
    });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await host?.close();
    await new Promise((resolve) => (evil ? evil.close(resolve) : resolve(undefined)));
    await hub?.close();
    await emulator?.close();
  });

  const connected = async () => (await hubApi('GET', `/users/${HOST_USER}/connection`)).status === 200;

  /** Connects as the user would: the host's User Settings → Integrations, then Microsoft's sign-in and consent pages. */
  async function connectThroughHost(page: Page): Promise<void> {
    await page.getByRole('link', { name: 'User Settings → Integrations' }).click();
    await page.getByRole('button', { name: 'Connect Microsoft 365' }).click();
    await signInAtMicrosoft(page, emulator.url, `dana@${emulator.seed!.tenant.domain}`);
    await page.getByRole('heading', { name: 'Permissions requested' }).waitFor();
    await screenshot(page, 'microsoft-consent', 'picker');
    await page.getByRole('button', { name: 'Accept' }).click();
    await page.waitForURL(`${host.url}/settings/integrations**`);
    await page.getByText('Connected.').waitFor();
  }

  async function openHostPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1100, height: 800 }, ignoreHTTPSErrors: true });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    await page.goto(`${host.url}/requirements/REQ-1`);
    return page;
  }

  /** Clicks "Add from OneDrive" and answers the picker popup it opens. */
  async function openPicker(page: Page): Promise<Page> {
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: 'Add from OneDrive' }).click()]);
    await popup.waitForURL((url) => url.pathname.startsWith('/picker/'));
    await popup.setViewportSize({ width: 400, height: 700 });
    return popup;
  }

  test('host product: connect, link from OneDrive, copy from a Teams channel, remove one', async () => {
    const page = await openHostPage();
    const add = page.getByRole('button', { name: 'Add from OneDrive' });
    assert.equal(await add.isDisabled(), true, 'disabled before Microsoft 365 is connected');
    assert.match((await page.locator('[title]').first().getAttribute('title')) ?? '', /User Settings → Integrations/);
    await screenshot(page, 'host-not-connected', 'picker');

    await connectThroughHost(page);
    assert.equal(await connected(), true, 'the hub holds the connection');
    await page.goto(`${host.url}/requirements/REQ-1`);
    assert.equal(await page.getByRole('button', { name: 'Add from OneDrive' }).isDisabled(), false, 'enabled once connected');
    const errors = collectPageErrors(page);

    // 1. Link a file from My OneDrive, walking folders by the breadcrumb's way down.
    let picker = await openPicker(page);
    const pickerErrors = collectPageErrors(picker);
    await picker.getByRole('button', { name: /^Open Projects/ }).click();
    await picker.getByRole('button', { name: /^Open 2026 Audit/ }).click();
    await picker.getByRole('checkbox', { name: 'Evidence register.xlsx' }).check();
    await picker.getByText('1 file selected').waitFor();
    await screenshot(picker, 'onedrive-selected', 'picker');
    assert.deepEqual(await axeViolations(picker), [], 'axe WCAG 2.1 A/AA on the picker at 400 px');
    // Keyboard: the Link button is reachable and works with Enter.
    await picker.getByRole('button', { name: 'Link' }).focus();
    await Promise.all([picker.waitForEvent('close'), picker.keyboard.press('Enter')]);
    assert.deepEqual(pickerErrors(), []);
    await page.locator('#attachments li', { hasText: 'Evidence register.xlsx' }).waitFor();

    // 2. Copy a file from a Teams channel; the picker shows the copy's progress until it is done.
    picker = await openPicker(page);
    await picker.getByRole('button', { name: /^Team: / }).first().click();
    await picker.getByRole('button', { name: /\(channel\)$/ }).first().click();
    await picker.getByRole('checkbox').first().waitFor();
    const teamFile = (await picker.locator('.items label .name').first().textContent())!;
    await picker.getByRole('checkbox').first().check();
    await screenshot(picker, 'teams-channel-selected', 'picker');
    await Promise.all([picker.waitForEvent('close'), picker.getByRole('button', { name: 'Copy' }).click()]);
    // The host reloads itself with the new attachment.
    await page.locator('#attachments li', { hasText: teamFile }).waitFor();
    await screenshot(page, 'host-two-attachments', 'picker');

    // The copy holds exactly the bytes Microsoft 365 has.
    const listed = (await (await hubApi('GET', '/files/attachments?entityType=requirement&entityId=REQ-1')).json()) as { items: Array<{ id: string; name: string; mode: string; driveId: string; itemId: string }> };
    assert.deepEqual(listed.items.map((a) => `${a.mode} ${a.name}`).sort(), [`copy ${teamFile}`, 'link Evidence register.xlsx'].sort());
    const copy = listed.items.find((a) => a.mode === 'copy')!;
    const stored = new Uint8Array(await (await hubApi('GET', `/files/attachments/${copy.id}/content`)).arrayBuffer());
    const direct = await emulator.fetch(`${emulator.url}/v1.0/drives/${copy.driveId}/items/${copy.itemId}/content`, { headers: { authorization: `Bearer ${readerToken}` } });
    assert.equal(sha256(stored), sha256(new Uint8Array(await direct.arrayBuffer())));

    // 2b. Link a file a colleague shared with the user: it lives in the colleague's drive.
    picker = await openPicker(page);
    await picker.getByRole('button', { name: 'Shared with me' }).click();
    await picker.getByRole('checkbox', { name: 'Quarterly report.docx' }).check();
    await screenshot(picker, 'shared-with-me', 'picker');
    await Promise.all([picker.waitForEvent('close'), picker.getByRole('button', { name: 'Link' }).click()]);
    await page.locator('#attachments li', { hasText: 'Quarterly report.docx' }).waitFor();
    const afterShared = (await (await hubApi('GET', '/files/attachments?entityType=requirement&entityId=REQ-1')).json()) as { items: Array<{ name: string; driveId: string }> };
    const sharedLink = afterShared.items.find((a) => a.name === 'Quarterly report.docx')!;
    assert.notEqual(sharedLink.driveId, afterShared.items.find((a) => a.name === 'Evidence register.xlsx')!.driveId, "linked in the colleague's drive, not the user's");

    // 3. Remove the link.
    await page.getByRole('button', { name: 'Remove Evidence register.xlsx' }).click();
    await page.locator('#attachments li', { hasText: 'Evidence register.xlsx' }).waitFor({ state: 'detached' });
    await page.locator('#attachments li', { hasText: teamFile }).waitFor();
    assert.deepEqual(errors(), []);
  });

  test('the selection goes to the session origin only; a forged or expired session gets a clear page', async () => {
    if (!(await connected())) await connectThroughHost(await openHostPage());
    const session = (await (await hubApi('POST', '/picker/sessions', { externalUserId: HOST_USER, entityType: 'requirement', entityId: 'REQ-2', origin: host.url, mode: 'link' })).json()) as { url: string };
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    context.setDefaultTimeout(15_000);
    const opener = await context.newPage();
    await opener.goto(evilUrl);
    const [picker] = await Promise.all([opener.waitForEvent('popup'), opener.evaluate((url) => void window.open(url, 'picker', 'popup'), session.url)]);
    // Found by search this time.
    await picker.getByRole('checkbox').first().waitFor();
    await picker.getByLabel('Search this location').fill('Evidence');
    await picker.getByRole('button', { name: 'Search', exact: true }).click();
    await picker.getByRole('checkbox', { name: 'Evidence register.xlsx' }).check();
    await Promise.all([picker.waitForEvent('close'), picker.getByRole('button', { name: 'Link' }).click()]);
    // The picker posted before closing; a message for this window would have been queued ahead of this evaluation.
    assert.deepEqual(await opener.evaluate(() => (window as unknown as { got: unknown[] }).got), []);

    const forged = `${session.url.slice(0, -3)}xyz`;
    const bad = await opener.goto(forged);
    assert.equal(bad?.status(), 401);
    await opener.getByRole('heading', { name: 'This picker link is not valid' }).waitFor();
    await screenshot(opener, 'forged-session', 'picker');

    // A session signed by this hub 11 minutes ago (its life is 10): the page says it expired and what to do.
    const keys = pickerSigningKeys(hub.config.encryptionKeys!);
    const stale = signPickerSession({ workspaceId, externalUserId: HOST_USER, entityType: 'requirement', entityId: 'REQ-2', origin: host.url, mode: 'link' }, keys, new Date(Date.now() - 11 * 60_000));
    const expired = await opener.goto(`${new URL(session.url).origin}/picker/${stale.token}`);
    assert.equal(expired?.status(), 410);
    await opener.getByRole('heading', { name: /This picker has expired/ }).waitFor();
    assert.deepEqual(await axeViolations(opener), [], 'axe on the expired page');
    await screenshot(opener, 'expired-session', 'picker');
  });

  test('a user who has not connected is told where to connect', async () => {
    const session = (await (await hubApi('POST', '/picker/sessions', { externalUserId: 'never-connected', entityType: 'requirement', entityId: 'REQ-3', origin: host.url })).json()) as { url: string };
    const context = await browser.newContext({ viewport: { width: 400, height: 700 } });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    await page.goto(session.url);
    await page.getByRole('alert').filter({ hasText: 'You have not connected Microsoft 365 yet.' }).waitFor();
    assert.match((await page.getByRole('alert').textContent()) ?? '', /User Settings → Integrations/);
    await screenshot(page, 'not-connected', 'picker');
  });
});
