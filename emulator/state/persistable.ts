// The emulator keeps the organisation a user set up (directory, and any other state module that registers) in its
// data dir, so a restart of `m365hub emulator` or `m365hub demo` finds it again; `POST /_emulator/reset` returns to
// the seed and writes that too.
//
// How a state module takes part: implement `Persistable` and register it once at start-up, before
// `PersistenceRegistry.restore()` runs (emulator/server/emulator-server.ts does the registering):
//
//     ctx.persistence.register({
//       name: 'security-config',            // unique, stable: it names the module's line in the file
//       revision: () => store.revision,      // any number that changes whenever the module's state changes
//       toJSON: () => store.snapshot(),      // plain JSON; secrets only as digests, never as values
//       load: (data) => store.load(data),    // replaces the module's state; must accept what toJSON gave
//     });
//
// The registry writes the file when any module's revision moved, before the response of the request that changed
// it is sent (so a client that saw the answer finds the change after a kill) and when the server closes. A module
// absent from the file keeps its seed state; a line whose module is not registered in this build is kept as it is
// and written back, so an older emulator does not drop a newer module's state.
import { jsonChunks } from './json-chunks.js';
import { readOrganisationFile, removeTornTemporaries, writeOrganisationFile, type OrganisationHeader } from './organisation-file.js';

export interface Persistable {
  /** Unique, stable name: the module's line in the organisation file. */
  readonly name: string;
  /** Changes whenever the module's state changes (a counter is enough). */
  revision(): number;
  /** The module's whole state as plain JSON (serialised at once, so it may be the live objects). Secrets as digests only. */
  toJSON(): unknown;
  /** Replaces the module's state with what `toJSON` produced (possibly by an earlier run). */
  load(data: unknown): void;
}

/** A store that counts its changes and can hand out and take back its whole state. */
export interface SnapshottingStore<T> {
  readonly revision: number;
  snapshot(): T;
  load(data: T): void;
}

/** The state module of a store that already snapshots itself. */
export function persistableStore<T>(name: string, store: SnapshottingStore<T>): Persistable {
  return { name, revision: () => store.revision, toJSON: () => store.snapshot(), load: (data) => store.load(data as T) };
}

export class PersistenceRegistry {
  private readonly modules = new Map<string, Persistable>();
  /** Lines of modules this build does not register, written back untouched. */
  private foreign = new Map<string, unknown>();
  private savedRevision: string | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly filePath: string | undefined,
    /** What the organisation was started from (seed, users, state file); a file from another origin is not loaded. */
    private readonly origin: Record<string, unknown>,
  ) {}

  register(module: Persistable): void {
    if (this.modules.has(module.name)) throw new Error(`a state module named '${module.name}' is already registered`);
    this.modules.set(module.name, module);
  }

  /** Loads the file when it exists and was written from the same origin; true when it did. */
  async restore(): Promise<boolean> {
    if (!this.filePath) return false;
    await removeTornTemporaries(this.filePath);
    const file = await readOrganisationFile(this.filePath);
    if (!file || JSON.stringify(file.header.origin) !== JSON.stringify(this.origin)) return false;
    for (const [name, data] of file.modules) {
      const module = this.modules.get(name);
      if (module) module.load(data);
      else this.foreign.set(name, data);
    }
    this.savedRevision = this.revisionKey();
    return true;
  }

  /** Writes the file if anything changed since the last write; writes never overlap. */
  save(): Promise<void> {
    // A failed write does not stop later ones (each starts from the current state).
    this.writing = this.writing.catch(() => undefined).then(async () => {
      if (!this.filePath) return;
      const key = this.revisionKey();
      if (key === this.savedRevision) return;
      const header: OrganisationHeader = { format: 'm365hub-emulator-organisation', version: 1, origin: this.origin, savedAt: new Date().toISOString() };
      // Serialised while it is written, in one synchronous run (see writeOrganisationFile), so no request changes a
      // module between two of its lines; the key was read before, so the file is at least as new as it says.
      const entries: unknown[] = [header, ...[...this.foreign].map(([name, data]) => ({ name, data }))];
      const modules = [...this.modules.values()];
      const lines = (function* () {
        for (const entry of entries) yield jsonChunks(entry);
        for (const module of modules) yield jsonChunks({ name: module.name, data: module.toJSON() });
      })();
      await writeOrganisationFile(this.filePath, lines);
      this.savedRevision = key;
    });
    return this.writing;
  }

  private revisionKey(): string {
    return [...this.modules.values()].map((m) => `${m.name}:${m.revision()}`).join(',');
  }
}
