// The hot path's cache: opened access tokens in process memory (lru-cache: least recently used evicted first). An
// entry is served until its token nears expiry or until its recheck time, after which the caller goes back to the
// database once (so a Disconnect or a needs_reconnect decided by another process is seen within that window).
import { LRUCache } from 'lru-cache';

export interface AccessToken {
  accessToken: string;
  expiresAt: Date;
  scopes: readonly string[];
  /**
   * An app token's tenant, by id, however the caller named it (a domain, or nothing for the integration's own): what
   * Microsoft throttles per app and tenant, so what pacing keys go by.
   */
  tenantId?: string;
}

export interface CachedToken {
  token: Readonly<AccessToken>;
  /** What the token came from (a connection's grant, an app credential); a changed source means a stale entry. */
  grant: string;
  expiresAtMs: number;
  recheckAtMs: number;
}

export type TokenMemory = LRUCache<string, CachedToken>;

export const createTokenMemory = (maxEntries: number): TokenMemory => new LRUCache<string, CachedToken>({ max: maxEntries });

/** Drops every entry whose key starts with `prefix` (rare: disconnects, credential changes). */
export function forgetByPrefix<V extends {}>(cache: LRUCache<string, V>, prefix: string): void {
  for (const key of [...cache.keys()]) if (key.startsWith(prefix)) cache.delete(key);
}
