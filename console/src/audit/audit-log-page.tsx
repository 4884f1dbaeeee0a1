import * as api from '../api/client.js';
import { Card } from '../components/card.js';
import { CursorPager, useCursorTrail } from '../components/cursor-pager.js';
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
  const trail = useCursorTrail(workspace.id);
  const cursor = trail.cursor;
  const page = useLoader(() => api.listAuditLog(workspace.id, { limit: pageSize, ...(cursor ? { cursor } : {}) }), [workspace.id, cursor]);
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
          {page.data && <CursorPager label="Audit log pages" trail={trail} nextCursor={page.data.nextCursor} loading={page.loading} />}
        </Card>
      )}
    </>
  );
}
