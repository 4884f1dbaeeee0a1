// The webhook event types this feature publishes (the composition joins every feature's list into one catalogue).
import type { WebhookEventType } from '../../contract/webhook-schemas.js';

export const TENANT_EVENT_TYPES = ['tenant.added', 'tenant.removed', 'tenant.health_changed'] as const satisfies readonly WebhookEventType[];
export type TenantEventType = (typeof TENANT_EVENT_TYPES)[number];
