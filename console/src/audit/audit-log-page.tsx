import { useState } from 'react';
import * as api from '../api/client.js';
import { Card } from '../components/card.js';
import { EmptyState } from '../components/empty-state.js';
import { LoadingState } from '../components/loading-state.js';
import { PageHeader } from '../components/page-header.js';
import { ProblemBanner } from '../components/problem-banner.js';
import { Notice } from '../components/notice.js';
import { useLoader } from '../hooks/use-loader.js';
import { useWorkspace } from '../workspaces/workspaces-context.js';
import { AuditLogTable } from './audit-log-table.js';

const pageSize = 25;

export function AuditLogPage() {
  const workspace = useWorkspace();
  // Cursors of the pages walked so far: the API pages forward (older) only, so "Newer" steps back along this trail.
  const [trail, setTrail] = useState<string[]>([]);
  const cursor = trail.at(-1);
  const page = useLoader(() => api.listAuditLog(workspace.id, { limit: pageSize, cursor }), [workspace.id, cursor]);
  const [seenWorkspace, setSeenWorkspace] = useState(workspace.id);
  if (seenWorkspace !== workspace.id) {
    setSeenWorkspace(workspace.id);
    setTrail([]);
  }

  const nextCursor = page.data?.nextCursor;
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Everything people and API keys changed in this workspace, newest first. Entries cannot be edited or deleted."
        actions={
          <button type="button" className="button button--secondary" onClick={page.reload} disabled={page.loading}>
            Refresh
          </button>
        }
      />
      {page.problem?.status === 403 ? (
        <Notice title="Only workspace admins can read the audit log" />
      ) : (
        <Card>
          {page.problem && <ProblemBanner problem={page.problem} onRetry={page.reload} />}
          {!page.data && !page.problem && <LoadingState label="Loading audit log…" />}
          {page.data && page.data.items.length === 0 && (
            <EmptyState title="Nothing recorded yet">Changes to API keys, members and settings appear here as they happen.</EmptyState>
          )}
          {page.data && page.data.items.length > 0 && <AuditLogTable entries={page.data.items} />}
          {page.data && (trail.length > 0 || nextCursor) && (
            <nav className="pager" aria-label="Audit log pages">
              <button
                type="button"
                className="button button--secondary button--small"
                disabled={trail.length === 0 || page.loading}
                onClick={() => setTrail((t) => t.slice(0, -1))}
              >
                ← Newer
              </button>
              <span className="pager__position">Page {trail.length + 1}</span>
              <button
                type="button"
                className="button button--secondary button--small"
                disabled={!nextCursor || page.loading}
                onClick={() => nextCursor && setTrail((t) => [...t, nextCursor])}
              >
                Older →
              </button>
            </nav>
          )}
        </Card>
      )}
    </>
  );
}
