// Microsoft Graph's error body and the errors the emulator's Graph half answers.
// Shape (https://learn.microsoft.com/graph/errors, sample in /work/shared/microsoft/graph/errors.json):
//   { "error": { "code", "message", "innerError": { "date", "request-id", "client-request-id" } } }
// `date` is ISO 8601 without fractional seconds, as live responses carry it. Throttling bodies follow
// https://learn.microsoft.com/graph/throttling "Sample response" (/work/shared/microsoft/graph/throttling.json).
import type { FastifyReply } from 'fastify';

/** The ids a Graph response carries in its headers and in `innerError`. */
export interface GraphTrace {
  requestId: string;
  clientRequestId: string;
}

/** A Graph error a handler throws; the dispatcher turns it into the response. */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Extra headers, e.g. WWW-Authenticate on a 401. */
    readonly headers: Record<string, string> = {},
    /** A detailed code in innerError (OneDrive's innererror codes, e.g. resyncChangesApplyDifferences). */
    readonly innerCode?: string,
  ) {
    super(message);
  }
}

/** "2020-08-18T12:51:51": Graph's innerError date. */
export const graphDate = (date = new Date()) => date.toISOString().slice(0, 19);

export function graphErrorBody(code: string, message: string, trace: GraphTrace, innerCode?: string) {
  const inner = { ...(innerCode ? { code: innerCode } : {}), date: graphDate(), 'request-id': trace.requestId, 'client-request-id': trace.clientRequestId };
  return { error: { code, message, innerError: inner } };
}

export const graphJson = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

export function sendGraphError(reply: FastifyReply, err: GraphError, trace: GraphTrace) {
  for (const [name, value] of Object.entries(err.headers)) reply.header(name, value);
  return reply.code(err.status).type('application/json').send(graphErrorBody(err.code, err.message, trace, err.innerCode));
}

/**
 * The body of an injected fault on a Graph path. 429 is Microsoft's documented throttling sample (code
 * TooManyRequests, innerError with code/status strings); 503 and other 5xx use the codes errors.md lists.
 */
export function graphFaultBody(status: number, trace: GraphTrace) {
  if (status === 429) {
    return {
      error: {
        code: 'TooManyRequests',
        innerError: { code: '429', date: graphDate(), message: 'Please retry after', 'request-id': trace.requestId, status: '429' },
        message: 'Please retry again later.',
      },
    };
  }
  if (status === 503) return graphErrorBody('serviceNotAvailable', 'The service is temporarily unavailable. Please retry the request after a delay.', trace);
  if (status === 504) return graphErrorBody('UnknownError', 'The gateway did not receive a response in time.', trace);
  if (status >= 500) return graphErrorBody('generalException', 'An unspecified error has occurred.', trace);
  return graphErrorBody('BadRequest', 'The request failed (injected fault).', trace);
}

/** Microsoft Graph as the client id the WWW-Authenticate challenge names. */
const graphClientId = '00000003-0000-0000-c000-000000000000';

/**
 * The errors the Graph half answers. Texts of the 401s are Graph's runtime messages as clients report them
 * ("Access token is empty." — microsoftgraph/msgraph-sample-reactspa#54; "Access token has expired or is not yet
 * valid." with the WWW-Authenticate challenge — microsofthackathons/tdi#24; "CompactToken parsing failed…" —
 * merrycodes/Office-E5#6); the 403 and /me texts are Graph's documented ones.
 */
export const graphErrors = {
  unauthenticated(message: string, origin: string): GraphError {
    return new GraphError(401, 'InvalidAuthenticationToken', message, {
      'www-authenticate': `Bearer realm="", authorization_uri="${origin}/common/oauth2/authorize", client_id="${graphClientId}"`,
    });
  },
  /**
   * Continuous access evaluation's claims challenge for a token issued before the user's sessions were revoked
   * (app-resilience-continuous-access-evaluation.md and claims-challenge.md: the 401 with error="insufficient_claims"
   * and claims = base64 of {"access_token":{"nbf":{"essential":true,"value":"<revocation time>"}}}).
   */
  revokedTokenChallenge(revokedAtSeconds: number, origin: string): GraphError {
    const message = 'Continuous access evaluation resulted in challenge with result: InteractionRequired and code: TokenIssuedBeforeRevocationTimestamp';
    const claims = Buffer.from(JSON.stringify({ access_token: { nbf: { essential: true, value: String(revokedAtSeconds) } } })).toString('base64');
    return new GraphError(401, 'InvalidAuthenticationToken', message, {
      'www-authenticate': `Bearer realm="", authorization_uri="${origin}/common/oauth2/authorize", client_id="${graphClientId}", errorDescription="${message.replace('challenge', 'claims challenge')}", error="insufficient_claims", claims="${claims}"`,
    });
  },
  insufficientPrivileges(): GraphError {
    return new GraphError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
  },
  meRequiresDelegated(): GraphError {
    return new GraphError(400, 'BadRequest', '/me request is only valid with delegated authentication flow.');
  },
  resourceNotFound(id: string): GraphError {
    return new GraphError(404, 'Request_ResourceNotFound', `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`);
  },
  itemNotFound(message = 'The resource could not be found.'): GraphError {
    return new GraphError(404, 'itemNotFound', message);
  },
  segmentNotFound(segment: string): GraphError {
    return new GraphError(400, 'BadRequest', `Resource not found for the segment '${segment}'.`);
  },
  badRequest(message: string, code = 'BadRequest'): GraphError {
    return new GraphError(400, code, message);
  },
  unsupportedQuery(message = 'Unsupported Query.'): GraphError {
    return new GraphError(400, 'Request_UnsupportedQuery', message);
  },
  /** Microsoft serves it; the emulator does not implement it yet (never a silent success). */
  emulatorUnsupported(what: string): GraphError {
    return new GraphError(501, 'emulator_unsupported', `The emulator does not implement ${what} yet.`);
  },
};
