import { useNavigate } from 'react-router';
import * as api from '../api/client.js';
import { NameForm } from '../components/name-form.js';
import { useToast } from '../components/toast-provider.js';
import { useWorkspaces } from './workspaces-context.js';

/** Instance admins only: the server refuses everyone else, and the page does not offer it to them. */
export function CreateWorkspaceForm() {
  const navigate = useNavigate();
  const { notify } = useToast();
  const { reload } = useWorkspaces();
  return (
    <NameForm
      title="Create a workspace"
      description="You become its first admin and can then add API keys and members."
      inputId="workspace-name"
      label="Workspace name"
      placeholder="e.g. Contoso Ltd"
      submitLabel="Create workspace"
      busyLabel="Creating…"
      onSubmit={async (name) => {
        const workspace = await api.createWorkspace(name);
        reload();
        notify({ tone: 'success', title: `Workspace “${workspace.name}” created` });
        // The creator is the workspace's first admin, so it opens on the admin's first page.
        navigate(`/w/${encodeURIComponent(workspace.id)}/api-keys`);
      }}
    />
  );
}
