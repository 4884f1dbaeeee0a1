import { Navigate } from 'react-router';
import { useWorkspace, workspaceHome } from './workspaces-context.js';

/** `/w/:workspaceId` alone opens the first page the user's role can use fully. */
export function WorkspaceHomeRedirect() {
  return <Navigate to={workspaceHome(useWorkspace())} replace />;
}
