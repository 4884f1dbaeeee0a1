// The one problem+json mapper: every error leaves as application/problem+json with a code from the one catalogue
// (platform codes plus the features', assembled by the composition). An AppError whose code is in the catalogue
// becomes that problem (DomainError, ConnectError, TokenError …). Fastify's own errors (bad JSON,
// wrong content type, too large, schema validation) are translated; anything unexpected becomes a 500 with the
// request id, and the details stay in the (redacted) server log.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error.js';
import { HttpProblem, type ProblemFieldError } from './http-problem.js';
import type { ProblemCatalogue, ProblemCode } from './problem-catalogue.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The one catalogue of problem codes this hub answers with. */
    problems: ProblemCatalogue;
  }
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

export function sendProblem(reply: FastifyReply, problem: HttpProblem): FastifyReply {
  let definition = reply.server.problems.get(problem.code);
  if (!definition) {
    // A code nobody declared is a bug of ours, not the client's: answer 500 and say so in the log.
    reply.log.error({ code: problem.code }, 'problem code missing from the catalogue');
    problem = new HttpProblem('internal_error');
    definition = reply.server.problems.get('internal_error')!;
  }
  for (const [name, value] of Object.entries(problem.options.headers ?? {})) reply.header(name, value);
  return reply
    .code(definition.status)
    .header('content-type', PROBLEM_CONTENT_TYPE)
    .header('cache-control', 'no-store')
    .send(JSON.stringify(problem.toBody(reply.request.id, definition)));
}

interface ValidationIssue {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

function fieldErrors(error: FastifyError): ProblemFieldError[] {
  const part = error.validationContext ?? 'body';
  return (error.validation as ValidationIssue[] | undefined ?? []).map((issue) => {
    let pointer = `/${part}${issue.instancePath}`;
    let detail = issue.message ?? 'is invalid';
    if (issue.keyword === 'required') {
      pointer += `/${String(issue.params.missingProperty)}`;
      detail = 'is required';
    } else if (issue.keyword === 'additionalProperties') {
      pointer += `/${String(issue.params.additionalProperty)}`;
      detail = 'is not a known field; remove it';
    }
    return { pointer, detail };
  });
}

const FASTIFY_CODES: Record<string, ProblemCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'validation_failed',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
};

const BY_STATUS: Record<number, ProblemCode> = {
  400: 'validation_failed',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'route_not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

/** Maps any thrown value to the one problem the client sees; undefined means "unexpected" (a 500). */
export function toProblem(error: unknown, catalogue: ProblemCatalogue): HttpProblem | undefined {
  if (error instanceof HttpProblem) return error;
  if (error instanceof AppError && error.isProblemCode && catalogue.get(error.code)) {
    return new HttpProblem(error.code, { detail: error.problemDetail ?? error.message, ...(error.fieldErrors ? { errors: [...error.fieldErrors] } : {}) });
  }
  const fastifyError = error as FastifyError;
  if (fastifyError?.validation) {
    const errors = fieldErrors(fastifyError);
    const first = errors[0];
    return new HttpProblem('validation_failed', {
      detail: first ? `${first.pointer} ${first.detail}. Fix the fields listed in \`errors\` and send it again.` : undefined,
      errors,
    });
  }
  if (fastifyError instanceof SyntaxError) return new HttpProblem('invalid_json');
  const mapped = (fastifyError?.code && FASTIFY_CODES[fastifyError.code]) || BY_STATUS[fastifyError?.statusCode ?? 500];
  return mapped ? new HttpProblem(mapped) : undefined;
}

export function registerErrorHandling(server: FastifyInstance, catalogue: ProblemCatalogue): void {
  server.decorate('problems', catalogue);
  server.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const problem = toProblem(error, catalogue);
    if (problem) {
      if ((catalogue.get(problem.code)?.status ?? 500) >= 500) request.log.error({ err: error }, 'request failed');
      return sendProblem(reply, problem);
    }
    request.log.error({ err: error }, 'unexpected error');
    return sendProblem(reply, new HttpProblem('internal_error', {
      detail: `Something went wrong on the hub. Retry; if it persists, give the operator the request id ${request.id}.`,
    }));
  });
}
