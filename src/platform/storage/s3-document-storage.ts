// Document storage in S3-compatible object storage, for deployments with several hub processes (PostgreSQL), where
// local disk is not shared. Committed documents are objects `<prefix><key>`; a staged document is a sequence of
// segment objects `<prefix>.staging/<key>/<n>`, one per append.
//
// Why segments: a resumed copy must read back what it staged (to rebuild its hashes) and continue at the end, and
// S3 cannot read the parts of an unfinished multipart upload, nor append to an object. Each append is one object
// uploaded by lib-storage (multipart for large ones), which becomes visible only when its upload completes, so a
// crash mid-append loses that segment's bytes and nothing else: `stagedSize` counts complete segments only, and the
// copy resumes there. A commit makes one object of the segments (a server-side copy for a single segment, else one
// streamed upload of their concatenation) before the segments are deleted: a reader sees the whole document or none.
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/mpuoverview.html
import {
  AbortMultipartUploadCommand,
  CopyObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  NoSuchKey,
  NotFound,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { PassThrough, Readable } from 'node:stream';
import { checkDocumentKey, type DocumentStorage } from './document-storage.js';

export interface S3StorageOptions {
  bucket: string;
  /** Prepended to every object key (e.g. `m365hub/`); empty for the bucket's root. */
  prefix?: string;
  /** The S3 client's settings: endpoint, region, forcePathStyle, credentials (the SDK's default chain when absent). */
  client: S3ClientConfig;
  /** Multipart part size for uploads (≥ 5 MiB, S3's minimum): the memory one upload holds per queued part. */
  partSizeBytes?: number;
}

const MIB = 1024 * 1024;
/** Segment numbers are zero-padded so the bucket's lexicographic listing is their order. */
const segmentName = (n: number) => String(n).padStart(8, '0');
/** A single CopyObject copies at most 5 GB; beyond that the segments are streamed into a new upload. */
const MAX_SINGLE_COPY_BYTES = 5 * 1000 * 1000 * 1000;

export function createS3DocumentStorage(options: S3StorageOptions): DocumentStorage & { close(): void } {
  const s3 = new S3Client(options.client);
  const bucket = options.bucket;
  const prefix = options.prefix ?? '';
  const partSize = Math.max(5 * MIB, options.partSizeBytes ?? 8 * MIB);
  const committedKey = (key: string) => `${prefix}${checkDocumentKey(key)}`;
  const stagingPrefix = (key: string) => `${prefix}.staging/${checkDocumentKey(key)}/`;

  async function segments(key: string): Promise<{ Key: string; Size: number }[]> {
    const found: { Key: string; Size: number }[] = [];
    let token: string | undefined;
    do {
      const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: stagingPrefix(key), ...(token ? { ContinuationToken: token } : {}) }));
      for (const o of page.Contents ?? []) if (o.Key) found.push({ Key: o.Key, Size: o.Size ?? 0 });
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return found.sort((a, b) => (a.Key < b.Key ? -1 : 1));
  }

  function upload(objectKey: string, body: Readable): Promise<unknown> {
    // Two parts in flight at most: bounded memory whatever the document's size.
    return new Upload({ client: s3, params: { Bucket: bucket, Key: objectKey, Body: body }, partSize, queueSize: 2, leavePartsOnError: false }).done();
  }

  async function objectStream(objectKey: string): Promise<Readable> {
    const answer = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: objectKey }));
    return answer.Body as Readable;
  }

  function concatenated(keys: string[]): Readable {
    const out = new PassThrough();
    void (async () => {
      try {
        for (const k of keys) {
          for await (const chunk of await objectStream(k)) if (!out.write(chunk)) await new Promise((resolve) => out.once('drain', resolve));
        }
        out.end();
      } catch (error) {
        out.destroy(error as Error);
      }
    })();
    return out;
  }

  async function deleteKeys(keys: string[]): Promise<void> {
    for (let i = 0; i < keys.length; i += 1000) {
      const batch = keys.slice(i, i + 1000);
      if (batch.length > 0) await s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true } }));
    }
  }

  /** Multipart uploads a crash left unfinished under the staging prefix hold storage until aborted. */
  async function abortUnfinished(key: string): Promise<void> {
    const open = await s3.send(new ListMultipartUploadsCommand({ Bucket: bucket, Prefix: stagingPrefix(key) }));
    for (const u of open.Uploads ?? []) if (u.Key && u.UploadId) await s3.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: u.Key, UploadId: u.UploadId }));
  }

  async function discardStaged(key: string): Promise<void> {
    await deleteKeys((await segments(key)).map((s) => s.Key));
    await abortUnfinished(key).catch(() => {}); // best effort: some S3-compatible servers do not list uploads
  }

  return {
    async stagedSize(key) {
      return (await segments(key)).reduce((sum, s) => sum + s.Size, 0);
    },
    readStaged(key) {
      const out = new PassThrough();
      segments(key).then(
        (found) => concatenated(found.map((s) => s.Key)).on('error', (e) => out.destroy(e)).pipe(out),
        (error: Error) => out.destroy(error),
      );
      return out;
    },
    async appendStaged(key, chunks) {
      const existing = await segments(key);
      const next = existing.length === 0 ? 0 : Number(existing.at(-1)!.Key.slice(stagingPrefix(key).length)) + 1;
      await upload(`${stagingPrefix(key)}${segmentName(next)}`, Readable.from(owned(chunks)));
    },
    discardStaged,
    async commit(key) {
      const found = await segments(key);
      const total = found.reduce((sum, s) => sum + s.Size, 0);
      if (found.length === 1 && total <= MAX_SINGLE_COPY_BYTES) {
        await s3.send(new CopyObjectCommand({ Bucket: bucket, Key: committedKey(key), CopySource: encodeURI(`${bucket}/${found[0]!.Key}`) }));
      } else {
        await upload(committedKey(key), concatenated(found.map((s) => s.Key)));
      }
      await discardStaged(key);
    },
    async read(key) {
      try {
        const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: committedKey(key) }));
        return { size: head.ContentLength ?? 0, stream: await objectStream(committedKey(key)) };
      } catch (error) {
        if (error instanceof NotFound || error instanceof NoSuchKey || (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return undefined;
        throw error;
      }
    },
    async remove(key) {
      await deleteKeys([committedKey(key)]);
      await discardStaged(key);
    },
    close() {
      s3.destroy();
    },
  };
}

/**
 * Each chunk copied as it arrives: lib-storage gathers chunks into a part of several megabytes before it sends it,
 * longer than appendStaged may keep a chunk its producer will refill (see DocumentStorage).
 */
async function* owned(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Buffer> {
  for await (const chunk of chunks) yield Buffer.from(chunk);
}
