// Test Connection and health through a running hub, against the emulator over HTTPS: POST …/test → 202 → the job
// (polled as a client would) → the report stored → GET …/health shows it; a missing permission, then connected;
// the secret's expiry read from Microsoft once the app may read its registration; a pending credential tested
// without touching the stored health; health changes audited and delivered as signed webhooks that the README's
// verification code accepts; roles, idempotency, missing integration; no secret in any answer or log line.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { dialects, skipReason } from '../support/stores.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';
import { CONTOSO, startConnectKit, type ConnectKit, type ConsoleSession } from '../connect/support/connect-kit.js';

type Verify = (header: string | undefined, rawBody: string, secret: string) => boolean;

/** The verification code of the README's Webhooks section, loaded as a module exactly as written there. */
async function readmeVerifier(): Promise<Verify> {
  const readme = readFileSync('README.md', 'utf8');
  const block = /<!-- webhook-verification-example[^>]*-->\s*```js\n([\s\S]*?)```/.exec(readme);
  assert.ok(block, 'README has the webhook verification example');
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'm365hub-readme-')), 'verify.mjs');
  writeFileSync(file, block[1]!);
  return ((await import(pathToFileURL(file).href)) as { verifyM365HubSignature: Verify }).verifyM365HubSignature;
}

/** Re-checks a condition until it holds (the hub's own worker runs the jobs); fails with the last value seen. */
async function until<T>(label: string, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) assert.fail(`${label}: still ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

interface Report {
  health: string;
  credential: string;
  checkedAt: string;
  steps: { name: string; status: string; code?: string; details?: Record<string, unknown> }[];
  basis?: { credentialId: string | null };
}

const DAY = 24 * 3600_000;

for (const dialect of dialects) {
  describe(`Test Connection and health routes (${dialect})`, { skip: skipReason(dialect) }, () => {
    let kit: ConnectKit;
    let ws: { id: string; apiKey: string };
    let appId: string;
    let secret: string;
    let secretEndsAt: string;
    let receiver: WebhookReceiver;
    let webhookSecret: string;
    let verify: Verify;

    before(async () => {
      receiver = await startWebhookReceiver();
      verify = await readmeVerifier();
      kit = await startConnectKit(dialect, { env: { M365HUB_ALLOW_PRIVATE_WEBHOOK_TARGETS: 'true' } });
      const app = await kit.emulator.createApplication(CONTOSO, {
        displayName: 'Acme directory reader',
        requiredPermissions: { application: ['User.Read.All', 'GroupMember.Read.All', 'Application.Read.All'] },
      });
      appId = app.appId;
      const added = await kit.emulator.addSecret(CONTOSO, appId, { endDateTime: new Date(Date.now() + 20 * DAY).toISOString() });
      secret = added.secretText;
      secretEndsAt = new Date(added.endDateTime).toISOString();
      // Consented only in part: the directory service also needs GroupMember.Read.All.
      await kit.emulator.grant(CONTOSO, { appId, roles: ['User.Read.All'] });
      ws = await kit.workspace('Health', {
        clientId: appId,
        clientSecret: secret,
        secretExpiresAt: new Date(Date.now() + 200 * DAY).toISOString(),
        azureTenantId: CONTOSO,
        services: [{ service: 'directory', modes: ['application'] }],
      });
      const hook = await kit.admin.call('POST', `/api/v1/workspaces/${ws.id}/webhooks`, { url: receiver.url });
      assert.equal(hook.status, 201, await hook.clone().text());
      webhookSecret = ((await hook.json()) as { secret: string }).secret;
    });
    after(async () => {
      await kit?.close();
      await receiver?.close();
    });

    const base = () => `/api/v1/workspaces/${ws.id}/integrations/m365`;

    async function runTest(caller: ConsoleSession, body?: unknown): Promise<{ jobId: string; report: Report }> {
      const accepted = await caller.call('POST', `${base()}/test`, body);
      assert.equal(accepted.status, 202, await accepted.clone().text());
      const job = (await accepted.json()) as { id: string; type: string };
      assert.equal(job.type, 'health.test-connection');
      assert.equal(accepted.headers.get('location'), `/api/v1/workspaces/${ws.id}/jobs/${job.id}`);
      const finished = await until(
        'test job',
        async () => (await (await caller.call('GET', accepted.headers.get('location')!)).json()) as { status: string; result: Report; problem: unknown },
        (j) => ['succeeded', 'failed', 'dead', 'cancelled'].includes(j.status),
      );
      assert.equal(finished.status, 'succeeded', JSON.stringify(finished.problem));
      return { jobId: job.id, report: finished.result };
    }

    const health = async () => (await (await kit.admin.call('GET', `${base()}/health`)).json()) as { health: string; tested: boolean; message: string | null; checkedAt: string | null; report: Report | null; outdated: { since: string; reason: string; message: string } | null; pendingReport: Report | null; consent: { state: string; recorded: unknown }; credentialWarnings: { expiresAt: string; expirySource: string; threshold: number }[] };

    it('says "never tested" before the first test', async () => {
      const shown = await health();
      assert.equal(shown.health, 'unknown');
      assert.equal(shown.tested, false);
      assert.match(shown.message ?? '', /Run Test Connection/);
      assert.equal(shown.report, null);
    });

    // Without Application.Read.All the app still reads its own registration, so the expiry comes from Microsoft:
    // "A service principal can retrieve its own application and service principal details without being granted any
    // application permissions" (https://learn.microsoft.com/graph/api/serviceprincipal-get; microsoftgraph/microsoft-graph-docs#15879).
    it('reports the missing permission, reads the expiry from Microsoft even without Application.Read.All, and stores the report', async () => {
      const { report } = await runTest(kit.admin);
      assert.equal(report.health, 'permission_error');
      const permissions = report.steps.find((s) => s.name === 'permissions')!;
      assert.equal(permissions.code, 'permissions_missing');
      assert.deepEqual((permissions.details!.missing as { name: string }[]).map((m) => m.name), ['GroupMember.Read.All']);
      assert.match(String(permissions.details!.adminConsentUrl), new RegExp(`/auth/m365/admin-consent\\?workspaceId=${ws.id}$`));
      const expiry = report.steps.find((s) => s.name === 'credentials')!.details!.expiry as { source: string; expiresAt: string };
      assert.equal(expiry.source, 'microsoft');
      assert.equal(expiry.expiresAt, secretEndsAt);

      const shown = await health();
      assert.equal(shown.tested, true);
      assert.equal(shown.health, 'permission_error');
      assert.deepEqual(shown.consent, { state: 'missing', recorded: null });
      assert.deepEqual(shown.report, report);
      assert.equal(shown.credentialWarnings.length, 1, 'Microsoft says 20 days, not the 200 entered');
    });

    it('once consented: connected, and the expiry read from Microsoft with its 30-day warning', async () => {
      await kit.emulator.grant(CONTOSO, { appId, roles: ['User.Read.All', 'GroupMember.Read.All', 'Application.Read.All'] });
      const { report } = await runTest(kit.admin, {});
      assert.equal(report.health, 'connected', JSON.stringify(report.steps));
      assert.deepEqual(report.steps.find((s) => s.name === 'credentials')!.details!.expiry, { credentialId: (report.steps[0]!.details!.expiry as { credentialId: string }).credentialId, source: 'microsoft', expiresAt: secretEndsAt });

      const integration = (await (await kit.admin.call('GET', base())).json()) as { credential: { expiresAt: string; expirySource: string } };
      assert.equal(integration.credential.expiresAt, secretEndsAt);
      assert.equal(integration.credential.expirySource, 'microsoft');
      const shown = await health();
      assert.equal(shown.health, 'connected');
      assert.equal(shown.credentialWarnings.length, 1);
      // Granted in the tenant (as in the Entra admin center), not through the hub's link: still one true statement.
      assert.deepEqual(shown.consent, { state: 'granted', recorded: null });
      assert.equal(shown.credentialWarnings[0]!.threshold, 30);
      assert.equal(shown.credentialWarnings[0]!.expirySource, 'microsoft');
    });

    it('audits each health change and delivers it as a signed webhook the README code verifies', async () => {
      const audit = (await (await kit.admin.call('GET', `/api/v1/workspaces/${ws.id}/audit-log?limit=200`)).json()) as { items: { action: string; actor: { label: string }; data: { previous: string; current: string } }[] };
      const changes = audit.items.filter((e) => e.action === 'integration.health_changed').map((e) => `${e.data.previous}→${e.data.current}`);
      assert.deepEqual(changes.sort(), ['permission_error→connected', 'unknown→permission_error']);
      assert.ok(audit.items.filter((e) => e.action === 'integration.health_changed').every((e) => e.actor.label === kit.hub.admin.email));

      const events = await until(
        'webhooks',
        async () => receiver.received.map((r) => ({ ...r, event: JSON.parse(r.body) as { type: string; workspaceId: string; data: Record<string, unknown> } })),
        (list) => list.filter((r) => r.event.type === 'connection.health_changed').length >= 2 && list.some((r) => r.event.type === 'credential.expiring'),
      );
      for (const delivery of events) {
        assert.equal(delivery.event.workspaceId, ws.id);
        assert.equal(verify(delivery.headers['m365hub-signature'] as string, delivery.body, webhookSecret), true, 'README verification accepts the delivery');
        assert.equal(verify(delivery.headers['m365hub-signature'] as string, delivery.body.replace('"', ' "'), webhookSecret), false, 'and refuses a changed body');
        assert.equal(verify(delivery.headers['m365hub-signature'] as string, delivery.body, `${webhookSecret}x`), false, 'and another secret');
      }
      assert.deepEqual(events.filter((e) => e.event.type === 'credential.expiring').map((e) => e.event.data.threshold), [30], 'the threshold is sent once');
      const log = (await (await kit.admin.call('GET', `/api/v1/workspaces/${ws.id}/webhooks`)).json()) as { items: { id: string }[] };
      const deliveries = await until(
        'delivery log',
        async () => (await (await kit.admin.call('GET', `/api/v1/workspaces/${ws.id}/webhooks/${log.items[0]!.id}/deliveries`)).json()) as { items: { status: string; lastStatusCode: number }[] },
        (d) => d.items.length >= 3 && d.items.every((i) => i.status === 'delivered'),
      );
      assert.ok(deliveries.items.every((d) => d.lastStatusCode === 204));
    });

    it('tests a pending credential without changing the stored health; Idempotency-Key returns the same job', async () => {
      const before = await health();
      const second = await kit.emulator.addSecret(CONTOSO, appId, { endDateTime: new Date(Date.now() + 700 * DAY).toISOString() });
      const pending = await kit.admin.call('POST', `${base()}/credentials`, { clientSecret: second.secretText });
      assert.equal(pending.status, 201, await pending.clone().text());

      const key = { 'idempotency-key': `pending-test-${dialect}` };
      const first = await kit.api(ws.apiKey, 'POST', `${base()}/test`, { credential: 'pending' }, key);
      assert.equal(first.status, 202, 'an API key may run Test Connection');
      const again = await kit.api(ws.apiKey, 'POST', `${base()}/test`, { credential: 'pending' }, key);
      const firstJob = (await first.json()) as { id: string };
      assert.equal(((await again.json()) as { id: string }).id, firstJob.id, 'one job per key');
      const conflicting = await kit.api(ws.apiKey, 'POST', `${base()}/test`, { credential: 'active' }, key);
      assert.equal(conflicting.status, 409);
      assert.equal(((await conflicting.json()) as { code: string }).code, 'idempotency_conflict');

      const job = await until(
        'pending job',
        async () => (await (await kit.api(ws.apiKey, 'GET', `/api/v1/workspaces/${ws.id}/jobs/${firstJob.id}`)).json()) as { status: string; result: Report },
        (j) => j.status === 'succeeded' || j.status === 'failed',
      );
      assert.equal(job.result.credential, 'pending');
      assert.equal(job.result.health, 'connected');
      const after = await health();
      assert.equal(after.checkedAt, before.checkedAt, 'the stored health is the active credential\'s');
      assert.deepEqual(after.report, before.report);

      await kit.admin.call('DELETE', `${base()}/credentials/pending`);
      const none = await kit.admin.call('POST', `${base()}/test`, { credential: 'pending' });
      assert.equal(none.status, 409);
      assert.equal(((await none.json()) as { code: string }).code, 'pending_credential_missing');
    });

    it('marks the last result outdated when the credential or the services change, shows a pending test apart, and re-tests in the background', async () => {
      const before = await health();
      assert.equal(before.outdated, null);
      assert.equal(before.pendingReport, null);
      const third = await kit.emulator.addSecret(CONTOSO, appId, { endDateTime: new Date(Date.now() + 300 * DAY).toISOString() });
      const added = await kit.admin.call('POST', `${base()}/credentials`, { clientSecret: third.secretText });
      const pendingId = ((await added.json()) as { id: string }).id;
      const { report: pendingReport } = await runTest(kit.admin, { credential: 'pending' });
      const during = await health();
      assert.deepEqual(during.report, before.report, "the active credential's report stays as it was");
      assert.equal(during.outdated, null, 'a pending credential changes nothing yet');
      assert.deepEqual(during.pendingReport, pendingReport, "the pending credential's report is shown apart");
      assert.equal(during.pendingReport!.credential, 'pending');

      assert.equal((await kit.admin.call('POST', `${base()}/credentials/promote`)).status, 200);
      const promoted = await health();
      assert.equal(promoted.outdated?.reason, 'credential_changed', JSON.stringify(promoted.outdated));
      assert.match(promoted.outdated!.message, /credential changed/);
      assert.equal(promoted.pendingReport, null);
      const retested = await until('re-test after promotion', health, (h) => h.outdated === null && h.checkedAt !== promoted.checkedAt);
      assert.equal(retested.report!.basis!.credentialId, pendingId, 'the new active credential was tested');
      assert.equal(retested.health, 'connected');

      // A service removed: its old result must not stand.
      const put = await kit.admin.call('PUT', base(), { clientId: appId, azureTenantId: CONTOSO, services: [{ service: 'directory', modes: ['application'] }, { service: 'compliance', modes: ['application'] }] });
      assert.equal(put.status, 200, await put.clone().text());
      const changed = await health();
      assert.equal(changed.outdated?.reason, 'services_changed');
      const after = await until('re-test after the services changed', health, (h) => h.outdated === null && h.checkedAt !== changed.checkedAt);
      assert.ok(after.report!.steps.some((s) => s.name === 'service:compliance'), 'the new selection was tested');
    });

    it('a delegated-only integration tested by an admin who never connected ends as a finished report with the way to connect, not a dead job', async () => {
      const delegatedOnly = await kit.workspace('Delegated only', { clientId: appId, clientSecret: secret, azureTenantId: CONTOSO, services: [{ service: 'onedrive', modes: ['delegated'] }] });
      const accepted = await kit.admin.call('POST', `/api/v1/workspaces/${delegatedOnly.id}/integrations/m365/test`);
      assert.equal(accepted.status, 202);
      const finished = await until(
        'delegated test job',
        async () => (await (await kit.admin.call('GET', accepted.headers.get('location')!)).json()) as { status: string; result: Report },
        (j) => ['succeeded', 'failed', 'dead', 'cancelled'].includes(j.status),
      );
      assert.equal(finished.status, 'succeeded');
      assert.equal(finished.result.steps.find((s) => s.name === 'credentials')!.status, 'passed', 'the credential is checked without a user');
      const connection = finished.result.steps.find((s) => s.name === 'connection')!;
      assert.equal(connection.code, 'connection_not_found');
      // The console's route of this workspace's "Your integrations" page, where the admin connects.
      assert.equal(connection.details!.connectPath, `/w/${delegatedOnly.id}/account/integrations`);
    });

    it('keeps members out, answers 404 without an integration, and validates the body', async () => {
      const member = await kit.member(ws.id, 'health.member@example.com');
      assert.equal((await member.call('POST', `${base()}/test`)).status, 403);
      assert.equal((await member.call('GET', `${base()}/health`)).status, 403);
      const bare = (await (await kit.admin.call('POST', '/api/v1/workspaces', { name: 'No integration' })).json()) as { id: string };
      for (const [method, suffix] of [['POST', '/test'], ['GET', '/health']] as const) {
        const response = await kit.admin.call(method, `/api/v1/workspaces/${bare.id}/integrations/m365${suffix}`);
        assert.equal(response.status, 404, `${method} ${suffix}`);
        assert.match(((await response.json()) as { detail: string }).detail, /no Microsoft 365 integration/);
      }
      const bad = await kit.admin.call('POST', `${base()}/test`, { credential: 'retired' });
      assert.equal(bad.status, 400);
    });

    it('never shows a client secret or the webhook secret in answers after creation, nor in the logs', async () => {
      const answers = await Promise.all(
        [base(), `${base()}/health`, `/api/v1/workspaces/${ws.id}/webhooks`, `/api/v1/workspaces/${ws.id}/audit-log?limit=200`].map(async (p) => (await kit.admin.call('GET', p)).text()),
      );
      const logs = kit.hub.logs();
      assert.ok(logs.length > 0);
      for (const value of [secret, webhookSecret]) {
        for (const answer of answers) assert.ok(!answer.includes(value), 'not in an answer');
        assert.ok(!logs.includes(value), 'not in the logs');
      }
    });
  });
}
