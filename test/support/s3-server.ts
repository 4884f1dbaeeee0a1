// An S3 API server on this machine for the storage tests (s3rver, a devDependency: no download, no network), with
// one bucket, and the hub's S3 document storage pointed at it. Each call gets its own directory and port.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import { createS3DocumentStorage, type S3StorageOptions } from '../../src/platform/storage/s3-document-storage.js';

export interface TestS3Server {
  /** Document storage on the server's `documents` bucket. */
  storage(options?: Partial<Omit<S3StorageOptions, 'bucket' | 'client'>>): ReturnType<typeof createS3DocumentStorage>;
  close(): Promise<void>;
}

export async function startS3Server(): Promise<TestS3Server> {
  const directory = mkdtempSync(path.join(tmpdir(), 'm365hub-s3rver-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: 'documents', configs: [] }] });
  const { port } = await server.run();
  const opened: { close(): void }[] = [];
  return {
    storage(options = {}) {
      const storage = createS3DocumentStorage({
        ...options,
        bucket: 'documents',
        client: { endpoint: `http://127.0.0.1:${port}`, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } },
      });
      opened.push(storage);
      return storage;
    },
    async close() {
      for (const storage of opened) storage.close();
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
