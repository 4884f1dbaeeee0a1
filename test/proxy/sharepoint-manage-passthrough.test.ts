// The SharePoint REST and Management Activity API pass-throughs as a host backend uses them: the hub finds the
// tenant's SharePoint host from Graph's root site (the emulator), asks Microsoft's token endpoint for a token whose
// audience is that API (`{resource}/.default`, from the user's refresh token or by client credentials), and sends it
// to that host only. The emulator hosts neither API, so a small double stands in for SharePoint, manage.office.com and
// the token endpoint's answers for their audiences; every other call reaches the emulator.
// Microsoft's rules checked: SharePoint app-only needs a certificate
// (https://learn.microsoft.com/sharepoint/dev/solution-guidance/security-apponly-azuread), the Activity API's
// {tenant} is the token's tenant (https://learn.microsoft.com/office/office-365-management-api/office-365-management-activity-api-reference).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { rawRequest } from '../support/raw-request.js';
import type { FetchLike } from '../../emulator/client/trusting-fetch.js';
import { asApp, asUser, feed, manage, sp, SHAREPOINT_AND_AUDIT_SERVICES } from './support/proxied-api-calls.js';
import { connectHostUser, CONTOSO, startConnectKit, type ConnectKit } from '../connect/support/connect-kit.js';

interface Seen {
  url: string;
  authorization: string | undefined;
}

/** Stands in for the APIs the emulator does not host; records what reached them and which tokens were asked for. */
function otherApisDouble() {
  const calls: Seen[] = [];
  const tokenRequests: { url: string; params: URLSearchParams }[] = [];
  const wrap =
    (emulatorFetch: FetchLike): FetchLike =>
    async (input, init) => {
      const url = new URL(typeof input === 'string' || input instanceof URL ? input : (input as Request).url);
      const headers = new Headers(init?.headers);
      if (url.hostname.endsWith('.sharepoint.com') || url.hostname === 'manage.office.com') {
        calls.push({ url: url.href, authorization: headers.get('authorization') ?? undefined });
        // A first page of content names the next with Microsoft's own host ("List available content").
        const nextPage: Record<string, string> = url.pathname.endsWith('/subscriptions/content') && !url.searchParams.has('nextPage') ? { NextPageUri: `${url.origin}${url.pathname}?contentType=Audit.General&nextPage=2026120500` } : {};
        return new Response(JSON.stringify({ reached: url.pathname }), { status: 200, headers: { 'content-type': 'application/json', 'request-id': 'double-1', ...nextPage } });
      }
      if (url.pathname.endsWith('/oauth2/v2.0/token') && init?.body !== undefined) {
        const params = new URLSearchParams(String(init.body));
        const resource = /^(https:\/\/[^/]+)\/\.default$/.exec(params.get('scope') ?? '')?.[1];
        if (resource && !resource.includes('graph.microsoft.com')) {
          tokenRequests.push({ url: url.href, params });
          return new Response(JSON.stringify({ token_type: 'Bearer', access_token: `token-for:${resource}`, expires_in: 3600, scope: `${resource}/.default` }), {
            status: 200,
            headers: { 'content-type': 'application/json' },
          });
        }
      }
      return emulatorFetch(input, init);
    };
  return { calls, tokenRequests, wrap };
}


const OTHER_TENANT = '0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6';

