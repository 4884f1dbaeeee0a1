// Drives the emulator's sign-in and consent pages without a browser: follows the form posts a user would make
// and returns where the flow finally sends the browser. For product tests that need an authorization code but
// not a browser (the browser test in emulator/test covers the real pages).
import { emulatorVerificationCode } from '../ui/interaction-pages.js';
import type { FetchLike } from './trusting-fetch.js';

export interface PageDriverOptions {
  username?: string;
  password?: string;
  /** What to press on a consent page (default accept). */
  consent?: 'accept' | 'cancel';
  /**
   * On "Approval required" (admin consent workflow on): press "Request approval" with this justification, then
   * "Return to the application". Without it the driver returns to the application at once.
   */
  requestApproval?: string;
  /**
   * What to type on the second-factor page (conditional access asking for MFA). Defaults to the emulator's fixed
   * verification code, as a user reading it off their authenticator app would.
   */
  mfaCode?: string;
}

export interface FlowResult {
  /** The redirect URI with the response parameters (query or fragment), or the form_post target. */
  url: string;
  /** The response parameters, however they were delivered. */
  params: Record<string, string>;
}

const hiddenField = (html: string, name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1];
const formAction = (html: string) => /<form method="post" action="([^"]+)"/i.exec(html)?.[1];
const unescapeHtml = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

function paramsOf(url: URL): Record<string, string> {
  const source = url.hash.length > 1 ? new URLSearchParams(url.hash.slice(1)) : url.searchParams;
  return Object.fromEntries(source);
}

export async function driveInteractiveFlow(fetch: FetchLike, startUrl: string, options: PageDriverOptions = {}): Promise<FlowResult> {
  const cookies = new Map<string, string>();
  const remember = (response: Response) => {
    for (const line of response.headers.getSetCookie?.() ?? []) {
      const [pair] = line.split(';');
      const [name, ...value] = pair!.split('=');
      cookies.set(name!.trim(), value.join('='));
    }
  };
  const cookieHeader = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  let response = await fetch(startUrl, { redirect: 'manual', headers: { cookie: cookieHeader() } });
  const origin = new URL(startUrl).origin;
  for (let step = 0; step < 10; step++) {
    remember(response);
    const location = response.headers.get('location');
    if (location) {
      const url = new URL(location, startUrl);
      if (url.origin !== origin) return { url: url.toString(), params: paramsOf(url) };
      response = await fetch(url, { redirect: 'manual', headers: { cookie: cookieHeader() } });
      continue;
    }
    const html = await response.text();
    if (html.includes('name="hiddenform"')) {
      const action = unescapeHtml(/action="([^"]+)"/.exec(html)![1]!);
      const params = Object.fromEntries([...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1]!, unescapeHtml(m[2]!)]));
      return { url: action, params };
    }
    // The device login page's confirmation: the sign-in is over and nothing is sent to a redirect URI.
    if (html.includes('data-testid="device-done"')) return { url: response.url || startUrl, params: {} };
    const action = formAction(html);
    const ctx = hiddenField(html, 'ctx');
    if (!action || !ctx) throw new Error(`the emulator answered ${response.status} with a page the driver cannot continue: ${unescapeHtml(html.replace(/<head>[\s\S]*?<\/head>/, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')).trim().slice(0, 600)}`);
    const form = new URLSearchParams({ ctx });
    if (html.includes('name="passwd"')) {
      if (!options.username) throw new Error('the sign-in page is shown: pass a username and password');
      form.set('action', 'signin');
      form.set('login', options.username);
      form.set('passwd', options.password ?? '');
    } else if (html.includes('id="idTxtBx_SAOTCC_OTC"')) {
      form.set('otc', options.mfaCode ?? emulatorVerificationCode);
    } else if (options.requestApproval !== undefined && html.includes('id="requestApproval"')) {
      form.set('action', 'request');
      form.set('justification', options.requestApproval);
    } else if (html.includes('id="returnToApp"')) {
      form.set('action', 'return');
    } else {
      form.set('action', options.consent ?? 'accept');
    }
    response = await fetch(new URL(unescapeHtml(action), origin), {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader() },
      body: form.toString(),
    });
  }
  throw new Error('the interactive flow did not finish within 10 steps');
}
