// The emulator's SharePoint REST surface (`/_sharepoint/{host}/…/_api/…`) with tokens from unmodified msal-node:
// the token endpoint mints `https://{tenant}.sharepoint.com/.default` tokens (aud = the host); SharePoint refuses an
// app-only token from a client secret with 401 "Unsupported app only token." and accepts one from a certificate
// (https://learn.microsoft.com/sharepoint/dev/solution-guidance/security-apponly-azuread); a Graph token is refused
// (its audience is Graph); the OData shape follows Accept (verbose, nometadata, minimal metadata); a delegated user
// sees only sites they can open.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ConfidentialClientApplication } from '@azure/msal-node';
import { startEmulator, type EmulatorHandle } from '../harness.js';
import { msalConfig } from './support/msal-config.js';
import { claimsOf } from './support/jwt.js';
import { createClientCertificate } from './support/test-certificate.js';

let emulator: EmulatorHandle;
const HOST = 'contoso.sharepoint.com';
const SCOPE = `https://${HOST}/.default`;

before(async () => {
  emulator = await startEmulator();
});
after(async () => emulator?.close());

const sp = (path: string, token: string, accept = 'application/json;odata=nometadata') =>
  emulator.fetch(`${emulator.url}/_sharepoint/${HOST}${path}`, { headers: { authorization: `Bearer ${token}`, accept } });

async function userToken(username: string, scopes = [SCOPE]): Promise<string> {
  const cca = new ConfidentialClientApplication(msalConfig(emulator, { clientSecret: emulator.seed!.application.clientSecret }));
  return (await cca.acquireTokenByUsernamePassword({ scopes, username, password: emulator.seed!.password }))!.accessToken;
}

async function certificateAppToken(scope = SCOPE): Promise<string> {
  const app = await emulator.createApplication(emulator.tenantId!, { displayName: `sharepoint app ${Math.random()}` });
  const { certificatePem, privateKeyPem } = await createClientCertificate();
  const registered = await emulator.addCertificate(emulator.tenantId!, app.appId, certificatePem);
  await emulator.grant(emulator.tenantId!, { appId: app.appId, roles: ['Sites.Read.All', 'User.Read.All'] });
  const cca = new ConfidentialClientApplication(msalConfig(emulator, { clientId: app.appId, clientCertificate: { thumbprintSha256: registered.thumbprintSha256, privateKey: privateKeyPem } }));
  return (await cca.acquireTokenByClientCredential({ scopes: [scope] }))!.accessToken;
}

