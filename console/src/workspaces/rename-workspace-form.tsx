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
        const renamed = await api.updateWorkspace(workspace.id, { name });
        notify({ tone: 'success', title: `Workspace renamed to “${renamed.name}”` });
        onRenamed();
      }}
    />
  );
}

export function WorkspaceSubdomainForm({ workspace, onChanged }: { workspace: Workspace; onChanged(): void }) {
  const { notify } = useToast();
  return (
    <NameForm
      title="Subdomain"
      description="Where this workspace's people use the product: connect and admin consent flows return there. Links already sent keep working until they expire; bookmarks to the old address stop."
      inputId="workspace-subdomain"
      field="subdomain"
      label="Subdomain"
      hint="One DNS label: lower-case letters, digits and inner hyphens, at most 63 characters."
      maxLength={63}
      initialName={workspace.subdomain}
      submitLabel="Save subdomain"
      busyLabel="Saving…"
      isUnchanged={(subdomain) => subdomain === workspace.subdomain}
      onSubmit={async (subdomain) => {
        const changed = await api.updateWorkspace(workspace.id, { subdomain });
        notify({ tone: 'success', title: `Subdomain changed to “${changed.subdomain}”` });
        onChanged();
      }}
    />
  );
}
