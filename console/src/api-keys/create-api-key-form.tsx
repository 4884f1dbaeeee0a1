import * as api from '../api/client.js';
import type { CreatedApiKey } from '../api/types.js';
import { NameForm } from '../components/name-form.js';

export function CreateApiKeyForm({ workspaceId, onCreated }: { workspaceId: string; onCreated(key: CreatedApiKey): void }) {
  return (
    <NameForm
      title="Create an API key"
      description="Name it after where it will live, so you know what breaks when you revoke it."
      inputId="api-key-name"
      label="Key name"
      placeholder="e.g. Production backend"
      submitLabel="Create API key"
      busyLabel="Creating…"
      clearOnSuccess
      onSubmit={async (name) => onCreated(await api.createApiKey(workspaceId, name))}
    />
  );
}
