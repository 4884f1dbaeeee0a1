// The one base error of m365hub: a stable `code` clients and operators can branch on. Feature errors
// (DomainError, ConnectError, TokenError, IdentityError, GraphError …) are thin subclasses. Each code that reaches
// HTTP is declared once, by the feature that owns it, as a ProblemDefinition; the composition assembles them into
// one catalogue and the one problem+json mapper (platform/http/error-handling.ts) renders any AppError whose code
// is in it.
export interface ProblemDefinition {
  status: number;
  title: string;
  /** Default human detail, saying how to fix it. A thrower may give a more specific one. */
  detail: string;
}

export type ProblemDefinitions = Readonly<Record<string, ProblemDefinition>>;

/** A fault of one request field, shown by clients at that field: `pointer` is a JSON pointer such as `/body/clientId`. */
export interface FieldError {
  pointer: string;
  detail: string;
}

export interface AppErrorOptions {
  /** The request fields at fault; the problem+json body lists them as `errors` (the same shape schema validation gives). */
  fieldErrors?: readonly FieldError[];
  /** The problem+json detail when it differs from the message (e.g. "what happened. How to fix it."). */
  problemDetail?: string;
  /**
   * false when `code` is not one of ours (GraphError carries Microsoft's code): such errors never become a problem
   * of the same name by accident.
   */
  isProblemCode?: boolean;
}

export class AppError extends Error {
  readonly problemDetail: string | undefined;
  readonly isProblemCode: boolean;
  readonly fieldErrors: readonly FieldError[] | undefined;
  constructor(
    readonly code: string,
    message: string,
    options: AppErrorOptions = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.problemDetail = options.problemDetail;
    this.isProblemCode = options.isProblemCode ?? true;
    this.fieldErrors = options.fieldErrors;
  }
}
