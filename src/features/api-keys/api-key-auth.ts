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

interface FoundKey {
  identity: ApiKeyIdentity;
  lastUsedAt: Date | null;
}

async function findValidKey(db: Kysely<Database>, digest: string): Promise<FoundKey | undefined> {
  const row = await db
    .selectFrom('api_keys')
    .select(['id', 'workspace_id', 'name', 'prefix', 'last_used_at', 'revoked_at'])
    .where('key_hash', '=', digest)
    .executeTakeFirst();
  if (!row || row.revoked_at !== null) return undefined;
  return { identity: { id: row.id, workspaceId: row.workspace_id, name: row.name, prefix: row.prefix }, lastUsedAt: row.last_used_at };
}

/** Writes last_used_at when the one stored is older than its resolution. */
async function noteUse(db: Kysely<Database>, found: FoundKey, clock: Clock): Promise<void> {
  const now = clock.now();
  if (found.lastUsedAt && now.getTime() - found.lastUsedAt.getTime() < LAST_USED_RESOLUTION_MS) return;
  found.lastUsedAt = now;
  await db.updateTable('api_keys').set({ last_used_at: now }).where('id', '=', found.identity.id).execute();
}

export async function authenticateApiKey(db: Kysely<Database>, key: string, clock: Clock): Promise<ApiKeyIdentity | undefined> {
  if (!looksLikeApiKey(key)) return undefined;
  const found = await findValidKey(db, digestSecret(key));
  if (!found) return undefined;
  await noteUse(db, found, clock);
  return found.identity;
}

/**
 * `authenticateApiKey` behind a short-lived memory of keys found valid, so the hot path (a pass-through call per
 * request) costs no database read: on embedded PGlite every read waits for every other query, which cost the Graph
 * pass-through three quarters of its throughput (bench/proxy.bench.ts). Unknown and revoked keys are never
 * remembered (a stream of made-up keys must not fill memory). A revocation through this process forgets the key at
 * once (`forget`); another process (PostgreSQL) or a deleted workspace sees it refused within `ttlMs`.
 */
export class ApiKeyAuthenticator {
  readonly #valid: LRUCache<string, FoundKey>;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    options: { ttlMs?: number; maxEntries?: number } = {},
  ) {
    // lru-cache measures its ttl on a monotonic clock: a test's manual clock does not freeze entries.
    this.#valid = new LRUCache<string, FoundKey>({ max: options.maxEntries ?? 10_000, ttl: options.ttlMs ?? 1_000 });
  }

  async authenticate(key: string): Promise<ApiKeyIdentity | undefined> {
    if (!looksLikeApiKey(key)) return undefined;
    const digest = digestSecret(key);
    let found = this.#valid.get(digest);
    if (!found) {
      found = await findValidKey(this.db, digest);
      if (!found) return undefined;
      this.#valid.set(digest, found);
    }
    await noteUse(this.db, found, this.clock);
    return found.identity;
  }

  /** Forgets a revoked key (revocations are rare: a scan is fine). */
  forget(apiKeyId: string): void {
    for (const [digest, found] of this.#valid.entries()) if (found.identity.id === apiKeyId) this.#valid.delete(digest);
  }

  /** Forgets the keys of a deleted workspace. */
  forgetWorkspace(workspaceId: string): void {
    for (const [digest, found] of this.#valid.entries()) if (found.identity.workspaceId === workspaceId) this.#valid.delete(digest);
  }
}
