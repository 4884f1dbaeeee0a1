// The byte path of a copy: Microsoft's download → SHA-256 and QuickXorHash → the staged document, at the disk's
// pace. Resumes from what is already staged (re-reading it to rebuild the hashes) so a copy interrupted by a crash
// asks Microsoft only for the rest. Used by the copy job (and measured by bench/copy.bench.ts).
import { downloadItem, type DownloadTarget, type GraphTransferOptions } from '../../microsoft/graph/graph-download.js';
import type { DocumentStorage } from '../../platform/storage/document-storage.js';
import { CopyHashes } from './copy-hashes.js';

export interface StreamedCopy {
  /** Bytes staged in all (those staged before this run included). */
  bytes: number;
  sha256: string;
  quickXorHash: string;
}

export interface StreamOptions {
  signal?: AbortSignal;
  /** Called every `progressEvery` bytes, and once at the start with the bytes already staged. */
  onProgress?: (bytes: number) => Promise<void>;
  progressEvery?: number;
}

export async function streamToStorage(transfer: GraphTransferOptions, target: DownloadTarget, storage: DocumentStorage, key: string, options: StreamOptions = {}): Promise<StreamedCopy> {
  // Hashed on the way in 1 MiB blocks (copy-hashes.ts), which are what the storage writes.
  const hashes = new CopyHashes();
  let bytes = 0;
  if ((await storage.stagedSize(key)) > 0) {
    for await (const block of hashes.blocks(storage.readStaged(key))) bytes += block.length;
  }
  const every = options.progressEvery ?? 8 * 1024 * 1024;
  let reported = bytes;
  await options.onProgress?.(bytes);
  async function* hashed(): AsyncGenerator<Uint8Array> {
    for await (const block of hashes.blocks(downloadItem(transfer, target, { offset: bytes, ...(options.signal ? { signal: options.signal } : {}) }))) {
      bytes += block.length;
      if (bytes - reported >= every) {
        reported = bytes;
        await options.onProgress?.(bytes);
      }
      yield block;
    }
  }
  await storage.appendStaged(key, hashed());
  return { bytes, ...hashes.digest() };
}
