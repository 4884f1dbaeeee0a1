import { useState, type FormEvent } from 'react';
import * as api from '../api/client.js';
import { asProblem, type ApiProblem } from '../api/problem.js';
import type { NewMember, WorkspaceRole } from '../api/types.js';
import { Card } from '../components/card.js';
import { ProblemBanner } from '../components/problem-banner.js';
import { useToast } from '../components/toast-provider.js';

const emptyForm = { email: '', displayName: '', role: 'member' as WorkspaceRole, password: '' };

/** Adds an existing console user by email, or creates the account when the email is new (then a password is needed). */
export function AddMemberForm({ workspaceId, onAdded }: { workspaceId: string; onAdded(): void }) {
  const { notify } = useToast();
  const [form, setForm] = useState(emptyForm);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);

  function update<K extends keyof typeof emptyForm>(field: K, value: (typeof emptyForm)[K]) {
    setForm((current) => ({ ...current, [field]: value }));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    const member: NewMember = { email: form.email.trim(), role: form.role };
    if (form.displayName.trim()) member.displayName = form.displayName.trim();
    if (form.password) member.password = form.password;
    try {
      const added = await api.addMember(workspaceId, member);
      notify({ tone: 'success', title: `${added.displayName || added.email} added as ${added.role === 'admin' ? 'an admin' : 'a member'}` });
      setForm(emptyForm);
      onAdded();
    } catch (error) {
      setProblem(asProblem(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card
      title="Add a member"
      description="Someone who already has a console account only needs their email. For someone new, also set a name and an initial password to hand over."
    >
      <form className="form-grid" onSubmit={submit}>
        <div className="field">
          <label htmlFor="member-email">Email</label>
          <input id="member-email" type="email" required autoComplete="off" value={form.email} onChange={(e) => update('email', e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="member-role">Role</label>
          <select id="member-role" value={form.role} onChange={(e) => update('role', e.target.value as WorkspaceRole)}>
            <option value="member">Member — uses the workspace</option>
            <option value="admin">Admin — also manages keys, members, settings</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="member-display-name">
            Display name <span className="optional">(new users)</span>
          </label>
          <input id="member-display-name" autoComplete="off" value={form.displayName} onChange={(e) => update('displayName', e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="member-password">
            Initial password <span className="optional">(new users)</span>
          </label>
          <input
            id="member-password"
            type="password"
            autoComplete="new-password"
            minLength={12}
            aria-describedby="member-password-hint"
            value={form.password}
            onChange={(e) => update('password', e.target.value)}
          />
          <span className="field__hint" id="member-password-hint">
            At least 12 characters. Share it with them over a secure channel.
          </span>
        </div>
        <div className="form-grid__actions">
          <button type="submit" className="button button--primary" disabled={busy || form.email.trim() === ''}>
            {busy ? 'Adding…' : 'Add member'}
          </button>
        </div>
      </form>
      {problem && <ProblemBanner problem={problem} />}
    </Card>
  );
}
