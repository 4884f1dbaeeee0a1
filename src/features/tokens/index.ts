// The tokens feature's public surface: the token service (delegated per connection, or the workspace's application
// token), users' connections (the feature owns m365_connections: others read and write them only through these),
// and the keep-alive job.
export { TokenService, type AccessToken, type TokenPrincipal, type TokenRequest, type TokenResource } from './token-service.js';
export { actingModeOf, actingPrincipalOf, actingUserOf, tokenPrincipalOf, MODE_HEADER, TENANT_HEADER, type ActingMode, type ActingPrincipal } from './acting-principal.js';
export { TokenError, type TokenErrorCode } from './token-error.js';
export type { IntegrationAuthSource } from './integration-auth-source.js';
export { connectionUserData, deleteConnection, getConnection, listConnections, saveDelegatedConnection, type M365Connection } from './connection-store.js';
export { keepAliveJobs, scheduleKeepAlive } from './keep-alive-job.js';
export { TOKEN_PROBLEMS } from './problems.js';
export { TOKEN_SEALED_COLUMNS } from './sealed-columns.js';
export { createGraphClientFactory, type GraphClientFactory } from './graph-clients.js';
export { TOKEN_EVENT_TYPES } from './events.js';
export { APP_TOKENS_FOLLOW_INTEGRATION, forgetTenantAppToken } from './app-token-store.js';
export type * from './tables.js';
