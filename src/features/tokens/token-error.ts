// The typed errors the token service throws. Like IdentityError they carry only catalogue text and Microsoft's
// error code names: never a token, a secret or a code. The one problem+json mapper renders them with the
// definitions in ./problems.ts (integration_not_configured is the integrations feature's).
import { AppError } from '../../platform/errors/app-error.js';
import { INTEGRATION_NOT_CONFIGURED } from '../integrations/index.js';
export type TokenErrorCode =
  | 'connection_not_found'
  | 'connection_needs_reconnect'
  | 'integration_not_configured'
  | 'token_service_unavailable'
  | 'certificate_credential_required';

const MESSAGES: Record<TokenErrorCode, { userMessage: string; fix: string }> = {
  connection_not_found: {
    userMessage: 'This user has not connected Microsoft 365 in this workspace.',
    fix: 'Ask the user to connect Microsoft 365 (User Settings → Integrations, or a connect link from the host product).',
  },
  connection_needs_reconnect: {
    userMessage: 'The Microsoft 365 connection stopped working and must be reconnected.',
    fix: 'Ask the user to reconnect Microsoft 365; the reason says why Microsoft refused the stored sign-in.',
  },
  integration_not_configured: INTEGRATION_NOT_CONFIGURED,
  token_service_unavailable: {
    userMessage: 'Microsoft did not answer the token request; the connection itself is fine.',
    fix: 'Try again in a moment. Microsoft was unavailable or throttling after the retries allowed.',
  },
  certificate_credential_required: {
    userMessage: "This API accepts the app's own (app-only) token only when the app signs in with a certificate, and this workspace's app uses a client secret.",
    fix: 'Add a certificate credential to the app registration and to the Microsoft 365 integration (SharePoint app-only access: https://learn.microsoft.com/sharepoint/dev/solution-guidance/security-apponly-azuread), or act for a connected user instead.',
  },
};

export interface TokenErrorDetails {
  /** For connection_needs_reconnect: the IdentityError code Microsoft's refusal mapped to (e.g. session_revoked). */
  reason?: string;
  userMessage?: string;
  fix?: string;
  retryAfterSeconds?: number;
}

export class TokenError extends AppError {
  declare readonly code: TokenErrorCode;
  readonly userMessage: string;
  readonly fix: string;
  readonly reason?: string;
  readonly retryAfterSeconds?: number;

  constructor(code: TokenErrorCode, details: TokenErrorDetails = {}) {
    const defaults = MESSAGES[code];
    const userMessage = details.userMessage ?? defaults.userMessage;
    const fix = details.fix ?? defaults.fix;
    super(code, `${code}${details.reason ? ` (${details.reason})` : ''}: ${userMessage}`, { problemDetail: `${userMessage} ${fix}` });
    this.name = 'TokenError';
    this.userMessage = userMessage;
    this.fix = fix;
    if (details.reason !== undefined) this.reason = details.reason;
    if (details.retryAfterSeconds !== undefined) this.retryAfterSeconds = details.retryAfterSeconds;
  }

  toJSON(): Record<string, unknown> {
    const { code, userMessage, fix, reason, retryAfterSeconds } = this;
    return Object.fromEntries(Object.entries({ code, userMessage, fix, reason, retryAfterSeconds }).filter(([, v]) => v !== undefined));
  }
}
