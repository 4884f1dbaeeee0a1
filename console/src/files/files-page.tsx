// Every file the host product's users attached to its records in this workspace, newest first: links to Microsoft 365
// and copies in document storage. The daily link check marks links whose item was deleted, moved or went out of the
// user's reach; they stay listed (never silently dropped), and the status filter finds them.
import { useState } from 'react';
import { Card } from '../components/card.js';
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
  // Cursors of the pages walked so far: the API pages forward (older) only, so "Newer" steps back along this trail.
  const [trail, setTrail] = useState<string[]>([]);
  const cursor = trail.at(-1);
  const page = useLoader(() => listWorkspaceAttachments(workspace.id, { limit: pageSize, cursor, status: status || undefined }), [workspace.id, cursor, status]);
  const [seen, setSeen] = useState(`${workspace.id} ${status}`);
  if (seen !== `${workspace.id} ${status}`) {
    setSeen(`${workspace.id} ${status}`);
    setTrail([]);
  }
  const nextCursor = page.data?.nextCursor;

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
          {page.data && (trail.length > 0 || nextCursor) && (
            <nav className="pager" aria-label="Attachment pages">
              <button type="button" className="button button--secondary button--small" disabled={trail.length === 0 || page.loading} onClick={() => setTrail((t) => t.slice(0, -1))}>
                ← Newer
              </button>
              <span className="pager__position">Page {trail.length + 1}</span>
              <button type="button" className="button button--secondary button--small" disabled={!nextCursor || page.loading} onClick={() => nextCursor && setTrail((t) => [...t, nextCursor])}>
                Older →
              </button>
            </nav>
          )}
        </Card>
      )}
    </>
  );
}
