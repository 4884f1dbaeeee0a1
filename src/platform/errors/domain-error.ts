// Typed errors of the layers below HTTP (auth, workspaces). The one problem+json mapper renders each as the
// problem of the same code; these modules never know about status codes.
import { AppError } from './app-error.js';

export type DomainErrorCode = 'not_found' | 'conflict' | 'last_admin' | 'weak_password' | 'validation_failed' | 'forbidden';

export class DomainError extends AppError {
  declare readonly code: DomainErrorCode;
  constructor(code: DomainErrorCode, message: string) {
    super(code, message);
    this.name = 'DomainError';
  }
}
