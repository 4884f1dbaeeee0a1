// Webhook signatures: HMAC-SHA256 over `<unix seconds>.<raw body>` with the endpoint's secret, sent in one header,
// `M365Hub-Signature: t=<unix seconds>,v1=<hex>`. The timestamp inside the signed text lets a receiver refuse
// replays of an old delivery; `v1` names the scheme so it can change without breaking receivers. Several `v1`
// values may appear (one per secret during a rotation); a receiver accepts the delivery if any one matches.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { randomToken } from '../../platform/store/ids.js';

export const SIGNATURE_HEADER = 'm365hub-signature';
export const DEFAULT_TOLERANCE_SECONDS = 300;

/** A new signing secret, shown to the admin once. */
export const newWebhookSecret = (): string => `whsec_${randomToken(32)}`;

export function computeSignature(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

export function signatureHeader(secrets: readonly string[], timestamp: number, body: string): string {
  return [`t=${timestamp}`, ...secrets.map((secret) => `v1=${computeSignature(secret, timestamp, body)}`)].join(',');
}

/**
 * What a receiver does (the README shows the same code): true when one `v1` matches and the timestamp is within
 * the tolerance of the receiver's clock. Compares in constant time.
 */
export function verifySignature(header: string | undefined, body: string, secret: string, options: { nowSeconds?: number; toleranceSeconds?: number } = {}): boolean {
  if (!header) return false;
  const parts = header.split(',').map((part) => part.trim().split('=', 2) as [string, string | undefined]);
  const timestamp = Number(parts.find(([k]) => k === 't')?.[1]);
  if (!Number.isInteger(timestamp)) return false;
  const now = options.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - timestamp) > (options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS)) return false;
  const expected = Buffer.from(computeSignature(secret, timestamp, body), 'hex');
  return parts
    .filter(([k, v]) => k === 'v1' && v && /^[0-9a-f]{64}$/.test(v))
    .some(([, v]) => timingSafeEqual(Buffer.from(v!, 'hex'), expected));
}
