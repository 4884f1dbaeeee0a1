// Typed errors of the layers below HTTP (auth, workspaces). The one problem+json mapper renders each as the
// problem of the same code; these modules never know about status codes.
import { AppError, type FieldError } from './app-error.js';

export type DomainErrorCode = 'not_found' | 'conflict' | 'last_admin' | 'weak_password' | 'validation_failed' | 'forbidden';

export class DomainError extends AppError {
  declare readonly code: DomainErrorCode;
  constructor(code: DomainErrorCode, message: string, options: { fieldErrors?: readonly FieldError[] } = {}) {
    super(code, message, options);
    this.name = 'DomainError';
  }

  /**
   * A rule about one body field broken: the message reads `field: what to do`, and clients show it at the field
   * (`path`, when the field sits deeper in the body than its name, e.g. `credential/clientSecret`).
   */
  static forField(code: DomainErrorCode, field: string, message: string, path: string = field): DomainError {
    return new DomainError(code, `${field}: ${message}`, { fieldErrors: [{ pointer: `/body/${path}`, detail: message }] });
  }
}
