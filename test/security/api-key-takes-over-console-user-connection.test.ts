// Attack: a workspace API key names a console user's Microsoft 365 connection through the host product's user id
// namespace — acting as them (`X-M365Hub-Acting-User: console:<id>`, then `me`, Test Connection), replacing their
// connection (`POST …/users/console:<id>/connect-link`) or deleting it. Console users and the host product's users are
// separate namespaces: whatever an API key sends names a host product's user, so none of this reaches the console
// user's connection.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Browser, consoleConnect, finishedJob, startConnectKit, type ConnectKit, type ConsoleSession } from '../connect/support/connect-kit.js';
import { dialects, skipReason } from '../support/stores.js';

for (const dialect of dialects) {
  describe(`an API key addressing a console user's connection (${dialect})`, { skip: skipReason(dialect) }, () => {
    let kit: ConnectKit;
    let ws: { id: string; apiKey: string };
    let victim: ConsoleSession;
    let victimId: string;

    before(async () => {
      kit = await startConnectKit(dialect);
      ws = await kit.workspace('Takeover');
      victim = await kit.member(ws.id, 'victim.console@example.com');
      victimId = `console:${victim.userId}`;
      const done = await victim.browser.get(await consoleConnect(kit, victim, ws.id, 'dana@contoso.onmicrosoft.com'));
      assert.equal(done.status, 303);
    });
    after(async () => kit?.close());

    const victimConnection = async () => (await (await victim.call('GET', `/api/v1/workspaces/${ws.id}/me/connection`)).json()) as { id: string; userPrincipalName: string; status: string };

    it('cannot read it by acting as the console user', async () => {
      const acting = await kit.api(ws.apiKey, 'GET', `/api/v1/workspaces/${ws.id}/me/connection`, undefined, { 'x-m365hub-acting-user': victimId });
      assert.equal(acting.status, 404);
      const byPath = await kit.api(ws.apiKey, 'GET', `/api/v1/workspaces/${ws.id}/users/${encodeURIComponent(victimId)}/connection`);
      assert.equal(byPath.status, 404);
      const listed = (await (await kit.api(ws.apiKey, 'GET', `/api/v1/workspaces/${ws.id}/connections`)).json()) as { items: unknown[] };
      assert.equal(listed.items.length, 0, 'an API key lists only the host product\'s users\' connections');
    });

    it('cannot delete it', async () => {
      assert.equal((await kit.api(ws.apiKey, 'DELETE', `/api/v1/workspaces/${ws.id}/users/${encodeURIComponent(victimId)}/connection`)).status, 404);
      assert.equal((await kit.api(ws.apiKey, 'DELETE', `/api/v1/workspaces/${ws.id}/me/connection`, undefined, { 'x-m365hub-acting-user': victimId })).status, 404);
      assert.equal((await victimConnection()).userPrincipalName, 'dana@contoso.onmicrosoft.com');
    });

    it('cannot replace it through a connect link', async () => {
      const before = await victimConnection();
      const created = await kit.api(ws.apiKey, 'POST', `/api/v1/workspaces/${ws.id}/users/${encodeURIComponent(victimId)}/connect-link`, {});
      assert.equal(created.status, 201);
      const attacker = new Browser(kit.hub.url);
      const start = await attacker.get(((await created.json()) as { url: string }).url);
      const done = await attacker.get(await kit.microsoftSignIn(start.headers.get('location')!, 'lee@contoso.onmicrosoft.com'));
      assert.equal(done.status, 200);
      const after = await victimConnection();
      assert.equal(after.id, before.id);
      assert.equal(after.userPrincipalName, 'dana@contoso.onmicrosoft.com', "the console user's connection is untouched");
      // What the link connected is a host product's user who happens to carry that id, nothing more.
      const hostUser = (await (await kit.api(ws.apiKey, 'GET', `/api/v1/workspaces/${ws.id}/users/${encodeURIComponent(victimId)}/connection`)).json()) as { id: string; user: unknown };
      assert.notEqual(hostUser.id, before.id);
      assert.deepEqual(hostUser.user, { kind: 'external_user', id: victimId });
    });

    it('cannot run Test Connection with the console user\'s token', async () => {
      const delegatedOnly = await kit.workspace('Takeover delegated', { services: [{ service: 'onedrive', modes: ['delegated'] }] });
      const member = await kit.signIn('victim.console@example.com', 'correct horse battery staple');
      await kit.admin.call('POST', `/api/v1/workspaces/${delegatedOnly.id}/members`, { email: 'victim.console@example.com', role: 'member' });
      const connected = await member.browser.get(await consoleConnect(kit, member, delegatedOnly.id, 'dana@contoso.onmicrosoft.com'));
      assert.equal(connected.status, 303);
      const job = await kit.api(delegatedOnly.apiKey, 'POST', `/api/v1/workspaces/${delegatedOnly.id}/integrations/m365/test`, {}, { 'x-m365hub-acting-user': victimId });
      assert.equal(job.status, 202);
      const location = job.headers.get('location')!;
      const report = await finishedJob(async () => (await (await kit.api(delegatedOnly.apiKey, 'GET', location)).json()) as { status: string; result?: { steps: { name: string; status: string }[] } });
      const credentials = report.result?.steps.find((s) => s.name === 'credentials');
      assert.notEqual(credentials?.status, 'passed', JSON.stringify(report));
    });
  });
}
