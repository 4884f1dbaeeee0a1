// The Graph pass-through as a host backend and a console user use it, against the emulator: the acting user's or
// the app's token attached, Graph's answers (errors included) passed back unchanged, one test per attack on the
// path (each checked never to reach Microsoft), policing by the enabled services and the operator's opening, the
// per-tenant pause after Microsoft's 429, and the per-key rate limit.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { rawRequest } from '../support/raw-request.js';
import { Readable } from 'node:stream';
import { checkPassthroughPath, jsonOf, passThrough } from '../../src/microsoft/graph/graph-passthrough.js';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMicrosoftTransport, exchangeOverFetch, nodeExchange, type MicrosoftTransport } from '../../src/microsoft/transport/index.js';
import { Browser, CONTOSO, startConnectKit, type ConnectKit, type ConsoleSession } from '../connect/support/connect-kit.js';


async function connectHostUser(kit: ConnectKit, ws: { id: string; apiKey: string }, externalUserId: string, upn: string): Promise<void> {
  const link = (await (await kit.api(ws.apiKey, 'POST', `/api/v1/workspaces/${ws.id}/users/${externalUserId}/connect-link`, { returnTo: `${kit.hub.url}/host/done` })).json()) as { url: string };
  const browser = new Browser(kit.hub.url);
  const start = await browser.get(link.url);
  assert.equal((await browser.get(await kit.microsoftSignIn(start.headers.get('location')!, upn))).status, 303);
}

