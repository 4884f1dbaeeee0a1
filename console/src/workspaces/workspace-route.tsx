// Renders a workspace's pages only for a workspace the user belongs to; an unknown or foreign id shows the same
// "not found" either way (the API answers 404 alike, and the console must not hint which ids exist).
import { Link, Outlet } from 'react-router';
import { EmptyState } from '../components/empty-state.js';
import { LoadingState } from '../components/loading-state.js';
import { ProblemBanner } from '../components/problem-banner.js';
import { useCurrentWorkspace, useWorkspaceIdInUrl, useWorkspaces } from './workspaces-context.js';

export function WorkspaceRoute() {
  const workspaceId = useWorkspaceIdInUrl();
  const { workspaces, problem, loading, reload } = useWorkspaces();
  const workspace = useCurrentWorkspace();

  if (problem && !workspaces) return <ProblemBanner problem={problem} onRetry={reload} />;
  // Still loading, or reloading right after this workspace was created: wait rather than flash "not found".
  if (!workspaces || (!workspace && loading)) return <LoadingState label="Loading workspace…" />;
  if (!workspace) {
    return (
      <div className="card">
        <EmptyState
          title="Workspace not found"
          action={
            <Link className="button button--primary" to="/workspaces">
              See your workspaces
            </Link>
          }
        >
          There is no workspace <code>{workspaceId}</code> that you are a member of. It may have been deleted, or you
          may have been removed from it.
        </EmptyState>
      </div>
    );
  }
  return <Outlet />;
}
