// Update Credentials without a gap: add the new secret or certificate beside the active one, test it, then make it
// active (the old one retires). Until the last step the active credential keeps serving every request.
import { useState, type FormEvent } from 'react';
import * as m365 from '../api/m365-client.js';
import type { ConnectionReport, Integration } from '../api/m365-types.js';
import { asProblem, type ApiProblem } from '../api/problem.js';
import { LoadingState } from '../components/loading-state.js';
import { ProblemBanner } from '../components/problem-banner.js';
import { useToast } from '../components/toast-provider.js';
import { CredentialFields, credentialBody, credentialComplete, emptyCredential, type CredentialDraft } from './credential-fields.js';
import { CredentialSummary } from './credential-summary.js';
import { TestReport } from './test-report.js';
import { useTestConnection } from './use-test-connection.js';

interface Props {
  integration: Integration;
  workspaceId: string;
  adminConsentHref: string;
  /** The hub's last test of this pending credential (kept when the page is reloaded). */
  storedReport?: ConnectionReport | null;
  onChanged(): void;
  onClose(): void;
}

export function UpdateCredentialsCard({ integration, workspaceId, adminConsentHref, storedReport = null, onChanged, onClose }: Props) {
  const { notify } = useToast();
  const pending = integration.pendingCredential;
  const [draft, setDraft] = useState<CredentialDraft>(emptyCredential);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const { run, start, reset } = useTestConnection(workspaceId, (finished) => {
    if (finished.state === 'done') onChanged();
  });
  const tested = run.state === 'done' && run.credential === 'pending' ? run.report : run.state === 'idle' && pending ? storedReport : null;

  async function act(action: () => Promise<void>) {
    setBusy(true);
    setProblem(null);
    try {
      await action();
    } catch (error) {
      setProblem(asProblem(error));
    } finally {
      setBusy(false);
    }
  }

  const add = (event: FormEvent) => {
    event.preventDefault();
    return act(async () => {
      await m365.addPendingCredential(workspaceId, credentialBody(draft));
      setDraft(emptyCredential);
      reset();
      onChanged();
    });
  };

  const promote = () =>
    act(async () => {
      await m365.promotePendingCredential(workspaceId);
      notify({ tone: 'success', title: 'New credential is active', detail: 'The previous one is retired; you can delete it in the Entra admin center.' });
      reset();
      onChanged();
      onClose();
    });

  const discard = () =>
    act(async () => {
      await m365.discardPendingCredential(workspaceId);
      reset();
      onChanged();
    });

  return (
    <section className="card card--accent" aria-labelledby="update-credentials-title">
      <div className="card__header card__header--split">
        <div>
          <h2 className="card__title" id="update-credentials-title">
            Update credentials
          </h2>
          <p className="card__description">Add the new secret or certificate, test it, then make it active. The current one keeps working until then.</p>
        </div>
        <button type="button" className="button button--secondary button--small" onClick={onClose} disabled={busy}>
          Close
        </button>
      </div>
      <div className="card__body">
        <ol className="stepper" aria-label="Update credentials steps">
          <li className={`stepper__item${pending ? ' stepper__item--done' : ' stepper__item--current'}`}>1. Add new credential</li>
          <li className={`stepper__item${pending && !tested ? ' stepper__item--current' : tested ? ' stepper__item--done' : ''}`}>2. Test it</li>
          <li className={`stepper__item${tested ? ' stepper__item--current' : ''}`}>3. Make it active</li>
        </ol>

        {!pending && (
          <form className="form" onSubmit={add}>
            <CredentialFields idPrefix="m365-rotate" draft={draft} onChange={setDraft} />
            <div className="form-actions">
              <button type="submit" className="button button--primary" disabled={busy || !credentialComplete(draft)}>
                {busy ? 'Adding…' : 'Add new credential'}
              </button>
            </div>
          </form>
        )}

        {pending && (
          <>
            <div className="credential-compare">
              <div>
                <p className="eyebrow">Active now</p>
                {integration.credential ? <CredentialSummary credential={integration.credential} /> : <span className="muted">None</span>}
              </div>
              <span className="credential-compare__arrow" aria-hidden="true">
                →
              </span>
              <div>
                <p className="eyebrow">New (pending)</p>
                <CredentialSummary credential={pending} />
              </div>
            </div>
            {run.state === 'running' && <LoadingState label={run.progress ?? 'Testing the new credential against Microsoft…'} />}
            {run.state === 'failed' && <ProblemBanner problem={run.problem} />}
            {tested && (
              <div data-testid="pending-report">
                <p className="eyebrow">New (pending) credential</p>
                <TestReport report={tested} adminConsentHref={adminConsentHref} />
              </div>
            )}
            <div className="form-actions">
              <button type="button" className="button button--danger-ghost" onClick={discard} disabled={busy || run.state === 'running'}>
                Discard new credential
              </button>
              <button type="button" className="button button--secondary" onClick={() => start('pending')} disabled={busy || run.state === 'running'}>
                {tested ? 'Test again' : 'Test new credential'}
              </button>
              <button
                type="button"
                className="button button--primary"
                onClick={promote}
                disabled={busy || !tested || tested.health === 'authentication_error'}
                title={!tested ? 'Test the new credential first' : tested.health === 'authentication_error' ? 'Microsoft refused the new credential' : undefined}
              >
                Make it active
              </button>
            </div>
          </>
        )}
        {problem && <ProblemBanner problem={problem} />}
      </div>
    </section>
  );
}
