// The webhook event types this feature publishes (the composition joins every feature's list into one catalogue).
import type { WebhookEventType } from '../../contract/webhook-schemas.js';

export const HEALTH_EVENT_TYPES = ['connection.health_changed', 'credential.expiring', 'credential.expired'] as const satisfies readonly WebhookEventType[];
export type HealthEventType = (typeof HEALTH_EVENT_TYPES)[number];
