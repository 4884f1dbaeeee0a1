// The subscriptions feature's public surface: Graph change notifications kept alive for the host product.
export { SubscriptionManager } from './subscription-manager.js';
export { registerSubscriptionRoutes, type SubscriptionServices } from './subscription-routes.js';
export { scheduleSubscriptionRenewal, subscriptionJobs } from './subscription-jobs.js';
export { SUBSCRIPTION_EVENT_TYPES } from './events.js';
export { SUBSCRIPTION_PROBLEMS } from './problems.js';
export type * from './tables.js';
