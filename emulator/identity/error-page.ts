// Errors the emulator must not send to a redirect URI (unknown app, unregistered redirect URI, unknown tenant,
// a user from the wrong tenant …) are shown on an emulator page instead, as login.microsoftonline.com shows them,
// with the troubleshooting details (trace, correlation id, timestamp).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { errorPage } from '../ui/interaction-pages.js';
import type { AadstsError } from './aadsts-errors.js';
import { aadTimestamp } from './error-responses.js';

export function showErrorPage(request: FastifyRequest, reply: FastifyReply, err: AadstsError, title = "Sorry, but we're having trouble signing you in.") {
  request.protocolOutcome.error = err.error;
  request.protocolOutcome.errorCode = err.code;
  return reply
    .code(err.status)
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(
      errorPage({
        title,
        ...(err.code > 0 ? { code: err.code } : {}),
        message: err.message,
        details: {
          'Request Id': request.trace.traceId,
          'Correlation Id': request.trace.correlationId,
          Timestamp: aadTimestamp(),
          ...(err.code > 0 ? { 'Error code': `AADSTS${err.code}` } : { Error: err.error }),
        },
      }),
    );
}
