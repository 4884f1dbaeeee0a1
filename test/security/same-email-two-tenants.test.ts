// Attack: two people with the same e-mail address in two tenants (Contoso's Dana and a Fabrikam account claiming
// her address). Identities are keyed by (tid, oid), never by e-mail or UPN: two connections, never mixed.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Browser, CONTOSO, FABRIKAM, PASSWORD, startConnectKit, type ConnectKit } from '../connect/support/connect-kit.js';
import { dialects, skipReason } from '../support/stores.js';

for (const dialect of dialects) {
  describe(`same e-mail in two tenants (${dialect})`, { skip: skipReason(dialect) }, () => {
    let kit: ConnectKit;
    let ws: { id: string; apiKey: string };

    before(async () => {
      kit = await startConnectKit(dialect);
      ws = await kit.workspace('Two tenants');
      await kit.emulator.createUser(FABRIKAM, { userPrincipalName: 'dana.reyes@fabrikam.onmicrosoft.com', displayName: 'Dana Reyes', mail: 'dana.reyes@example.com', password: PASSWORD });
    });
    after(async () => kit?.close());

    async function connect(externalUserId: string, username: string) {
      const link = (await (await kit.api(ws.apiKey, 'POST', `/api/v1/workspaces/${ws.id}/users/${externalUserId}/connect-link`, {})).json()) as { url: string };
      const browser = new Browser(kit.hub.url);
      const start = await browser.get(link.url);
      const done = await browser.get(await kit.microsoftSignIn(start.headers.get('location')!, username));
      assert.equal(done.status, 200, await done.clone().text());
      return (await (await kit.api(ws.apiKey, 'GET', `/api/v1/workspaces/${ws.id}/users/${externalUserId}/connection`)).json()) as { id: string; tenantId: string; objectId: string; userPrincipalName: string };
    }

    it('keeps two identities and two connections', async () => {
      const contoso = await connect('host-dana-1', 'dana@contoso.onmicrosoft.com');
      const fabrikam = await connect('host-dana-2', 'dana.reyes@fabrikam.onmicrosoft.com');
      assert.equal(contoso.tenantId, CONTOSO);
      assert.equal(fabrikam.tenantId, FABRIKAM);
      assert.notEqual(contoso.objectId, fabrikam.objectId);
      assert.notEqual(contoso.id, fabrikam.id);
      // Connecting the Fabrikam account never touched Contoso Dana's connection.
      const again = (await (await kit.api(ws.apiKey, 'GET', `/api/v1/workspaces/${ws.id}/users/host-dana-1/connection`)).json()) as { tenantId: string; objectId: string };
      assert.deepEqual([again.tenantId, again.objectId], [contoso.tenantId, contoso.objectId]);
      const rows = await kit.hub.hub.store.db.selectFrom('m365_connections').select(['tenant_id', 'object_id']).where('workspace_id', '=', ws.id).execute();
      assert.equal(new Set(rows.map((r) => `${r.tenant_id}/${r.object_id}`)).size, 2);
    });
  });
}
