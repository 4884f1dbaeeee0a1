// The one error type the Graph client throws. Built only from Microsoft's error body (`error.code`, `message`,
// `innerError.request-id`), the HTTP status and our own client-request-id: never a token, a query string or a
// response body beyond Microsoft's message, so it is safe to log, store in a health report and show.
// Shape: https://learn.microsoft.com/en-us/graph/errors (see /work/shared/microsoft/graph/errors.json).

/** Codes we give failures that never reached a Graph answer. */
import { AppError } from '../../platform/errors/app-error.js';

export type GraphTransportCode = 'network_error' | 'timeout' | 'unexpected_response';

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

  /** Throttled or Microsoft-side trouble: trying again later may work. */
  get transient(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500;
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
