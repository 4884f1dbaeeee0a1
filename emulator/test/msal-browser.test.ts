// msal-browser in a real browser (issue 10 item 6): an unmodified @azure/msal-browser PublicClientApplication, bundled
// with esbuild and served from a localhost page registered as a single-page application redirect URI, signs in with
// loginPopup through the emulator's pages in Debian's Chromium, redeems the code cross-origin (PKCE, no secret),
// then acquireTokenSilent answers from its cache and, forced, renews with the SPA refresh token cross-origin
// (v2-oauth2-auth-code-flow "Redirect URIs for single-page apps"; refresh-tokens "Token lifetime").
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { browserSkipReason, launchBrowser } from '../../test/support/browser.js';
import { startEmulator, type EmulatorHandle } from '../harness.js';
import { claimsOf } from './support/jwt.js';

let emulator: EmulatorHandle;
let browser: Browser;
let server: http.Server;
let origin: string;
let appId: string;

async function bundle(entry: string): Promise<string> {
  const result = await build({ entryPoints: [path.resolve('emulator/test/support/spa', entry)], bundle: true, format: 'iife', platform: 'browser', target: 'chrome120', write: false, logLevel: 'silent' });
  return result.outputFiles[0]!.text;
}

const skip = browserSkipReason();

before(async () => {
  if (skip) return;
  emulator = await startEmulator();
  const [appJs, bridgeJs] = await Promise.all([bundle('msal-browser-app.ts'), bundle('redirect-bridge.ts')]);
  server = http.createServer((req, res) => {
    const send = (type: string, body: string) => res.writeHead(200, { 'content-type': type }).end(body);
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname === '/app.js') return send('text/javascript', appJs);
    if (url.pathname === '/bridge.js') return send('text/javascript', bridgeJs);
    if (url.pathname === '/redirect') return send('text/html', '<!doctype html><title>Signing in</title><script src="/bridge.js"></script>');
    const settings = { clientId: appId, authority: emulator.authority(), knownAuthority: new URL(emulator.url).host, redirectUri: `${origin}/redirect` };
    return send('text/html', `<!doctype html><title>SPA</title><script>window.spaSettings = ${JSON.stringify(settings)};</script><script src="/app.js"></script>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  const app = await emulator.createApplication(emulator.tenantId!, { displayName: 'Contoso SPA', requiredPermissions: { delegated: ['User.Read'] } });
  appId = app.appId;
  await emulator.updateApplication(emulator.tenantId!, appId, { spaRedirectUris: [`${origin}/redirect`] });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await emulator?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
});

interface Summary {
  accessToken: string;
  username: string;
  tenantId: string;
  idTokenClaims: Record<string, unknown>;
  fromCache: boolean;
}

/** The popup: sign-in page, then the consent page the first time the user meets the app. */
async function signInWithPopup(page: Page, options: { consent: boolean }): Promise<Summary> {
  const popupOpened = page.waitForEvent('popup');
  const login = page.evaluate(() => (window as unknown as { spa: { loginPopup(): Promise<Summary> } }).spa.loginPopup());
  const popup = await popupOpened;
  await popup.locator('#i0116').fill('dana@contoso.onmicrosoft.com');
  await popup.locator('#i0118').fill(emulator.seed!.password);
  await popup.locator('#idSIButton9').click();
  if (options.consent) await popup.getByRole('button', { name: 'Accept' }).click();
  return login;
}

describe('msal-browser in Chromium', { skip }, () => {
  test('loginPopup through the emulator pages, then acquireTokenSilent from the cache and, forced, with the SPA refresh token', async () => {
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(origin);

    const signedIn = await signInWithPopup(page, { consent: true });
    assert.equal(signedIn.username, 'dana@contoso.onmicrosoft.com');
    assert.equal(signedIn.tenantId, emulator.tenantId);
    assert.equal(signedIn.idTokenClaims.aud, appId);
    assert.equal(claimsOf(signedIn.accessToken).upn, 'dana@contoso.onmicrosoft.com');
    assert.match(String(claimsOf(signedIn.accessToken).scp), /User\.Read/);

    const cached = await page.evaluate(() => (window as unknown as { spa: { acquireTokenSilent(f: boolean): Promise<Summary> } }).spa.acquireTokenSilent(false));
    assert.equal(cached.fromCache, true);
    assert.equal(cached.accessToken, signedIn.accessToken);

    const renewed = await page.evaluate(() => (window as unknown as { spa: { acquireTokenSilent(f: boolean): Promise<Summary> } }).spa.acquireTokenSilent(true));
    assert.equal(renewed.fromCache, false);
    assert.notEqual(renewed.accessToken, signedIn.accessToken);
    const tokenCalls = (await emulator.requests(50)).filter((r) => r.path.endsWith('/oauth2/v2.0/token') && r.method === 'POST' && r.client_id === appId);
    const served = tokenCalls.map((r) => `${r.grant_type} ${r.status}`).sort();
    assert.deepEqual(served, ['authorization_code 200', 'refresh_token 200'], 'one code redemption, one refresh, both cross-origin without a secret');
    assert.deepEqual(pageErrors, []);
    await context.close();
  });

  test('after 24 hours of emulator time the SPA refresh token is refused (AADSTS700084, suberror bad_token) and msal-browser asks for interaction', async () => {
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    const page = await context.newPage();
    await page.goto(origin);
    await signInWithPopup(page, { consent: false });
    await emulator.advanceClock(24 * 3600 + 60);
    const error = await page.evaluate(() => (window as unknown as { spa: { acquireTokenSilentError(): Promise<Record<string, string> | undefined> } }).spa.acquireTokenSilentError());
    assert.ok(error, 'the silent renewal must fail');
    assert.equal(error.name, 'InteractionRequiredAuthError', JSON.stringify(error));
    const refused = (await emulator.requests(50)).filter((r) => r.grant_type === 'refresh_token' && r.client_id === appId && r.status === 400);
    assert.ok(refused.some((r) => r.error_code === 700084), JSON.stringify(refused));
    await context.close();
  });
});
