// Malformed requests, missing and duplicated parameters, huge bodies, unknown tenants: Microsoft's error for
// each, never a crash. Duplicates: AADSTS9000411 as recorded in MicrosoftDocs/azure-dev-docs#934; missing
// parameter AADSTS900144, wrong verb AADSTS900561, unknown tenant AADSTS90002 (reference-error-codes.md).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startEmulator, type EmulatorHandle } from '../harness.js';
import { assertAadstsError } from './support/aadsts-assert.js';

let emulator: EmulatorHandle;
let tokenUrl: string;

before(async () => {
  emulator = await startEmulator();
  tokenUrl = `${emulator.url}/${emulator.tenantId}/oauth2/v2.0/token`;
});
after(async () => {
  await emulator?.close();
});

const postRaw = (body: string, contentType = 'application/x-www-form-urlencoded') => emulator.fetch(tokenUrl, { method: 'POST', headers: { 'content-type': contentType }, body });
const creds = () => `client_id=${emulator.seed!.application.appId}&client_secret=${encodeURIComponent(emulator.seed!.application.clientSecret)}`;

describe('token endpoint input', () => {
  test('a duplicated parameter: AADSTS9000411 invalid_request', async () => {
    await assertAadstsError(await postRaw(`grant_type=client_credentials&${creds()}&scope=https://graph.microsoft.com/.default&scope=https://graph.microsoft.com/.default`), {
      status: 400,
      error: 'invalid_request',
      code: 9000411,
      messageIncludes: "The parameter 'scope' is duplicated.",
    });
  });

  test('missing grant_type: AADSTS900144', async () => {
    await assertAadstsError(await postRaw(creds()), { status: 400, error: 'invalid_request', code: 900144, messageIncludes: "'grant_type'" });
  });

  test('missing client_id: AADSTS900144', async () => {
    await assertAadstsError(await postRaw('grant_type=client_credentials&scope=https://graph.microsoft.com/.default'), { status: 400, error: 'invalid_request', code: 900144, messageIncludes: "'client_id'" });
  });

  test('an unknown grant type: AADSTS70003 unsupported_grant_type', async () => {
    await assertAadstsError(await postRaw(`grant_type=magic&${creds()}`), { status: 400, error: 'unsupported_grant_type', code: 70003 });
  });

  test('a real grant the emulator does not implement (on-behalf-of): emulator_unsupported naming it', async () => {
    const response = await postRaw(`grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer&${creds()}`);
    assert.equal(response.status, 400);
    const body = (await response.json()) as Record<string, unknown>;
    assert.equal(body.error, 'emulator_unsupported');
    assert.match(String(body.error_description), /on-behalf-of flow/);
  });

  test('the v1 resource parameter: AADSTS901002', async () => {
    await assertAadstsError(await postRaw(`grant_type=client_credentials&${creds()}&resource=https://graph.microsoft.com`), { status: 400, error: 'invalid_request', code: 901002 });
  });

  test('GET on the token endpoint: AADSTS900561', async () => {
    await assertAadstsError(await emulator.fetch(tokenUrl), { status: 400, error: 'invalid_request', code: 900561 });
  });

  test('a JSON body is not form parameters: AADSTS900144', async () => {
    await assertAadstsError(await postRaw(JSON.stringify({ grant_type: 'client_credentials' }), 'application/json'), { status: 400, error: 'invalid_request', code: 900144 });
  });

  test('garbage percent-encoding does not crash', async () => {
    await assertAadstsError(await postRaw('%%%&&==&grant_type'), { status: 400, error: 'invalid_request', code: 900144 });
  });

  test('a huge body: AADSTS9002313, the server keeps serving', async () => {
    await assertAadstsError(await postRaw(`grant_type=client_credentials&junk=${'x'.repeat(400_000)}`), { status: 400, error: 'invalid_request', code: 9002313 });
    assert.equal((await postRaw(`grant_type=client_credentials&${creds()}&scope=https://graph.microsoft.com/.default`)).status, 200);
  });

  test('a malformed client assertion: AADSTS50013', async () => {
    await assertAadstsError(
      await postRaw(`grant_type=client_credentials&client_id=${emulator.seed!.application.appId}&scope=https://graph.microsoft.com/.default&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer&client_assertion=not.a.jwt`),
      { status: 401, error: 'invalid_client', code: 50013 },
    );
  });

  test('parameters MSAL adds (x-client-*, client-request-id, client_info, clidata, claims) are ignored', async () => {
    const extra = 'x-client-SKU=msal.js.node&x-client-VER=7.2.3&x-client-OS=linux&x-client-CPU=x64&x-ms-lib-capability=retry-after,h429&x-client-current-telemetry=5|771,2,,,|,&x-client-last-telemetry=5|0|||0,0&client-request-id=9b1c7a5e-2f3d-4c6b-8a9e-0d1f2e3a4b5c&client_info=1&clidata=abc&claims=%7B%22access_token%22%3A%7B%22xms_cc%22%3A%7B%22values%22%3A%5B%22cp1%22%5D%7D%7D%7D';
    const response = await postRaw(`grant_type=client_credentials&${creds()}&scope=https://graph.microsoft.com/.default&${extra}`);
    assert.equal(response.status, 200);
  });
});

