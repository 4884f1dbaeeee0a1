// Why a connect or admin consent flow was refused on m365hub's side (Microsoft's own refusals are IdentityErrors).
// Each code is stable; the user message and the fix are shown on the result page and in problem+json answers.
import { AppError } from '../../platform/errors/app-error.js';
import { INTEGRATION_NOT_CONFIGURED } from '../integrations/index.js';

export type ConnectErrorCode =
  | 'state_missing'
  | 'state_invalid'
  | 'state_expired'
  | 'browser_mismatch'
  | 'return_to_not_allowed'
  | 'connect_link_invalid'
  | 'admin_consent_link_invalid'
  | 'integration_not_configured'
  | 'no_delegated_services';

const CATALOGUE: Record<ConnectErrorCode, { userMessage: string; fix: string }> = {
  state_missing: {
    userMessage: 'The sign-in answer is incomplete (no state).',
    fix: 'Start Connect Microsoft 365 again from the application.',
  },
  state_invalid: {
    userMessage: 'This sign-in answer is unknown or was already used.',
    fix: 'Start Connect Microsoft 365 again from the application; each sign-in link works once.',
  },
  state_expired: {
    userMessage: 'The sign-in took too long and expired.',
    fix: 'Start Connect Microsoft 365 again and finish signing in within 10 minutes.',
  },
  browser_mismatch: {
    userMessage: 'The sign-in was finished in a different browser from the one that started it.',
    // The state is left unused (see auth-states.ts): the browser that started the flow can still finish it.
    fix: 'Finish signing in in the browser where you started (it still works there for 10 minutes), or start Connect Microsoft 365 again in this one (allow cookies for this site).',
  },
  return_to_not_allowed: {
    userMessage: 'The address to return to after connecting is not allowed.',
    fix: "Use a returnTo on the workspace's own URL (its subdomain of FRONTEND_URL), on the hub's own address, or on an origin listed in the integration's returnOrigins.",
  },
  connect_link_invalid: {
    userMessage: 'This connect link is unknown, expired or already used.',
    fix: 'Ask the application for a new Connect Microsoft 365 link; each link works once, for 10 minutes.',
  },
  admin_consent_link_invalid: {
    userMessage: 'This admin consent link is unknown, expired or already used.',
    fix: 'Ask the application for a new admin consent link; each link works once, for 24 hours.',
  },
  integration_not_configured: INTEGRATION_NOT_CONFIGURED,
  no_delegated_services: {
    userMessage: 'This workspace uses Microsoft 365 only without signed-in users.',
    fix: 'A workspace admin enables at least one service in delegated mode to let users connect their accounts.',
  },
};

export class ConnectError extends AppError {
  declare readonly code: ConnectErrorCode;
  readonly userMessage: string;
  readonly fix: string;
  constructor(code: ConnectErrorCode) {
    super(code, `${code}: ${CATALOGUE[code].userMessage}`, { problemDetail: `${CATALOGUE[code].userMessage} ${CATALOGUE[code].fix}` });
    this.name = 'ConnectError';
    this.userMessage = CATALOGUE[code].userMessage;
    this.fix = CATALOGUE[code].fix;
  }
}
