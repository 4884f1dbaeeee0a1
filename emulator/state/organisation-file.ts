// The organisation file in the emulator's data dir: NDJSON, a header line then one line per state module
// ({"name", "data"}). Written whole to a temporary file, flushed to disk (fsync), renamed over the old one and the
// directory flushed, so after a kill or power loss the file is either the previous complete version or the new
// complete one, never a torn mix. Read as a stream, line by line: no size cap (a 100,000-user directory is tens of
// megabytes).
import { writeSync } from 'node:fs';
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';

export interface OrganisationHeader {
  format: 'm365hub-emulator-organisation';
  version: 1;
  origin: Record<string, unknown>;
  savedAt: string;
}

export interface OrganisationFile {
  header: OrganisationHeader;
  modules: Map<string, unknown>;
}

/** Reads the file; undefined when there is none. A file that is not one (or damaged) is an error naming it. */
export async function readOrganisationFile(filePath: string): Promise<OrganisationFile | undefined> {
  let stream;
  try {
    const handle = await open(filePath, 'r');
    stream = handle.createReadStream({ encoding: 'utf8', autoClose: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let header: OrganisationHeader | undefined;
  const modules = new Map<string, unknown>();
  let lineNumber = 0;
  for await (const line of createInterface({ input: stream, crlfDelay: Infinity })) {
    lineNumber++;
    if (!line.trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new Error(`${filePath} line ${lineNumber} is not JSON: move the file away to start from the seed`);
    }
    if (!header) {
      const candidate = value as Partial<OrganisationHeader>;
      if (candidate?.format !== 'm365hub-emulator-organisation' || candidate.version !== 1) {
        throw new Error(`${filePath} is not an m365hub emulator organisation file (format m365hub-emulator-organisation, version 1)`);
      }
      header = candidate as OrganisationHeader;
      continue;
    }
    const entry = value as { name?: unknown; data?: unknown };
    if (typeof entry?.name !== 'string') throw new Error(`${filePath} line ${lineNumber} has no module name`);
    modules.set(entry.name, entry.data);
  }
  if (!header) return undefined;
  return { header, modules };
}

/**
 * Writes the lines (the header first) in place of the file, atomically. Each line is its JSON text in chunks
 * (emulator/state/json-chunks.ts), produced lazily: they are written synchronously as they come, so the file holds
 * the state of one moment (no request runs between two chunks) and a 100,000-user directory's line never exists
 * whole in memory; only the flush and the rename wait.
 */
export async function writeOrganisationFile(filePath: string, lines: Iterable<Iterable<string>>): Promise<void> {
  await mkdir(path.dirname(filePath), { recursive: true });
  const temporary = `${filePath}.${process.pid}.tmp`;
  const handle = await open(temporary, 'w', 0o600);
  try {
    for (const line of lines) {
      for (const chunk of line) writeAllSync(handle.fd, chunk);
      writeAllSync(handle.fd, '\n');
    }
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temporary, { force: true });
    throw error;
  }
  await handle.close();
  await rename(temporary, filePath);
  // The rename itself is durable only once the directory entry is flushed.
  const dir = await open(path.dirname(filePath), 'r');
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
}

/** writeSync may write part of a buffer; the rest follows until all of it is written. */
function writeAllSync(fd: number, text: string): void {
  const bytes = Buffer.from(text);
  for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset, bytes.length - offset);
}

/** Removes temporary files a kill in the middle of a write left next to the file (they were never renamed in). */
export async function removeTornTemporaries(filePath: string): Promise<void> {
  const base = path.basename(filePath);
  let names: string[];
  try {
    names = await readdir(path.dirname(filePath));
  } catch {
    return;
  }
  await Promise.all(names.filter((n) => n.startsWith(`${base}.`) && n.endsWith('.tmp')).map((n) => rm(path.join(path.dirname(filePath), n), { force: true })));
}
