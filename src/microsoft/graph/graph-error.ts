// The one error type the Graph client throws. Built only from Microsoft's error body (`error.code`, `message`,
// `innerError.request-id`), the HTTP status and our own client-request-id: never a token, a query string or a
// response body beyond Microsoft's message, so it is safe to log, store in a health report and show.
// Shape: https://learn.microsoft.com/en-us/graph/errors (see /work/shared/microsoft/graph/errors.json).

import { AppError } from '../../platform/errors/app-error.js';

/**
 * Codes we give failures that are not Microsoft's own error: no answer (`network_error`, `timeout`), an answer whose
 * body broke off or stops before its JSON is complete (`response_truncated`), a body that is not JSON at all
 * (`response_not_json`), a link we refuse to follow (`unexpected_response`).
 */
export type GraphTransportCode = 'network_error' | 'timeout' | 'response_truncated' | 'response_not_json' | 'unexpected_response';

/** The answer arrived but its body cannot be read as JSON: not an outage, and worth naming as such. */
export const isUnreadableAnswer = (error: GraphError): boolean => error.code === 'response_truncated' || error.code === 'response_not_json';

export interface GraphErrorFields {
  /** Microsoft's `error.code` (Authorization_RequestDenied, ErrorAccessDenied, itemNotFound, TooManyRequests …) or a transport code. */
  code: string;
  /** HTTP status; 0 when no answer arrived. */
  status: number;
  message: string;
  /** Microsoft's `request-id`, what Microsoft support asks for. */
  requestId?: string;
  /** The `client-request-id` we sent, so a log line and Microsoft's trace can be matched. */
  clientRequestId: string;
  /** Seconds Microsoft asked us to wait, when it did and we gave up anyway. */
  retryAfterSeconds?: number;
}

export class GraphError extends AppError implements GraphErrorFields {
  readonly status: number;
  readonly requestId?: string;
  readonly clientRequestId: string;
  readonly retryAfterSeconds?: number;

  constructor(fields: GraphErrorFields) {
    // Microsoft's code, not one of ours: never rendered as a problem of the same name.
    super(fields.code, fields.message, { isProblemCode: false });
    this.name = 'GraphError';
    this.status = fields.status;
    this.clientRequestId = fields.clientRequestId;
    if (fields.requestId !== undefined) this.requestId = fields.requestId;
    if (fields.retryAfterSeconds !== undefined) this.retryAfterSeconds = fields.retryAfterSeconds;
  }

  /** Throttled, cut short or Microsoft-side trouble: trying again later may work. */
  get transient(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500 || this.code === 'response_truncated';
  }

  toJSON(): GraphErrorFields {
    return {
      code: this.code,
      status: this.status,
      message: this.message,
      clientRequestId: this.clientRequestId,
      ...(this.requestId !== undefined ? { requestId: this.requestId } : {}),
      ...(this.retryAfterSeconds !== undefined ? { retryAfterSeconds: this.retryAfterSeconds } : {}),
    };
  }
}

const MAX_MESSAGE = 500;

/** A GraphError from a non-2xx answer; tolerates bodies that are not Microsoft's JSON (proxies, gateways). */
export async function graphErrorFromResponse(response: Response, clientRequestId: string, retryAfterSeconds?: number): Promise<GraphError> {
  let body: unknown;
  try {
    body = JSON.parse(await response.text());
  } catch {
    body = undefined;
  }
  const error = (body as { error?: { code?: unknown; message?: unknown; innerError?: Record<string, unknown>; innererror?: Record<string, unknown> } } | undefined)?.error;
  const inner = error?.innerError ?? error?.innererror;
  const requestId = stringOr(inner?.['request-id']) ?? stringOr(response.headers.get('request-id'));
  return new GraphError({
    code: stringOr(error?.code) ?? `http_${response.status}`,
    status: response.status,
    message: (stringOr(error?.message) ?? `Microsoft Graph answered HTTP ${response.status}`).slice(0, MAX_MESSAGE),
    clientRequestId,
    ...(requestId ? { requestId } : {}),
    ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
  });
}

function stringOr(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}
