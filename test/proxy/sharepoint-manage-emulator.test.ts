// The SharePoint REST and Management Activity API pass-throughs against the emulator's own SharePoint and
// Management Activity API (M365HUB_SHAREPOINT_URL, M365HUB_MANAGEMENT_URL): the hub finds the SharePoint host from
// Graph's root site, asks the emulator's token endpoint for a token of that API's audience and sends it there only;
// app-only SharePoint works with a certificate credential and is refused with a client secret, as Microsoft requires
// (https://learn.microsoft.com/sharepoint/dev/solution-guidance/security-apponly-azuread); the audit feed is read
// with ActivityFeed.Read (https://learn.microsoft.com/office/office-365-management-api/office-365-management-activity-api-reference).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { decodeJwt } from 'jose';
import type { FetchLike } from '../../emulator/client/trusting-fetch.js';
import { createClientCertificate } from '../../emulator/test/support/test-certificate.js';
import { asApp, asUser, feed, manage, sp, SHAREPOINT_AND_AUDIT_SERVICES } from './support/proxied-api-calls.js';
import { connectHostUser, CONTOSO, DEMO_APP, startConnectKit, type ConnectKit } from '../connect/support/connect-kit.js';

/** The audience of every bearer token the hub sent to the emulator, by the API it went to. */
function audienceRecorder() {
  const seen: { api: 'graph' | 'sharepoint' | 'manage'; aud: unknown }[] = [];
  const wrap =
    (emulatorFetch: FetchLike): FetchLike =>
    async (input, init) => {
      const url = new URL(typeof input === 'string' || input instanceof URL ? input : (input as Request).url);
      const bearer = /^Bearer (.+)$/.exec(new Headers(init?.headers).get('authorization') ?? '')?.[1];
      const api = url.pathname.startsWith('/_sharepoint/') ? 'sharepoint' : url.pathname.startsWith('/api/v1.0/') ? 'manage' : url.pathname.startsWith('/v1.0/') ? 'graph' : undefined;
      if (api && bearer) seen.push({ api, aud: decodeJwt(bearer).aud });
      return emulatorFetch(input, init);
    };
  return { seen, wrap };
}