describe('Graph pass-through', () => {
  let kit: ConnectKit;
  let ws: { id: string; apiKey: string };
  let member: ConsoleSession;
  const proxy = (path: string) => `/api/v1/workspaces/${ws.id}/proxy/graph/v1.0${path}`;
  const asUser = { 'x-m365hub-acting-user': 'px-user' };
  const asApp = { 'x-m365hub-mode': 'application' };

  before(async () => {
    kit = await startConnectKit('pglite', { nodeExchange: true });
    ws = await kit.workspace('Pass-through', { azureTenantId: CONTOSO });
    await connectHostUser(kit, ws, 'px-user', 'dana@contoso.onmicrosoft.com');
    member = await kit.member(ws.id, 'px.member@example.com');
  });
  after(async () => kit?.close());

  const graphRequestsTo = async (fragment: string) => (await kit.emulator.requests(500)).filter((r) => JSON.stringify(r).includes(fragment)).length;

  it("acts for the connected user: Graph's body, status and headers come back", async () => {
    const me = await kit.api(ws.apiKey, 'GET', proxy('/me?$select=userPrincipalName,id'), undefined, asUser);
    assert.equal(me.status, 200, await me.clone().text());
    assert.equal(((await me.json()) as { userPrincipalName: string }).userPrincipalName, 'dana@contoso.onmicrosoft.com');
    assert.ok(me.headers.get('request-id'), "Graph's request-id passes through");
    assert.equal(me.headers.get('odata-version'), '4.0');
    const drive = await kit.api(ws.apiKey, 'GET', proxy('/me/drive'), undefined, asUser);
    assert.equal(drive.status, 200, 'OneDrive is an enabled delegated service');
    assert.equal(((await drive.json()) as { driveType: string }).driveType, 'business');
  });

  it('acts for the app with X-M365Hub-Mode: application; Graph errors pass through unchanged', async () => {
    const users = await kit.api(ws.apiKey, 'GET', proxy('/users?$top=2'), undefined, asApp);
    assert.equal(users.status, 200);
    assert.equal(((await users.json()) as { value: unknown[] }).value.length, 2);
    const missing = await kit.api(ws.apiKey, 'GET', proxy('/users/00000000-0000-0000-0000-00000000dead'), undefined, asApp);
    assert.equal(missing.status, 404);
    assert.equal(((await missing.json()) as { error: { code: string } }).error.code, 'Request_ResourceNotFound');
  });

  it('a console member acts as themselves but may not use the app token', async () => {
    const app = await member.browser.get(proxy('/users'), asApp);
    assert.equal(app.status, 403);
    assert.equal(((await app.json()) as { code: string }).code, 'application_mode_forbidden');
    const own = await member.browser.get(proxy('/me'));
    assert.equal(own.status, 404, 'the member has no connection of their own');
    assert.equal(((await own.json()) as { code: string }).code, 'connection_not_found');
  });

  for (const [attack, path] of [
    ['dot-dot segment', '/me/../../users'],
    ['encoded dot-dot', '/me/%2e%2e/%2E%2E/users'],
    ['encoded slash', '/me%2F..%2Fusers'],
    ['backslash', '/me\\..\\users'],
    ['absolute URL in the path', '/https://evil.example/steal'],
    ['another host after an empty segment', '//evil.example/steal'],
    ['encoded NUL', '/me%00'],
  ] as const) {
    it(`attack: ${attack} is refused with 400 and never reaches Microsoft`, async () => {
      const before = await graphRequestsTo('evil.example');
      const answer = await rawRequest(kit.hub.url, `/api/v1/workspaces/${ws.id}/proxy/graph/v1.0${path}`, { authorization: `Bearer ${ws.apiKey}`, ...asUser });
      assert.equal(answer.status, 400, answer.body);
      assert.equal(JSON.parse(answer.body).code, 'proxy_path_invalid');
      assert.equal(await graphRequestsTo('evil.example'), before);
    });
  }

  it('a path of a service the workspace did not enable is refused naming the service; an uncovered path until an operator opens it', async () => {
    const mail = await kit.api(ws.apiKey, 'GET', proxy('/me/messages'), undefined, asUser);
    assert.equal(mail.status, 403);
    const problem = (await mail.json()) as { code: string; detail: string };
    assert.equal(problem.code, 'service_not_enabled');
    assert.match(problem.detail, /Outlook mail \(delegated\)/);

    const uncovered = await kit.api(ws.apiKey, 'GET', proxy('/print/printers'), undefined, asUser);
    assert.equal(((await uncovered.json()) as { code: string }).code, 'proxy_path_not_covered');
    // Workspace admins who are not operators cannot open it; the instance administrator can, and it is audited.
    const admin = await kit.member(ws.id, 'px.admin@example.com');
    await kit.admin.call('PATCH', `/api/v1/workspaces/${ws.id}/members/${admin.userId}`, { role: 'admin' });
    assert.equal((await admin.call('PUT', `/api/v1/workspaces/${ws.id}/proxy/settings`, { openPassthrough: true })).status, 403);
    assert.equal((await kit.admin.call('PUT', `/api/v1/workspaces/${ws.id}/proxy/settings`, { openPassthrough: true })).status, 200);
    const opened = await kit.api(ws.apiKey, 'GET', proxy('/print/printers'), undefined, asUser);
    assert.notEqual(opened.status, 403, 'the call reached Microsoft (the emulator answers what it answers)');
    const audit = await kit.hub.hub.store.db.selectFrom('audit_log').select('action').where('workspace_id', '=', ws.id).where('action', '=', 'proxy.opened').execute();
    assert.equal(audit.length, 1);
    await kit.admin.call('PUT', `/api/v1/workspaces/${ws.id}/proxy/settings`, { openPassthrough: false });
  });

  it("another workspace's key cannot use this workspace's connection", async () => {
    const other = await kit.workspace('Elsewhere', { azureTenantId: CONTOSO });
    const answer = await kit.api(other.apiKey, 'GET', `/api/v1/workspaces/${other.id}/proxy/graph/v1.0/me`, undefined, asUser);
    assert.equal(answer.status, 404);
    assert.equal(((await answer.json()) as { code: string }).code, 'connection_not_found');
    const cross = await kit.api(other.apiKey, 'GET', proxy('/me'), undefined, asUser);
    assert.equal(cross.status, 404, "another workspace's id answers as missing");
  });

  it("application mode with a client secret Microsoft refuses: a problem that names the registration's fault, not a server error", async () => {
    const wrong = await kit.workspace('Wrong secret', { azureTenantId: CONTOSO, clientSecret: 'not-the-secret~0000000000000000000000' });
    const answer = await kit.api(wrong.apiKey, 'GET', `/api/v1/workspaces/${wrong.id}/proxy/graph/v1.0/users?$top=1`, undefined, { 'x-m365hub-mode': 'application' });
    const problem = (await answer.json()) as { code: string; status: number; detail: string };
    assert.ok(answer.status < 500, `got ${answer.status} ${JSON.stringify(problem)}`);
    assert.equal(problem.code, 'invalid_client_secret');
    assert.doesNotMatch(JSON.stringify(problem), /not-the-secret/);
  });

  it("after Microsoft's 429 the tenant is paused for its Retry-After without calling Microsoft again, however the caller names the tenant", async () => {
    await kit.emulator.addFault({ pathPattern: '^/v1\\.0/users$', status: 429, retryAfter: 30, count: 1 });
    const throttled = await kit.api(ws.apiKey, 'GET', proxy('/users'), undefined, asApp);
    assert.equal(throttled.status, 429);
    assert.equal(throttled.headers.get('retry-after'), '30');
    // Resolving a domain reads the tenant's OpenID metadata: only Graph calls count here.
    const graphCalls = async () => (await kit.emulator.requests(500)).filter((request) => request.path.startsWith('/v1.0/')).length;
    const before = await graphCalls();
    // Microsoft throttles per app and tenant (https://learn.microsoft.com/graph/throttling): the integration's own
    // tenant named by nothing, by its id or by one of its domains is one tenant, paused once.
    for (const tenant of [undefined, CONTOSO, 'contoso.onmicrosoft.com']) {
      const paused = await kit.api(ws.apiKey, 'GET', proxy('/users'), undefined, tenant ? { ...asApp, 'x-m365hub-tenant': tenant } : asApp);
      assert.equal(paused.status, 429, `tenant named ${tenant ?? 'by nothing'}`);
      assert.ok(Number(paused.headers.get('retry-after')) > 0);
    }
    assert.equal(await graphCalls(), before, 'Microsoft Graph was not asked again');
    // The users' delegated calls are another pacing key: they go on.
    assert.equal((await kit.api(ws.apiKey, 'GET', proxy('/me'), undefined, asUser)).status, 200);
  });
});

