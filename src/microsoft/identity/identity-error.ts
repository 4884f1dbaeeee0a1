// The one error type the identity layer throws. Everything in it is safe to log and to show: Microsoft's error
// text and ids are kept, tokens, authorization codes, secrets and assertions never are (callers build it only from
// the catalogue and from Microsoft's error fields, see aadsts-catalogue.ts).
import type { IdentityErrorCode } from './aadsts-catalogue.js';

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

export class IdentityError extends Error implements IdentityErrorFields {
  readonly code: IdentityErrorCode;
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
    super(`${fields.code}${fields.aadsts ? ` (AADSTS${fields.aadsts})` : ''}: ${fields.userMessage}`);
    this.name = 'IdentityError';
    this.code = fields.code;
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
