// Per-request facts the hooks and routes share: the trace ids of AADSTS errors, and what the request log records.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { RequestTrace } from '../identity/error-responses.js';

export interface ProtocolOutcome {
  grantType?: string;
  clientId?: string;
  /** The tenant a Graph request's token belongs to (identity requests name it in the path). */
  tenant?: string;
  error?: string;
  errorCode?: number;
}

declare module 'fastify' {
  interface FastifyRequest {
    trace: RequestTrace;
    protocolOutcome: ProtocolOutcome;
  }
}

const guidLike = /^[0-9a-f-]{36}$/i;

/** Microsoft echoes a client-request-id (header or parameter) as the correlation id; otherwise it makes one. */
export function registerRequestContext(app: FastifyInstance): void {
  app.decorateRequest('trace', null as unknown as RequestTrace);
  app.decorateRequest('protocolOutcome', null as unknown as ProtocolOutcome);
  app.addHook('onRequest', async (request, reply) => {
    const header = request.headers['client-request-id'];
    const fromQuery = new URL(request.url, 'https://x').searchParams.get('client-request-id');
    const candidate = (Array.isArray(header) ? header[0] : header) ?? fromQuery ?? '';
    request.trace = { traceId: randomUUID(), correlationId: guidLike.test(candidate) ? candidate.toLowerCase() : randomUUID() };
    request.protocolOutcome = {};
    reply.header('x-ms-request-id', request.trace.traceId);
    if (guidLike.test(candidate)) reply.header('client-request-id', candidate);
  });
}
