import * as api from '../api/client.js';
import type { Workspace } from '../api/types.js';
import { NameForm } from '../components/name-form.js';
import { useToast } from '../components/toast-provider.js';

export function RenameWorkspaceForm({ workspace, onRenamed }: { workspace: Workspace; onRenamed(): void }) {
  const { notify } = useToast();
  return (
    <NameForm
      title="Rename"
      description="The name people see in the console. API keys and IDs do not change."
      inputId="workspace-rename"
      label="Workspace name"
      initialName={workspace.name}
      submitLabel="Save name"
      busyLabel="Saving…"
      isUnchanged={(name) => name === workspace.name}
      onSubmit={async (name) => {
        const renamed = await api.renameWorkspace(workspace.id, name);
        notify({ tone: 'success', title: `Workspace renamed to “${renamed.name}”` });
        onRenamed();
      }}
    />
  );
}
