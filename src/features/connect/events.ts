// The webhook event types this feature publishes (the composition joins every feature's list into one catalogue).
import type { WebhookEventType } from '../../contract/webhook-schemas.js';

export const CONNECT_EVENT_TYPES = ['connection.connected', 'connection.disconnected'] as const satisfies readonly WebhookEventType[];
export type ConnectEventType = (typeof CONNECT_EVENT_TYPES)[number];
