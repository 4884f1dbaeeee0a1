// Sending mail through the hub as a host backend would, against the emulator: as a connected user, exactly once per
// Idempotency-Key (retries, concurrent retries, the key reused for another mail), refused clearly when the
// workspace did not enable Outlook mail or names no user; and the idempotency rules themselves for Microsoft's
// answers that are not a success (refused, throttled, no answer).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { runOnce } from '../../src/features/actions/idempotent-action.js';
import { GraphError } from '../../src/microsoft/graph/graph-error.js';
import { HttpProblem } from '../../src/platform/http/http-problem.js';
import { ManualClock } from '../../src/platform/time/clock.js';
import { createConsoleUser } from '../../src/features/console-auth/index.js';
import { createWorkspace } from '../../src/features/workspaces/index.js';
import { appWithRoles, graphGet } from '../../emulator/graph/test/graph-test-client.js';
import { dialects, openTestStore, skipReason, type TestStore } from '../support/stores.js';
import { Browser, CONTOSO, startConnectKit, type ConnectKit } from '../connect/support/connect-kit.js';

const LEE = 'lee@contoso.onmicrosoft.com';

for (const dialect of dialects) {
  describe(`mail actions (${dialect})`, { skip: skipReason(dialect) }, () => {
    let kit: ConnectKit;
    let ws: { id: string; apiKey: string };
    let inboxReader: string;

    before(async () => {
      kit = await startConnectKit(dialect);
      ws = await kit.workspace('Mail', { azureTenantId: CONTOSO, services: [{ service: 'mail', modes: ['delegated'] }] });
      const link = (await (await kit.api(ws.apiKey, 'POST', `/api/v1/workspaces/${ws.id}/users/mailer/connect-link`, { returnTo: `${kit.hub.url}/host/done` })).json()) as { url: string };
      const browser = new Browser(kit.hub.url);
      const start = await browser.get(link.url);
      assert.equal((await browser.get(await kit.microsoftSignIn(start.headers.get('location')!, 'dana@contoso.onmicrosoft.com'))).status, 303);
      inboxReader = (await appWithRoles(kit.emulator, CONTOSO, ['Mail.Read'])).token;
    });
    after(async () => kit?.close());

    const send = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
      kit.api(ws.apiKey, 'POST', `/api/v1/workspaces/${ws.id}/actions/mail/send`, body, { 'x-m365hub-acting-user': 'mailer', ...headers });
    const mail = (subject: string) => ({ to: [LEE], subject, body: { contentType: 'text', content: `About ${subject}` } });
    const inboxCount = async (subject: string) => {
      const inbox = await graphGet(kit.emulator, `/users/${LEE}/mailFolders/inbox/messages?$top=999`, inboxReader);
      return (inbox.body.value as { subject: string }[]).filter((m) => m.subject === subject).length;
    };

    it('sends as the connected user; a retry with the same Idempotency-Key is answered again and sends nothing', async () => {
      const subject = `Evidence request ${dialect}`;
      const first = await send(mail(subject), { 'idempotency-key': `evidence-${dialect}` });
      assert.equal(first.status, 202, await first.clone().text());
      assert.equal(((await first.json()) as { action: string }).action, 'mail.send');
      const retry = await send(mail(subject), { 'idempotency-key': `evidence-${dialect}` });
      assert.equal(retry.status, 202);
      assert.equal(retry.headers.get('idempotent-replayed'), 'true');
      assert.equal(await inboxCount(subject), 1, 'delivered once');
    });

    it('concurrent retries with one key send one mail', async () => {
      const subject = `Concurrent ${dialect}`;
      const answers = await Promise.all(Array.from({ length: 5 }, () => send(mail(subject), { 'idempotency-key': `concurrent-${dialect}` })));
      const statuses = answers.map((a) => a.status).sort();
      assert.ok(statuses.every((s) => s === 202 || s === 409), statuses.join(','));
      assert.equal(await inboxCount(subject), 1);
    });

    it('the same key for another mail is refused (422 idempotency_key_reused)', async () => {
      await send(mail(`Once ${dialect}`), { 'idempotency-key': `once-${dialect}` });
      const reused = await send(mail(`Another ${dialect}`), { 'idempotency-key': `once-${dialect}` });
      assert.equal(reused.status, 422);
      assert.equal(((await reused.json()) as { code: string }).code, 'idempotency_key_reused');
      assert.equal(await inboxCount(`Another ${dialect}`), 0);
    });

    it('no acting user: 400; Outlook mail not enabled: 403 naming the service and the fix', async () => {
      const anonymous = await kit.api(ws.apiKey, 'POST', `/api/v1/workspaces/${ws.id}/actions/mail/send`, mail('x'));
      assert.equal(((await anonymous.json()) as { code: string }).code, 'acting_user_required');
      const other = await kit.workspace(`No mail ${dialect}`, { azureTenantId: CONTOSO });
      const refused = await kit.api(other.apiKey, 'POST', `/api/v1/workspaces/${other.id}/actions/mail/send`, mail('x'), { 'x-m365hub-acting-user': 'mailer' });
      assert.equal(refused.status, 403);
      const problem = (await refused.json()) as { code: string; detail: string };
      assert.equal(problem.code, 'service_not_enabled');
      assert.match(problem.detail, /Outlook mail \(delegated\)/);
    });

    it('a user who never connected gets connection_not_found, and nothing is sent', async () => {
      const stranger = await send(mail(`Stranger ${dialect}`), { 'x-m365hub-acting-user': 'stranger', 'idempotency-key': `stranger-${dialect}` });
      assert.equal(stranger.status, 404);
      assert.equal(((await stranger.json()) as { code: string }).code, 'connection_not_found');
    });
  });

  describe(`idempotency of actions when Microsoft does not succeed (${dialect})`, { skip: skipReason(dialect) }, () => {
    let store: TestStore;
    const clock = new ManualClock(new Date('2026-12-05T10:00:00Z'));
    let workspaceId: string;
    before(async () => {
      store = await openTestStore(dialect);
      const admin = await createConsoleUser(store.db, { email: `idem-${dialect}@example.test`, password: 'correct horse battery staple', displayName: 'Idem' });
      workspaceId = (await createWorkspace(store.db, { name: 'Idempotency', adminUserId: admin.id }, { actor: { type: 'system', id: null, label: 'test' }, ip: null, at: clock.now() })).id;
    });
    after(async () => store?.close());

    const key = (idempotencyKey: string) => ({ workspaceId, kind: 'mail.send', idempotencyKey, request: { subject: idempotencyKey } });
    const graphError = (status: number, code: string) => new GraphError({ status, code, message: code, clientRequestId: 'c' });
    const code = (error: unknown) => (error instanceof HttpProblem ? error.code : error instanceof GraphError ? `graph:${error.status}` : String(error));

    it('a refusal (4xx) is kept and replayed: the retry does not send', async () => {
      let sends = 0;
      const refuse = async () => {
        sends++;
        throw graphError(400, 'ErrorInvalidRecipients');
      };
      assert.equal(await runOnce(store.db, clock, key('refused'), refuse).catch(code), 'action_refused');
      assert.equal(await runOnce(store.db, clock, key('refused'), refuse).catch(code), 'action_refused');
      assert.equal(sends, 1);
    });

    it('throttled after the retries (429): the key is released, so a retry may send; the caller is told to wait (rate_limited)', async () => {
      let sends = 0;
      assert.equal(
        await runOnce(store.db, clock, key('throttled'), async () => {
          sends++;
          throw graphError(429, 'TooManyRequests');
        }).catch(code),
        'rate_limited',
      );
      const second = await runOnce(store.db, clock, key('throttled'), async () => {
        sends++;
        return { ok: true };
      });
      assert.deepEqual(second, { result: { ok: true }, replayed: false });
      assert.equal(sends, 2);
    });

    it('no answer (timeout): the outcome is unknown, said once and replayed, never sent again', async () => {
      let sends = 0;
      const lost = async () => {
        sends++;
        throw graphError(0, 'timeout');
      };
      assert.equal(await runOnce(store.db, clock, key('lost'), lost).catch(code), 'action_outcome_unknown');
      assert.equal(await runOnce(store.db, clock, key('lost'), lost).catch(code), 'action_outcome_unknown');
      assert.equal(sends, 1);
    });
  });
}
