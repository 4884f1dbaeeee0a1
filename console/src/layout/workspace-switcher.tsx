// Switches workspace while staying on the same kind of page (API keys of A → API keys of B).
import { useMatch, useNavigate } from 'react-router';
import { useWorkspaces, workspaceHome } from '../workspaces/workspaces-context.js';

export function WorkspaceSwitcher() {
  const navigate = useNavigate();
  const match = useMatch('/w/:workspaceId/*');
  const { workspaces } = useWorkspaces();
  const currentId = match?.params.workspaceId ?? '';
  const section = match?.params['*'] ?? '';

  function switchTo(workspaceId: string) {
    const workspace = workspaces?.find((w) => w.id === workspaceId);
    if (!workspace) return navigate('/workspaces');
    navigate(section ? `/w/${encodeURIComponent(workspace.id)}/${section}` : workspaceHome(workspace));
  }

  return (
    <div className="switcher">
      <label className="switcher__label" htmlFor="workspace-switcher">
        Workspace
      </label>
      <select
        id="workspace-switcher"
        className="switcher__select"
        value={currentId}
        onChange={(event) => switchTo(event.target.value)}
        disabled={!workspaces || workspaces.length === 0}
      >
        {!currentId && <option value="">{workspaces?.length ? 'Choose a workspace…' : 'No workspaces yet'}</option>}
        {workspaces?.map((workspace) => (
          <option key={workspace.id} value={workspace.id}>
            {workspace.name}
          </option>
        ))}
      </select>
    </div>
  );
}
