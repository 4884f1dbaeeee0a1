// The webhook event types this feature publishes (the composition joins every feature's list into one catalogue).
import type { WebhookEventType } from '../../contract/webhook-schemas.js';

export const TOKEN_EVENT_TYPES = ['connection.needs_reconnect'] as const satisfies readonly WebhookEventType[];
export type TokenEventType = (typeof TOKEN_EVENT_TYPES)[number];
