// Document storage on local disk, the embedded default: committed documents under `<root>/<key>`, staged ones under
// `<root>/.staging/<key with / as ~>`. A commit is fsync then rename(2) on the same file system, so a reader sees
// the whole document or none; a crash leaves at most a staged file, which the resumed copy continues.
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
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
    readStaged: (key) => createReadStream(stagedPath(key)),
    async appendStaged(key, chunks) {
      const file = stagedPath(key);
      await mkdir(staging, { recursive: true });
      const handle = await open(file, 'a');
      try {
        await pipeline(Readable.from(chunks), createWriteStream(file, { fd: handle.fd, autoClose: false, flags: 'a' }));
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
