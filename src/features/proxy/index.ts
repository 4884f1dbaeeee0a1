// The proxy feature's public surface: the policed Microsoft Graph pass-through and its per-workspace policy.
export { registerProxyRoutes, type ProxyServices } from './proxy-routes.js';
export { registerProxySettingsRoutes } from './proxy-settings-routes.js';
export { ProxyPolicy } from './proxy-policy.js';
export { PROXY_PROBLEMS } from './problems.js';
export type * from './tables.js';
