// Signing webhook deliveries (the scheme: src/contract/webhook-signing.ts; receivers verify with the typed client's
// verifyWebhookSignature, src/client/webhook-verification.ts).
import { createHmac } from 'node:crypto';
import { WEBHOOK_SIGNATURE_HEADER, webhookSignedText } from '../../contract/webhook-signing.js';
import { randomToken } from '../../platform/store/ids.js';

export const SIGNATURE_HEADER = WEBHOOK_SIGNATURE_HEADER;

/** A new signing secret, shown to the admin once. */
export const newWebhookSecret = (): string => `whsec_${randomToken(32)}`;

const computeSignature = (secret: string, timestamp: number, body: string): string =>
  createHmac('sha256', secret).update(webhookSignedText(timestamp, body)).digest('hex');

export function signatureHeader(secrets: readonly string[], timestamp: number, body: string): string {
  return [`t=${timestamp}`, ...secrets.map((secret) => `v1=${computeSignature(secret, timestamp, body)}`)].join(',');
}
