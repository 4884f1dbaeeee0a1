// Every file the host product's users attached to its records in this workspace, newest first: links to Microsoft 365
// and copies in document storage. The daily link check marks links whose item was deleted, moved or went out of the
// user's reach; they stay listed (never silently dropped), and the status filter finds them.
import { useState } from 'react';
import { Card } from '../components/card.js';
import { CursorPager, useCursorTrail } from '../components/cursor-pager.js';
import { EmptyState } from '../components/empty-state.js';
import { LoadingState } from '../components/loading-state.js';
import { Notice } from '../components/notice.js';
import { PageHeader } from '../components/page-header.js';
import { ProblemBanner } from '../components/problem-banner.js';
import { useLoader } from '../hooks/use-loader.js';
import { useWorkspace } from '../workspaces/workspaces-context.js';
import { AttachmentsTable, statusLabels } from './attachments-table.js';
import { listWorkspaceAttachments, type AttachmentStatus } from './files-client.js';
import './files.css';

const pageSize = 25;
const statuses = Object.keys(statusLabels) as AttachmentStatus[];

export function FilesPage() {
  const workspace = useWorkspace();
  const [status, setStatus] = useState<AttachmentStatus | ''>('');
  const trail = useCursorTrail(`${workspace.id} ${status}`);
  const cursor = trail.cursor;
  const page = useLoader(() => listWorkspaceAttachments(workspace.id, { limit: pageSize, cursor, status: status || undefined }), [workspace.id, cursor, status]);

  return (
    <>
      <PageHeader
        title="Files"
        description="Files your product's users attached to its records from OneDrive, SharePoint and Teams: links that open in Microsoft 365, and copies kept in document storage. Links whose file was deleted, moved or went out of reach stay listed here."
        actions={
          <button type="button" className="button button--secondary" onClick={page.reload} disabled={page.loading}>
            Refresh
          </button>
        }
      />
      {page.problem?.status === 403 ? (
        <Notice title="Only workspace admins can see every attachment">Your product shows each record's attachments where the record is.</Notice>
      ) : (
        <Card>
          <div className="inline-form files-filters">
            <div className="field">
              <label htmlFor="filter-attachment-status">Status</label>
              <select id="filter-attachment-status" className="select--compact" value={status} onChange={(event) => setStatus(event.target.value as AttachmentStatus | '')}>
                <option value="">All</option>
                {statuses.map((s) => (
                  <option key={s} value={s}>
                    {statusLabels[s]}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {page.problem && <ProblemBanner problem={page.problem} onRetry={page.reload} />}
          {!page.data && !page.problem && <LoadingState label="Loading attachments…" />}
          {page.data && page.data.items.length === 0 && (
            <EmptyState title={status ? `No attachments ${statusLabels[status].toLowerCase()}` : 'No attachments yet'}>
              {status ? 'Choose another status, or All.' : "When your product's users add files from Microsoft 365 to a record (the file picker or the API), they appear here."}
            </EmptyState>
          )}
          {page.data && page.data.items.length > 0 && <AttachmentsTable workspaceId={workspace.id} attachments={page.data.items} />}
          {page.data && <CursorPager label="Attachment pages" trail={trail} nextCursor={page.data.nextCursor} loading={page.loading} />}
        </Card>
      )}
    </>
  );
}
