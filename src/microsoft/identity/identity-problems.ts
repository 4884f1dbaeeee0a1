// The identity catalogue's codes as API problems. A route that needs a token the hub could not get (the app's
// registration refused by Microsoft in application mode, Microsoft's token endpoint unavailable) answers with the
// catalogue's own stable code and words, instead of an internal error: a fault the admin must fix in the registration
// or the integration is 409 (like integration_not_configured), one that passes is 503.
import type { ProblemDefinitions } from '../../platform/errors/app-error.js';
import { IDENTITY_ERRORS } from './aadsts-catalogue.js';

/** Codes another owner already answers with the same meaning (the integrations feature's problem). */
const OWNED_ELSEWHERE: ReadonlySet<string> = new Set(['redirect_uri_not_configured']);

export const IDENTITY_PROBLEMS: ProblemDefinitions = Object.fromEntries(
  Object.entries(IDENTITY_ERRORS)
    .filter(([code]) => !OWNED_ELSEWHERE.has(code))
    .map(([code, entry]) => [code, { status: entry.permanent ? 409 : 503, title: entry.userMessage, detail: `${entry.userMessage} ${entry.fix}` }]),
);
