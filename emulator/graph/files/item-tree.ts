// One drive's items: a map of records with a parent → children index, path lookup (case-insensitive, as OneDrive's
// names are), and a change sequence that delta reads. Records are plain JSON so the journal (file-journal.ts) can
// persist them; a record never holds file bytes, only where they come from.

/** Who made or changed an item, in Graph's identitySet shape. */
export interface IdentitySet {
  user: { id?: string; displayName: string; email?: string };
}

export type ItemContent =
  /** Bytes made from `seed` on the fly (content-generator.ts). */
  | { kind: 'generated'; seed: string }
  /** Bytes written by a client, in `blob` under the data dir, with the hash computed as they were stored. */
  | { kind: 'stored'; blob: string; quickXorHash: string };

export interface ItemRecord {
  id: string;
  /** undefined for the root. */
  parentId?: string;
  name: string;
  folder: boolean;
  /** Bytes of a file (folders report their descendants' total). */
  size: number;
  mimeType?: string;
  createdMs: number;
  modifiedMs: number;
  createdBy: IdentitySet;
  modifiedBy: IdentitySet;
  /** Bumped on every change (eTag); `contentVersion` only when the bytes change (cTag). */
  version: number;
  contentVersion: number;
  content?: ItemContent;
  /** The drive's change sequence when the record last changed (0: as seeded). */
  seq: number;
  deleted?: true;
}

export class ItemTree {
  private readonly items = new Map<string, ItemRecord>();
  private readonly children = new Map<string, Map<string, ItemRecord>>();
  /** The highest change sequence applied. */
  seq = 0;

  constructor(
    readonly driveId: string,
    readonly rootId: string,
  ) {}

  /** Adds or replaces a record (seeding, replaying the journal, or a write) and keeps the child index in step. */
  apply(record: ItemRecord): void {
    const previous = this.items.get(record.id);
    if (previous?.parentId !== undefined) this.children.get(previous.parentId)?.delete(previous.id);
    this.items.set(record.id, record);
    if (record.parentId !== undefined && !record.deleted) {
      let siblings = this.children.get(record.parentId);
      if (!siblings) this.children.set(record.parentId, (siblings = new Map()));
      siblings.set(record.id, record);
    }
    this.seq = Math.max(this.seq, record.seq);
  }

  /** A live item (deleted ones are only seen by delta). */
  get(id: string): ItemRecord | undefined {
    const item = this.items.get(id);
    return item && !item.deleted ? item : undefined;
  }

  get root(): ItemRecord {
    return this.items.get(this.rootId)!;
  }

  childrenOf(id: string): ItemRecord[] {
    return [...(this.children.get(id)?.values() ?? [])];
  }

  childCount(id: string): number {
    return this.children.get(id)?.size ?? 0;
  }

  childNamed(parentId: string, name: string): ItemRecord | undefined {
    const wanted = name.toLowerCase();
    for (const child of this.children.get(parentId)?.values() ?? []) if (child.name.toLowerCase() === wanted) return child;
    return undefined;
  }

  /** The item at `path` ("a/b.docx") below `fromId`. */
  resolve(fromId: string, path: string): ItemRecord | undefined {
    let current = this.get(fromId);
    for (const name of path.split('/').filter(Boolean)) {
      if (!current) return undefined;
      current = this.childNamed(current.id, name);
    }
    return current;
  }

  /** "/a/b" for an item below the root ("" for the root). */
  pathOf(id: string): string {
    const names: string[] = [];
    for (let item = this.items.get(id); item && item.parentId !== undefined; item = this.items.get(item.parentId)) names.unshift(item.name);
    return names.length ? `/${names.join('/')}` : '';
  }

  isWithin(id: string, ancestorId: string): boolean {
    for (let item = this.items.get(id); item; item = item.parentId === undefined ? undefined : this.items.get(item.parentId)) {
      if (item.id === ancestorId) return true;
    }
    return false;
  }

  /** A folder's size is the total of the files below it, as OneDrive reports it. */
  sizeOf(item: ItemRecord): number {
    if (!item.folder) return item.size;
    let total = 0;
    for (const child of this.childrenOf(item.id)) total += this.sizeOf(child);
    return total;
  }

  /** Every item below `id` (not itself), depth first. */
  descendants(id: string): ItemRecord[] {
    const out: ItemRecord[] = [];
    for (const child of this.childrenOf(id)) out.push(child, ...(child.folder ? this.descendants(child.id) : []));
    return out;
  }

  /** Every record, deleted ones included, in change order (for delta). */
  changedSince(seq: number): ItemRecord[] {
    return [...this.items.values()].filter((item) => item.seq > seq).sort((a, b) => a.seq - b.seq);
  }

  /** The live items in hierarchy order, root first, parents before children (an initial delta enumeration). */
  all(): ItemRecord[] {
    return [this.root, ...this.descendants(this.rootId)];
  }
}
