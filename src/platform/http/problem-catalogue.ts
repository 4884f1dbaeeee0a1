// The platform's own HTTP problem codes, and the catalogue type that joins them with the features' codes. Every
// error the API answers is a code of the one catalogue the composition assembles (src/app/problem-catalogue.ts),
// rendered as application/problem+json (RFC 9457). Codes are stable: clients branch on them, so never rename one.
import type { ProblemDefinition, ProblemDefinitions } from '../errors/app-error.js';

export const PROBLEM_BASE_URI = 'https://m365hub.dev/problems/';

export const PLATFORM_PROBLEMS = {
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
  acting_user_required: {
    status: 400,
    title: 'Which user is this for?',
    detail: "This call acts for one of your users: send X-M365Hub-Acting-User with the user's id (with an API key), or use the application mode where the call offers it.",
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
  internal_error: {
    status: 500,
    title: 'Internal error',
    detail: 'Something went wrong on the hub. Retry; if it persists, give the operator the request id.',
  },
} as const satisfies ProblemDefinitions;

/** A problem code: the platform's are listed above, features declare theirs in their own problems.ts. */
export type ProblemCode = string;

export function problemType(code: ProblemCode): string {
  return `${PROBLEM_BASE_URI}${code}`;
}

/** The one catalogue: the platform's codes plus each feature's; a code defined twice is a start-up error. */
export class ProblemCatalogue {
  private readonly entries = new Map<string, ProblemDefinition>();

  constructor(parts: readonly ProblemDefinitions[]) {
    for (const part of [PLATFORM_PROBLEMS, ...parts]) {
      for (const [code, definition] of Object.entries(part)) {
        if (this.entries.has(code)) throw new Error(`problem code ${code} is defined twice; each code has one owner`);
        this.entries.set(code, definition);
      }
    }
  }

  get(code: string): ProblemDefinition | undefined {
    return this.entries.get(code);
  }

  codes(): string[] {
    return [...this.entries.keys()];
  }
}
