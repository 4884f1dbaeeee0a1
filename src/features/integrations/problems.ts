// The problem codes of a workspace's Microsoft 365 integration (see src/platform/errors/app-error.ts). Other
// features that meet a missing integration (connect, tokens, health) throw their own error type with this code;
// the HTTP answer is this one definition.
import type { ProblemDefinitions } from '../../platform/errors/app-error.js';

export const INTEGRATION_PROBLEMS = {
  service_not_enabled: {
    status: 403,
    title: 'This Microsoft 365 service is not enabled for the workspace',
    detail: 'Enable the service in the Microsoft 365 integration (console → Integrations, or PUT …/integrations/m365 services), grant its permission in Entra ID, then try again.',
  },
  integration_not_configured: {
    status: 409,
    title: 'Microsoft 365 integration not configured',
    detail: 'This workspace has no Microsoft 365 integration yet. A workspace admin creates it (PUT /api/v1/workspaces/{workspaceId}/integrations/m365).',
  },
  redirect_uri_not_configured: {
    status: 409,
    title: 'Redirect URI not configured',
    detail: "Set the integration's redirect URI, or M365_REDIRECT_URI, or BACKEND_URL (then BACKEND_URL + /auth/m365/callback is used), and register the same URI in the app registration.",
  },
  pending_credential_missing: {
    status: 409,
    title: 'No pending credential',
    detail: 'The integration has no pending credential to test. Add one with Update Credentials (POST …/integrations/m365/credentials) first.',
  },
} as const satisfies ProblemDefinitions;

/** What the user is told, and how to fix it, wherever a missing integration stops them (result page, token errors). */
export const INTEGRATION_NOT_CONFIGURED = {
  userMessage: 'Microsoft 365 is not set up for this workspace yet.',
  fix: 'A workspace admin configures the Microsoft 365 integration (Settings → Integrations) first.',
} as const;
