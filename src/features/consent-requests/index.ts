// The consent requests feature's public surface: users' admin consent requests for the workspace's app, read from
// Microsoft Graph, and their route.
export { registerConsentRequestRoutes, type ConsentRequestServices } from './consent-request-routes.js';
export { CONSENT_REQUEST_PROBLEMS } from './problems.js';
