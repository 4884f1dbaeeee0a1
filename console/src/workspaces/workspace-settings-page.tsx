import { useState } from 'react';
import { useNavigate } from 'react-router';
import * as api from '../api/client.js';
import { Card } from '../components/card.js';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import { Notice } from '../components/notice.js';
import { PageHeader } from '../components/page-header.js';
import { Timestamp } from '../components/timestamp.js';
import { useToast } from '../components/toast-provider.js';
import { useWorkspace, useWorkspaces } from './workspaces-context.js';
import { RenameWorkspaceForm, WorkspaceSubdomainForm } from './rename-workspace-form.js';

export function WorkspaceSettingsPage() {
  const workspace = useWorkspace();
  const isAdmin = workspace.role === 'admin';
  const { reload } = useWorkspaces();
  const { notify } = useToast();
  const navigate = useNavigate();
  const [deleting, setDeleting] = useState(false);

  async function deleteIt() {
    await api.deleteWorkspace(workspace.id);
    notify({ tone: 'success', title: `Workspace “${workspace.name}” deleted` });
    reload();
    navigate('/workspaces', { replace: true });
  }

  return (
    <>
      <PageHeader title="General settings" description="The workspace's name and identity." />
      {!isAdmin && <Notice title="Only workspace admins can rename this workspace, change its subdomain or delete it" />}
      <Card title="Workspace">
        <dl className="details">
          <dt>Name</dt>
          <dd>{workspace.name}</dd>
          <dt>Workspace ID</dt>
          <dd className="mono">{workspace.id}</dd>
          <dt>Subdomain</dt>
          <dd className="mono">{workspace.url ?? workspace.subdomain}</dd>
          <dt>Created</dt>
          <dd>
            <Timestamp iso={workspace.createdAt} />
          </dd>
        </dl>
      </Card>
      {isAdmin && <RenameWorkspaceForm key={workspace.id} workspace={workspace} onRenamed={reload} />}
      {isAdmin && <WorkspaceSubdomainForm key={`${workspace.id}-subdomain`} workspace={workspace} onChanged={reload} />}
      {isAdmin && (
        <section className="card card--danger" aria-labelledby="danger-zone-title">
          <div className="card__header">
            <h2 className="card__title" id="danger-zone-title">
              Delete this workspace
            </h2>
            <p className="card__description">
              Removes the workspace and everything in it: API keys, members' access, its audit log and, later, its
              Microsoft 365 connection. This cannot be undone.
            </p>
          </div>
          <div className="card__body card__body--end">
            <button type="button" className="button button--danger" onClick={() => setDeleting(true)}>
              Delete workspace
            </button>
          </div>
        </section>
      )}
      {deleting && (
        <ConfirmDialog
          title={`Delete “${workspace.name}”?`}
          confirmLabel="Delete workspace"
          confirmText={workspace.name}
          onConfirm={deleteIt}
          onClose={() => setDeleting(false)}
        >
          <p>Every API key of this workspace stops working at once, and its members lose access.</p>
        </ConfirmDialog>
      )}
    </>
  );
}
