import type { ReactNode } from 'react';
import { Badge, type BadgeTone } from '../components/badge.js';
import { DataTable } from '../components/data-table.js';
import { Timestamp } from '../components/timestamp.js';
import { attachmentContentUrl, type Attachment, type AttachmentStatus } from './files-client.js';

/** What each status means to the person looking: the words the filter offers too. */
export const statusLabels: Record<AttachmentStatus, string> = {
  active: 'Current',
  copying: 'Copying',
  copy_failed: 'Copy failed',
  deleted: 'Deleted in Microsoft 365',
  moved: 'Moved in Microsoft 365',
  access_lost: 'Access lost',
};

const statusTones: Record<AttachmentStatus, BadgeTone> = {
  active: 'success',
  copying: 'accent',
  copy_failed: 'danger',
  deleted: 'danger',
  moved: 'neutral',
  access_lost: 'danger',
};

export function AttachmentsTable({ workspaceId, attachments }: { workspaceId: string; attachments: Attachment[] }) {
  return (
    <DataTable
      label="Attachments"
      rows={attachments}
      rowKey={(a) => a.id}
      rowProps={(a) => ({ 'data-attachment-status': a.status })}
      columns={[
        {
          header: 'File',
          cell: (a) => (
            <>
              <span className="strong break-anywhere">{a.name}</span>
              <span className="cell-sub">{a.size === null ? '—' : formatSize(a.size)}</span>
            </>
          ),
        },
        {
          header: 'Record',
          cell: (a) => (
            <>
              <span>{a.entityType}</span>
              <span className="cell-sub mono break-anywhere">{a.entityId}</span>
            </>
          ),
        },
        {
          header: 'Status',
          cell: (a) => (
            <>
              <Badge tone={statusTones[a.status]}>{statusLabels[a.status]}</Badge>
              <span className="cell-sub">{a.mode === 'link' ? 'Link to Microsoft 365' : 'Copy in document storage'}</span>
            </>
          ),
        },
        {
          header: 'Added',
          cell: (a) => (
            <>
              <Timestamp iso={a.createdAt} />
              <span className="cell-sub break-anywhere">
                by {a.addedBy.id} ({a.addedBy.kind === 'console_user' ? 'console' : 'your product'})
              </span>
            </>
          ),
        },
        { header: 'Open', hideHeader: true, cell: (a) => <AttachmentLinks workspaceId={workspaceId} attachment={a} /> },
      ]}
    />
  );
}

function AttachmentLinks({ workspaceId, attachment }: { workspaceId: string; attachment: Attachment }): ReactNode {
  const downloadable = attachment.mode === 'link' ? attachment.status === 'active' : attachment.status === 'active' && attachment.sha256 !== null;
  return (
    <span className="attachment-links">
      {downloadable && (
        <a className="button button--secondary button--small" href={attachmentContentUrl(workspaceId, attachment.id)} download aria-label={`Download ${attachment.name}`}>
          Download
        </a>
      )}
      {attachment.webUrl && attachment.status !== 'deleted' && (
        <a className="button button--secondary button--small" href={attachment.webUrl} target="_blank" rel="noreferrer" aria-label={`Open ${attachment.name} in Microsoft 365`}>
          Open
        </a>
      )}
    </span>
  );
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
