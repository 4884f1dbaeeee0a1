// The webhooks feature's public surface: publishing events, delivering them (the job and the sender), and the
// endpoint routes.
export { WEBHOOK_DELIVERY_JOB, WebhookEventPublisher } from './webhook-event-publisher.js';
export { webhookDeliveryJob } from './webhook-delivery.js';
export { createWebhookSender } from './webhook-sender.js';
export type { Resolver } from './webhook-target.js';
export { registerWebhookRoutes, type WebhookServices } from './webhook-routes.js';
export { WEBHOOK_PROBLEMS } from './problems.js';
export { WEBHOOK_SEALED_COLUMNS } from './sealed-columns.js';
export type * from './tables.js';