describe('tenants, discovery and pages', () => {
  test('discovery of an unknown tenant: 400 invalid_tenant AADSTS90002', async () => {
    await assertAadstsError(await emulator.fetch(`${emulator.url}/not-a-tenant.example/v2.0/.well-known/openid-configuration`), { status: 400, error: 'invalid_tenant', code: 90002 });
  });

  test('discovery for common uses the {tenantid} issuer template', async () => {
    const doc = (await (await emulator.fetch(`${emulator.url}/common/v2.0/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    assert.equal(doc.issuer, `${emulator.url}/{tenantid}/v2.0`);
    assert.equal(doc.token_endpoint, `${emulator.url}/common/oauth2/v2.0/token`);
  });

  test('discovery by verified domain resolves endpoints to the tenant GUID', async () => {
    const doc = (await (await emulator.fetch(`${emulator.url}/contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    assert.equal(doc.issuer, `${emulator.url}/${emulator.tenantId}/v2.0`);
    assert.equal(doc.authorization_endpoint, `${emulator.url}/${emulator.tenantId}/oauth2/v2.0/authorize`);
  });

  test('issuer follows the host the request came to (localhost vs 127.0.0.1)', async () => {
    const viaLocalhost = emulator.url.replace('127.0.0.1', 'localhost');
    const doc = (await (await emulator.fetch(`${viaLocalhost}/${emulator.tenantId}/v2.0/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    assert.equal(doc.issuer, `${viaLocalhost}/${emulator.tenantId}/v2.0`);
  });

  test('a duplicated authorize parameter shows an error page (AADSTS9000411), no redirect', async () => {
    const response = await emulator.fetch(`${emulator.url}/${emulator.tenantId}/oauth2/v2.0/authorize?client_id=${emulator.seed!.application.appId}&prompt=login&prompt=consent`, { redirect: 'manual' });
    assert.equal(response.headers.get('location'), null);
    assert.match(await response.text(), /AADSTS9000411/);
  });

  test('a query string that is too long: AADSTS90015', async () => {
    const response = await emulator.fetch(`${emulator.url}/${emulator.tenantId}/oauth2/v2.0/authorize?state=${'s'.repeat(20_000)}`, { redirect: 'manual' });
    await assertAadstsError(response, { status: 400, error: 'invalid_request', code: 90015 });
  });

  test("an unknown path answers as Microsoft's hosts do, not a crash: Graph's 400 \"Invalid version.\", or 404 under a tenant", async () => {
    const graphLike = await emulator.fetch(`${emulator.url}/nothing/here`);
    assert.equal(graphLike.status, 400);
    assert.equal(((await graphLike.json()) as { error: { code: string; message: string } }).error.message, 'Invalid version.');
    const underTenant = await emulator.fetch(`${emulator.url}/organizations/nothing/here`);
    assert.equal(underTenant.status, 404);
  });
});
