// The emulator's file system: one ItemTree per drive, seeded on first use and replayed from the journal, plus what
// the Graph routes share (content hashes, delta token generations, upload sessions). One per running emulator.
import { createHmac, randomBytes } from 'node:crypto';
import path from 'node:path';
import type { EmulatorContext } from '../../server/emulator-context.js';
import type { Tenant } from '../../state/directory-types.js';
import type { DriveOwner } from '../resources/files-resources.js';
import { driveIdOf } from '../resources/files-resources.js';
import { GeneratedContent } from './content-generator.js';
import { FileJournal, type JournalEntry } from './file-journal.js';
import { ItemTree, type ItemRecord } from './item-tree.js';
import { bulkFolder, seedDrive, seededItemId } from './tree-seed.js';

export class FileSystem {
  readonly journal: FileJournal;
  private readonly trees = new Map<string, ItemTree>();
  private readonly hashes = new Map<string, string>();
  private readonly generations = new Map<string, number>();
  /** Signs pre-authenticated download URLs; a restart invalidates them, as an expired URL would be. */
  private readonly urlKey = randomBytes(32);
  /** Called on reset by the parts that keep their own state (upload sessions). */
  readonly onReset: Array<() => void> = [];
  /** Called after each committed change with the drive's owner (the audit log records file activity from it). */
  readonly onCommit: Array<(record: ItemRecord, owner: DriveOwner, tenant: Tenant) => void> = [];
  private readonly owners = new Map<string, { owner: DriveOwner; tenant: Tenant }>();

  constructor(readonly ctx: EmulatorContext) {
    this.journal = new FileJournal(path.join(ctx.options.dataDir, 'files'));
  }

  /** The drive's tree: seeded from the directory, then every journalled change replayed. */
  tree(owner: DriveOwner, tenant: Tenant): ItemTree {
    const driveId = driveIdOf(owner);
    let tree = this.trees.get(driveId);
    if (tree) return tree;
    this.owners.set(driveId, { owner, tenant });
    tree = new ItemTree(driveId, seededItemId(driveId, 'root'));
    for (const record of seedDrive({ driveId, owner, tenant, filesPerFolder: this.ctx.options.filesPerFolder })) tree.apply(record);
    let generation = 0;
    for (const entry of this.journal.entriesFor(driveId)) {
      if (entry.kind === 'item') tree.apply(entry.record);
      else if (entry.kind === 'bulk') for (const record of bulkFolder(entry.bulk)) tree.apply(record);
      else generation++;
    }
    this.generations.set(driveId, generation);
    this.trees.set(driveId, tree);
    return tree;
  }

  /** Records a change: the next change sequence, applied to the tree, appended to the journal. */
  commit(tree: ItemTree, record: ItemRecord): ItemRecord {
    const committed = { ...record, seq: tree.seq + 1 };
    this.journal.append({ kind: 'item', driveId: tree.driveId, record: committed });
    tree.apply(committed);
    const known = this.owners.get(tree.driveId);
    if (known) for (const listener of this.onCommit) listener(committed, known.owner, known.tenant);
    return committed;
  }

  addBulkFolder(tree: ItemTree, bulk: Extract<JournalEntry, { kind: 'bulk' }>['bulk']): ItemRecord {
    const entry = { ...bulk, seq: tree.seq + 1 };
    this.journal.append({ kind: 'bulk', driveId: tree.driveId, bulk: entry });
    for (const record of bulkFolder(entry)) tree.apply(record);
    return tree.get(entry.folderId)!;
  }

  /** Delta tokens carry the generation they were issued in; a newer generation makes them too old. */
  deltaGeneration(tree: ItemTree): number {
    return this.generations.get(tree.driveId) ?? 0;
  }

  expireDeltaTokens(tree: ItemTree): void {
    this.journal.append({ kind: 'expireDeltaTokens', driveId: tree.driveId });
    this.generations.set(tree.driveId, this.deltaGeneration(tree) + 1);
  }

  blobPath(blob: string): string {
    return path.join(this.journal.blobsDir, path.basename(blob));
  }

  /** The file's QuickXorHash: stored with uploaded bytes, derived (and remembered) for generated ones. */
  quickXorHash(item: ItemRecord): string | undefined {
    const content = item.content;
    if (!content) return undefined;
    if (content.kind === 'stored') return content.quickXorHash;
    const key = `${content.seed}/${item.size}`;
    let hash = this.hashes.get(key);
    if (hash === undefined) {
      hash = new GeneratedContent(content.seed, item.size).quickXorHash();
      this.hashes.set(key, hash);
    }
    return hash;
  }

  sign(payload: string): string {
    return createHmac('sha256', this.urlKey).update(payload).digest('base64url');
  }

  reset(): void {
    for (const hook of this.onReset) hook();
    this.journal.clear();
    this.trees.clear();
    this.generations.clear();
  }
}

const systems = new WeakMap<EmulatorContext, FileSystem>();

/** The file system of a running emulator (made at registration, see files-registration.ts). */
export function fileSystemOf(ctx: EmulatorContext): FileSystem {
  let system = systems.get(ctx);
  if (!system) systems.set(ctx, (system = new FileSystem(ctx)));
  return system;
}
