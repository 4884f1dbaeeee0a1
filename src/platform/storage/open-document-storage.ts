// The document storage the settings name: local disk under the data dir (the embedded default, one process), or an
// S3-compatible bucket that every hub process shares (PostgreSQL deployments). S3 credentials come from the AWS
// SDK's default chain (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, a profile, or the instance's role), never from
// the hub's own settings, so they stay out of its configuration dumps. The AWS SDK is loaded only for S3: a hub that
// keeps documents on its disk does not hold its code (about 13 MB of a process).
import type { Config } from '../config/config.js';
import type { DocumentStorage } from './document-storage.js';
import { createLocalDiskStorage } from './local-disk-storage.js';

export async function openDocumentStorage(config: Pick<Config, 'documentStorage' | 'documentsDir'>): Promise<DocumentStorage & { close?(): void }> {
  const settings = config.documentStorage;
  if (settings.kind === 'local') return createLocalDiskStorage(config.documentsDir);
  const { createS3DocumentStorage } = await import('./s3-document-storage.js');
  return createS3DocumentStorage({
    bucket: settings.bucket,
    prefix: settings.prefix,
    client: { region: settings.region, forcePathStyle: settings.forcePathStyle, ...(settings.endpoint ? { endpoint: settings.endpoint } : {}) },
  });
}