describe('SharePoint REST and Management Activity API pass-through', () => {
  const double = otherApisDouble();
  let kit: ConnectKit;
  let ws: { id: string; apiKey: string };
  let narrow: { id: string; apiKey: string };

  before(async () => {
    kit = await startConnectKit('pglite', { wrapFetch: double.wrap });
    ws = await kit.workspace('SharePoint and audit', {
      azureTenantId: CONTOSO,
      services: SHAREPOINT_AND_AUDIT_SERVICES,
    });
    narrow = await kit.workspace('OneDrive only', { azureTenantId: CONTOSO });
    await connectHostUser(kit, ws, 'sp-user', 'dana@contoso.onmicrosoft.com');
  });
  after(async () => kit?.close());

  it("delegated: the user's SharePoint token reaches the tenant's SharePoint host, found from Graph's root site", async () => {
    const web = await kit.api(ws.apiKey, 'GET', sp(ws.id, "/_api/web/lists/getbytitle('Documents')/items?$top=2"), undefined, { ...asUser, accept: 'application/json;odata=nometadata' });
    assert.equal(web.status, 200, await web.clone().text());
    assert.deepEqual(await web.json(), { reached: "/_api/web/lists/getbytitle('Documents')/items" });
    assert.equal(web.headers.get('request-id'), 'double-1', "SharePoint's headers pass through");
    const call = double.calls.at(-1)!;
    assert.equal(call.url, "https://contoso.sharepoint.com/_api/web/lists/getbytitle('Documents')/items?$top=2");
    assert.equal(call.authorization, 'Bearer token-for:https://contoso.sharepoint.com', 'a token for the SharePoint audience, not the Graph token');
    const asked = double.tokenRequests.at(-1)!;
    assert.equal(asked.params.get('grant_type'), 'refresh_token', "redeemed from the user's refresh token");
    assert.equal(asked.params.get('scope'), 'https://contoso.sharepoint.com/.default');
    const again = await kit.api(ws.apiKey, 'GET', sp(ws.id, '/_api/web'), undefined, asUser);
    assert.equal(again.status, 200);
    assert.equal(double.tokenRequests.length, 1, 'the SharePoint token is kept and reused');
  });

  it('application mode with a client secret is refused (SharePoint accepts app-only tokens from a certificate only), before Microsoft is asked', async () => {
    const calls = double.calls.length;
    const tokens = double.tokenRequests.length;
    const refused = await kit.api(ws.apiKey, 'GET', sp(ws.id, '/_api/web'), undefined, asApp);
    assert.equal(refused.status, 409);
    const problem = (await refused.json()) as { code: string; detail: string };
    assert.equal(problem.code, 'certificate_credential_required');
    assert.match(problem.detail, /certificate/);
    assert.equal(double.calls.length, calls);
    assert.equal(double.tokenRequests.length, tokens);
  });

  it("the Management Activity API: the app's token for manage.office.com in the path's tenant", async () => {
    const list = await kit.api(ws.apiKey, 'GET', manage(ws.id, `${feed(CONTOSO, 'subscriptions/list')}?PublisherIdentifier=${CONTOSO}`));
    assert.equal(list.status, 200, await list.clone().text());
    const call = double.calls.at(-1)!;
    assert.equal(call.url, `https://manage.office.com/api/v1.0/${CONTOSO}/activity/feed/subscriptions/list?PublisherIdentifier=${CONTOSO}`);
    assert.equal(call.authorization, 'Bearer token-for:https://manage.office.com');
    const asked = double.tokenRequests.at(-1)!;
    assert.equal(asked.params.get('grant_type'), 'client_credentials');
    assert.ok(asked.url.includes(`/${CONTOSO}/oauth2/v2.0/token`), 'the token is for the tenant in the path');
  });

  for (const [what, headers, path, code] of [
    ['delegated mode', { 'x-m365hub-mode': 'delegated', ...asUser }, feed(CONTOSO, 'subscriptions/list'), 'validation_failed'],
    ['a tenant header that differs from the path', { 'x-m365hub-tenant': OTHER_TENANT }, feed(CONTOSO, 'subscriptions/list'), 'validation_failed'],
    ['another tenant than the integration is for', {}, feed(OTHER_TENANT, 'subscriptions/list'), 'integration_not_configured'],
    ['a tenant that is not a tenant id', {}, feed('contoso.onmicrosoft.com', 'subscriptions/list'), 'proxy_path_invalid'],
    ['a path outside the activity feed', {}, `/api/v1.0/${CONTOSO}/ServiceComms/Services`, 'proxy_path_invalid'],
  ] as const) {
    it(`the Management Activity API refuses ${what}, and nothing reaches Microsoft`, async () => {
      const calls = double.calls.length;
      const response = await kit.api(ws.apiKey, 'GET', manage(ws.id, path), undefined, headers);
      assert.equal(((await response.json()) as { code: string }).code, code);
      assert.ok(response.status >= 400 && response.status < 500, String(response.status));
      assert.equal(double.calls.length, calls);
    });
  }

  it("content pages: Microsoft's NextPageUri comes back as the same page through the hub, which then serves it", async () => {
    const first = await kit.api(ws.apiKey, 'GET', manage(ws.id, feed(CONTOSO, 'subscriptions/content?contentType=Audit.General')));
    assert.equal(first.status, 200);
    const next = first.headers.get('nextpageuri');
    assert.equal(next, `${kit.hub.url}/api/v1/workspaces/${ws.id}/proxy/manage/api/v1.0/${CONTOSO}/activity/feed/subscriptions/content?contentType=Audit.General&nextPage=2026120500`);
    const second = await kit.api(ws.apiKey, 'GET', new URL(next!).pathname + new URL(next!).search);
    assert.equal(second.status, 200);
    assert.equal(double.calls.at(-1)!.url, `https://manage.office.com/api/v1.0/${CONTOSO}/activity/feed/subscriptions/content?contentType=Audit.General&nextPage=2026120500`);
    assert.equal(second.headers.get('nextpageuri'), null, 'the last page names none');
  });

  it('a service the workspace did not enable: 403 naming the service to enable', async () => {
    const siteCall = await kit.api(narrow.apiKey, 'GET', sp(narrow.id, '/_api/web'), undefined, asUser);
    assert.equal(siteCall.status, 403);
    const spProblem = (await siteCall.json()) as { code: string; detail: string };
    assert.equal(spProblem.code, 'service_not_enabled');
    assert.match(spProblem.detail, /"sharepoint"/);
    const audit = await kit.api(narrow.apiKey, 'GET', manage(narrow.id, feed(CONTOSO, 'subscriptions/list')));
    assert.equal(audit.status, 403);
    assert.match(((await audit.json()) as { detail: string }).detail, /"compliance", modes: \["application"\]/);
  });

  for (const [attack, path] of [
    ['a .. segment', '/_api/../../evil/_api/web'],
    ['an encoded .. segment', '/_api/%2e%2e/web'],
    ['an encoded slash', '/sites%2f..%2f/_api/web'],
    ['an absolute URL', '/https://evil.example/_api/web'],
    ['another host as an empty segment', '//evil.example/_api/web'],
    ['a path with no _api segment', '/sites/finance/Shared%20Documents/secret.docx'],
  ] as const) {
    it(`SharePoint attack: ${attack} is refused and never reaches Microsoft`, async () => {
      const calls = double.calls.length;
      const response = await rawRequest(kit.hub.url, sp(ws.id, path), { authorization: `Bearer ${ws.apiKey}`, ...asUser });
      assert.equal(response.status, 400, response.body);
      assert.equal((JSON.parse(response.body) as { code: string }).code, 'proxy_path_invalid');
      assert.equal(double.calls.length, calls);
    });
  }

  it('another workspace cannot use this workspace through its API key (404, as missing)', async () => {
    const response = await kit.api(narrow.apiKey, 'GET', sp(ws.id, '/_api/web'), undefined, asUser);
    assert.equal(response.status, 404);
  });

  it('no token, secret or refresh token in the problems it answers', async () => {
    const refused = await (await kit.api(ws.apiKey, 'GET', sp(ws.id, '/_api/web'), undefined, asApp)).text();
    assert.doesNotMatch(refused, /token-for:|eyJ|refresh/i);
  });
});
