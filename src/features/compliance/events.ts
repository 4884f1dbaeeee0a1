// The webhook event types this feature publishes (the composition joins every feature's list into one catalogue).
import type { WebhookEventType } from '../../contract/webhook-schemas.js';

export const COMPLIANCE_EVENT_TYPES = ['compliance.drift_detected'] as const satisfies readonly WebhookEventType[];
export type ComplianceEventType = (typeof COMPLIANCE_EVENT_TYPES)[number];
