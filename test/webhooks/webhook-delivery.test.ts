// Webhook delivery end to end below HTTP: an event published in a transaction becomes a signed POST to a local
// receiver (private targets allowed in this test only), retried with backoff after failures, given up as `failed`
// after the last attempt, logged, and redelivered on request. The worker is driven with drain(); the clock by hand.
import type { WebhookEventType } from '../../src/contract/webhook-schemas.js';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import type { AuditContext } from '../../src/features/audit/audit-log.js';
import { KeyRing } from '../../src/platform/crypto/key-ring.js';
import { JobQueue } from '../../src/platform/jobs/job-queue.js';
import { JobWorker } from '../../src/platform/jobs/job-worker.js';
import { createLogger } from '../../src/platform/logging/logger.js';
import { ManualClock } from '../../src/platform/time/clock.js';
import { WEBHOOK_DELIVERY_JOB, WEBHOOK_MAX_ATTEMPTS, WebhookEventPublisher } from '../../src/features/webhooks/webhook-event-publisher.js';
import { listWebhookDeliveries, redeliverWebhook } from '../../src/features/webhooks/webhook-deliveries.js';
import { webhookDeliveryJob } from '../../src/features/webhooks/webhook-delivery.js';
import { createWebhookEndpoint, deleteWebhookEndpoint, rotateWebhookSecret } from '../../src/features/webhooks/webhook-endpoints.js';
import { createWebhookSender } from '../../src/features/webhooks/webhook-sender.js';
import { SIGNATURE_HEADER } from '../../src/features/webhooks/webhook-signature.js';
import { verifyWebhookSignature as verifySignature } from '../../src/client/index.js';
import { dialects, openTestStore, skipReason, type TestStore } from '../support/stores.js';

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
}

