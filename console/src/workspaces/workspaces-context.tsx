// The workspaces the signed-in user belongs to, shared by the switcher, the workspaces page and every
// workspace page (which reads the user's role there from this list).
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useMatch } from 'react-router';
import * as api from '../api/client.js';
import type { ApiProblem } from '../api/problem.js';
import type { Workspace } from '../api/types.js';
import { useLoader } from '../hooks/use-loader.js';

interface WorkspacesContextValue {
  workspaces: Workspace[] | undefined;
  problem: ApiProblem | null;
  loading: boolean;
  reload(): void;
}

const WorkspacesContext = createContext<WorkspacesContextValue | null>(null);

export function WorkspacesProvider({ children }: { children: ReactNode }) {
  const { data, problem, loading, reload } = useLoader(api.listWorkspaces, []);
  const value = useMemo(() => ({ workspaces: data, problem, loading, reload }), [data, problem, loading, reload]);
  return <WorkspacesContext.Provider value={value}>{children}</WorkspacesContext.Provider>;
}

export function useWorkspaces(): WorkspacesContextValue {
  const value = useContext(WorkspacesContext);
  if (!value) throw new Error('useWorkspaces must be used inside <WorkspacesProvider>');
  return value;
}

/** The workspace named in the URL (`/w/:workspaceId/…`), once the list has loaded and if the user belongs to it. */
export function useCurrentWorkspace(): Workspace | undefined {
  const workspaceId = useWorkspaceIdInUrl();
  const { workspaces } = useWorkspaces();
  return workspaceId ? workspaces?.find((workspace) => workspace.id === workspaceId) : undefined;
}

/** The workspace id in the URL, readable from layouts above the workspace routes (the sidebar, the header). */
export function useWorkspaceIdInUrl(): string | undefined {
  return useMatch('/w/:workspaceId/*')?.params.workspaceId;
}

/** For pages rendered inside <WorkspaceRoute>, which only renders them once the workspace is known. */
export function useWorkspace(): Workspace {
  const workspace = useCurrentWorkspace();
  if (!workspace) throw new Error('useWorkspace needs a workspace route');
  return workspace;
}

/** Where a workspace opens: the first page its role can use fully. */
export function workspaceHome(workspace: Workspace): string {
  return `/w/${encodeURIComponent(workspace.id)}/${workspace.role === 'admin' ? 'settings/integrations' : 'members'}`;
}
