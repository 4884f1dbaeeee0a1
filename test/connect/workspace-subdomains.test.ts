// Workspace subdomains (seed: "Tenant URLs are derived as https://<subdomain>.securehive.ai or
// http://<subdomain>.localhost:3000" from FRONTEND_URL): each workspace carries its subdomain, and connect and admin
// consent flows go back to the workspace's own URL — by default and as an allowed return origin — never the root.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { digest } from '../../src/features/connect/auth-states.js';
import { subdomainFromName, workspaceUrl } from '../../src/features/workspaces/workspace-subdomain.js';
import { Browser, startConnectKit, type ConnectKit } from './support/connect-kit.js';

describe('workspace URLs from FRONTEND_URL', () => {
  it('puts the subdomain in front of the host, keeping scheme and port', () => {
    assert.equal(workspaceUrl('https://securehive.ai', 'acme'), 'https://acme.securehive.ai');
    assert.equal(workspaceUrl('http://localhost:3000', 'acme'), 'http://acme.localhost:3000');
    assert.equal(workspaceUrl(undefined, 'acme'), undefined);
    assert.equal(subdomainFromName('Åcme Corp — EU'), 'acme-corp-eu');
    assert.equal(subdomainFromName('!!!'), 'workspace');
  });
});

describe('workspace subdomains in the connect flows', () => {
  let kit: ConnectKit;
  let ws: { id: string; apiKey: string };

  before(async () => {
    kit = await startConnectKit('pglite', { env: { FRONTEND_URL: 'http://localhost:3000' } });
    ws = await kit.workspace('Acme Corp');
  });
  after(async () => kit?.close());

  const workspace = async (id: string, apiKey: string) => (await (await kit.api(apiKey, 'GET', `/api/v1/workspaces/${id}`)).json()) as { subdomain: string; url: string };

  it('gives each workspace a unique subdomain and its own URL', async () => {
    assert.deepEqual(await workspace(ws.id, ws.apiKey).then(({ subdomain, url }) => ({ subdomain, url })), { subdomain: 'acme-corp', url: 'http://acme-corp.localhost:3000' });
    const twin = await kit.workspace('Acme Corp');
    assert.equal((await workspace(twin.id, twin.apiKey)).subdomain, 'acme-corp-2');
    const chosen = await kit.admin.call('POST', '/api/v1/workspaces', { name: 'Chosen', subdomain: 'globex' });
    assert.equal(((await chosen.json()) as { url: string }).url, 'http://globex.localhost:3000');
    assert.equal((await kit.admin.call('POST', '/api/v1/workspaces', { name: 'Again', subdomain: 'globex' })).status, 409);
  });

  it("ends a connect link without returnTo on the workspace's own URL", async () => {
    const link = (await (await kit.api(ws.apiKey, 'POST', `/api/v1/workspaces/${ws.id}/users/sub-user/connect-link`, {})).json()) as { url: string };
    const user = new Browser(kit.hub.url);
    const start = await user.get(link.url);
    const done = await user.get(await kit.microsoftSignIn(start.headers.get('location')!, 'sam@contoso.onmicrosoft.com'));
    assert.equal(done.status, 303, await done.clone().text());
    assert.equal(done.headers.get('location'), 'http://acme-corp.localhost:3000/?m365_connected=1');
  });

  it("allows the workspace's own URL as a return origin, and refuses the root domain and another workspace's URL", async () => {
    const ask = (returnTo: string) => kit.api(ws.apiKey, 'POST', `/api/v1/workspaces/${ws.id}/users/sub-user/connect-link`, { returnTo });
    assert.equal((await ask('http://acme-corp.localhost:3000/files?x=1')).status, 201);
    assert.equal((await ask('http://localhost:3000/files')).status, 400, 'the root domain is no workspace');
    assert.equal((await ask('http://acme-corp-2.localhost:3000/files')).status, 400, "another workspace's URL");
  });

  it("sends a tenant administrator's admin consent link back to the workspace's own URL", async () => {
    const link = (await (await kit.api(ws.apiKey, 'POST', `/api/v1/workspaces/${ws.id}/integrations/m365/admin-consent-link`, {})).json()) as { url: string };
    const row = await kit.hub.hub.store.db.selectFrom('m365_connect_links').select('return_to').where('token_hash', '=', digest(link.url.split('/').at(-1)!)).executeTakeFirstOrThrow();
    assert.equal(row.return_to, 'http://acme-corp.localhost:3000');
  });
  it('lets a workspace admin change the subdomain through the API, with a problem+json 409 when it is taken', async () => {
    const other = await kit.workspace('Other Co');
    const moved = await kit.api(other.apiKey, 'PATCH', `/api/v1/workspaces/${other.id}`, { subdomain: 'other-eu' });
    assert.equal(moved.status, 200);
    assert.equal(((await moved.json()) as { url: string }).url, 'http://other-eu.localhost:3000');
    const taken = await kit.api(other.apiKey, 'PATCH', `/api/v1/workspaces/${other.id}`, { subdomain: 'acme-corp' });
    assert.equal(taken.status, 409);
    assert.match(taken.headers.get('content-type') ?? '', /application\/problem\+json/);
    const problem = (await taken.json()) as { detail: string; errors?: { pointer: string; detail: string }[] };
    assert.match(problem.detail, /belongs to another workspace/);
    assert.deepEqual(problem.errors?.map((e) => e.pointer), ['/body/subdomain'], 'the field at fault, for a form to show it there');
    assert.equal((await kit.api(other.apiKey, 'PATCH', `/api/v1/workspaces/${other.id}`, {})).status, 400, 'an empty change is refused');
  });
});
