// The api-keys feature's public surface: workspace API keys (mint, list, revoke) and how a bearer key is checked.
export { ApiKeyAuthenticator, authenticateApiKey, type ApiKeyIdentity } from './api-key-auth.js';
export { registerApiKeyRoutes } from './api-key-routes.js';
export type * from './tables.js';
