// What a failed attempt leaves on its job: a stable code and a message safe to show through the API. Handlers
// throw JobFailure (or any error with a string `code`, which by the house rules carries no secret); anything else is
// recorded generically, since its message may quote a URL, a token or a response body. The full error goes to the log.
export interface JobErrorRecord {
  code: string;
  message: string;
}

export interface JobFailureOptions {
  retryable?: boolean;
  /**
   * The job ended on a condition a person must fix (the user has not connected, consent is missing, the integration
   * is not set up): the job finishes `failed` with its code, is not retried, and is logged as information, never as a
   * server error with a stack or a dead letter.
   */
  condition?: boolean;
  cause?: unknown;
}

export class JobFailure extends Error {
  readonly retryable: boolean;
  readonly condition: boolean;
  constructor(
    readonly code: string,
    message: string,
    options: JobFailureOptions = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'JobFailure';
    this.condition = options.condition ?? false;
    this.retryable = this.condition ? false : (options.retryable ?? true);
  }
}

/**
 * Tells a condition a person must fix from a fault. The composition gives the worker one that also knows the
 * features' errors (an AppError whose problem is a 4xx); on its own the worker knows only JobFailure's flag.
 */
export type ConditionClassifier = (error: unknown) => boolean;

export const isFlaggedCondition: ConditionClassifier = (error) => error instanceof JobFailure && error.condition;

const CODE = /^[a-z][a-z0-9_.]{0,63}$/;
const MAX_MESSAGE = 500;

export function describeFailure(error: unknown): JobErrorRecord {
  const candidate = error as { code?: unknown; message?: unknown; name?: unknown } | null;
  if (candidate && typeof candidate.code === 'string' && CODE.test(candidate.code) && typeof candidate.message === 'string') {
    return { code: candidate.code, message: candidate.message.slice(0, MAX_MESSAGE) };
  }
  const name = candidate && typeof candidate.name === 'string' ? candidate.name : typeof error;
  return { code: 'job_handler_error', message: `the job handler failed (${name}); the hub log has the details` };
}

/** False only when the handler said so: most failures (network, throttling) deserve another attempt. */
export function isRetryable(error: unknown): boolean {
  return (error as { retryable?: unknown } | null)?.retryable !== false;
}
