// A real hub talking to the real emulator over HTTPS, with helpers that act like a browser (cookies kept per
// "browser", redirects not followed so each hop can be checked) and like a host product's backend (API key).
import { startEmulator, type EmulatorHandle } from '../../../emulator/harness.js';
import type { FetchLike } from '../../../emulator/client/trusting-fetch.js';
import { nodeExchange } from '../../../src/microsoft/transport/index.js';
import type { DialectName } from '../../../src/platform/store/database.js';
import { startTestHub, type TestHub } from '../../support/hub.js';

export const CONTOSO = 'c0a7e5a0-5e3d-4b7a-9a65-7c0e2f4d1a01';
export const FABRIKAM = 'fab71ca0-2d4e-4c1b-8e3f-6a9b0c1d2e02';
export const DEMO_APP = '5d3a6c1e-8f2b-4e7d-a9c0-1b2c3d4e5f60';
export const DEMO_SECRET = 'Dem8Q~m365hub-demo-client-secret-0000001';
export const PASSWORD = 'Passw0rd!';

/** A browser: a cookie jar and requests that never follow redirects. */
export class Browser {
  readonly cookies = new Map<string, string>();
  constructor(private readonly base: string) {}

  async get(pathOrUrl: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.request('GET', pathOrUrl, undefined, headers);
  }

