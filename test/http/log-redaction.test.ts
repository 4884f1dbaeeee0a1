// The server's logs of a run that handles every kind of console and API secret never contain one of them.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { dialects, skipReason } from '../support/stores.js';
import { PASSWORD, startHub, workspaceWithPeople, type Hub } from './hub-fixture.js';

for (const dialect of dialects) {
  describe(`log redaction (${dialect})`, { skip: skipReason(dialect) }, () => {
    let hub: Hub;
    before(async () => {
      hub = await startHub(dialect, {
        beforeReady(server) {
          // An unexpected failure whose error carries secret-named fields, as a careless library might throw.
          server.post('/test/fail-with-secrets', { config: { access: 'public' } }, async () => {
            throw Object.assign(new Error('upstream failed'), { password: 'pw-in-error-field-1234', accessToken: 'at-in-error-field-5678' });
          });
        },
      });
    });
    after(async () => hub?.close());

    it('never logs passwords, API keys, session cookies or CSRF tokens', async () => {
      const w = await workspaceWithPeople(hub, 'log');
      const wrongPassword = 'wrong-password-that-must-not-be-logged';
      const guessedKey = `m365k_${'G'.repeat(43)}`;
      await hub.call(null, 'POST', '/api/v1/auth/sign-in', { email: 'admin-log@example.com', password: wrongPassword });
      await hub.call(null, 'POST', '/api/v1/auth/sign-in', { email: 'nobody-log@example.com', password: wrongPassword });
      await hub.call({ headers: { authorization: `Bearer ${guessedKey}` } }, 'GET', '/api/v1/workspaces');
      await hub.call(w.apiKey, 'GET', `/api/v1/workspaces/${w.workspaceId}`, undefined, { 'x-m365hub-acting-user': 'host-user-7' });
      const second = (await hub.call(w.admin, 'POST', `/api/v1/workspaces/${w.workspaceId}/api-keys`, { name: 'second' })).json() as { key: string };
      await hub.call({ headers: { authorization: `Bearer ${second.key}` } }, 'GET', '/api/v1/workspaces');
      await hub.call(w.admin, 'PATCH', `/api/v1/workspaces/${w.workspaceId}`, { name: 'Renamed' });
      await hub.call({ headers: { cookie: `m365hub_session=${w.admin.cookie}`, 'x-csrf-token': 'forged-csrf-token' } }, 'PATCH', `/api/v1/workspaces/${w.workspaceId}`, { name: 'x' });
      await hub.call(w.admin, 'POST', '/api/v1/auth/sign-out');
      // Bodies sent to a failing route and to an unknown one.
      const body = { password: PASSWORD, clientSecret: 'client-secret-in-body-9999' };
      await hub.call(null, 'POST', '/test/fail-with-secrets', body);
      await hub.call(null, 'POST', '/api/v1/nope', body);
      await hub.call(null, 'POST', `/api/v1/nope?code=auth-code-in-query-4321`, body);

      const logs = hub.logText();
      assert.ok(logs.split('\n').filter(Boolean).length >= 15, `the run was logged: ${logs.split('\n').length} lines`);
      assert.match(logs, /upstream failed/, 'the unexpected error was logged');
      const secrets = [
        PASSWORD,
        wrongPassword,
        guessedKey,
        w.key,
        second.key,
        w.admin.cookie,
        w.member.cookie,
        w.admin.csrfToken,
        w.member.csrfToken,
        'forged-csrf-token',
        'pw-in-error-field-1234',
        'at-in-error-field-5678',
        'client-secret-in-body-9999',
        'auth-code-in-query-4321',
      ];
      for (const secret of secrets) assert.ok(!logs.includes(secret), `the logs contain a secret: ${secret.slice(0, 10)}…`);
    });
  });
}
