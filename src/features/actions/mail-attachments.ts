// A mail's attachments named by the hub's attachment id (the files feature's records): a copy's stored bytes, or a
// link's file read from Microsoft as the acting user. Graph takes a file attachment inline only under 3 MB
// (https://learn.microsoft.com/graph/api/user-sendmail, "attach files under 3 MB"; larger ones need an upload
// session on a draft), so reading stops at that size instead of buffering a large file.
import type { Readable } from 'node:stream';
import { HttpProblem } from '../../platform/http/http-problem.js';
import { readAtMost } from '../../platform/streams/read-at-most.js';
import type { AttachmentService } from '../files/index.js';

export const INLINE_ATTACHMENT_MAX_BYTES = 3 * 1024 * 1024;

export interface MailFile {
  name: string;
  contentType: string;
  contentBase64: string;
}

export type AttachmentSource = Pick<AttachmentService, 'content'>;

async function collect(chunks: AsyncIterable<Uint8Array> | Readable, name: string): Promise<Buffer> {
  const bytes = await readAtMost(chunks, INLINE_ATTACHMENT_MAX_BYTES);
  if (!bytes) throw new HttpProblem('mail_attachment_too_large', { detail: `"${name}" is larger than the 3 MB Microsoft Graph accepts in a sent mail. Send a link to the file instead.` });
  return bytes;
}

/** `actingUser` reads a link's file from Microsoft; without one (application mode) only stored copies can be sent. */
export async function mailFileOf(source: AttachmentSource, workspaceId: string, attachmentId: string, actingUser: string | undefined): Promise<MailFile> {
  const content = await source.content(workspaceId, attachmentId, () => {
    if (!actingUser) throw new HttpProblem('validation_failed', { detail: `Attachment ${attachmentId} is a link: application mode can send only attachments the hub copied. Send it in delegated mode, or copy the file first.` });
    return { kind: 'external_user', id: actingUser };
  });
  const name = content.row.name;
  const bytes = await collect(content.kind === 'stored' ? content.stream : content.chunks, name);
  return { name, contentType: content.row.mime_type ?? 'application/octet-stream', contentBase64: bytes.toString('base64') };
}
