// POST …/integrations/m365/site-grants over HTTP, on both stores: admins only, and every stop is problem+json with
// a stable code and a detail that says what to do (no integration, no allowed sites, no connection holding
// Sites.FullControl.All), never a secret.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { dialects, skipReason } from '../support/stores.js';
import { startHub, workspaceWithPeople, type Hub } from '../http/hub-fixture.js';

const SECRET = 'Qx8~site-grant-secret-never-shown-0000000';

for (const dialect of dialects) {
  describe(`site grants route (${dialect})`, { skip: skipReason(dialect) }, () => {
    let hub: Hub;
    let ws: Awaited<ReturnType<typeof workspaceWithPeople>>;
    const url = () => `/api/v1/workspaces/${ws.workspaceId}/integrations/m365/site-grants`;
    const configure = (allowedSites: string[]) =>
      hub.call(ws.admin, 'PUT', `/api/v1/workspaces/${ws.workspaceId}/integrations/m365`, {
        clientId: '5d3a6c1e-8f2b-4e7d-a9c0-1b2c3d4e5f60',
        azureTenantId: '6e5f4d3c-2b1a-4c9d-8e7f-0a1b2c3d4e5f',
        clientSecret: SECRET,
        services: [{ service: 'sharepoint', modes: ['application'] }],
        allowedSites,
      });

    before(async () => {
      hub = await startHub(dialect);
      ws = await workspaceWithPeople(hub, 'grants');
    });
    after(async () => {
      await hub?.close();
    });

    it('without an integration: 409 integration_not_configured; a member: 403', async () => {
      const response = await hub.call(ws.admin, 'POST', url());
      assert.equal(response.statusCode, 409, response.body);
      assert.equal(response.headers['content-type'], 'application/problem+json; charset=utf-8');
      assert.equal(response.json().code, 'integration_not_configured');
      assert.equal((await hub.call(ws.member, 'POST', url())).statusCode, 403);
    });

    it('no allowed sites: 409 allowed_sites_missing saying where to add them', async () => {
      assert.equal((await configure([])).statusCode, 201, "created");
      const response = await hub.call(ws.admin, 'POST', url());
      assert.equal(response.statusCode, 409, response.body);
      assert.equal(response.json().code, 'allowed_sites_missing');
      assert.match(response.json().detail, /allowedSites/);
    });

    it('an admin with no Microsoft 365 connection: 409 sites_full_control_required naming the permission and the consent link', async () => {
      assert.equal((await configure(['https://contoso.sharepoint.com/sites/finance'])).statusCode, 200);
      const response = await hub.call(ws.admin, 'POST', url());
      assert.equal(response.statusCode, 409, response.body);
      const problem = response.json();
      assert.equal(problem.code, 'sites_full_control_required');
      assert.match(problem.detail, /Sites\.FullControl\.All/);
      assert.match(problem.detail, /admin-consent\?workspaceId=/);
      assert.ok(!response.body.includes(SECRET));
      const byKey = await hub.call(ws.apiKey, 'POST', url());
      assert.equal(byKey.statusCode, 409);
      assert.match(byKey.json().detail, /X-M365Hub-Acting-User/);
    });

    it('a site URL on another host than SharePoint is refused when saved, before any grant', async () => {
      const response = await configure(['https://example.com/sites/finance']);
      assert.equal(response.statusCode, 400, response.body);
      assert.match(response.body, /sharepoint\.com/);
    });
  });
}
