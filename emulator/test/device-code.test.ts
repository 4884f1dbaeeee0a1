// The device authorization grant (https://learn.microsoft.com/entra/identity-platform/v2-oauth2-device-code):
// an unmodified msal-node acquireTokenByDeviceCode signs a user in through the emulator's /devicelogin page, and the
// poll answers Microsoft documents (authorization_pending AADSTS70016, expired_token AADSTS70019,
// authorization_declined, bad_verification_code, and RFC 8628's slow_down for a client that polls too fast).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PublicClientApplication } from '@azure/msal-node';
import type { EmulatorHandle } from '../harness.js';
import { emulatorPerFile } from './support/emulator-per-file.js';
import { assertAadstsError } from './support/aadsts-assert.js';
import { claimsOf } from './support/jwt.js';
import { msalConfig } from './support/msal-config.js';

let emulator: EmulatorHandle;

emulatorPerFile((started) => (emulator = started));

const dana = 'dana@contoso.onmicrosoft.com';
const form = (fields: Record<string, string>) => ({ method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });

async function deviceCode(scope = 'User.Read offline_access openid profile') {
  const response = await emulator.fetch(`${emulator.authority()}/oauth2/v2.0/devicecode`, form({ client_id: emulator.seed!.application.appId, scope }));
  assert.equal(response.status, 200);
  return (await response.json()) as Record<string, unknown>;
}

const poll = (code: unknown) =>
  emulator.fetch(`${emulator.authority()}/oauth2/v2.0/token`, form({ grant_type: 'urn:ietf:params:oauth:grant-type:device_code', client_id: emulator.seed!.application.appId, device_code: String(code) }));

describe('device authorization grant', () => {
  test('discovery advertises the devicecode endpoint it answers, with the documented response fields (no verification_uri_complete)', async () => {
    const discovery = (await (await emulator.fetch(`${emulator.authority()}/v2.0/.well-known/openid-configuration`)).json()) as Record<string, string>;
    const response = await emulator.fetch(discovery.device_authorization_endpoint!, form({ client_id: emulator.seed!.application.appId, scope: 'User.Read' }));
    assert.equal(response.status, 200);
    const body = (await response.json()) as Record<string, unknown>;
    assert.deepEqual(Object.keys(body).sort(), ['device_code', 'expires_in', 'interval', 'message', 'user_code', 'verification_uri']);
    assert.equal(body.expires_in, 900);
    assert.equal(body.interval, 5);
    assert.equal(body.verification_uri, `${emulator.url}/devicelogin`);
    assert.equal(body.message, `To sign in, use a web browser to open the page ${emulator.url}/devicelogin and enter the code ${body.user_code} to authenticate.`);
  });

  test('a device code request without scope: AADSTS900144', async () => {
    const response = await emulator.fetch(`${emulator.authority()}/oauth2/v2.0/devicecode`, form({ client_id: emulator.seed!.application.appId }));
    await assertAadstsError(response, { status: 400, error: 'invalid_request', code: 900144, messageIncludes: "'scope'" });
  });

  test('a registration that does not allow public client flows must authenticate: AADSTS7000218', async () => {
    const code = await deviceCode();
    await assertAadstsError(await poll(code.device_code), { status: 401, error: 'invalid_client', code: 7000218 });
  });

  test('public client: polling before sign-in is authorization_pending, polling faster than the interval slow_down', async () => {
    await emulator.updateApplication(emulator.tenantId!, emulator.seed!.application.appId, { isFallbackPublicClient: true });
    const code = await deviceCode();
    await assertAadstsError(await poll(code.device_code), { status: 400, error: 'authorization_pending', code: 70016 });
    await assertAadstsError(await poll(code.device_code), { status: 400, error: 'slow_down', code: 70016 });
  });

  test('an unknown device code: bad_verification_code; a code past its 15 minutes: expired_token AADSTS70019', async () => {
    await assertAadstsError(await poll('not-a-device-code'), { status: 400, error: 'bad_verification_code', code: 70018 });
    const code = await deviceCode();
    await emulator.advanceClock(901);
    await assertAadstsError(await poll(code.device_code), { status: 400, error: 'expired_token', code: 70019 });
  });

  test('a wrong code on the device login page asks again; cancelling consent declines the device (authorization_declined)', async () => {
    const page = await (await emulator.fetch(`${emulator.url}/devicelogin?otc=NOTACODE9`)).text();
    assert.match(page, /That code didn&#39;t work|That code didn't work/);
    const app = await emulator.createApplication(emulator.tenantId!, { displayName: 'device app without consent' });
    await emulator.updateApplication(emulator.tenantId!, app.appId, { isFallbackPublicClient: true });
    const issued = (await (await emulator.fetch(`${emulator.authority()}/oauth2/v2.0/devicecode`, form({ client_id: app.appId, scope: 'User.Read' }))).json()) as Record<string, string>;
    await emulator.signIn(`${emulator.url}/devicelogin?otc=${issued.user_code!.toLowerCase()}`, { username: dana, password: emulator.seed!.password, consent: 'cancel' });
    const response = await emulator.fetch(`${emulator.authority()}/oauth2/v2.0/token`, form({ grant_type: 'urn:ietf:params:oauth:grant-type:device_code', client_id: app.appId, device_code: issued.device_code! }));
    await assertAadstsError(response, { status: 400, error: 'authorization_declined', code: 70018 });
  });

  test('msal-node acquireTokenByDeviceCode: the user signs in on /devicelogin and the device gets her tokens, once', async () => {
    await emulator.updateApplication(emulator.tenantId!, emulator.seed!.application.appId, { isFallbackPublicClient: true });
    const pca = new PublicClientApplication(msalConfig(emulator, {}));
    let signedIn: Promise<unknown> | undefined;
    let deviceCodeSeen = '';
    const result = await pca.acquireTokenByDeviceCode({
      scopes: ['User.Read'],
      deviceCodeCallback: (response) => {
        deviceCodeSeen = response.deviceCode;
        signedIn = emulator.signIn(`${response.verificationUri}?otc=${response.userCode}`, { username: dana, password: emulator.seed!.password });
      },
    });
    await signedIn;
    assert.equal(result?.account?.username, dana);
    assert.equal(claimsOf(result!.accessToken).upn, dana);
    assert.match(String(claimsOf(result!.accessToken).scp), /User\.Read/);
    assert.ok(result?.idToken, 'an id token (MSAL asks for openid profile)');
    // A device code gives tokens once; a second redemption is not recognised.
    await assertAadstsError(await poll(deviceCodeSeen), { status: 400, error: 'bad_verification_code', code: 70018 });
  });
});
