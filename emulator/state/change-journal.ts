// The change journal behind users / groups delta queries: every write to a user or group (created, changed, removed)
// takes the next position of its tenant's journal, so "what changed since position p" costs the number of changes
// since p, not a pass over the whole directory (a 100,000-user tenant made each delta call hash every user).
// Only the latest position of an id is kept, so the journal stays bounded by the number of distinct objects.
/** The directory collections Graph offers delta queries on (user-delta, group-delta). */
export type DeltaResource = 'users' | 'groups';

interface Journal {
  position: number;
  /** id → its latest position, in ascending position order (a Map keeps insertion order; a rewrite re-inserts). */
  latest: Map<string, number>;
  /** (position, id) in ascending order, ids possibly superseded by a later entry; compacted from `latest`. */
  log: { position: number; id: string }[];
}

const key = (tenantId: string, resource: DeltaResource) => `${tenantId.toLowerCase()}/${resource}`;

export class ChangeJournal {
  private journals = new Map<string, Journal>();

  private of(tenantId: string, resource: DeltaResource): Journal {
    const k = key(tenantId, resource);
    let journal = this.journals.get(k);
    if (!journal) {
      journal = { position: 0, latest: new Map(), log: [] };
      this.journals.set(k, journal);
    }
    return journal;
  }

  /** Records that an object was written or removed; returns its new position. */
  record(tenantId: string, resource: DeltaResource, id: string): number {
    const journal = this.of(tenantId, resource);
    journal.position += 1;
    const lowered = id.toLowerCase();
    journal.latest.delete(lowered);
    journal.latest.set(lowered, journal.position);
    journal.log.push({ position: journal.position, id: lowered });
    // Superseded entries pile up when the same objects change again and again: rebuild from `latest` past 2×.
    if (journal.log.length > 2 * journal.latest.size + 1024) journal.log = [...journal.latest].map(([i, position]) => ({ position, id: i }));
    return journal.position;
  }

  /** The position a client that has read everything now has seen up to. */
  position(tenantId: string, resource: DeltaResource): number {
    return this.journals.get(key(tenantId, resource))?.position ?? 0;
  }

  /** Ids written or removed after `position`, each once, in the order of their latest change. */
  changedSince(tenantId: string, resource: DeltaResource, position: number): string[] {
    const journal = this.journals.get(key(tenantId, resource));
    if (!journal) return [];
    const { log } = journal;
    let low = 0;
    let high = log.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (log[mid]!.position <= position) low = mid + 1;
      else high = mid;
    }
    const ids: string[] = [];
    for (let i = low; i < log.length; i++) {
      const { id, position: at } = log[i]!;
      if (journal.latest.get(id) === at) ids.push(id);
    }
    return ids;
  }

  clear(): void {
    this.journals.clear();
  }
}
