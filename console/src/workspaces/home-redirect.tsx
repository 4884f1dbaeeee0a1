// `/` opens the first workspace, or the workspaces page when there is none yet.
import { Navigate } from 'react-router';
import { LoadingState } from '../components/loading-state.js';
import { ProblemBanner } from '../components/problem-banner.js';
import { useWorkspaces, workspaceHome } from './workspaces-context.js';

export function HomeRedirect() {
  const { workspaces, problem, reload } = useWorkspaces();
  if (problem && !workspaces) return <ProblemBanner problem={problem} onRetry={reload} />;
  if (!workspaces) return <LoadingState label="Loading your workspaces…" />;
  const first = workspaces[0];
  return <Navigate to={first ? workspaceHome(first) : '/workspaces'} replace />;
}
