// The one catalogue of HTTP problem codes. Every error the API answers is one of these, rendered as
// application/problem+json (RFC 9457). Codes are stable: clients branch on them, so never rename one.
export const PROBLEM_BASE_URI = 'https://m365hub.dev/problems/';

interface ProblemEntry {
  status: number;
  title: string;
  /** Default human detail, saying how to fix it. A thrower may give a more specific one. */
  detail: string;
}

export const PROBLEMS = {
  route_not_found: {
    status: 404,
    title: 'Route not found',
    detail: 'No API route matches this method and path. See /openapi.json for the routes this hub serves.',
  },
  not_found: {
    status: 404,
    title: 'Not found',
    detail: 'The resource does not exist or you do not have access to it. Check the id and the workspace.',
  },
  invalid_json: {
    status: 400,
    title: 'Invalid JSON',
    detail: 'The request body is not valid JSON. Send a well-formed JSON document.',
  },
  unsupported_media_type: {
    status: 415,
    title: 'Unsupported media type',
    detail: 'Send the request body as JSON with the header Content-Type: application/json.',
  },
  validation_failed: {
    status: 400,
    title: 'Validation failed',
    detail: 'The request does not match the API schema. Fix the fields listed in `errors` and send it again.',
  },
  payload_too_large: {
    status: 413,
    title: 'Payload too large',
    detail: 'The request body is larger than 1 MiB. Send a smaller body.',
  },
  unauthenticated: {
    status: 401,
    title: 'Unauthenticated',
    detail: 'Sign in to the console, or send a valid workspace API key as `Authorization: Bearer m365k_…`.',
  },
  invalid_credentials: {
    status: 401,
    title: 'Invalid credentials',
    detail: 'The email or password is not correct. Check both and try again.',
  },
  forbidden: {
    status: 403,
    title: 'Forbidden',
    detail: 'Your role does not allow this action. Ask an admin of the workspace to do it or to give you the admin role.',
  },
  csrf_failed: {
    status: 403,
    title: 'CSRF check failed',
    detail:
      'State-changing requests signed in by cookie must send the X-CSRF-Token header from GET /api/v1/auth/session, from the hub\'s own origin.',
  },
  conflict: {
    status: 409,
    title: 'Conflict',
    detail: 'The request conflicts with the current state of the resource. Reload it and try again.',
  },
  last_admin: {
    status: 409,
    title: 'Last admin',
    detail: 'A workspace needs at least one admin. Make another member admin first.',
  },
  weak_password: {
    status: 400,
    title: 'Password too weak',
    detail: 'Passwords need at least 12 characters. Choose a longer one.',
  },
  idempotency_conflict: {
    status: 409,
    title: 'Idempotency key reused',
    detail: 'This Idempotency-Key was already used for a different request. Use a new key for a new request.',
  },
  rate_limited: {
    status: 429,
    title: 'Too many requests',
    detail: 'Too many attempts. Wait for the time given in the Retry-After header, then try again.',
  },
  method_not_allowed: {
    status: 405,
    title: 'Method not allowed',
    detail: 'This route does not accept this method. See /openapi.json.',
  },
  not_ready: {
    status: 503,
    title: 'Not ready',
    detail: 'The hub is starting, shutting down, or cannot reach its database. Retry shortly; check the database if it persists.',
  },
  console_not_built: {
    status: 404,
    title: 'Console not built',
    detail: 'The web console bundle is missing. Run `npm run build` (or `npm start`), then reload.',
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
  no_delegated_services: {
    status: 409,
    title: 'No delegated services',
    detail: 'The integration enables no service in delegated mode, so users have nothing to connect. A workspace admin enables one.',
  },
  return_to_not_allowed: {
    status: 400,
    title: 'returnTo not allowed',
    detail: "returnTo must be on FRONTEND_URL, on the hub's own origin, or on an origin listed in the integration's returnOrigins.",
  },
  pending_credential_missing: {
    status: 409,
    title: 'No pending credential',
    detail: 'The integration has no pending credential to test. Add one with Update Credentials (POST …/integrations/m365/credentials) first.',
  },
  microsoft_unavailable: {
    status: 503,
    title: 'Microsoft did not answer',
    detail: 'Microsoft Entra ID or Microsoft Graph did not answer normally after the retries allowed. Nothing to change on your side; try again in a minute.',
  },
  webhook_target_refused: {
    status: 422,
    title: 'Webhook target refused',
    detail:
      'The webhook URL resolves to a private, loopback, link-local or otherwise non-public address, or does not resolve. Use a public URL (operators can allow private targets for development with M365HUB_ALLOW_PRIVATE_WEBHOOK_TARGETS=true).',
  },
  internal_error: {
    status: 500,
    title: 'Internal error',
    detail: 'Something went wrong on the hub. Retry; if it persists, give the operator the request id.',
  },
} as const satisfies Record<string, ProblemEntry>;

export type ProblemCode = keyof typeof PROBLEMS;

export function problemType(code: ProblemCode): string {
  return `${PROBLEM_BASE_URI}${code}`;
}
