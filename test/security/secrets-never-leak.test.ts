// Attack surface: secrets and tokens escaping through logs, API answers, pages or error messages. One run handles a
// client secret, a certificate's private key, authorization codes and the refresh and access tokens Microsoft
// issued; every log line and every answer the run produced is searched for each of them.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createClientCertificate } from '../../emulator/test/support/test-certificate.js';
import { Browser, DEMO_SECRET, startConnectKit, type ConnectKit } from '../connect/support/connect-kit.js';
import { dialects, skipReason } from '../support/stores.js';

for (const dialect of dialects) {
  describe(`secrets never leak (${dialect})`, { skip: skipReason(dialect) }, () => {
    let kit: ConnectKit;
    const answers: string[] = [];
    const record = async (response: Response) => {
      answers.push(`${response.status} ${JSON.stringify([...response.headers])} ${await response.clone().text()}`);
      return response;
    };

    before(async () => {
      kit = await startConnectKit(dialect);
    });
    after(async () => kit?.close());

    it('keeps the client secret, private key, codes and tokens out of logs, answers and pages', async () => {
      const ws = await kit.workspace('Leaks');
      const base = `/api/v1/workspaces/${ws.id}/integrations/m365`;
      await record(await kit.admin.call('GET', base));
      const certificate = await createClientCertificate();
      await record(await kit.admin.call('POST', `${base}/credentials`, { certificate }));
      await record(await kit.admin.call('GET', base));
      await record(await kit.admin.call('DELETE', `${base}/credentials/pending`));
      // A bad certificate: the error must not echo the key.
      const other = await createClientCertificate();
      await record(await kit.admin.call('POST', `${base}/credentials`, { certificate: { certificatePem: certificate.certificatePem, privateKeyPem: other.privateKeyPem } }));
      await record(await kit.admin.call('GET', `${base}/setup-guide`));

      const codes: string[] = [];
      for (const [id, upn, cancel] of [['leak-1', 'dana@contoso.onmicrosoft.com', false], ['leak-2', 'lee@contoso.onmicrosoft.com', false]] as const) {
        const link = (await (await record(await kit.api(ws.apiKey, 'POST', `/api/v1/workspaces/${ws.id}/users/${id}/connect-link`, {}))).json()) as { url: string };
        const browser = new Browser(kit.hub.url);
        const start = await record(await browser.get(link.url));
        const callback = await kit.microsoftSignIn(start.headers.get('location')!, upn, cancel ? 'cancel' : 'accept');
        codes.push(new URL(callback).searchParams.get('code')!);
        await record(await browser.get(callback));
        // Replaying the code produces an error page: it must not show the code either.
        await record(await browser.get(callback));
        await record(await kit.api(ws.apiKey, 'GET', `/api/v1/workspaces/${ws.id}/users/${id}/connection`));
      }
      await record(await kit.api(ws.apiKey, 'GET', `/api/v1/workspaces/${ws.id}/connections`));
      await record(await kit.admin.call('GET', `/api/v1/workspaces/${ws.id}/audit-log`));

      const { keyRing, store } = kit.hub.hub;
      const tokens: string[] = [];
      for (const row of await store.db.selectFrom('m365_connections').selectAll().where('workspace_id', '=', ws.id).execute()) {
        tokens.push(keyRing.openText(row.refresh_token_sealed, { table: 'm365_connections', rowId: row.id, column: 'refresh_token_sealed' }));
        tokens.push(keyRing.openText(row.access_token_sealed!, { table: 'm365_connections', rowId: row.id, column: 'access_token_sealed' }));
      }
      assert.equal(tokens.length, 4);
      await record(await kit.api(ws.apiKey, 'DELETE', `/api/v1/workspaces/${ws.id}/users/leak-1/connection`));

      const haystack = `${kit.hub.logs()}\n${answers.join('\n')}`;
      const keyLines = [...certificate.privateKeyPem.split('\n').slice(1, 4), ...other.privateKeyPem.split('\n').slice(1, 4)];
      const needles: [string, string][] = [
        ['client secret', DEMO_SECRET],
        ...keyLines.map((line, i): [string, string] => [`private key line ${i}`, line]),
        ...codes.map((c, i): [string, string] => [`authorization code ${i}`, c]),
        ...tokens.map((t, i): [string, string] => [`token ${i}`, t]),
      ];
      for (const [name, needle] of needles) {
        assert.ok(needle && needle.length > 16, `${name} was captured`);
        assert.ok(!haystack.includes(needle), `${name} leaked`);
      }
      assert.ok(answers.length > 15 && kit.hub.logs().length > 1000, 'the run produced answers and logs to search');
    });
  });
}
