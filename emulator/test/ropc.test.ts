// grant_type=password (resource owner password credentials, https://learn.microsoft.com/entra/identity-platform/v2-oauth-ropc)
// through an unmodified msal-node acquireTokenByUsernamePassword: a token for a consented user; Microsoft's errors
// for a wrong password (AADSTS50126), an unknown user (AADSTS50034, suberror bad_token), missing consent
// (AADSTS65001, suberror consent_required) and a confidential client without its secret (AADSTS7000218).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ConfidentialClientApplication, InteractionRequiredAuthError, PublicClientApplication, ServerError } from '@azure/msal-node';
import { startEmulator, type EmulatorHandle } from '../harness.js';
import { msalConfig } from './support/msal-config.js';
import { claimsOf } from './support/jwt.js';

let emulator: EmulatorHandle;

before(async () => {
  emulator = await startEmulator();
});
after(async () => {
  await emulator?.close();
});

const dana = 'dana@contoso.onmicrosoft.com';
const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (e: unknown) => e);

describe('resource owner password credentials with msal-node', () => {
  test('a consented user and the right password: tokens for the user', async () => {
    const cca = new ConfidentialClientApplication(msalConfig(emulator, { clientSecret: emulator.seed!.application.clientSecret }));
    const result = await cca.acquireTokenByUsernamePassword({ scopes: ['User.Read'], username: dana, password: emulator.seed!.password });
    assert.equal(result?.account?.username, dana);
    assert.equal(result?.account?.tenantId, emulator.tenantId);
    assert.match(String(claimsOf(result!.accessToken).scp), /User\.Read/);
    assert.equal(claimsOf(result!.accessToken).upn, dana);
  });

  test('a wrong password: AADSTS50126 invalid_grant, a ServerError (signing in again with it will not help)', async () => {
    const cca = new ConfidentialClientApplication(msalConfig(emulator, { clientSecret: emulator.seed!.application.clientSecret }));
    const error = await failure(cca.acquireTokenByUsernamePassword({ scopes: ['User.Read'], username: dana, password: 'not-the-password' }));
    assert.ok(error instanceof ServerError && !(error instanceof InteractionRequiredAuthError), String(error));
    assert.equal(error.errorCode, 'invalid_grant');
    assert.match(error.errorMessage, /AADSTS50126: Error validating credentials due to invalid username or password\./);
  });

  test('an unknown user: AADSTS50034 with suberror bad_token', async () => {
    const cca = new ConfidentialClientApplication(msalConfig(emulator, { clientSecret: emulator.seed!.application.clientSecret }));
    const error = await failure(cca.acquireTokenByUsernamePassword({ scopes: ['User.Read'], username: 'nobody@contoso.onmicrosoft.com', password: 'x' }));
    assert.ok(error instanceof InteractionRequiredAuthError, String(error));
    assert.equal(error.subError, 'bad_token');
    assert.match(error.errorMessage, /AADSTS50034: The user account nobody@contoso\.onmicrosoft\.com does not exist/);
  });

  test('no consent to the app: AADSTS65001 with suberror consent_required (ROPC cannot show a consent page)', async () => {
    const app = await emulator.createApplication(emulator.tenantId!, { displayName: 'ropc without consent' });
    const secret = await emulator.addSecret(emulator.tenantId!, app.appId);
    const cca = new ConfidentialClientApplication(msalConfig(emulator, { clientId: app.appId, clientSecret: secret.secretText }));
    const error = await failure(cca.acquireTokenByUsernamePassword({ scopes: ['User.Read'], username: dana, password: emulator.seed!.password }));
    assert.ok(error instanceof InteractionRequiredAuthError, String(error));
    assert.equal(error.subError, 'consent_required');
    assert.match(error.errorMessage, /AADSTS65001/);
  });

  test('a confidential app used as a public client (no secret): AADSTS7000218 invalid_client', async () => {
    const pca = new PublicClientApplication(msalConfig(emulator, {}));
    const error = await failure(pca.acquireTokenByUsernamePassword({ scopes: ['User.Read'], username: dana, password: emulator.seed!.password }));
    assert.ok(error instanceof ServerError, String(error));
    assert.equal(error.errorCode, 'invalid_client');
    assert.match(error.errorMessage, /AADSTS7000218/);
  });
});
