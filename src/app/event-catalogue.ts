// The one catalogue of webhook event types: each feature declares the types it publishes (and its publisher is
// narrowed to them, so it cannot publish another); here they are joined and held against the API contract's list.
// A type declared by two features, or a contract type no feature publishes (an admin could subscribe to an event
// that never comes), stops the hub at start-up, the same way a problem code defined twice does.
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '../contract/webhook-schemas.js';
import { CONNECT_EVENT_TYPES } from '../features/connect/index.js';
import { HEALTH_EVENT_TYPES } from '../features/health/index.js';
import { TOKEN_EVENT_TYPES } from '../features/tokens/index.js';
import { SUBSCRIPTION_EVENT_TYPES } from '../features/subscriptions/index.js';
import { COMPLIANCE_EVENT_TYPES } from '../features/compliance/index.js';
import { TENANT_EVENT_TYPES } from '../features/tenants/index.js';

export const FEATURE_EVENT_TYPES: Readonly<Record<string, readonly WebhookEventType[]>> = {
  connect: CONNECT_EVENT_TYPES,
  health: HEALTH_EVENT_TYPES,
  tokens: TOKEN_EVENT_TYPES,
  subscriptions: SUBSCRIPTION_EVENT_TYPES,
  compliance: COMPLIANCE_EVENT_TYPES,
  tenants: TENANT_EVENT_TYPES,
};

/** Owner feature of each event type; throws when the features' declarations and the contract disagree. */
export function hubEventCatalogue(declared: Readonly<Record<string, readonly WebhookEventType[]>> = FEATURE_EVENT_TYPES): Map<WebhookEventType, string> {
  const owners = new Map<WebhookEventType, string>();
  for (const [feature, types] of Object.entries(declared)) {
    for (const type of types) {
      const owner = owners.get(type);
      if (owner) throw new Error(`webhook event type ${type} is declared by both ${owner} and ${feature}; each type has one owner`);
      owners.set(type, feature);
    }
  }
  const unpublished = WEBHOOK_EVENT_TYPES.filter((type) => !owners.has(type));
  if (unpublished.length > 0) throw new Error(`the API contract lists webhook event types no feature publishes: ${unpublished.join(', ')}`);
  return owners;
}
