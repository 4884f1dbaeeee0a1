// Typed errors of the layers below HTTP (auth, workspaces). The HTTP layer maps each code to the problem of the
// same name; these modules never know about status codes.
export type DomainErrorCode = 'not_found' | 'conflict' | 'last_admin' | 'weak_password' | 'validation_failed' | 'forbidden';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