describe('Graph pass-through rate limit per API key', () => {
  let kit: ConnectKit;
  let ws: { id: string; apiKey: string };
  before(async () => {
    kit = await startConnectKit('pglite', { env: { M365HUB_PROXY_KEY_RATE_LIMIT: '3' } });
    ws = await kit.workspace('Limited', { azureTenantId: CONTOSO });
  });
  after(async () => kit?.close());

  it('answers 429 rate_limited with Retry-After beyond the limit', async () => {
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 4; i++) {
      last = await kit.api(ws.apiKey, 'GET', `/api/v1/workspaces/${ws.id}/proxy/graph/v1.0/users?$top=1`, undefined, { 'x-m365hub-mode': 'application' });
      statuses.push(last.status);
    }
    assert.deepEqual(statuses, [200, 200, 200, 429]);
    assert.ok(Number(last!.headers.get('retry-after')) >= 1);
    assert.equal(((await last!.json()) as { code: string }).code, 'rate_limited');
  });
});

describe('pass-through pieces', () => {
  it('keeps a plain path and its query as given', () => {
    assert.deepEqual(checkPassthroughPath("/me/drive/root:/Reports/Q1.xlsx:/content", '$select=id'), { path: '/me/drive/root:/Reports/Q1.xlsx:/content', query: '$select=id' });
    assert.deepEqual(checkPassthroughPath('/users/dana%40contoso.onmicrosoft.com', ''), { path: '/users/dana%40contoso.onmicrosoft.com', query: '' });
  });

  for (const [name, exchange] of [
    ['node:http exchange (production)', nodeExchange()],
    ['exchange over an injected fetch', exchangeOverFetch((input, init) => fetch(input, init))],
  ] as const) {
    it(`attack: a redirect from Microsoft is handed back, never followed with the bearer token (${name})`, async () => {
      const seen: { url: string; authorization?: string }[] = [];
      const microsoft = createServer((req, res) => {
        seen.push({ url: req.url ?? '', ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}) });
        if (req.url?.startsWith('/v1.0/')) res.writeHead(302, { location: `http://127.0.0.1:${(microsoft.address() as AddressInfo).port}/download?sig=abc` }).end();
        else res.writeHead(200).end('the file');
      });
      await new Promise<void>((resolve) => microsoft.listen(0, '127.0.0.1', resolve));
      try {
        const graphUrl = `http://127.0.0.1:${(microsoft.address() as AddressInfo).port}`;
        const transport = createMicrosoftTransport({ exchange });
        const response = await passThrough({ graphUrl, transport, timeoutMs: 5000 }, { method: 'GET', version: 'v1.0', path: '/me/drive/items/1/content', query: '', headers: {}, body: undefined, accessToken: 'secret-token' });
        response.body.resume();
        assert.equal(response.status, 302);
        assert.equal(response.headers.location, `${graphUrl}/download?sig=abc`);
        assert.deepEqual(seen, [{ url: '/v1.0/me/drive/items/1/content', authorization: 'Bearer secret-token' }], 'the download URL was never asked, with or without the token');
      } finally {
        microsoft.close();
      }
    });
    it(`streams the caller's body to Microsoft as it arrives, never gathering it first (${name})`, async () => {
      // Each chunk is sent only after Microsoft has received the one before: a hub that buffered would never finish.
      let received = 0;
      let arrived: () => void = () => {};
      const microsoft = createServer((req, res) => {
        req.on('data', (chunk: Buffer) => {
          received += chunk.length;
          arrived();
        });
        req.on('end', () => res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ size: received })));
      });
      await new Promise<void>((resolve) => microsoft.listen(0, '127.0.0.1', resolve));
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      const chunks = 32;
      async function* caller() {
        for (let i = 0; i < chunks; i++) {
          const wanted = i * chunk.length;
          if (received < wanted) await new Promise<void>((resolve) => (arrived = () => received >= wanted && resolve()));
          yield chunk;
        }
      }
      try {
        const graphUrl = `http://127.0.0.1:${(microsoft.address() as AddressInfo).port}`;
        const transport = createMicrosoftTransport({ exchange });
        const response = await passThrough({ graphUrl, transport, timeoutMs: 10_000 }, { method: 'PUT', version: 'v1.0', path: '/me/drive/root:/big.bin:/content', query: '', headers: { 'content-type': 'application/octet-stream' }, body: Readable.from(caller()), accessToken: 't' });
        assert.equal(response.status, 201);
        assert.deepEqual(await jsonOf(response), { size: chunks * chunk.length });
      } finally {
        microsoft.close();
      }
    });
  }

  it('attack: a path that would leave Graph after URL resolution is refused before anything is sent', async () => {
    const transport: MicrosoftTransport = {
      async send() {
        throw new Error('must not be called');
      },
      async stream() {
        throw new Error('must not be called');
      },
    };
    await assert.rejects(
      passThrough({ graphUrl: 'https://graph.microsoft.com', transport, timeoutMs: 1000 }, { method: 'GET', version: 'v1.0', path: '/../../evil', query: '', headers: {}, body: undefined, accessToken: 't' }),
      /does not stay under Microsoft Graph/,
    );
  });
});
