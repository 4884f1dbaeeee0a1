// Launches Debian's Chromium (never a downloaded browser) for the console's browser tests.
// Where Chromium is missing the browser tests skip with the reason, except under CI=true, where .ci/run installs
// it: a missing browser there means the journey was not tested, which must fail rather than pass quietly.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';

export const chromiumPath = '/usr/bin/chromium';

/** Where screenshots go (git-ignored); created on first use. */
export const resultsDir = path.resolve('test-results');

/** node:test `skip` value for browser suites: the reason to skip, or false to run. */
export function browserSkipReason(): string | false {
  if (existsSync(chromiumPath)) return false;
  if (process.env.CI === 'true') return false; // launchBrowser() then fails with the explanation
  return `${chromiumPath} is not installed (apt-get install chromium); browser tests skipped`;
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `CI=true but ${chromiumPath} is missing: install Debian's chromium package (.ci/run does) so the browser tests run.`,
    );
  }
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** Saves a full-page screenshot as test-results/<journey>-<step>.png (console-… by default), for people to look at. */
export async function screenshot(page: Page, step: string, journey = 'console'): Promise<string> {
  mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${journey}-${step}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Uncaught errors and console errors of a page, for a test to assert none happened: a journey that "passes" while
 * the app throws is broken. Chromium's own "Failed to load resource" lines are left out: the console meets expected
 * 401s (no session yet, a wrong password) and shows them to the user itself.
 */
export function collectPageErrors(page: Page): () => string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      errors.push(`console.error: ${message.text()}`);
    }
  });
  return () => errors;
}

/** Signs in through the console's own form, as a person does, and waits for a workspace page. */
export async function signInOnPage(page: Page, credentials: { email: string; password: string }): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(credentials.email);
  await page.getByLabel('Password').fill(credentials.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/w\//);
}

/**
 * Signs in at the emulator's copy of Microsoft's sign-in page once the page has been sent there (`emulatorUrl`);
 * Microsoft's consent page may follow. Every seeded emulator user has the seed password unless given another.
 */
export async function signInAtMicrosoft(page: Page, emulatorUrl: string, username: string, options: { password?: string; mfa?: boolean } = {}): Promise<void> {
  await page.waitForURL((url) => url.href.startsWith(emulatorUrl));
  await page.locator('#i0116').fill(username);
  await page.locator('#i0118').fill(options.password ?? 'Passw0rd!');
  await page.locator('#idSIButton9').click();
  // Administrators meet the seeded "Require multifactor authentication for admins" policy: the emulator's fixed code.
  if (options.mfa) {
    await page.locator('#idTxtBx_SAOTCC_OTC').fill('123456');
    await page.locator('#idSubmit_SAOTCC_Continue').click();
  }
}

/** axe's WCAG 2.1 A/AA violations on the page, each as `rule (selectors)`: a test asserts the list is empty. */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}
