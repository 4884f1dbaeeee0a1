// m365hub/client: what a host product's backend imports (package export "./client").
export { createHubClient, type HubClient, type HubClientOptions, type HubPaths } from './hub-client.js';
export type { components, operations, paths } from './generated/hub-api.js';
export {
  readWebhookEvent,
  verifyWebhookSignature,
  WebhookVerificationError,
  WEBHOOK_SIGNATURE_HEADER,
  type HubWebhookEvent,
  type VerifyOptions,
} from './webhook-verification.js';
export { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '../contract/webhook-schemas.js';