describe('SharePoint REST and Management Activity API pass-through against the emulator', () => {
  const recorder = audienceRecorder();
  let kit: ConnectKit;
  let ws: { id: string; apiKey: string };
  let certified: { id: string; apiKey: string };

  before(async () => {
    kit = await startConnectKit('pglite', { wrapFetch: recorder.wrap, env: (url) => ({ M365HUB_SHAREPOINT_URL: `${url}/_sharepoint/{host}`, M365HUB_MANAGEMENT_URL: url }) });
    ws = await kit.workspace('SharePoint and audit', {
      azureTenantId: CONTOSO,
      services: SHAREPOINT_AND_AUDIT_SERVICES,
    });
    const certificate = await createClientCertificate();
    await kit.emulator.addCertificate(CONTOSO, DEMO_APP, certificate.certificatePem);
    certified = await kit.workspace('SharePoint app-only', {
      azureTenantId: CONTOSO,
      clientSecret: undefined,
      certificate,
      services: [
        { service: 'sharepoint', modes: ['application'] },
        { service: 'compliance', modes: ['application'] },
      ],
    });
    await connectHostUser(kit, ws, 'sp-user', 'dana@contoso.onmicrosoft.com');
  });
  after(async () => kit?.close());

  it("delegated: the connected user's Documents items and their own SharePoint identity", async () => {
    const items = await kit.api(ws.apiKey, 'GET', sp(ws.id, "/_api/web/lists/getbytitle('Documents')/items?$top=2"), undefined, { ...asUser, accept: 'application/json;odata=nometadata' });
    assert.equal(items.status, 200, await items.clone().text());
    assert.match(items.headers.get('content-type')!, /odata=nometadata/);
    const body = (await items.json()) as { value: { Id: number; FileSystemObjectType: number }[] };
    assert.equal(body.value.length, 2);
    assert.deepEqual(body.value.map((i) => i.Id), [1, 2]);
    const me = await kit.api(ws.apiKey, 'GET', sp(ws.id, '/_api/web/currentuser'), undefined, { ...asUser, accept: 'application/json;odata=verbose' });
    assert.equal(((await me.json()) as { d: { LoginName: string } }).d.LoginName, 'i:0#.f|membership|dana@contoso.onmicrosoft.com');
    const denied = await kit.api(ws.apiKey, 'GET', sp(ws.id, '/sites/finance/_api/web'), undefined, asUser);
    assert.equal(denied.status, 403, "SharePoint's own access check passes through: Dana is not in Finance");
  });

  it('application mode: a certificate credential reads SharePoint; a client secret is refused by the hub before any call', async () => {
    const web = await kit.api(certified.apiKey, 'GET', sp(certified.id, '/_api/web'), undefined, { ...asApp, accept: 'application/json;odata=verbose' });
    assert.equal(web.status, 200, await web.clone().text());
    assert.equal(((await web.json()) as { d: { __metadata: { type: string }; Url: string } }).d.Url, 'https://contoso.sharepoint.com');
    const before = recorder.seen.length;
    const refused = await kit.api(ws.apiKey, 'GET', sp(ws.id, '/_api/web'), undefined, asApp);
    assert.equal(refused.status, 409);
    assert.equal(((await refused.json()) as { code: string }).code, 'certificate_credential_required');
    assert.equal(recorder.seen.length, before, 'nothing reached the emulator');
  });

  it('the audit feed: start a subscription, list content, read a blob, all through the pass-through', async () => {
    const started = await kit.api(ws.apiKey, 'POST', manage(ws.id, feed(CONTOSO, 'subscriptions/start?contentType=Audit.AzureActiveDirectory')));
    assert.equal(started.status, 200, await started.clone().text());
    assert.equal(((await started.json()) as { status: string }).status, 'enabled');
    const again = await kit.api(ws.apiKey, 'POST', manage(ws.id, feed(CONTOSO, 'subscriptions/start?contentType=Audit.AzureActiveDirectory')));
    assert.equal(again.status, 400, "Microsoft's error passes through unchanged");
    assert.equal(((await again.json()) as { error: { code: string } }).error.code, 'AF20024');
    const content = await kit.api(ws.apiKey, 'GET', manage(ws.id, feed(CONTOSO, 'subscriptions/content?contentType=Audit.AzureActiveDirectory')));
    assert.equal(content.status, 200, await content.clone().text());
    const blobs = (await content.json()) as { contentUri: string }[];
    assert.ok(blobs.length >= 1);
    const records = await kit.api(ws.apiKey, 'GET', manage(ws.id, new URL(blobs[0]!.contentUri).pathname));
    assert.equal(records.status, 200);
    const list = (await records.json()) as { Operation: string; OrganizationId: string }[];
    assert.ok(list.length >= 1 && list.every((r) => r.OrganizationId === CONTOSO));
    const missing = await kit.api(ws.apiKey, 'GET', manage(ws.id, feed(CONTOSO, 'subscriptions/content?contentType=Audit.Exchange')));
    assert.equal(((await missing.json()) as { error: { code: string } }).error.code, 'AF20022');
    const certificateApp = await kit.api(certified.apiKey, 'GET', manage(certified.id, feed(CONTOSO, 'subscriptions/list')));
    assert.equal(certificateApp.status, 200, 'a certificate credential reads the feed too');
  });

  it('each API got a token of its own audience, and no token went to another API', async () => {
    const audiences = (api: string) => new Set(recorder.seen.filter((s) => s.api === api).map((s) => s.aud));
    assert.deepEqual([...audiences('sharepoint')], ['https://contoso.sharepoint.com']);
    assert.deepEqual([...audiences('manage')], ['https://manage.office.com']);
    assert.ok(![...audiences('graph')].some((aud) => aud === 'https://manage.office.com' || String(aud).includes('sharepoint')));
  });
});
