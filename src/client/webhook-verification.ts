// What a host backend runs on each webhook delivery: check the signature over the raw body (before parsing it),
// refuse a replay outside the tolerance, then hand back the typed event. Compares in constant time.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { WEBHOOK_SIGNATURE_TOLERANCE_SECONDS, webhookSignedText } from '../contract/webhook-signing.js';
import type { WebhookEventType } from '../contract/webhook-schemas.js';

export { WEBHOOK_SIGNATURE_HEADER } from '../contract/webhook-signing.js';

export interface VerifyOptions {
  /** The receiver's clock, in unix seconds (default: now). */
  nowSeconds?: number;
  /** How old a delivery may be (default 300 s). */
  toleranceSeconds?: number;
}

/** True when one `v1` value matches one of the secrets and the timestamp is within the tolerance. */
export function verifyWebhookSignature(header: string | null | undefined, rawBody: string, secret: string | readonly string[], options: VerifyOptions = {}): boolean {
  if (!header) return false;
  const parts = header.split(',').map((part) => part.trim().split('=', 2) as [string, string | undefined]);
  const timestamp = Number(parts.find(([k]) => k === 't')?.[1]);
  if (!Number.isInteger(timestamp)) return false;
  const now = options.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - timestamp) > (options.toleranceSeconds ?? WEBHOOK_SIGNATURE_TOLERANCE_SECONDS)) return false;
  const offered = parts.filter(([k, v]) => k === 'v1' && v && /^[0-9a-f]{64}$/.test(v)).map(([, v]) => Buffer.from(v!, 'hex'));
  const secrets = typeof secret === 'string' ? [secret] : secret;
  return secrets.some((s) => {
    const expected = createHmac('sha256', s).update(webhookSignedText(timestamp, rawBody)).digest();
    return offered.some((v) => timingSafeEqual(v, expected));
  });
}

export interface HubWebhookEvent<T extends WebhookEventType = WebhookEventType> {
  id: string;
  type: T;
  workspaceId: string;
  createdAt: string;
  data: Record<string, unknown>;
}

export class WebhookVerificationError extends Error {
  readonly code = 'webhook_signature_invalid';
  constructor() {
    super('The M365Hub-Signature header does not match this body and secret, or the delivery is older than the tolerance: answer 401 and do not act on it.');
    this.name = 'WebhookVerificationError';
  }
}

/** Verifies, then parses: the one call a receiver needs. Throws WebhookVerificationError when the signature fails. */
export function readWebhookEvent(header: string | null | undefined, rawBody: string, secret: string | readonly string[], options: VerifyOptions = {}): HubWebhookEvent {
  if (!verifyWebhookSignature(header, rawBody, secret, options)) throw new WebhookVerificationError();
  return JSON.parse(rawBody) as HubWebhookEvent;
}
