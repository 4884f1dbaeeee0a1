// Document storage on local disk, the embedded default: committed documents under `<root>/<key>`, staged ones under
// `<root>/.staging/<key with / as ~>`. A commit is fsync then rename(2) on the same file system, so a reader sees
// the whole document or none; a crash leaves at most a staged file, which the resumed copy continues.
import { constants, createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { DIRECT_IO_ALIGNMENT } from './direct-io-memory.js';
import { checkDocumentKey, type DocumentStorage } from './document-storage.js';

export function createLocalDiskStorage(root: string): DocumentStorage {
  const base = path.resolve(root);
  const staging = path.join(base, '.staging');
  const committedPath = (key: string) => inside(path.join(base, ...checkDocumentKey(key).split('/')));
  const stagedPath = (key: string) => inside(path.join(staging, checkDocumentKey(key).replaceAll('/', '~')));
  // The key check already forbids it; this is the belt to that brace.
  function inside(file: string): string {
    if (!file.startsWith(base + path.sep)) throw new Error('document path outside the storage root');
    return file;
  }

  return {
    async stagedSize(key) {
      return (await stat(stagedPath(key)).catch(() => undefined))?.size ?? 0;
    },
    // Large reads: a resumed copy re-reads what it staged to rebuild its hashes, and a read per 64 KiB is waste.
    readStaged: (key) => createReadStream(stagedPath(key), { highWaterMark: READ_STAGED_BYTES }),
    async appendStaged(key, chunks) {
      const file = stagedPath(key);
      await mkdir(staging, { recursive: true });
      const handle = await open(file, 'a');
      try {
        const direct = await openDirect(file, (await handle.stat()).size);
        try {
          await writeOverlapped({ buffered: handle, direct }, chunks);
        } finally {
          await direct?.close();
        }
        await handle.sync();
      } finally {
        await handle.close();
      }
    },
    async discardStaged(key) {
      await rm(stagedPath(key), { force: true });
    },
    async commit(key) {
      const target = committedPath(key);
      await mkdir(path.dirname(target), { recursive: true });
      await rename(stagedPath(key), target);
      // The rename itself is made durable by syncing the directory that holds the new name.
      const dir = await open(path.dirname(target), 'r');
      try {
        await dir.sync();
      } finally {
        await dir.close();
      }
    },
    async read(key) {
      const file = committedPath(key);
      const info = await stat(file).catch(() => undefined);
      return info?.isFile() ? { size: info.size, stream: createReadStream(file) } : undefined;
    },
    async remove(key) {
      await rm(committedPath(key), { force: true });
      await rm(stagedPath(key), { force: true });
    },
  };
}

const READ_STAGED_BYTES = 1024 * 1024;

/** Written bytes between two background flushes to the disk (see writeOverlapped). */
const FLUSH_EVERY_BYTES = 64 * 1024 * 1024;

/**
 * Where the appended bytes go. Through `direct` (O_DIRECT, past the page cache) while the chunks allow it: measured on
 * the bench machine, a gigabyte written through the page cache and flushed cost 1–2 s of kernel CPU (copying into the
 * cache, then writing it back), written directly 0.2–0.4 s, and a copy shares its CPUs with the download. Linux takes a
 * direct write only from page-aligned memory (the copy's blocks are, see direct-io-memory.ts) at an aligned length and
 * file offset; whatever it refuses (other memory, a file system without O_DIRECT, the last partial page of a file) goes
 * through `buffered`, and from the first such byte on the rest of the file does too, its end no longer being aligned.
 */
interface AppendTarget {
  buffered: FileHandle;
  direct: FileHandle | undefined;
}

/** The staged file opened again for direct appends, when its end is aligned and the platform and file system allow it. */
async function openDirect(file: string, size: number): Promise<FileHandle | undefined> {
  const flag = (constants as { O_DIRECT?: number }).O_DIRECT;
  if (flag === undefined || size % DIRECT_IO_ALIGNMENT !== 0) return undefined;
  return open(file, constants.O_WRONLY | constants.O_APPEND | flag).catch(() => undefined);
}

/**
 * Appends the chunks in order with one write in flight while the next chunk is produced (the download goes on while
 * the disk writes), and no more: memory holds at most the chunk being written and the one being received, and a chunk
 * is written in full before the chunk after next is asked for (the producer refills it then, see DocumentStorage). Every
 * FLUSH_EVERY_BYTES written through the page cache a datasync starts in the background (one at a time, never awaited
 * by the next write), so the disk writes a large copy out while it arrives instead of all of it in the final fsync:
 * that fsync alone took about a fifth of a gigabyte's copy. Direct writes leave nothing to flush.
 */
async function writeOverlapped(target: AppendTarget, chunks: AsyncIterable<Uint8Array>): Promise<void> {
  const handle = target.buffered;
  let writing: Promise<number> = Promise.resolve(0);
  let flushing: Promise<void> | undefined;
  let unflushed = 0;
  try {
    for await (const chunk of chunks) {
      unflushed += await writing;
      writing = writeAll(target, chunk);
      writing.catch(() => {}); // observed by the next await; this keeps a failure from counting as unhandled meanwhile
      if (unflushed >= FLUSH_EVERY_BYTES && !flushing) {
        unflushed = 0;
        flushing = handle.datasync().finally(() => (flushing = undefined));
        flushing.catch(() => {}); // only a head start: the caller's final sync reports what failed
      }
    }
    await writing;
  } catch (error) {
    await writing.catch(() => {}); // never leave a write running on a handle the caller is about to close
    throw error;
  } finally {
    await flushing?.catch(() => {});
  }
}

/** Writes the whole chunk at the file's end (both handles append); resolves to the bytes that went through the page cache. */
async function writeAll(target: AppendTarget, chunk: Uint8Array): Promise<number> {
  let offset = 0;
  if (target.direct) {
    const aligned = chunk.length - (chunk.length % DIRECT_IO_ALIGNMENT);
    try {
      while (offset < aligned) offset += (await target.direct.write(chunk, offset, aligned - offset)).bytesWritten;
    } catch (error) {
      // EINVAL is Linux refusing this memory, length or offset for a direct write, having written nothing.
      if ((error as NodeJS.ErrnoException).code !== 'EINVAL') throw error;
    }
    if (offset === chunk.length) return 0;
    target.direct = undefined; // the handle is closed by appendStaged
  }
  // A short write continues with the rest.
  for (let at = offset; at < chunk.length; ) at += (await target.buffered.write(chunk, at, chunk.length - at)).bytesWritten;
  return chunk.length - offset;
}
