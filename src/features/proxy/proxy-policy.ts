// What polices a workspace's pass-through calls: the services its integration enabled and whether an operator
// opened the pass-through. Read for every call, it is kept in memory for a second: on embedded PGlite every query
// waits for every other, and reading both per call held the pass-through to a fraction of Graph's throughput
// (bench/proxy.bench.ts). Callers that miss share one read. An operator's change through this process is seen at
// once (`forget`); a change of the enabled services, or one made by another process, within `ttlMs`.
import type { Kysely } from 'kysely';
import { LRUCache } from 'lru-cache';
import type { Database } from '../../platform/store/schema.js';
import type { EnabledServices } from '../integrations/index.js';

export interface WorkspaceProxyPolicy {
  services: EnabledServices;
  openPassthrough: boolean;
}

export async function readOpenPassthrough(db: Kysely<Database>, workspaceId: string): Promise<boolean> {
  const row = await db.selectFrom('proxy_settings').select('open_passthrough').where('workspace_id', '=', workspaceId).executeTakeFirst();
  return row?.open_passthrough === true;
}

export class ProxyPolicy {
  // The promise is kept, so a burst of calls for one workspace reads once; a failed read is not kept.
  readonly #policies: LRUCache<string, Promise<WorkspaceProxyPolicy>>;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly enabledServices: (workspaceId: string) => Promise<EnabledServices>,
    options: { ttlMs?: number; maxEntries?: number } = {},
  ) {
    this.#policies = new LRUCache({ max: options.maxEntries ?? 10_000, ttl: options.ttlMs ?? 1_000 });
  }

  of(workspaceId: string): Promise<WorkspaceProxyPolicy> {
    const known = this.#policies.get(workspaceId);
    if (known) return known;
    const reading = (async () => ({ services: await this.enabledServices(workspaceId), openPassthrough: await readOpenPassthrough(this.db, workspaceId) }))();
    this.#policies.set(workspaceId, reading);
    reading.catch(() => {
      if (this.#policies.get(workspaceId) === reading) this.#policies.delete(workspaceId);
    });
    return reading;
  }

  forget(workspaceId: string): void {
    this.#policies.delete(workspaceId);
  }
}
