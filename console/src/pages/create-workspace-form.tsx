import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import * as api from '../api/client.js';
import { asProblem, type ApiProblem } from '../api/problem.js';
import { Card } from '../components/card.js';
import { ProblemBanner } from '../components/problem-banner.js';
import { useToast } from '../components/toast-provider.js';
import { useWorkspaces } from '../workspaces/workspaces-context.js';

/** Instance admins only: the server refuses everyone else, and the page does not offer it to them. */
export function CreateWorkspaceForm() {
  const navigate = useNavigate();
  const { notify } = useToast();
  const { reload } = useWorkspaces();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const workspace = await api.createWorkspace(name.trim());
      reload();
      notify({ tone: 'success', title: `Workspace “${workspace.name}” created` });
      // The creator is the workspace's first admin, so it opens on the admin's first page.
      navigate(`/w/${encodeURIComponent(workspace.id)}/api-keys`);
    } catch (error) {
      setProblem(asProblem(error));
      setBusy(false);
    }
  }

  return (
    <Card title="Create a workspace" description="You become its first admin and can then add API keys and members.">
      <form className="inline-form" onSubmit={submit}>
        <div className="field field--grow">
          <label htmlFor="workspace-name">Workspace name</label>
          <input
            id="workspace-name"
            required
            maxLength={100}
            placeholder="e.g. Contoso Ltd"
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        </div>
        <button type="submit" className="button button--primary" disabled={busy || name.trim() === ''}>
          {busy ? 'Creating…' : 'Create workspace'}
        </button>
      </form>
      {problem && <ProblemBanner problem={problem} />}
    </Card>
  );
}
