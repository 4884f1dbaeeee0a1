import { Link } from 'react-router';
import { Badge } from '../components/badge.js';
import { Card } from '../components/card.js';
import { EmptyState } from '../components/empty-state.js';
import { LoadingState } from '../components/loading-state.js';
import { PageHeader } from '../components/page-header.js';
import { ProblemBanner } from '../components/problem-banner.js';
import { Timestamp } from '../components/timestamp.js';
import { useSignedInUser } from '../session/session-context.js';
import { useWorkspaces, workspaceHome } from '../workspaces/workspaces-context.js';
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
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Your role</th>
                  <th scope="col">Created</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {workspaces.map((workspace) => (
                  <tr key={workspace.id}>
                    <td>
                      <span className="strong">{workspace.name}</span>
                      <span className="cell-sub mono">{workspace.id}</span>
                    </td>
                    <td>
                      <Badge tone={workspace.role === 'admin' ? 'accent' : 'neutral'}>
                        {workspace.role === 'admin' ? 'Admin' : 'Member'}
                      </Badge>
                    </td>
                    <td>
                      <Timestamp iso={workspace.createdAt} />
                    </td>
                    <td className="cell-actions">
                      <Link className="button button--secondary button--small" to={workspaceHome(workspace)}>
                        Open<span className="visually-hidden"> {workspace.name}</span>
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </>
  );
}
