// A real browser (Debian Chromium through playwright-core) signs in and consents through the emulator's HTML
// pages, then lands on the app's redirect URI with a code that redeems. Screenshots go to test-results/.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { startEmulator, type EmulatorHandle } from '../harness.js';

let emulator: EmulatorHandle;
let browser: Browser;
let callbackServer: http.Server;
let callbackBase: string;

before(async () => {
  emulator = await startEmulator();
  callbackServer = http.createServer((_req, res) => res.end('<html><body><h1>Back in the app</h1></body></html>'));
  await new Promise<void>((resolve) => callbackServer.listen(0, '127.0.0.1', resolve));
  callbackBase = `http://127.0.0.1:${(callbackServer.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  mkdirSync('test-results', { recursive: true });
});
after(async () => {
  await browser?.close();
  await emulator?.close();
  await new Promise((resolve) => callbackServer?.close(resolve));
});

test('sign in and consent through the real pages, then redeem the code', async () => {
  const tid = emulator.tenantId!;
  const redirectUri = `${callbackBase}/auth/m365/callback`;
  const app = await emulator.createApplication(tid, { displayName: 'Contoso Compliance Hub', redirectUris: [redirectUri] });
  const secret = await emulator.addSecret(tid, app.appId);
  // The browser does not know the emulator's private CA; a real user would install it, the test skips the check.
  const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1100, height: 820 } });
  const page = await context.newPage();
  const params = new URLSearchParams({ client_id: app.appId, response_type: 'code', redirect_uri: redirectUri, scope: 'openid profile offline_access User.Read Files.Read.All', state: 'browser-state' });
  await page.goto(`${emulator.url}/${tid}/oauth2/v2.0/authorize?${params}`);

  await page.locator('#i0116').fill('lee@contoso.onmicrosoft.com');
  await page.locator('#i0118').fill('wrong password');
  await page.locator('#idSIButton9').click();
  await page.getByRole('alert').waitFor();
  assert.match(await page.getByRole('alert').innerText(), /password is incorrect/);
  await page.screenshot({ path: 'test-results/emulator-sign-in-error.png' });

  await page.locator('#i0118').fill(emulator.seed!.password);
  await page.locator('#idSIButton9').click();
  await page.getByRole('heading', { name: 'Permissions requested' }).waitFor();
  const text = await page.locator('ul.permissions').innerText();
  assert.match(text, /Sign you in and read your profile/, 'User.Read user consent title from Microsoft permission data');
  assert.match(text, /Read all files that you have access to/);
  await page.screenshot({ path: 'test-results/emulator-consent.png' });

  await page.getByRole('button', { name: 'Accept' }).click();
  await page.waitForURL((url) => url.href.startsWith(redirectUri));
  const landed = new URL(page.url());
  assert.equal(landed.searchParams.get('state'), 'browser-state');
  const code = landed.searchParams.get('code');
  assert.ok(code);

  const response = await emulator.fetch(`${emulator.url}/${tid}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', client_id: app.appId, client_secret: secret.secretText, code, redirect_uri: redirectUri }).toString(),
  });
  assert.equal(response.status, 200);

  // The session cookie signs the user in silently the next time (prompt=none works now).
  await page.goto(`${emulator.url}/${tid}/oauth2/v2.0/authorize?${new URLSearchParams({ ...Object.fromEntries(params), prompt: 'none' })}`);
  await page.waitForURL((url) => url.href.startsWith(redirectUri));
  assert.ok(new URL(page.url()).searchParams.get('code'));

  // The sign-in page itself, for the record.
  const fresh = await context.newPage();
  await fresh.goto(`${emulator.url}/${tid}/oauth2/v2.0/authorize?${new URLSearchParams({ ...Object.fromEntries(params), prompt: 'login' })}`);
  await fresh.locator('#i0116').waitFor();
  await fresh.screenshot({ path: 'test-results/emulator-sign-in.png' });
  await context.close();
});

// admin-consent-workflow-overview: with the workflow on, a user who may not consent asks for approval with a
// justification; after an admin approves (control API here), the same browser signs in without any prompt.
test('"Approval required": the browser requests approval with a justification, then signs in once an admin approved', async () => {
  const tid = emulator.tenantId!;
  const redirectUri = `${callbackBase}/auth/m365/callback`;
  const app = await emulator.createApplication(tid, { displayName: 'Contoso Audit Viewer', redirectUris: [redirectUri], requiredPermissions: { delegated: ['User.Read', 'Directory.Read.All'] } });
  const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  const params = new URLSearchParams({ client_id: app.appId, response_type: 'code', redirect_uri: redirectUri, scope: 'openid User.Read Directory.Read.All', state: 'approval', login_hint: 'jordan@contoso.onmicrosoft.com' });
  await page.goto(`${emulator.url}/${tid}/oauth2/v2.0/authorize?${params}`);
  await page.locator('#i0118').fill(emulator.seed!.password);
  await page.locator('#idSIButton9').click();
  await page.getByRole('heading', { name: 'Approval required' }).waitFor();
  assert.match(await page.locator('ul.permissions').innerText(), /Read directory data/);

  await page.screenshot({ path: 'test-results/emulator-approval-required.png' });
  // The browser itself refuses an empty justification (required); the link buttons skip that check.
  await page.getByRole('button', { name: 'Request approval' }).click();
  assert.equal(await page.locator('#justification').evaluate((el) => (el as HTMLTextAreaElement).validity.valueMissing), true);
  await page.getByLabel('Enter justification for requesting this app').fill('I prepare the quarterly access review.');
  await page.getByRole('button', { name: 'Request approval' }).click();
  await page.getByRole('heading', { name: 'Request sent' }).waitFor();
  await page.screenshot({ path: 'test-results/emulator-approval-request-sent.png' });
  await page.getByRole('button', { name: 'Return to the application' }).click();
  await page.waitForURL((url) => url.href.startsWith(redirectUri));
  assert.equal(new URL(page.url()).searchParams.get('error'), 'access_denied');

  const [request] = (await emulator.consentRequests(tid)).filter((r) => r.appId === app.appId);
  assert.equal(request!.userConsentRequests[0]!.reason, 'I prepare the quarterly access review.');
  await emulator.decideConsentRequest(tid, request!.id, { result: 'Approve', justification: 'Approved for audits' });

  await page.goto(`${emulator.url}/${tid}/oauth2/v2.0/authorize?${params}`);
  await page.waitForURL((url) => url.href.startsWith(redirectUri));
  assert.ok(new URL(page.url()).searchParams.get('code'), 'approved: signed in without a consent page');
  await context.close();
});
