// Proof that @azure/identity, unchanged, gets tokens from the emulator the way Azure SDK users configure it for a
// non-public authority: `authorityHost` set to the emulator and `disableInstanceDiscovery: true`
// (https://learn.microsoft.com/javascript/api/@azure/identity/clientsecretcredentialoptions); the emulator's CA is
// trusted through the pipeline's `agent` option.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { AuthenticationRequiredError, ClientCertificateCredential, ClientSecretCredential } from '@azure/identity';
import { startEmulator, type EmulatorHandle } from '../harness.js';
import { claimsOf } from './support/jwt.js';
import { createClientCertificate } from './support/test-certificate.js';

let emulator: EmulatorHandle;
before(async () => {
  emulator = await startEmulator();
});
after(async () => emulator?.close());

const options = () => ({ authorityHost: emulator.url, disableInstanceDiscovery: true, agent: emulator.httpsAgent });
const GRAPH_DEFAULT = 'https://graph.microsoft.com/.default';

describe('@azure/identity against the emulator', () => {
  test('ClientSecretCredential.getToken returns a Graph app-only token with the granted roles', async () => {
    const credential = new ClientSecretCredential(emulator.tenantId!, emulator.seed!.application.appId, emulator.seed!.application.clientSecret, options());
    const token = await credential.getToken(GRAPH_DEFAULT);
    assert.ok(token.token);
    assert.ok(token.expiresOnTimestamp > Date.now());
    const claims = claimsOf(token.token);
    assert.equal(claims.aud, 'https://graph.microsoft.com');
    assert.equal(claims.tid, emulator.tenantId);
    assert.ok((claims.roles as string[]).includes('User.Read.All'));
    const graph = await emulator.fetch(`${emulator.url}/v1.0/organization`, { headers: { authorization: `Bearer ${token.token}` } });
    assert.equal(graph.status, 200);
  });

  test('ClientCertificateCredential (PEM with the private key) signs a client assertion the emulator accepts', async () => {
    const app = await emulator.createApplication(emulator.tenantId!, { displayName: 'azure-identity certificate app' });
    const { certificatePem, privateKeyPem } = await createClientCertificate();
    await emulator.addCertificate(emulator.tenantId!, app.appId, certificatePem);
    await emulator.grant(emulator.tenantId!, { appId: app.appId, roles: ['Sites.Read.All'] });
    const credential = new ClientCertificateCredential(emulator.tenantId!, app.appId, { certificate: `${privateKeyPem}\n${certificatePem}` }, options());
    const token = await credential.getToken(GRAPH_DEFAULT);
    const claims = claimsOf(token.token);
    assert.equal(claims.appidacr, '2', 'appidacr 2 = certificate');
    assert.deepEqual(claims.roles, ['Sites.Read.All']);
  });

  // @azure/identity wraps msal-node's ServerError for invalid_client in AuthenticationRequiredError, message intact.
  test('a wrong secret surfaces as AuthenticationRequiredError carrying AADSTS7000215', async () => {
    const credential = new ClientSecretCredential(emulator.tenantId!, emulator.seed!.application.appId, 'not-the-secret', options());
    const failure = await credential.getToken(GRAPH_DEFAULT).then(
      () => assert.fail('a wrong secret must not get a token'),
      (error: unknown) => error,
    );
    assert.ok(failure instanceof AuthenticationRequiredError, String(failure));
    assert.match(String((failure as Error).message), /AADSTS7000215/);
  });
});
