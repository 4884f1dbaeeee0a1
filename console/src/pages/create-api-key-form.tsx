import { useState, type FormEvent } from 'react';
import * as api from '../api/client.js';
import { asProblem, type ApiProblem } from '../api/problem.js';
import type { CreatedApiKey } from '../api/types.js';
import { Card } from '../components/card.js';
import { ProblemBanner } from '../components/problem-banner.js';

export function CreateApiKeyForm({ workspaceId, onCreated }: { workspaceId: string; onCreated(key: CreatedApiKey): void }) {
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      onCreated(await api.createApiKey(workspaceId, name.trim()));
      setName('');
    } catch (error) {
      setProblem(asProblem(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title="Create an API key" description="Name it after where it will live, so you know what breaks when you revoke it.">
      <form className="inline-form" onSubmit={submit}>
        <div className="field field--grow">
          <label htmlFor="api-key-name">Key name</label>
          <input
            id="api-key-name"
            required
            maxLength={100}
            placeholder="e.g. Production backend"
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        </div>
        <button type="submit" className="button button--primary" disabled={busy || name.trim() === ''}>
          {busy ? 'Creating…' : 'Create API key'}
        </button>
      </form>
      {problem && <ProblemBanner problem={problem} />}
    </Card>
  );
}
