import { Link } from 'react-router';
import { Badge } from '../components/badge.js';
import { Card } from '../components/card.js';
import { DataTable } from '../components/data-table.js';
import { EmptyState } from '../components/empty-state.js';
import { LoadingState } from '../components/loading-state.js';
import { PageHeader } from '../components/page-header.js';
import { ProblemBanner } from '../components/problem-banner.js';
import { Timestamp } from '../components/timestamp.js';
import { useSignedInUser } from '../session/session-context.js';
import { useWorkspaces, workspaceHome } from './workspaces-context.js';
import { CreateWorkspaceForm } from './create-workspace-form.js';

export function WorkspacesPage() {
  const user = useSignedInUser();
  const { workspaces, problem, reload } = useWorkspaces();

  return (
    <>
      <PageHeader
        title="Workspaces"
        description="Each workspace is one customer of your product: its own Microsoft 365 connection, API keys, members and audit log."
      />
      {user.isInstanceAdmin && <CreateWorkspaceForm />}
      <Card title="Your workspaces">
        {problem && <ProblemBanner problem={problem} onRetry={reload} />}
        {!workspaces && !problem && <LoadingState label="Loading workspaces…" />}
        {workspaces && workspaces.length === 0 && (
          <EmptyState title="No workspaces yet">
            {user.isInstanceAdmin
              ? 'Create the first workspace above, then add API keys and members to it.'
              : 'You are not a member of any workspace. Ask a workspace admin to add you.'}
          </EmptyState>
        )}
        {workspaces && workspaces.length > 0 && (
          <DataTable
            label="Your workspaces"
            rows={workspaces}
            rowKey={(workspace) => workspace.id}
            columns={[
              {
                header: 'Name',
                cell: (workspace) => (
                  <>
                    <span className="strong">{workspace.name}</span>
                    <span className="cell-sub mono break-anywhere">{workspace.id}</span>
                  </>
                ),
              },
              {
                header: 'Your role',
                cell: (workspace) => (
                  <Badge tone={workspace.role === 'admin' ? 'accent' : 'neutral'}>{workspace.role === 'admin' ? 'Admin' : 'Member'}</Badge>
                ),
              },
              { header: 'Created', cell: (workspace) => <Timestamp iso={workspace.createdAt} /> },
              {
                header: 'Actions',
                hideHeader: true,
                className: 'cell-actions',
                cell: (workspace) => (
                  <Link className="button button--secondary button--small" to={workspaceHome(workspace)}>
                    Open<span className="visually-hidden"> {workspace.name}</span>
                  </Link>
                ),
              },
            ]}
          />
        )}
      </Card>
    </>
  );
}
