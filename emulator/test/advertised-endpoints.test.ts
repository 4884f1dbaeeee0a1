// Endpoints the emulator names in its own answers must answer, not 404: the discovery document's kerberos_endpoint
// and the v1.0 authorization_uri of Graph's WWW-Authenticate challenge (Graph "Authentication and authorization
// errors"; https://learn.microsoft.com/entra/identity-platform/v2-protocols-oidc).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { EmulatorHandle } from '../harness.js';
import { emulatorPerFile } from './support/emulator-per-file.js';

let emulator: EmulatorHandle;

emulatorPerFile((started) => (emulator = started));

describe('endpoints the emulator advertises', () => {
  test('kerberos_endpoint answers emulator_unsupported naming the KDC proxy, not 404', async () => {
    const discovery = (await (await emulator.fetch(`${emulator.authority()}/v2.0/.well-known/openid-configuration`)).json()) as Record<string, string>;
    const response = await emulator.fetch(discovery.kerberos_endpoint!, { method: 'POST', headers: { 'content-type': 'application/kerberos' }, body: 'x' });
    assert.equal(response.status, 400);
    const body = (await response.json()) as Record<string, unknown>;
    assert.equal(body.error, 'emulator_unsupported');
    assert.match(String(body.error_description), /Kerberos/);
  });

  test("Graph's authorization_uri shows Microsoft's missing client_id page (AADSTS900144); a full v1.0 request points at v2.0", async () => {
    const challenge = (await emulator.fetch(`${emulator.url}/v1.0/me`)).headers.get('www-authenticate') ?? '';
    const authorizationUri = /authorization_uri="([^"]+)"/.exec(challenge)?.[1];
    assert.ok(authorizationUri, challenge);
    const bare = await emulator.fetch(authorizationUri);
    assert.equal(bare.status, 400);
    assert.match(await bare.text(), /AADSTS900144: The request body must contain the following parameter: &#39;client_id&#39;|AADSTS900144: The request body must contain the following parameter: 'client_id'/);
    const full = await emulator.fetch(`${authorizationUri}?client_id=${emulator.seed!.application.appId}&response_type=code&resource=https://graph.microsoft.com`);
    assert.match(await full.text(), /oauth2\/v2\.0\/authorize/);
  });
});
