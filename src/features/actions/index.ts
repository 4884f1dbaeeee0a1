// The actions feature's public surface: typed, idempotent actions in Microsoft 365 for host backends.
export { registerActionRoutes, type ActionServices } from './action-routes.js';
export { ACTION_PROBLEMS } from './problems.js';
export type * from './tables.js';
