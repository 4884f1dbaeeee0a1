// Authenticates `Authorization: Bearer m365k_…`. Keys are looked up by digest; revoked keys fail like unknown ones.
import type { Kysely } from 'kysely';
import { LRUCache } from 'lru-cache';
import type { Database } from '../../platform/store/schema.js';
import { randomToken } from '../../platform/store/ids.js';
import type { Clock } from '../../platform/time/clock.js';
import { digestSecret } from '../../platform/crypto/secret-digest.js';

export const API_KEY_PREFIX = 'm365k_';
/** Characters shown in lists to identify a key: `m365k_` plus 6 random characters. */
export const VISIBLE_PREFIX_LENGTH = 12;
const API_KEY_SHAPE = /^m365k_[A-Za-z0-9_-]{43}$/;
/** last_used_at is written at most this often per key, so the hot path does not write on every call. */
const LAST_USED_RESOLUTION_MS = 60_000;

export interface ApiKeyIdentity {
  id: string;
  workspaceId: string;
  name: string;
  prefix: string;
}

/** A new key: the secret (shown once), its digest to store, and its visible prefix. */
export function mintApiKey(): { key: string; digest: string; prefix: string } {
  const key = `${API_KEY_PREFIX}${randomToken(32)}`;
  return { key, digest: digestSecret(key), prefix: key.slice(0, VISIBLE_PREFIX_LENGTH) };
}

export function looksLikeApiKey(value: string): boolean {
  return API_KEY_SHAPE.test(value);
}

export async function authenticateApiKey(db: Kysely<Database>, key: string, clock: Clock): Promise<ApiKeyIdentity | undefined> {
  if (!looksLikeApiKey(key)) return undefined;
  const row = await db
    .selectFrom('api_keys')
    .select(['id', 'workspace_id', 'name', 'prefix', 'last_used_at', 'revoked_at'])
    .where('key_hash', '=', digestSecret(key))
    .executeTakeFirst();
  if (!row || row.revoked_at !== null) return undefined;
  const now = clock.now();
  if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() >= LAST_USED_RESOLUTION_MS) {
    await db.updateTable('api_keys').set({ last_used_at: now }).where('id', '=', row.id).execute();
  }
  return { id: row.id, workspaceId: row.workspace_id, name: row.name, prefix: row.prefix };
}

/**
 * `authenticateApiKey` behind a short-lived memory of keys found valid, so the hot path (a pass-through call per
 * request) costs no database read: on embedded PGlite every read waits for every other query, which cost the Graph
 * pass-through three quarters of its throughput (bench/proxy.bench.ts). Unknown and revoked keys are never
 * remembered (a stream of made-up keys must not fill memory). A revocation through this process forgets the key at
 * once (`forget`); another process (PostgreSQL) or a deleted workspace sees it refused within `ttlMs`.
 */
export class ApiKeyAuthenticator {
  readonly #valid: LRUCache<string, ApiKeyIdentity>;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    options: { ttlMs?: number; maxEntries?: number } = {},
  ) {
    // lru-cache measures its ttl on a monotonic clock: a test's manual clock does not freeze entries.
    this.#valid = new LRUCache<string, ApiKeyIdentity>({ max: options.maxEntries ?? 10_000, ttl: options.ttlMs ?? 1_000 });
  }

  async authenticate(key: string): Promise<ApiKeyIdentity | undefined> {
    if (!looksLikeApiKey(key)) return undefined;
    const digest = digestSecret(key);
    const remembered = this.#valid.get(digest);
    if (remembered) return remembered;
    const identity = await authenticateApiKey(this.db, key, this.clock);
    if (identity) this.#valid.set(digest, identity);
    return identity;
  }

  /** Forgets a revoked key (revocations are rare: a scan is fine). */
  forget(apiKeyId: string): void {
    for (const [digest, identity] of this.#valid.entries()) if (identity.id === apiKeyId) this.#valid.delete(digest);
  }
}
