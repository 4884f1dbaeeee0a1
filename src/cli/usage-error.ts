// Bad usage (unknown command, bad flag) exits with 2, like bad configuration; runtime failures exit with 1.
export class UsageError extends Error {
  readonly code = 'bad_usage';
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_BAD_USAGE = 2;
