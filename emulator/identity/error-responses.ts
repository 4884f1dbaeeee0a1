// Error bodies field by field as Microsoft's token endpoint returns them
// (reference-error-codes.md "Handling error codes in your application"; samples in
// /work/shared/microsoft/identity/token-responses.json): error, error_description ending in
// "\r\nTrace ID: …\r\nCorrelation ID: …\r\nTimestamp: …", error_codes, timestamp, trace_id, correlation_id,
// error_uri, and suberror where the service sends one.
import type { FastifyReply } from 'fastify';
import type { AadstsError } from './aadsts-errors.js';
import { errorUri } from './endpoint-urls.js';

export interface RequestTrace {
  traceId: string;
  correlationId: string;
}

/** "2016-01-09 02:02:12Z", the timestamp format of AADSTS errors. */
export function aadTimestamp(date = new Date()): string {
  return `${date.toISOString().slice(0, 19).replace('T', ' ')}Z`;
}

export function describe(err: AadstsError, trace: RequestTrace, timestamp: string): string {
  const head = err.code > 0 ? `AADSTS${err.code}: ${err.message}` : err.message;
  return `${head}\r\nTrace ID: ${trace.traceId}\r\nCorrelation ID: ${trace.correlationId}\r\nTimestamp: ${timestamp}`;
}

export function errorBody(err: AadstsError, trace: RequestTrace, origin: string) {
  const timestamp = aadTimestamp();
  return {
    error: err.error,
    error_description: describe(err, trace, timestamp),
    error_codes: err.code > 0 ? [err.code] : [],
    timestamp,
    trace_id: trace.traceId,
    correlation_id: trace.correlationId,
    ...(err.code > 0 ? { error_uri: errorUri(origin, err.code) } : {}),
    ...(err.claims ? { claims: err.claims } : {}),
    ...(err.suberror ? { suberror: err.suberror } : {}),
  };
}

/** The no-store headers every token endpoint answer carries (RFC 6749 section 5.1). */
export function noStore(reply: FastifyReply): FastifyReply {
  return reply.header('cache-control', 'no-store, no-cache').header('pragma', 'no-cache');
}

export function sendProtocolError(reply: FastifyReply, err: AadstsError, trace: RequestTrace, origin: string) {
  Object.assign(reply.request.protocolOutcome ?? {}, { error: err.error, errorCode: err.code });
  return noStore(reply).code(err.status).type('application/json; charset=utf-8').send(errorBody(err, trace, origin));
}

/** Thrown by grant handlers; the token route turns it into the error body. */
export class ProtocolError extends Error {
  constructor(readonly aadsts: AadstsError) {
    super(aadsts.message);
  }
}
