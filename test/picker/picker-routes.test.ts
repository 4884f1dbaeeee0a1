// The hosted picker over HTTP as a host product's backend and a browser meet it: a session for an allowed origin
// only, the page for a good session and a clear refusal page for an expired or forged one, and the page's API taking
// its user, record and modes from the signed session only.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startHub, workspaceWithPeople, type Caller, type Hub } from '../http/hub-fixture.js';

const HOST = 'https://host.example.com';

describe('hosted picker routes', () => {
  let hub: Hub;
  let ws: Awaited<ReturnType<typeof workspaceWithPeople>>;
  let sessions: string;

  before(async () => {
    hub = await startHub('pglite');
    ws = await workspaceWithPeople(hub, 'picker');
    const put = await hub.call(ws.admin, 'PUT', `/api/v1/workspaces/${ws.workspaceId}/integrations/m365`, {
      clientId: '5d3a6c1e-8f2b-4e7d-a9c0-1b2c3d4e5f60',
      clientSecret: 'a-client-secret',
      services: [{ service: 'onedrive', modes: ['delegated'] }],
      returnOrigins: [HOST],
    });
    assert.ok(put.statusCode < 300, put.body);
    sessions = `/api/v1/workspaces/${ws.workspaceId}/picker/sessions`;
  });
  after(() => hub?.close());

  const open = async (caller: Caller, body: Record<string, unknown>) => hub.call(caller, 'POST', sessions, { externalUserId: 'host-user-1', entityType: 'requirement', entityId: 'REQ-7', origin: HOST, ...body });
  const tokenOf = (url: string) => new URL(url).pathname.split('/').pop()!;

  it('gives the host backend a picker URL for an allowed origin, and explains a refused origin', async () => {
    const created = await open(ws.apiKey, {});
    assert.equal(created.statusCode, 201, created.body);
    const session = created.json() as { url: string; expiresAt: string };
    assert.match(session.url, /\/picker\/pk1\./);
    assert.equal(new Date(session.expiresAt).getTime(), hub.clock.now().getTime() + 10 * 60 * 1000);

    for (const origin of ['https://evil.example.com', `${HOST}/path`, 'null']) {
      const refused = await open(ws.apiKey, { origin });
      assert.equal(refused.statusCode, 422, origin);
      const problem = refused.json() as { code: string; detail: string };
      assert.equal(problem.code, 'picker_origin_not_allowed');
      assert.match(problem.detail, /returnOrigins/);
    }
  });

  it('serves the page with the opener origin for a good session, and a clear page for a forged or expired one', async () => {
    const { url } = (await open(ws.apiKey, {})).json() as { url: string };
    const page = await hub.call(null, 'GET', new URL(url).pathname);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, new RegExp(`data-origin="${HOST}"`));
    assert.match(String(page.headers['content-security-policy']), new RegExp(`frame-ancestors ${HOST}`));
    assert.ok(!page.body.includes(tokenOf(url)), 'the token stays out of the markup');

    const token = tokenOf(url);
    const forged = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    const bad = await hub.call(null, 'GET', `/picker/${forged}`);
    assert.equal(bad.statusCode, 401);
    assert.match(bad.body, /This picker link is not valid/);

    hub.clock.advance(11 * 60 * 1000);
    const expired = await hub.call(null, 'GET', new URL(url).pathname);
    assert.equal(expired.statusCode, 410);
    assert.match(expired.body, /This picker has expired/);
    const api = await hub.call(null, 'GET', '/picker/api/sources', undefined, { 'x-m365hub-picker-session': token });
    assert.equal(api.statusCode, 401);
    assert.equal((api.json() as { code: string }).code, 'picker_session_invalid');
    assert.ok(!hub.logText().includes(token.split('.')[2]!), 'the session token never reaches the log');
  });

  it("answers the page's calls only with a session, and only in the session's mode", async () => {
    const none = await hub.call(null, 'GET', '/picker/api/sources');
    assert.equal(none.statusCode, 401);
    assert.equal((none.json() as { code: string }).code, 'picker_session_invalid');
    const withKey = await hub.call(ws.apiKey, 'GET', '/picker/api/sources');
    assert.equal(withKey.statusCode, 401, 'an API key is not a picker credential');

    const { url } = (await open(ws.apiKey, { mode: 'link' })).json() as { url: string };
    const copy = await hub.call(null, 'POST', '/picker/api/attachments', { mode: 'copy', driveId: 'b!drive', itemId: '01ITEM' }, { 'x-m365hub-picker-session': tokenOf(url) });
    assert.equal(copy.statusCode, 403);
    assert.equal((copy.json() as { code: string }).code, 'picker_mode_not_allowed');
    const notConnected = await hub.call(null, 'GET', '/picker/api/sources', undefined, { 'x-m365hub-picker-session': tokenOf(url) });
    assert.equal((notConnected.json() as { code: string }).code, 'm365_not_connected');
  });

  it('serves the opener script to other origins', async () => {
    const script = await hub.call(null, 'GET', '/m365hub-picker.js');
    assert.equal(script.statusCode, 200);
    assert.match(String(script.headers['content-type']), /javascript/);
    assert.match(script.body, /M365HubPicker/);
  });
});
