// Recent requests, so tests can count what a client did (e.g. how many refreshes). Never secrets: only the
// method, path without query, grant type, client id, status and the AADSTS outcome.
export interface LoggedRequest {
  time: string;
  method: string;
  path: string;
  tenant?: string;
  grant_type?: string;
  client_id?: string;
  status: number;
  error?: string;
  error_code?: number;
}

export class RequestLog {
  private entries: LoggedRequest[] = [];

  constructor(private readonly capacity = 1000) {}

  record(entry: LoggedRequest): void {
    this.entries.push(entry);
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
  }

  /** The most recent `limit` entries, oldest first. */
  recent(limit: number): LoggedRequest[] {
    return this.entries.slice(-Math.max(0, limit));
  }

  clear(): void {
    this.entries = [];
  }
}