  async request(method: string, pathOrUrl: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    const url = new URL(pathOrUrl, this.base);
    const response = await fetch(url, {
      method,
      redirect: 'manual',
      headers: {
        ...(this.cookies.size ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...value] = pair!.split('=');
      if (/max-age=0/i.test(line)) this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value.join('='));
    }
    return response;
  }
}

/** A console user signed in through the API: a browser with the session cookie, plus the CSRF header. */
export interface ConsoleSession {
  browser: Browser;
  csrf: Record<string, string>;
  userId: string;
  call(method: string, path: string, body?: unknown): Promise<Response>;
}

export interface ConnectKit {
  emulator: EmulatorHandle;
  hub: TestHub;
  admin: ConsoleSession;
  signIn(email: string, password: string): Promise<ConsoleSession>;
  /** A workspace with a configured integration (demo app, multi-tenant, onedrive delegated + directory application). */
  workspace(name: string, integration?: Record<string, unknown>): Promise<{ id: string; apiKey: string }>;
  /** Adds a console member to a workspace and signs them in. */
  member(workspaceId: string, email: string): Promise<ConsoleSession>;
  /** Walks the emulator's sign-in pages for the authorize URL; returns the URL Microsoft redirects to. */
  microsoftSignIn(authorizeUrl: string, username: string, consent?: 'accept' | 'cancel'): Promise<string>;
  api(apiKey: string, method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

/** Signs a console user in through the API (what a browser does), for a hub at `hubUrl`. */
export async function consoleSignIn(hubUrl: string, email: string, password: string): Promise<ConsoleSession> {
  const browser = new Browser(hubUrl);
  const response = await browser.request('POST', '/api/v1/auth/sign-in', { email, password });
  if (response.status !== 200) throw new Error(`sign-in ${email}: ${response.status} ${await response.text()}`);
  const session = (await response.json()) as { csrfToken: string; user: { id: string } };
  const csrf = { 'x-csrf-token': session.csrfToken };
  return { browser, csrf, userId: session.user.id, call: (method, path, body) => browser.request(method, path, body, method === 'GET' ? {} : csrf) };
}

/** A workspace with the demo app's integration (onedrive delegated + directory application unless overridden) and an API key. */
export async function createWorkspace(hubUrl: string, admin: ConsoleSession, name: string, integration: Record<string, unknown> = {}): Promise<{ id: string; apiKey: string }> {
  const created = await admin.call('POST', '/api/v1/workspaces', { name });
  const { id } = (await created.json()) as { id: string };
  const put = await admin.call('PUT', `/api/v1/workspaces/${id}/integrations/m365`, {
    clientId: DEMO_APP,
    clientSecret: DEMO_SECRET,
    services: [
      { service: 'onedrive', modes: ['delegated'] },
      { service: 'directory', modes: ['application'] },
    ],
    redirectUri: `${hubUrl}/auth/m365/callback`,
    ...integration,
  });
  if (put.status !== 201) throw new Error(`integration: ${put.status} ${await put.text()}`);
  const key = await admin.call('POST', `/api/v1/workspaces/${id}/api-keys`, { name: 'backend' });
  return { id, apiKey: ((await key.json()) as { key: string }).key };
}

export async function startConnectKit(dialect: DialectName, options: { env?: Record<string, string> | ((emulatorUrl: string) => Record<string, string>); withBackendUrl?: boolean; wrapFetch?: (emulatorFetch: FetchLike) => FetchLike; /** Pass-through calls over production's node:http(s) exchange, trusting the emulator's CA. */ nodeExchange?: boolean } = {}): Promise<ConnectKit> {
  const emulator = await startEmulator();
  let hub: TestHub | undefined;
  try {
    hub = await startTestHub({
      dialect,
      fetch: options.wrapFetch ? options.wrapFetch(emulator.fetch) : emulator.fetch,
      ...(options.nodeExchange ? { exchange: nodeExchange({ extraCa: emulator.ca }) } : {}),
      ...(options.withBackendUrl ? { withBackendUrl: true } : {}),
      env: { M365HUB_LOGIN_URL: emulator.url, M365HUB_GRAPH_URL: emulator.url, ...(typeof options.env === 'function' ? options.env(emulator.url) : options.env) },
    });
    const started = hub;
    const signIn = (email: string, password: string) => consoleSignIn(started.url, email, password);
    const admin = await signIn(started.admin.email, started.admin.password);
    const kit: ConnectKit = {
      emulator,
      hub: started,
      admin,
      signIn,
      workspace: (name, integration = {}) => createWorkspace(started.url, admin, name, integration),
      async member(workspaceId, email) {
        const added = await admin.call('POST', `/api/v1/workspaces/${workspaceId}/members`, { email, role: 'member', password: 'correct horse battery staple' });
        if (added.status !== 201) throw new Error(`member: ${added.status} ${await added.text()}`);
        return signIn(email, 'correct horse battery staple');
      },
      async microsoftSignIn(authorizeUrl, username, consent = 'accept') {
        return (await emulator.signIn(authorizeUrl, { username, password: PASSWORD, consent })).url;
      },
      api(apiKey, method, path, body, headers = {}) {
        return fetch(new URL(path, started.url), {
          method,
          redirect: 'manual',
          headers: { authorization: `Bearer ${apiKey}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
          ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        });
      },
      async close() {
        await started.close();
        await emulator.close();
      },
    };
    return kit;
  } catch (error) {
    await hub?.close();
    await emulator.close();
    throw error;
  }
}

/** A host backend's user connects through a connect link and the emulator's sign-in pages; throws unless it ends connected. */
export async function connectHostUser(kit: ConnectKit, workspace: { id: string; apiKey: string }, externalUserId: string, username: string): Promise<void> {
  const created = await kit.api(workspace.apiKey, 'POST', `/api/v1/workspaces/${workspace.id}/users/${externalUserId}/connect-link`, { returnTo: `${kit.hub.url}/host/done` });
  const link = (await created.json()) as { url: string };
  const browser = new Browser(kit.hub.url);
  const start = await browser.get(link.url);
  const done = await browser.get(await kit.microsoftSignIn(start.headers.get('location')!, username));
  if (done.status !== 303) throw new Error(`connect ${externalUserId}: ${done.status} ${await done.text()}`);
}

/** Starts a console user's connect flow and walks Microsoft's pages; returns the callback URL Microsoft sent back. */
export async function consoleConnect(kit: ConnectKit, user: ConsoleSession, workspaceId: string, username: string, returnTo = '/settings/integrations'): Promise<string> {
  const start = await user.browser.get(`/auth/m365/connect?workspaceId=${workspaceId}&returnTo=${encodeURIComponent(returnTo)}`);
  if (start.status !== 302) throw new Error(`connect start: ${start.status} ${await start.text()}`);
  return kit.microsoftSignIn(start.headers.get('location')!, username);
}

/** Polls a job resource (the hub's own worker runs it) until it ends; fails after `timeoutMs`. */
export async function finishedJob<T extends { status: string }>(read: () => Promise<T>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await read();
    if (!['queued', 'running'].includes(job.status)) return job;
    if (Date.now() > deadline) throw new Error(`job still ${JSON.stringify(job)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
