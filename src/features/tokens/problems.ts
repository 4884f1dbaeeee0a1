// The problem codes of the token service (see src/platform/errors/app-error.ts): a route that asks for a token and
// gets a TokenError answers with one of these through the one problem+json mapper. integration_not_configured is
// the integrations feature's.
import type { ProblemDefinitions } from '../../platform/errors/app-error.js';

export const TOKEN_PROBLEMS = {
  application_mode_forbidden: {
    status: 403,
    title: 'Application mode needs an admin or the API key',
    detail: "Calls with the workspace's app token (X-M365Hub-Mode: application) reach the whole tenant: only workspace admins and the workspace API key may make them.",
  },
  connection_not_found: {
    status: 404,
    title: 'Microsoft 365 connection not found',
    detail: 'This user has not connected Microsoft 365 in this workspace. Ask the user to connect it (a connect link from the host product, or the console).',
  },
  connection_needs_reconnect: {
    status: 409,
    title: 'Microsoft 365 connection needs reconnecting',
    detail: 'The Microsoft 365 connection stopped working and must be reconnected. Ask the user to reconnect; the connection\'s statusReason says why Microsoft refused.',
  },
  token_service_unavailable: {
    status: 503,
    title: 'Microsoft token service unavailable',
    detail: 'Microsoft did not answer the token request; the connection itself is fine. Retry after the time in Retry-After.',
  },
  certificate_credential_required: {
    status: 409,
    title: 'A certificate credential is required',
    detail: "SharePoint REST accepts app-only tokens only from an app that signs in with a certificate; this workspace's app uses a client secret. Add a certificate credential to the integration, or act for a connected user.",
  },
} as const satisfies ProblemDefinitions;
