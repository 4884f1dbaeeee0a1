// The webhook event types this feature publishes (the composition joins every feature's list into one catalogue).
import type { WebhookEventType } from '../../contract/webhook-schemas.js';

export const SUBSCRIPTION_EVENT_TYPES = ['graph.notification', 'graph.subscription_failed'] as const satisfies readonly WebhookEventType[];
export type SubscriptionEventType = (typeof SUBSCRIPTION_EVENT_TYPES)[number];
