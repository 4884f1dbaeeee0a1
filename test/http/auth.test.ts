// Who may call the API: sign-in and sessions, CSRF, roles, API keys and the acting-user header, last-admin rule.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { dialects, skipReason } from '../support/stores.js';
import { PASSWORD, startHub, workspaceWithPeople, type Hub } from './hub-fixture.js';

const code = (response: { json(): unknown }) => (response.json() as { code: string }).code;

for (const dialect of dialects) {
  describe(`who may call the API (${dialect})`, { skip: skipReason(dialect) }, () => {
    let hub: Hub;
    let w: Awaited<ReturnType<typeof workspaceWithPeople>>;
    const ws = () => `/api/v1/workspaces/${w.workspaceId}`;

    before(async () => {
      hub = await startHub(dialect);
      w = await workspaceWithPeople(hub, 'auth');
    });
    after(async () => hub?.close());

    it('answers a wrong password and an unknown email identically, and audits both without the password', async () => {
      const wrong = await hub.call(null, 'POST', '/api/v1/auth/sign-in', { email: 'admin-auth@example.com', password: 'not the password!' });
      const unknown = await hub.call(null, 'POST', '/api/v1/auth/sign-in', { email: 'nobody@example.com', password: 'not the password!' });
      assert.equal(wrong.statusCode, 401);
      const strip = (r: typeof wrong) => ({ ...(r.json() as object), requestId: undefined });
      assert.deepEqual(strip(wrong), strip(unknown));
      assert.equal(code(wrong), 'invalid_credentials');
      const rows = await hub.store.db.selectFrom('audit_log').selectAll().where('action', '=', 'auth.sign_in_failed').execute();
      assert.deepEqual(rows.map((r) => r.actor_label).sort(), ['admin-auth@example.com', 'nobody@example.com']);
      assert.ok(!JSON.stringify(rows).includes('not the password!'));
      const successes = await hub.store.db.selectFrom('audit_log').select('actor_id').where('action', '=', 'auth.signed_in').execute();
      assert.ok(successes.some((r) => r.actor_id === w.adminUserId), 'successful sign-in audited');
    });

    it('refuses sign-in after repeated failures for an IP and email until the window passes, with Retry-After', async () => {
      const user = await hub.user('limited@example.com');
      for (let i = 0; i < 5; i++) {
        const r = await hub.call(null, 'POST', '/api/v1/auth/sign-in', { email: user.email, password: `wrong password ${i}` });
        assert.equal(r.statusCode, 401);
      }
      const limited = await hub.call(null, 'POST', '/api/v1/auth/sign-in', { email: user.email, password: PASSWORD });
      assert.equal(limited.statusCode, 429);
      assert.equal(code(limited), 'rate_limited');
      const retryAfter = Number(limited.headers['retry-after']);
      assert.ok(retryAfter > 0);
      hub.clock.advance(retryAfter * 1000);
      const ok = await hub.call(null, 'POST', '/api/v1/auth/sign-in', { email: user.email, password: PASSWORD });
      assert.equal(ok.statusCode, 200);
    });

    it('sets an httpOnly SameSite=Lax session cookie; the session answers until sign-out', async () => {
      const response = await hub.call(null, 'POST', '/api/v1/auth/sign-in', { email: 'member-auth@example.com', password: PASSWORD });
      const cookie = response.cookies.find((c) => c.name === 'm365hub_session');
      assert.ok(cookie);
      assert.equal(cookie.httpOnly, true);
      assert.equal(cookie.sameSite, 'Lax');
      assert.equal(cookie.path, '/');
      // A persistent cookie for the session's lifetime (3600 s here), so closing the browser does not sign out.
      assert.ok(cookie.expires, 'the cookie carries an expiry');
      assert.equal(new Date(cookie.expires).getTime(), hub.clock.now().getTime() + 3600 * 1000);
      const session = await hub.signIn('member-auth@example.com', PASSWORD);
      const current = await hub.call(session, 'GET', '/api/v1/auth/session');
      assert.equal(current.statusCode, 200);
      assert.equal((current.json() as { user: { email: string } }).user.email, 'member-auth@example.com');
      assert.equal((current.json() as { csrfToken: string }).csrfToken, session.csrfToken);
      const out = await hub.call(session, 'POST', '/api/v1/auth/sign-out');
      assert.equal(out.statusCode, 204);
      const after = await hub.call(session, 'GET', '/api/v1/auth/session');
      assert.equal(after.statusCode, 401);
      assert.equal(code(after), 'unauthenticated');
    });

    it('expires idle sessions by the injected clock and extends used ones', async () => {
      const session = await hub.signIn('member-auth@example.com', PASSWORD);
      hub.clock.advance(2000 * 1000); // TTL is 3600 s: past half, so this use extends it
      const extended = await hub.call(session, 'GET', '/api/v1/auth/session');
      assert.equal(extended.statusCode, 200);
      const renewedCookie = extended.cookies.find((c) => c.name === 'm365hub_session');
      assert.ok(renewedCookie?.expires, 'the extended session re-sends its cookie with the new expiry');
      assert.equal(new Date(renewedCookie.expires).getTime(), hub.clock.now().getTime() + 3600 * 1000);
      assert.equal(renewedCookie.value, session.cookie);
      hub.clock.advance(2000 * 1000); // 4000 s after sign-in, 2000 s after the last use
      assert.equal((await hub.call(session, 'GET', '/api/v1/auth/session')).statusCode, 200);
      hub.clock.advance(3601 * 1000);
      assert.equal((await hub.call(session, 'GET', '/api/v1/auth/session')).statusCode, 401);
      assert.equal((await hub.call(w.admin, 'GET', '/api/v1/auth/session')).statusCode, 401, 'idle sessions expired too');
      // Fresh sessions for the tests that follow.
      w.admin = await hub.signIn('admin-auth@example.com', PASSWORD);
      w.member = await hub.signIn('member-auth@example.com', PASSWORD);
    });

    it('requires the CSRF token and the own origin on cookie-authenticated changes, but not for API keys', async () => {
      const { cookie, csrfToken } = await hub.signIn('admin-auth@example.com', PASSWORD);
      const body = { name: 'Renamed by admin' };
      const withHeaders = (headers: Record<string, string>) => hub.call({ headers: { cookie: `m365hub_session=${cookie}`, ...headers } }, 'PATCH', ws(), body);
      for (const response of [
        await withHeaders({}),
        await withHeaders({ 'x-csrf-token': 'forged' }),
        await withHeaders({ 'x-csrf-token': csrfToken, origin: 'https://evil.example' }),
      ]) {
        assert.equal(response.statusCode, 403);
        assert.equal(code(response), 'csrf_failed');
      }
      assert.equal((await withHeaders({ 'x-csrf-token': csrfToken, origin: 'http://localhost:80' })).statusCode, 200);
      assert.equal((await withHeaders({ 'x-csrf-token': csrfToken })).statusCode, 200);
      assert.equal((await hub.call(w.apiKey, 'PATCH', ws(), { name: 'Renamed by key' })).statusCode, 200);
      // Sign-in from a foreign page is refused too (login CSRF).
      const foreign = await hub.call(null, 'POST', '/api/v1/auth/sign-in', { email: 'admin-auth@example.com', password: PASSWORD }, { origin: 'https://evil.example' });
      assert.equal(code(foreign), 'csrf_failed');
    });

    it('lets members read the workspace and members but not admin routes; keys never manage keys or members', async () => {
      const otherUser = `/members/${w.adminUserId}`;
      const adminOnly: [string, string, unknown?][] = [
        ['PATCH', ws(), { name: 'x' }],
        ['DELETE', ws()],
        ['POST', `${ws()}/members`, { email: 'x@example.com', role: 'member' }],
        ['PATCH', `${ws()}${otherUser}`, { role: 'member' }],
        ['DELETE', `${ws()}${otherUser}`],
        ['GET', `${ws()}/api-keys`],
        ['POST', `${ws()}/api-keys`, { name: 'k' }],
        ['DELETE', `${ws()}/api-keys/${w.apiKeyId}`],
        ['GET', `${ws()}/audit-log`],
      ];
      for (const [method, url, body] of adminOnly) {
        const response = await hub.call(w.member, method, url, body);
        assert.equal(response.statusCode, 403, `member ${method} ${url}`);
        assert.equal(code(response), 'forbidden');
      }
      for (const url of [ws(), `${ws()}/members`]) assert.equal((await hub.call(w.member, 'GET', url)).statusCode, 200, url);

      const keyForbidden = adminOnly.filter(([method, url]) => url.includes('/api-keys') || url.includes('/members') || method === 'DELETE');
      for (const [method, url, body] of keyForbidden) {
        const response = await hub.call(w.apiKey, method, url, body);
        assert.equal(response.statusCode, 403, `key ${method} ${url}`);
      }
      assert.equal((await hub.call(w.apiKey, 'GET', `${ws()}/audit-log`)).statusCode, 200);
      assert.equal((await hub.call(w.apiKey, 'POST', '/api/v1/workspaces', { name: 'by key' })).statusCode, 403);
      assert.equal((await hub.call(w.member, 'POST', '/api/v1/workspaces', { name: 'by member' })).statusCode, 403);
    });

    it('records last use of a key at most once a minute, and the acting user in the audit log', async () => {
      const keys = async () =>
        ((await hub.call(w.admin, 'GET', `${ws()}/api-keys`)).json() as { items: { id: string; lastUsedAt: string | null }[] }).items.find((k) => k.id === w.apiKeyId)!;
      const firstUse = (await keys()).lastUsedAt;
      assert.ok(firstUse, 'used by earlier tests');
      hub.clock.advance(30_000);
      await hub.call(w.apiKey, 'GET', ws());
      assert.equal((await keys()).lastUsedAt, firstUse, 'not rewritten within a minute');
      hub.clock.advance(31_000);
      await hub.call(w.apiKey, 'GET', ws());
      assert.equal((await keys()).lastUsedAt, hub.clock.now().toISOString());

      const renamed = await hub.call(w.apiKey, 'PATCH', ws(), { name: 'Acted' }, { 'x-m365hub-acting-user': 'host-user-42' });
      assert.equal(renamed.statusCode, 200);
      const audit = (await hub.call(w.admin, 'GET', `${ws()}/audit-log?limit=1`)).json() as {
        items: { action: string; actingUser?: string; actor: { type: string; id: string } }[];
      };
      assert.equal(audit.items[0]?.action, 'workspace.renamed');
      assert.equal(audit.items[0]?.actingUser, 'host-user-42');
      assert.deepEqual([audit.items[0]?.actor.type, audit.items[0]?.actor.id], ['api_key', w.apiKeyId]);
      const tooLong = await hub.call(w.apiKey, 'GET', ws(), undefined, { 'x-m365hub-acting-user': 'x'.repeat(257) });
      assert.equal(tooLong.statusCode, 400);
      const onSession = await hub.call(w.admin, 'GET', ws(), undefined, { 'x-m365hub-acting-user': 'someone' });
      assert.equal(onSession.statusCode, 400);
    });

    it('keeps at least one admin and refuses duplicate members', async () => {
      const demote = await hub.call(w.admin, 'PATCH', `${ws()}/members/${w.adminUserId}`, { role: 'member' });
      assert.equal(demote.statusCode, 409);
      assert.equal(code(demote), 'last_admin');
      assert.equal(code(await hub.call(w.admin, 'DELETE', `${ws()}/members/${w.adminUserId}`)), 'last_admin');
      const duplicate = await hub.call(w.admin, 'POST', `${ws()}/members`, { email: 'member-auth@example.com', role: 'admin' });
      assert.equal(duplicate.statusCode, 409);
      assert.equal(code(duplicate), 'conflict');
      const promote = await hub.call(w.admin, 'PATCH', `${ws()}/members/${w.memberUserId}`, { role: 'admin' });
      assert.equal((promote.json() as { role: string }).role, 'admin');
      assert.equal((await hub.call(w.admin, 'PATCH', `${ws()}/members/${w.adminUserId}`, { role: 'member' })).statusCode, 200);
      // Restore for the tests that follow.
      assert.equal((await hub.call(w.member, 'PATCH', `${ws()}/members/${w.adminUserId}`, { role: 'admin' })).statusCode, 200);
      assert.equal((await hub.call(w.admin, 'PATCH', `${ws()}/members/${w.memberUserId}`, { role: 'member' })).statusCode, 200);
    });

    it('paginates lists with a stable cursor', async () => {
      for (let i = 0; i < 3; i++) await hub.call(w.admin, 'POST', `${ws()}/api-keys`, { name: `page key ${i}` });
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = (await hub.call(w.admin, 'GET', `${ws()}/api-keys?limit=2${cursor ? `&cursor=${cursor}` : ''}`)).json() as {
          items: { id: string }[];
          nextCursor: string | null;
        };
        assert.ok(page.items.length <= 2);
        seen.push(...page.items.map((k) => k.id));
        cursor = page.nextCursor;
      } while (cursor);
      assert.equal(seen.length, 4);
      assert.equal(new Set(seen).size, 4);
    });

    it('revokes a key at once, and deleting the workspace removes everything and audits at instance level', async () => {
      const created = (await hub.call(w.admin, 'POST', `${ws()}/api-keys`, { name: 'short-lived' })).json() as { id: string; key: string };
      const caller = { headers: { authorization: `Bearer ${created.key}` } };
      assert.equal((await hub.call(caller, 'GET', ws())).statusCode, 200);
      assert.equal((await hub.call(w.admin, 'DELETE', `${ws()}/api-keys/${created.id}`)).statusCode, 204);
      const revoked = await hub.call(caller, 'GET', ws());
      assert.equal(revoked.statusCode, 401);
      const listed = ((await hub.call(w.admin, 'GET', `${ws()}/api-keys`)).json() as { items: { id: string; revokedAt: string | null }[] }).items;
      assert.ok(listed.find((k) => k.id === created.id)?.revokedAt, 'revoked key is kept and marked');

      assert.equal((await hub.call(w.admin, 'DELETE', ws())).statusCode, 204);
      assert.equal((await hub.call(w.admin, 'GET', ws())).statusCode, 404);
      assert.equal((await hub.call(w.apiKey, 'GET', '/api/v1/workspaces')).statusCode, 401);
      const left = await hub.store.db.selectFrom('api_keys').select('id').where('workspace_id', '=', w.workspaceId).execute();
      assert.equal(left.length, 0);
      const deletion = await hub.store.db.selectFrom('audit_log').selectAll().where('action', '=', 'workspace.deleted').executeTakeFirstOrThrow();
      assert.equal(deletion.workspace_id, null);
      assert.deepEqual(deletion.data, { workspaceId: w.workspaceId, name: 'Acted' });
    });
  });
}
