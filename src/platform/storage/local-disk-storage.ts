// Document storage on local disk, the embedded default: committed documents under `<root>/<key>`, staged ones under
// `<root>/.staging/<key with / as ~>`. A commit is fsync then rename(2) on the same file system, so a reader sees
// the whole document or none; a crash leaves at most a staged file, which the resumed copy continues.
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
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
        await writeOverlapped(handle, chunks);
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
 * Appends the chunks in order with one write in flight while the next chunk is produced (the download goes on while
 * the disk writes), and no more: memory holds at most the chunk being written and the one being received, and a chunk
 * is written in full before the chunk after next is asked for (the producer refills it then, see DocumentStorage). Every
 * FLUSH_EVERY_BYTES a datasync starts in the background (one at a time, never awaited by the next write), so the
 * disk writes a large copy out while it arrives instead of all of it in the final fsync: that fsync alone took
 * about a fifth of a gigabyte's copy.
 */
async function writeOverlapped(handle: FileHandle, chunks: AsyncIterable<Uint8Array>): Promise<void> {
  let writing: Promise<void> = Promise.resolve();
  let flushing: Promise<void> | undefined;
  let unflushed = 0;
  try {
    for await (const chunk of chunks) {
      await writing;
      writing = writeAll(handle, chunk);
      writing.catch(() => {}); // observed by the next await; this keeps a failure from counting as unhandled meanwhile
      unflushed += chunk.length;
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

async function writeAll(handle: FileHandle, chunk: Uint8Array): Promise<void> {
  // The file is open for append: every write lands at its end, and a short write continues with the rest.
  for (let offset = 0; offset < chunk.length; ) {
    const { bytesWritten } = await handle.write(chunk, offset, chunk.length - offset);
    offset += bytesWritten;
  }
}
