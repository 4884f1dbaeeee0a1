import { useState } from 'react';
import * as api from '../api/client.js';
import type { ApiKey, CreatedApiKey } from '../api/types.js';
import { Card } from '../components/card.js';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import { EmptyState } from '../components/empty-state.js';
import { LoadingState } from '../components/loading-state.js';
import { Notice } from '../components/notice.js';
import { PageHeader } from '../components/page-header.js';
import { ProblemBanner } from '../components/problem-banner.js';
import { useToast } from '../components/toast-provider.js';
import { useLoader } from '../hooks/use-loader.js';
import { useWorkspace } from '../workspaces/workspaces-context.js';
import { ApiKeysTable } from './api-keys-table.js';
import { CreateApiKeyForm } from './create-api-key-form.js';
import { NewApiKeyPanel } from './new-api-key-panel.js';

export function ApiKeysPage() {
  const workspace = useWorkspace();
  const isAdmin = workspace.role === 'admin';
  const { notify } = useToast();
  const keys = useLoader(() => api.listApiKeys(workspace.id), [workspace.id]);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);

  function handleCreated(key: CreatedApiKey) {
    setCreated(key);
    keys.reload();
  }

  async function revoke(key: ApiKey) {
    await api.revokeApiKey(workspace.id, key.id);
    notify({ tone: 'success', title: `API key “${key.name}” revoked`, detail: 'Requests using it are now refused.' });
    if (created?.id === key.id) setCreated(null);
    keys.reload();
  }

  const forbidden = keys.problem?.status === 403;
  return (
    <>
      <PageHeader
        title="API keys"
        description="Your product's backend calls the m365hub API with a workspace API key. Each key is shown once, when it is created."
      />
      {isAdmin && !created && <CreateApiKeyForm workspaceId={workspace.id} onCreated={handleCreated} />}
      {created && <NewApiKeyPanel apiKey={created} onDone={() => setCreated(null)} />}
      {!isAdmin && (
        <Notice title="Only workspace admins can create or revoke API keys">
          Ask an admin of {workspace.name} if your backend needs a new key.
        </Notice>
      )}
      {!forbidden && (
        <Card title="Keys">
          {keys.problem && <ProblemBanner problem={keys.problem} onRetry={keys.reload} />}
          {!keys.data && !keys.problem && <LoadingState label="Loading API keys…" />}
          {keys.data && keys.data.length === 0 && (
            <EmptyState title="No API keys yet">
              {isAdmin
                ? 'Create a key above and give it to your backend: it authenticates every call it makes for this workspace.'
                : 'An admin has not created any key for this workspace.'}
            </EmptyState>
          )}
          {keys.data && keys.data.length > 0 && <ApiKeysTable keys={keys.data} onRevoke={isAdmin ? setRevoking : undefined} />}
        </Card>
      )}
      {revoking && (
        <ConfirmDialog
          title={`Revoke “${revoking.name}”?`}
          confirmLabel="Revoke key"
          onConfirm={() => revoke(revoking)}
          onClose={() => setRevoking(null)}
        >
          <p>
            Any request that uses <code>{revoking.prefix}…</code> is refused from now on. This cannot be undone: to
            restore access, create a new key and deploy it.
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}
