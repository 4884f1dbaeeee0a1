// Schemas of the webhook endpoints and their delivery log (TypeBox). Pure data: the console imports the same types.
// The signing secret appears in exactly two responses (create and rotate), never in a list or a read.
import { Type, type Static } from 'typebox';
import { idPattern, IsoTime, ListOf, NullableIsoTime, strict } from './common-schemas.js';


/** Every event type the hub publishes. Each feature declares the ones it publishes; src/app/event-catalogue.ts holds them against this list at start-up. */
export const WEBHOOK_EVENT_TYPES = [
  'connection.connected',
  'connection.disconnected',
  'connection.needs_reconnect',
  'connection.health_changed',
  'credential.expiring',
  'credential.expired',
  'graph.notification',
  'graph.subscription_failed',
  'compliance.drift_detected',
  'tenant.added',
  'tenant.removed',
  'tenant.health_changed',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

const EventType = Type.Unsafe<WebhookEventType>(Type.String({ enum: [...WEBHOOK_EVENT_TYPES] }));
const EventTypes = Type.Union([Type.Array(EventType, { minItems: 1, maxItems: WEBHOOK_EVENT_TYPES.length, uniqueItems: true }), Type.Null()], {
  description: 'the event types sent to this endpoint; null or absent: all of them',
});
const Url = Type.String({ minLength: 1, maxLength: 2048, description: 'public http(s) URL the hub POSTs events to' });

export const WebhookParams = Type.Object({ workspaceId: idPattern('ws'), webhookId: idPattern('whk') }, strict);
export const WebhookDeliveryParams = Type.Object({ workspaceId: idPattern('ws'), webhookId: idPattern('whk'), deliveryId: idPattern('whd') }, strict);

export const CreateWebhookBody = Type.Object({ url: Url, eventTypes: Type.Optional(EventTypes), enabled: Type.Optional(Type.Boolean()) }, strict);
export type CreateWebhookBody = Static<typeof CreateWebhookBody>;
export const UpdateWebhookBody = Type.Object({ url: Type.Optional(Url), eventTypes: Type.Optional(EventTypes), enabled: Type.Optional(Type.Boolean()) }, strict);
export type UpdateWebhookBody = Static<typeof UpdateWebhookBody>;

export const Webhook = Type.Object(
  {
    id: Type.String(),
    url: Type.String(),
    eventTypes: Type.Union([Type.Array(Type.String()), Type.Null()]),
    enabled: Type.Boolean(),
    previousSecretExpiresAt: Type.Union([IsoTime, Type.Null()], { description: 'after a rotation: until when the previous secret also signs' }),
    createdAt: IsoTime,
    updatedAt: IsoTime,
  },
  strict,
);
export type Webhook = Static<typeof Webhook>;
export const WebhookList = ListOf(Webhook);

export const WebhookWithSecret = Type.Object(
  { ...Webhook.properties, secret: Type.String({ description: 'the signing secret (whsec_…): shown this once, never again' }) },
  strict,
);
export type WebhookWithSecret = Static<typeof WebhookWithSecret>;

export const WebhookDelivery = Type.Object(
  {
    id: Type.String(),
    eventId: Type.String(),
    eventType: Type.String(),
    status: Type.Union([Type.Literal('pending'), Type.Literal('delivered'), Type.Literal('failed')]),
    attempts: Type.Integer(),
    lastStatusCode: Type.Union([Type.Integer(), Type.Null()]),
    lastError: Type.Union([Type.String(), Type.Null()]),
    createdAt: IsoTime,
    deliveredAt: NullableIsoTime,
    event: Type.Record(Type.String(), Type.Unknown(), { description: 'the event as sent: { id, type, workspaceId, createdAt, data }' }),
  },
  strict,
);
export type WebhookDelivery = Static<typeof WebhookDelivery>;
export const WebhookDeliveryList = ListOf(WebhookDelivery);