describe('SharePoint REST on the emulator', () => {
  test("a delegated token for the tenant's SharePoint host: aud is the host, scp holds SharePoint's permissions only", async () => {
    const claims = claimsOf(await userToken('dana@contoso.onmicrosoft.com'));
    assert.equal(claims.aud, `https://${HOST}`);
    assert.equal(claims.scp, 'Sites.Read.All', 'Graph-only permissions (Mail.Send, User.Read) stay out of a SharePoint token');
  });

  test('/_api/web in the three OData shapes the Accept header picks', async () => {
    const token = await userToken('dana@contoso.onmicrosoft.com');
    const plain = await sp('/_api/web', token);
    assert.equal(plain.status, 200);
    assert.match(plain.headers.get('content-type')!, /^application\/json;odata=nometadata/);
    const web = (await plain.json()) as Record<string, unknown>;
    assert.equal(web.Url, `https://${HOST}`);
    assert.equal(web.ServerRelativeUrl, '/');
    assert.equal(web['odata.type'], undefined);

    const verbose = (await (await sp('/_api/web', token, 'application/json;odata=verbose')).json()) as { d: { __metadata: { type: string; uri: string }; Title: string } };
    assert.equal(verbose.d.__metadata.type, 'SP.Web');
    assert.equal(verbose.d.__metadata.uri, `https://${HOST}/_api/Web`);
    assert.equal(verbose.d.Title, web.Title);

    const minimal = (await (await sp('/_api/web', token, 'application/json')).json()) as Record<string, unknown>;
    assert.equal(minimal['odata.type'], 'SP.Web');
    assert.equal(minimal['odata.metadata'], `https://${HOST}/_api/$metadata#SP.ApiData.Webs/@Element`);

    const lists = (await (await sp('/_api/web/lists', token, 'application/json;odata=verbose')).json()) as { d: { results: { Title: string; BaseTemplate: number }[] } };
    assert.deepEqual(lists.d.results.map((l) => [l.Title, l.BaseTemplate]), [['Documents', 101]]);
  });

  test("a file written through Graph is an item of the site's Documents library", async () => {
    const upload = await emulator.fetch(`${emulator.url}/v1.0/sites/root/drive/root:/sp-rest-check.txt:/content`, { method: 'PUT', headers: { authorization: `Bearer ${await userToken('dana@contoso.onmicrosoft.com', ['Files.ReadWrite.All'])}`, 'content-type': 'text/plain' }, body: 'hello' });
    assert.ok(upload.status === 201 || upload.status === 200, `${upload.status} ${await upload.text()}`);
    const token = await userToken('dana@contoso.onmicrosoft.com');
    const items = (await (await sp("/_api/web/lists/getbytitle('Documents')/items?$select=Id,FileLeafRef&$top=5000", token)).json()) as { value: { Id: number; FileLeafRef: string }[] };
    const written = items.value.find((i) => i.FileLeafRef === 'sp-rest-check.txt');
    assert.ok(written, 'the uploaded file is listed');
    const one = (await (await sp(`/_api/web/lists/getbytitle('Documents')/items(${written.Id})?$select=FileLeafRef`, token)).json()) as { FileLeafRef: string };
    assert.equal(one.FileLeafRef, 'sp-rest-check.txt');
    const top = (await (await sp("/_api/web/lists/getbytitle('Documents')/items?$top=1", token)).json()) as { value: Record<string, unknown>[] };
    assert.equal(top.value.length, 1);
    assert.equal(top.value[0]!.FileLeafRef, undefined, 'FileLeafRef only when selected, as SharePoint does');
  });

  test('web/currentuser names the signed-in user by their claims login name', async () => {
    const user = (await (await sp('/_api/web/currentuser', await userToken('dana@contoso.onmicrosoft.com'))).json()) as { LoginName: string; Email: string; IsSiteAdmin: boolean };
    assert.equal(user.LoginName, 'i:0#.f|membership|dana@contoso.onmicrosoft.com');
    assert.equal(user.IsSiteAdmin, false);
  });

  test("a delegated user cannot open a team site of a group they are not in (Finance is Sam's and Jordan's)", async () => {
    const token = await userToken('dana@contoso.onmicrosoft.com');
    const denied = await sp('/sites/finance/_api/web', token, 'application/json;odata=verbose');
    assert.equal(denied.status, 403);
    const body = (await denied.json()) as { error: { code: string; message: { value: string } } };
    assert.equal(body.error.code, '-2147024891, System.UnauthorizedAccessException');
    const sam = await sp('/sites/finance/_api/web', await userToken('sam@contoso.onmicrosoft.com'));
    assert.equal(sam.status, 200);
    assert.equal(((await sam.json()) as { ServerRelativeUrl: string }).ServerRelativeUrl, '/sites/finance');
  });

  test('app-only: a certificate token works; a client-secret token is "Unsupported app only token."', async () => {
    const cert = await sp('/_api/web/lists', await certificateAppToken());
    assert.equal(cert.status, 200, await cert.clone().text());
    assert.equal(claimsOf(await certificateAppToken()).appidacr, '2');

    const cca = new ConfidentialClientApplication(msalConfig(emulator, { clientSecret: emulator.seed!.application.clientSecret }));
    const secretToken = (await cca.acquireTokenByClientCredential({ scopes: [SCOPE] }))!.accessToken;
    assert.equal(claimsOf(secretToken).aud, `https://${HOST}`);
    const refused = await sp('/_api/web', secretToken);
    assert.equal(refused.status, 401);
    assert.deepEqual(await refused.json(), { error_description: 'Unsupported app only token.' });
    assert.match(refused.headers.get('www-authenticate')!, /^Bearer realm="[0-9a-f-]{36}",client_id="00000003-0000-0ff1-ce00-000000000000"/);
  });

  test('a Graph token is refused by SharePoint, and a SharePoint token by Graph (each API its own audience)', async () => {
    const graphToken = await userToken('dana@contoso.onmicrosoft.com', ['Sites.Read.All']);
    const refused = await sp('/_api/web', graphToken);
    assert.equal(refused.status, 401);
    assert.deepEqual(await refused.json(), { error_description: 'Invalid audience Uri.' });
    const graph = await emulator.fetch(`${emulator.url}/v1.0/sites/root`, { headers: { authorization: `Bearer ${await userToken('dana@contoso.onmicrosoft.com')}` } });
    assert.equal(graph.status, 401);
  });

  test("another tenant's SharePoint host: no token (AADSTS500011), and nothing served for an unknown host", async () => {
    const cca = new ConfidentialClientApplication(msalConfig(emulator, { clientSecret: emulator.seed!.application.clientSecret }));
    await assert.rejects(cca.acquireTokenByClientCredential({ scopes: ['https://fabrikam.sharepoint.com/.default'] }), /AADSTS500011/);
    await assert.rejects(cca.acquireTokenByClientCredential({ scopes: ['https://nowhere.sharepoint.com/.default'] }), /AADSTS70011/);
    const unknown = await emulator.fetch(`${emulator.url}/_sharepoint/nowhere.sharepoint.com/_api/web`, { headers: { accept: 'application/json' } });
    assert.equal(unknown.status, 404);
  });

  test('a missing list and an unknown endpoint: SharePoint error bodies', async () => {
    const token = await userToken('dana@contoso.onmicrosoft.com');
    const list = await sp("/_api/web/lists/getbytitle('Nope')", token);
    assert.equal(list.status, 404);
    assert.match(((await list.json()) as { 'odata.error': { message: { value: string } } })['odata.error'].message.value, /List 'Nope' does not exist/);
    assert.equal((await sp('/_api/web/nothing', token)).status, 404);
    const malformed = await sp('/_api/web/lists/getbytitle(%27%E0%A4%A)', token);
    assert.equal(malformed.status, 400, 'a malformed percent-encoding is a bad request, never a crash');
  });
});
