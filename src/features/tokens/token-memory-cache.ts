// The hot path's cache: opened access tokens in process memory, least recently used evicted first. An entry is
// served until its token nears expiry or until its recheck time, after which the caller goes back to the
// database once (so a Disconnect or a needs_reconnect decided by another process is seen within that window).
export interface AccessToken {
  accessToken: string;
  expiresAt: Date;
  scopes: readonly string[];
}

export interface CachedToken {
  token: Readonly<AccessToken>;
  /** What the token came from (a connection's grant, an app credential); a changed source means a stale entry. */
  grant: string;
  expiresAtMs: number;
  recheckAtMs: number;
}

export class TokenMemoryCache {
  // A Map iterates in insertion order: re-inserting on use keeps the least recently used first.
  readonly #entries = new Map<string, CachedToken>();

  constructor(private readonly maxEntries: number) {}

  get(key: string): CachedToken | undefined {
    const entry = this.#entries.get(key);
    if (entry !== undefined) {
      this.#entries.delete(key);
      this.#entries.set(key, entry);
    }
    return entry;
  }

  set(key: string, entry: CachedToken): void {
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    if (this.#entries.size > this.maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
  }

  /** Drops every entry whose key starts with `prefix` (rare: disconnects, credential changes). */
  deleteByPrefix(prefix: string): void {
    for (const key of this.#entries.keys()) if (key.startsWith(prefix)) this.#entries.delete(key);
  }

  get size(): number {
    return this.#entries.size;
  }
}
