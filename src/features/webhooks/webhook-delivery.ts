// The durable job that delivers one webhook: signs the stored event with the endpoint's secret(s), POSTs it, and
// records the attempt on the delivery. A failed attempt throws, so the job queue retries it with backoff; the last
// one leaves the delivery `failed`. The event body is the same bytes on every attempt (receivers dedupe by `id`).
import type { Kysely } from 'kysely';
import type { KeyRing } from '../../platform/crypto/key-ring.js';
import { JobFailure } from '../../platform/jobs/job-failure.js';
import type { JobHandler } from '../../platform/jobs/job-worker.js';
import type { Logger } from '../../platform/logging/logger.js';
import type { Database } from '../../platform/store/schema.js';
import type { Clock } from '../../platform/time/clock.js';
import { signingSecrets } from './webhook-endpoints.js';
import type { WebhookSender } from './webhook-sender.js';
import { SIGNATURE_HEADER, signatureHeader } from './webhook-signature.js';

export interface WebhookDeliveryDeps {
  db: Kysely<Database>;
  keyRing: KeyRing;
  clock: Clock;
  send: WebhookSender;
  logger: Logger;
}

const MAX_ERROR = 1000;

export function webhookDeliveryJob(deps: WebhookDeliveryDeps): JobHandler {
  return async ({ job }) => {
    const deliveryId = String(job.payload.deliveryId ?? '');
    const workspaceId = job.workspaceId;
    if (!workspaceId) throw new JobFailure('invalid_job', 'a webhook delivery job belongs to a workspace', { retryable: false });
    const row = await deps.db
      .selectFrom('webhook_deliveries as d')
      .innerJoin('webhook_endpoints as e', 'e.id', 'd.endpoint_id')
      .select(['d.id', 'd.payload', 'd.status', 'd.event_id', 'd.event_type', 'd.attempts', 'e.id as endpoint_id', 'e.url', 'e.enabled', 'e.secret_sealed', 'e.previous_secret_sealed', 'e.previous_secret_expires_at'])
      .where('d.id', '=', deliveryId)
      .where('d.workspace_id', '=', workspaceId)
      .executeTakeFirst();
    // The endpoint (and with it the delivery) was deleted, or it was delivered by an earlier job: nothing to do.
    if (!row) return { skipped: 'delivery_gone' };
    if (row.status === 'delivered') return { skipped: 'already_delivered' };
    const now = deps.clock.now();
    const final = job.attempts >= job.maxAttempts;
    if (!row.enabled) {
      await record(deliveryId, { status: 'failed', last_error: 'the endpoint is disabled', last_status_code: null, next_attempt_at: null });
      return { skipped: 'endpoint_disabled' };
    }

    const body = JSON.stringify(row.payload);
    const timestamp = Math.floor(now.getTime() / 1000);
    const secrets = signingSecrets(deps.keyRing, { id: row.endpoint_id, secret_sealed: row.secret_sealed, previous_secret_sealed: row.previous_secret_sealed, previous_secret_expires_at: row.previous_secret_expires_at }, now);
    const result = await deps.send(row.url, body, {
      [SIGNATURE_HEADER]: signatureHeader(secrets, timestamp, body),
      'm365hub-event-id': row.event_id,
      'm365hub-event-type': row.event_type,
      'm365hub-delivery-id': row.id,
    });

    if (result.ok) {
      await record(deliveryId, { status: 'delivered', delivered_at: deps.clock.now(), last_status_code: result.statusCode ?? null, last_error: null, next_attempt_at: null });
      return { delivered: true, statusCode: result.statusCode };
    }
    const reason = `${result.error ?? 'delivery failed'}${result.excerpt ? `: ${result.excerpt}` : ''}`.slice(0, MAX_ERROR);
    await record(deliveryId, { status: final ? 'failed' : 'pending', last_status_code: result.statusCode ?? null, last_error: reason, next_attempt_at: null });
    deps.logger.warn({ deliveryId, endpointId: row.endpoint_id, attempt: job.attempts, statusCode: result.statusCode, final }, 'webhook delivery failed');
    throw new JobFailure('webhook_delivery_failed', result.error ?? 'webhook delivery failed', { retryable: !final });

    async function record(id: string, values: Partial<{ status: 'pending' | 'delivered' | 'failed'; last_status_code: number | null; last_error: string | null; next_attempt_at: Date | null; delivered_at: Date }>) {
      await deps.db
        .updateTable('webhook_deliveries')
        .set((eb) => ({ ...values, attempts: eb('attempts', '+', 1) }))
        .where('id', '=', id)
        .execute();
    }
  };
}
