// The one error type the identity layer throws. Everything in it is safe to log and to show: Microsoft's error
// text and ids are kept, tokens, authorization codes, secrets and assertions never are (callers build it only from
// the catalogue and from Microsoft's error fields, see aadsts-catalogue.ts).
import { AppError } from '../../platform/errors/app-error.js';

// The codes are listed here, with the error type; aadsts-catalogue.ts maps Microsoft's answers onto them.
export type IdentityErrorCode =
  // configuration of the app registration
  | 'redirect_uri_mismatch'
  | 'redirect_uri_not_configured'
  | 'application_not_found'
  | 'application_not_multi_tenant'
  | 'application_disabled'
  | 'invalid_client_secret'
  | 'secret_expired'
  | 'client_credential_missing'
  | 'client_assertion_invalid'
  | 'invalid_client'
  | 'invalid_scope'
  | 'resource_not_found'
  | 'tenant_not_found'
  | 'tenant_required'
  // consent and assignment
  | 'consent_required'
  | 'admin_approval_required'
  | 'consent_declined'
  | 'user_not_assigned'
  // the user and their session
  | 'user_not_in_tenant'
  | 'user_not_found'
  | 'user_disabled'
  | 'invalid_user_credentials'
  | 'password_expired'
  | 'account_locked'
  | 'mfa_required'
  | 'blocked_by_conditional_access'
  | 'interaction_required'
  | 'login_required'
  // grants
  | 'refresh_token_expired'
  | 'session_revoked'
  | 'authorization_code_expired'
  | 'authorization_code_redeemed'
  | 'authorization_code_invalid'
  | 'pkce_verifier_mismatch'
  | 'invalid_grant'
  | 'refresh_token_missing'
  // protocol and transport
  | 'invalid_request'
  | 'id_token_invalid'
  | 'callback_invalid'
  | 'unexpected_response'
  | 'service_unavailable'
  | 'throttled'
  | 'network_error'
  | 'timeout';

export interface IdentityErrorFields {
  code: IdentityErrorCode;
  userMessage: string;
  fix: string;
  /** true: retrying cannot help (mark the connection needs_reconnect); false: transient, retry later. */
  permanent: boolean;
  aadsts?: number;
  /** The OAuth `error` value Microsoft sent (invalid_grant, access_denied, …). */
  oauthError?: string;
  suberror?: string;
  /** Microsoft's own explanation without the trace lines, for administrators. */
  microsoftMessage?: string;
  traceId?: string;
  correlationId?: string;
  /** HTTP status of Microsoft's answer, when there was one. */
  status?: number;
  /** Seconds Microsoft asked us to wait (Retry-After), when it did. */
  retryAfterSeconds?: number;
}

export class IdentityError extends AppError implements IdentityErrorFields {
  declare readonly code: IdentityErrorCode;
  readonly userMessage: string;
  readonly fix: string;
  readonly permanent: boolean;
  readonly aadsts?: number;
  readonly oauthError?: string;
  readonly suberror?: string;
  readonly microsoftMessage?: string;
  readonly traceId?: string;
  readonly correlationId?: string;
  readonly status?: number;
  readonly retryAfterSeconds?: number;

  constructor(fields: IdentityErrorFields) {
    super(fields.code, `${fields.code}${fields.aadsts ? ` (AADSTS${fields.aadsts})` : ''}: ${fields.userMessage}`, { problemDetail: `${fields.userMessage} ${fields.fix}` });
    this.name = 'IdentityError';
    this.userMessage = fields.userMessage;
    this.fix = fields.fix;
    this.permanent = fields.permanent;
    for (const key of ['aadsts', 'oauthError', 'suberror', 'microsoftMessage', 'traceId', 'correlationId', 'status', 'retryAfterSeconds'] as const) {
      if (fields[key] !== undefined) Object.assign(this, { [key]: fields[key] });
    }
  }

  /** The fields an API problem or a stored health record carries. */
  toJSON(): IdentityErrorFields {
    const { code, userMessage, fix, permanent, aadsts, oauthError, suberror, microsoftMessage, traceId, correlationId, status, retryAfterSeconds } = this;
    return Object.fromEntries(
      Object.entries({ code, userMessage, fix, permanent, aadsts, oauthError, suberror, microsoftMessage, traceId, correlationId, status, retryAfterSeconds }).filter(
        ([, v]) => v !== undefined,
      ),
    ) as unknown as IdentityErrorFields;
  }
}
