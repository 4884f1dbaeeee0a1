import { useState, type FormEvent } from 'react';
import * as api from '../api/client.js';
import { asProblem, type ApiProblem } from '../api/problem.js';
import type { Workspace } from '../api/types.js';
import { Card } from '../components/card.js';
import { ProblemBanner } from '../components/problem-banner.js';
import { useToast } from '../components/toast-provider.js';

export function RenameWorkspaceForm({ workspace, onRenamed }: { workspace: Workspace; onRenamed(): void }) {
  const { notify } = useToast();
  const [name, setName] = useState(workspace.name);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const unchanged = name.trim() === workspace.name || name.trim() === '';

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const renamed = await api.renameWorkspace(workspace.id, name.trim());
      notify({ tone: 'success', title: `Workspace renamed to “${renamed.name}”` });
      onRenamed();
    } catch (error) {
      setProblem(asProblem(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title="Rename" description="The name people see in the console. API keys and IDs do not change.">
      <form className="inline-form" onSubmit={submit}>
        <div className="field field--grow">
          <label htmlFor="workspace-rename">Workspace name</label>
          <input id="workspace-rename" required maxLength={100} value={name} onChange={(event) => setName(event.target.value)} />
        </div>
        <button type="submit" className="button button--primary" disabled={busy || unchanged}>
          {busy ? 'Saving…' : 'Save name'}
        </button>
      </form>
      {problem && <ProblemBanner problem={problem} />}
    </Card>
  );
}
