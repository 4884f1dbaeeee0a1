// An error that becomes exactly one problem+json response. Route code throws these (or any AppError whose code is
// in the catalogue); the error handler looks the code up in the one catalogue and renders it.
import type { ProblemDefinition } from '../errors/app-error.js';
import { problemType, type ProblemCode } from './problem-catalogue.js';

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
  constructor(
    readonly code: ProblemCode,
    readonly options: { detail?: string; errors?: ProblemFieldError[]; headers?: Record<string, string> } = {},
  ) {
    super(options.detail ?? code);
    this.name = 'HttpProblem';
  }

  toBody(requestId: string, definition: ProblemDefinition): ProblemBody {
    return {
      type: problemType(this.code),
      title: definition.title,
      status: definition.status,
      detail: this.options.detail ?? definition.detail,
      code: this.code,
      requestId,
      ...(this.options.errors ? { errors: this.options.errors } : {}),
    };
  }
}
