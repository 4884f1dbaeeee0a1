// The console's calls to the files API: every attachment of the workspace (admins), newest first, optionally of one
// status. Types are the server's own schemas (`import type` only: no schema code in the bundle).
import type { Attachment, AttachmentList } from '../../../src/contract/files-schemas.js';
import { request } from '../api/client.js';

export type { Attachment };
export type AttachmentStatus = Attachment['status'];

const filesPath = (workspaceId: string) => `/workspaces/${encodeURIComponent(workspaceId)}/files`;

export const listWorkspaceAttachments = (workspaceId: string, page: { limit: number; cursor?: string | undefined; status?: AttachmentStatus | undefined }) =>
  request<AttachmentList>('GET', `${filesPath(workspaceId)}/attachments`, { query: { limit: page.limit, cursor: page.cursor, status: page.status } });

/** The stored copy (copies) or Microsoft's bytes (links), downloaded with the console session. */
export const attachmentContentUrl = (workspaceId: string, attachmentId: string) => `/api/v1${filesPath(workspaceId)}/attachments/${encodeURIComponent(attachmentId)}/content`;
