// What clients wrote to the emulated drives, kept in the emulator's data dir so it survives a restart: an append-only
// journal of item records (one JSON line per change) and the uploaded bytes as files under `blobs/`. Drives are
// rebuilt by seeding and replaying their entries in order; POST /_emulator/reset removes the whole folder.
import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { ItemRecord } from './item-tree.js';
import type { BulkInput } from './tree-seed.js';

export type JournalEntry =
  | { kind: 'item'; driveId: string; record: ItemRecord }
  /** A generated folder of many files, kept as one line (its files are derived again on replay). */
  | { kind: 'bulk'; driveId: string; bulk: BulkInput & { folderId: string } }
  /** Delta tokens of the drive issued before this line are too old (410 resyncRequired). */
  | { kind: 'expireDeltaTokens'; driveId: string };

export class FileJournal {
  private readonly file: string;
  private byDrive: Map<string, JournalEntry[]> | undefined;

  constructor(readonly dir: string) {
    this.file = path.join(dir, 'journal.jsonl');
  }

  get blobsDir(): string {
    return path.join(this.dir, 'blobs');
  }

  get uploadsDir(): string {
    return path.join(this.dir, 'uploads');
  }

  private load(): Map<string, JournalEntry[]> {
    if (this.byDrive) return this.byDrive;
    this.byDrive = new Map();
    if (existsSync(this.file)) {
      for (const line of readFileSync(this.file, 'utf8').split('\n')) {
        if (!line.trim()) continue;
        let entry: JournalEntry;
        try {
          entry = JSON.parse(line) as JournalEntry;
        } catch {
          continue; // a line cut short by a crash mid-append: the change it described never completed
        }
        this.remember(entry);
      }
    }
    return this.byDrive;
  }

  private remember(entry: JournalEntry): void {
    const list = this.byDrive!.get(entry.driveId) ?? [];
    list.push(entry);
    this.byDrive!.set(entry.driveId, list);
  }

  entriesFor(driveId: string): JournalEntry[] {
    return this.load().get(driveId) ?? [];
  }

  append(entry: JournalEntry): void {
    this.load();
    mkdirSync(this.dir, { recursive: true });
    appendFileSync(this.file, `${JSON.stringify(entry)}\n`);
    this.remember(entry);
  }

  /** A fresh path for uploaded bytes (blobs) or a session's partial file (uploads). */
  newPath(kind: 'blobs' | 'uploads'): string {
    const dir = kind === 'blobs' ? this.blobsDir : this.uploadsDir;
    mkdirSync(dir, { recursive: true });
    return path.join(dir, `${randomBytes(16).toString('hex')}.bin`);
  }

  /** Forgets every write: the drives go back to their seeded content. */
  clear(): void {
    rmSync(this.dir, { recursive: true, force: true });
    this.byDrive = new Map();
  }
}