for (const dialect of dialects) {
  describe(`webhook delivery (${dialect})`, { skip: skipReason(dialect) }, () => {
    let receiver: Server;
    let receiverUrl: string;
    let received: Received[];
    let answers: number[];
    let store: TestStore;
    let clock: ManualClock;
    let worker: JobWorker;
    let publisher: WebhookEventPublisher;
    let deps: Parameters<typeof createWebhookEndpoint>[0];
    const keyRing = new KeyRing([{ id: 'test1', key: Buffer.alloc(32, 3) }]);
    const logger = createLogger({ level: 'silent', destination: new Writable({ write: (_c, _e, done) => done() }) });
    const workspaceId = 'ws_aaaaaaaaaaaaaaaaaaaaaaaaaa';
    const otherWorkspaceId = 'ws_bbbbbbbbbbbbbbbbbbbbbbbbbb';
    const context = (): AuditContext => ({ actor: { type: 'user', id: null, label: 'admin@example.test' }, ip: '127.0.0.1', at: clock.now() });

    before(async () => {
      receiver = createServer((request, response) => {
        const chunks: Buffer[] = [];
        request.on('data', (c: Buffer) => chunks.push(c));
        request.on('end', () => {
          received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
          const status = answers.length > 1 ? answers.shift()! : (answers[0] ?? 200);
          response.writeHead(status).end(status >= 300 ? 'receiver is down for maintenance' : 'ok');
        });
      });
      await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
      receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/m365`;
    });
    after(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

    beforeEach(async () => {
      received = [];
      answers = [200];
      clock = new ManualClock(new Date('2026-03-01T10:00:00Z'));
      store = await openTestStore(dialect);
      for (const [id, name] of [[workspaceId, 'Acme'], [otherWorkspaceId, 'Other']]) {
        await store.db.insertInto('workspaces').values({ id: id!, name: name!, created_at: clock.now(), updated_at: clock.now() }).execute();
      }
      const queue = new JobQueue({ db: store.db, clock, logger });
      publisher = new WebhookEventPublisher({ queue, clock });
      deps = { db: store.db, keyRing, allowPrivateTargets: true };
      worker = new JobWorker({
        db: store.db,
        queue,
        clock,
        logger,
        workerId: 'test',
        handlers: { [WEBHOOK_DELIVERY_JOB]: webhookDeliveryJob({ db: store.db, keyRing, clock, logger, send: createWebhookSender({ allowPrivateTargets: true }) }) },
        retry: { baseMs: 1000, maxMs: 60_000 },
        random: () => 1,
      });
    });
    afterEach(async () => {
      await worker.stop();
      await store.close();
    });

    const publish = (type: WebhookEventType = 'connection.health_changed', ws = workspaceId) =>
      store.db.transaction().execute((trx) => publisher.publish(trx, { workspaceId: ws, type, data: { previous: 'connected', current: 'authentication_error' } }));

    it('delivers a signed event the receiver can verify, to this workspace only', async () => {
      const { endpoint, secret } = await createWebhookEndpoint(deps, workspaceId, { url: receiverUrl }, context());
      await createWebhookEndpoint(deps, otherWorkspaceId, { url: `${receiverUrl}?other` }, context());
      await publish();
      assert.equal(await worker.drain(), 1);
      assert.equal(received.length, 1);
      const [delivery] = received;
      const event = JSON.parse(delivery!.body);
      assert.deepEqual(Object.keys(event).sort(), ['createdAt', 'data', 'id', 'type', 'workspaceId']);
      assert.equal(event.type, 'connection.health_changed');
      assert.equal(event.workspaceId, workspaceId);
      assert.equal(event.createdAt, '2026-03-01T10:00:00.000Z');
      const header = String(delivery!.headers[SIGNATURE_HEADER]);
      assert.match(header, /^t=\d+,v1=[0-9a-f]{64}$/);
      const nowSeconds = Math.floor(clock.now().getTime() / 1000);
      assert.equal(verifySignature(header, delivery!.body, secret, { nowSeconds }), true);
      assert.equal(verifySignature(header, delivery!.body.replace('authentication_error', 'connected'), secret, { nowSeconds }), false, 'a changed body fails');
      assert.equal(verifySignature(header, delivery!.body, `${secret}x`, { nowSeconds }), false, 'another secret fails');
      assert.equal(verifySignature(header, delivery!.body, secret, { nowSeconds: nowSeconds + 3600 }), false, 'an old delivery replayed fails');
      const log = await listWebhookDeliveries(store.db, workspaceId, endpoint.id, { limit: 10 });
      assert.equal(log.items[0]!.status, 'delivered');
      assert.equal(log.items[0]!.attempts, 1);
      assert.equal(log.items[0]!.lastStatusCode, 200);
    });

    it('an event of a rolled-back transaction is never sent', async () => {
      await createWebhookEndpoint(deps, workspaceId, { url: receiverUrl }, context());
      await assert.rejects(
        store.db.transaction().execute(async (trx) => {
          await publisher.publish(trx, { workspaceId, type: 'connection.health_changed', data: {} });
          throw new Error('the change failed');
        }),
      );
      assert.equal(await worker.drain(), 0);
      assert.equal(received.length, 0);
    });

    it('only endpoints subscribed to the type receive it', async () => {
      await createWebhookEndpoint(deps, workspaceId, { url: receiverUrl, eventTypes: ['credential.expiring'] }, context());
      await publish('connection.health_changed');
      await worker.drain();
      assert.equal(received.length, 0);
      await publish('credential.expiring');
      await worker.drain();
      assert.equal(received.length, 1);
    });

    it('retries after 500s with backoff and then delivers the same event', async () => {
      const { endpoint } = await createWebhookEndpoint(deps, workspaceId, { url: receiverUrl }, context());
      answers = [500, 503, 200];
      await publish();
      await worker.drain();
      assert.equal(received.length, 1);
      let log = await listWebhookDeliveries(store.db, workspaceId, endpoint.id, { limit: 10 });
      assert.equal(log.items[0]!.status, 'pending');
      assert.equal(log.items[0]!.lastStatusCode, 500);
      assert.match(log.items[0]!.lastError ?? '', /answered 500: receiver is down/);
      assert.equal(await worker.drain(), 0, 'the retry waits for its backoff');
      for (let i = 0; i < 2; i++) {
        clock.advance(60_000);
        await worker.drain();
      }
      assert.equal(received.length, 3);
      assert.equal(new Set(received.map((r) => JSON.parse(r.body).id)).size, 1, 'one event id across attempts');
      log = await listWebhookDeliveries(store.db, workspaceId, endpoint.id, { limit: 10 });
      assert.equal(log.items[0]!.status, 'delivered');
      assert.equal(log.items[0]!.attempts, 3);
    });

    it('gives up after the last attempt (failed), and a redelivery sends it again', async () => {
      const { endpoint } = await createWebhookEndpoint(deps, workspaceId, { url: receiverUrl }, context());
      answers = [500];
      await publish();
      for (let i = 0; i < WEBHOOK_MAX_ATTEMPTS + 2; i++) {
        await worker.drain();
        clock.advance(60_000);
      }
      assert.equal(received.length, WEBHOOK_MAX_ATTEMPTS);
      const [failed] = (await listWebhookDeliveries(store.db, workspaceId, endpoint.id, { limit: 10 })).items;
      assert.equal(failed!.status, 'failed');
      assert.equal(failed!.attempts, WEBHOOK_MAX_ATTEMPTS);

      answers = [200];
      await redeliverWebhook({ db: store.db, queue: new JobQueue({ db: store.db, clock, logger }) }, workspaceId, endpoint.id, failed!.id, context());
      await worker.drain();
      const [again] = (await listWebhookDeliveries(store.db, workspaceId, endpoint.id, { limit: 10 })).items;
      assert.equal(again!.status, 'delivered');
      assert.equal(received.at(-1)!.body, received[0]!.body, 'the same event bytes');
      await assert.rejects(redeliverWebhook({ db: store.db, queue: new JobQueue({ db: store.db, clock, logger }) }, otherWorkspaceId, endpoint.id, failed!.id, context()), { code: 'not_found' });
    });

    it('after a rotation both secrets sign until the grace period ends', async () => {
      const { endpoint, secret: oldSecret } = await createWebhookEndpoint(deps, workspaceId, { url: receiverUrl }, context());
      const { secret: newSecret } = await rotateWebhookSecret(deps, workspaceId, endpoint.id, context(), 3600_000);
      await publish();
      await worker.drain();
      const nowSeconds = Math.floor(clock.now().getTime() / 1000);
      const first = received[0]!;
      assert.equal(verifySignature(String(first.headers[SIGNATURE_HEADER]), first.body, newSecret, { nowSeconds }), true);
      assert.equal(verifySignature(String(first.headers[SIGNATURE_HEADER]), first.body, oldSecret, { nowSeconds }), true);
      clock.advance(3601_000);
      await publish();
      await worker.drain();
      const second = received[1]!;
      const later = Math.floor(clock.now().getTime() / 1000);
      assert.equal(verifySignature(String(second.headers[SIGNATURE_HEADER]), second.body, newSecret, { nowSeconds: later }), true);
      assert.equal(verifySignature(String(second.headers[SIGNATURE_HEADER]), second.body, oldSecret, { nowSeconds: later }), false);
    });

    it('stores the signing secret sealed, and deleting the endpoint drops its pending deliveries', async () => {
      const { endpoint, secret } = await createWebhookEndpoint(deps, workspaceId, { url: receiverUrl }, context());
      const row = await store.db.selectFrom('webhook_endpoints').selectAll().where('id', '=', endpoint.id).executeTakeFirstOrThrow();
      assert.ok(!row.secret_sealed.includes(secret));
      await publish();
      await deleteWebhookEndpoint(store.db, workspaceId, endpoint.id, context());
      await worker.drain();
      assert.equal(received.length, 0);
    });
  });
}
