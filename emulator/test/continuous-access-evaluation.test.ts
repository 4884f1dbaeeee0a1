// Continuous access evaluation (https://learn.microsoft.com/entra/identity-platform/app-resilience-continuous-access-evaluation,
// claims-challenge.md): once a user's sessions are revoked, Graph refuses at once the tokens of clients that declared
// the cp1 capability (xms_cc) with a 401 claims challenge; msal-node, handed the decoded claims, gets a fresh token
// Graph accepts. Clients without cp1 keep their token until it expires.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ConfidentialClientApplication } from '@azure/msal-node';
import type { EmulatorHandle } from '../harness.js';
import { emulatorPerFile } from './support/emulator-per-file.js';
import { claimsOf } from './support/jwt.js';
import { msalConfig } from './support/msal-config.js';

let emulator: EmulatorHandle;

emulatorPerFile((started) => (emulator = started));

const dana = 'dana@contoso.onmicrosoft.com';
const me = (token: string) => emulator.fetch(`${emulator.url}/v1.0/me`, { headers: { authorization: `Bearer ${token}` } });

function client(capabilities: string[]) {
  const config = msalConfig(emulator, { clientSecret: emulator.seed!.application.clientSecret, clientCapabilities: capabilities });
  return new ConfidentialClientApplication(config);
}

describe('continuous access evaluation at Graph', () => {
  test('after revokeSignInSessions a cp1 client gets the insufficient_claims challenge, and a token asked for with its claims works', async () => {
    const cca = client(['cp1']);
    const first = await cca.acquireTokenByUsernamePassword({ scopes: ['User.Read'], username: dana, password: emulator.seed!.password });
    assert.deepEqual(claimsOf(first!.accessToken).xms_cc, ['cp1']);
    assert.equal((await me(first!.accessToken)).status, 200);

    // Revoked two seconds later on the emulator clock: the instant is compared in whole seconds, as the nbf value is.
    const user = (await (await me(first!.accessToken)).json()) as { id: string };
    await emulator.advanceClock(2);
    await emulator.revokeSignInSessions(emulator.tenantId!, user.id);

    const refused = await me(first!.accessToken);
    assert.equal(refused.status, 401);
    const challenge = refused.headers.get('www-authenticate') ?? '';
    assert.match(challenge, /^Bearer realm="", authorization_uri="[^"]+\/common\/oauth2\/authorize", client_id="00000003-0000-0000-c000-000000000000", /);
    assert.match(challenge, /error="insufficient_claims"/);
    const body = (await refused.json()) as { error: { code: string; message: string } };
    assert.equal(body.error.code, 'InvalidAuthenticationToken');
    assert.match(body.error.message, /TokenIssuedBeforeRevocationTimestamp/);
    const claims = Buffer.from(/claims="([^"]+)"/.exec(challenge)![1]!, 'base64').toString('utf8');
    const nbf = (JSON.parse(claims) as { access_token: { nbf: { essential: boolean; value: string } } }).access_token.nbf;
    assert.equal(nbf.essential, true);
    assert.match(nbf.value, /^\d{10}$/);

    const again = await cca.acquireTokenByUsernamePassword({ scopes: ['User.Read'], username: dana, password: emulator.seed!.password, claims });
    assert.equal((await me(again!.accessToken)).status, 200);
  });

  test('a client without cp1 keeps its token after the revocation (no xms_cc, no challenge)', async () => {
    const cca = client([]);
    const token = await cca.acquireTokenByUsernamePassword({ scopes: ['User.Read'], username: dana, password: emulator.seed!.password });
    assert.equal(claimsOf(token!.accessToken).xms_cc, undefined);
    const user = (await (await me(token!.accessToken)).json()) as { id: string };
    await emulator.advanceClock(2);
    await emulator.revokeSignInSessions(emulator.tenantId!, user.id);
    assert.equal((await me(token!.accessToken)).status, 200);
  });
});
