// The problem codes the connect routes answer with (see src/platform/errors/app-error.ts).
import type { ProblemDefinitions } from '../../platform/errors/app-error.js';

export const CONNECT_PROBLEMS = {
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
} as const satisfies ProblemDefinitions;
