// A rejected control-plane change; the control API maps it to an HTTP status.
export class DirectoryError extends Error {
  constructor(
    readonly status: 400 | 404 | 409,
    message: string,
  ) {
    super(message);
  }
}
