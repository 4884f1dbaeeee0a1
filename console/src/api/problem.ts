import type { ProblemDetails } from './types.js';

/** An API call that failed: carries the server's problem details, or one made up for a network failure. */
export class ApiProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly requestId: string | undefined;
  /** Which fields were wrong and why, when the request failed validation. */
  readonly fieldErrors: ReadonlyArray<{ pointer: string; detail: string }>;

  constructor(problem: ProblemDetails) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
    this.name = 'ApiProblem';
    this.status = problem.status;
    this.code = problem.code ?? 'unknown_error';
    this.title = problem.title;
    this.detail = problem.detail;
    this.requestId = problem.requestId;
    this.fieldErrors = problem.errors ?? [];
  }
}

/** Any thrown value as a problem, so every error banner reads the same way. */
export function asProblem(error: unknown): ApiProblem {
  if (error instanceof ApiProblem) return error;
  return new ApiProblem({
    title: 'Something went wrong',
    status: 0,
    detail: error instanceof Error ? error.message : 'An unexpected error occurred. Try again.',
    code: 'client_error',
  });
}
