// An error that becomes exactly one problem+json response. Route code throws these; the error handler renders them.
import { PROBLEMS, problemType, type ProblemCode } from './problem-catalogue.js';

export interface ProblemFieldError {
  /** JSON pointer into the request part, e.g. `/body/email` or `/params/workspaceId`. */
  pointer: string;
  detail: string;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ProblemCode;
  requestId: string;
  errors?: ProblemFieldError[];
}

export class HttpProblem extends Error {
  readonly status: number;
  constructor(
    readonly code: ProblemCode,
    readonly options: { detail?: string; errors?: ProblemFieldError[]; headers?: Record<string, string> } = {},
  ) {
    super(options.detail ?? PROBLEMS[code].detail);
    this.name = 'HttpProblem';
    this.status = PROBLEMS[code].status;
  }

  toBody(requestId: string): ProblemBody {
    return {
      type: problemType(this.code),
      title: PROBLEMS[this.code].title,
      status: this.status,
      detail: this.message,
      code: this.code,
      requestId,
      ...(this.options.errors ? { errors: this.options.errors } : {}),
    };
  }
}
