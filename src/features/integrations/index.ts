// The integrations feature's public surface: a workspace's Microsoft 365 app registration settings and credentials
// (IntegrationStore), the redirect URI rule, and the integration routes.
export { credentialPresence, IntegrationStore, type IntegrationAuth, type IntegrationView } from './integration-store.js';
export type { IntegrationListener } from './integration-listeners.js';
export { resolveRedirectUri } from './redirect-uri.js';
export { isServiceEnabled, serviceNotEnabled, type EnabledServices, type ServiceMode } from './service-check.js';
export { registerIntegrationRoutes } from './integration-routes.js';
export { INTEGRATION_NOT_CONFIGURED, INTEGRATION_PROBLEMS } from './problems.js';
export { INTEGRATION_SEALED_COLUMNS } from './sealed-columns.js';
export { recordExpiryNoticeSent, recordIntegrationHealth, recordMicrosoftCredentialExpiry } from './integration-records.js';
export type * from './tables.js';
