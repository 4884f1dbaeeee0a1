// A Test Connection report as an admin reads it: each step with its outcome, what went wrong and how to fix it,
// and for missing permissions the list and the way to grant them.
import { Link, useParams } from 'react-router';
import type { ConnectionReport, MissingPermission, TestStep } from '../api/m365-types.js';
import { Timestamp } from '../components/timestamp.js';
import { HealthBadge } from './health-badge.js';
import { stepLabel } from './m365-services.js';

const STATUS_ICON: Record<TestStep['status'], string> = { passed: '✓', failed: '✕', skipped: '–' };

export function TestReport({ report, adminConsentHref }: { report: ConnectionReport; adminConsentHref: string }) {
  return (
    <div className="report" data-health={report.health}>
      <div className="report__summary">
        <HealthBadge status={report.health} />
        <span className="muted">
          Tested <Timestamp iso={report.checkedAt} /> with the {report.credential} credential, {report.mode === 'application' ? 'app-only' : 'as you'}.
        </span>
      </div>
      <ol className="steps" aria-label="Test Connection steps">
        {report.steps.map((step) => (
          <li key={step.name} className={`step step--${step.status}`} data-step={step.name} data-status={step.status}>
            <span className="step__icon" aria-hidden="true">
              {STATUS_ICON[step.status]}
            </span>
            <div className="step__body">
              <p className="step__title">
                {stepLabel(step.name)}
                <span className="visually-hidden">: {step.status}</span>
                {step.code && <code className="step__code">{step.code}</code>}
              </p>
              {step.message && <p className="step__message">{step.message}</p>}
              {step.status === 'passed' && !step.message && <p className="step__message">{passedText(step)}</p>}
              {step.fix && step.status !== 'passed' && (
                <p className="step__fix">
                  <strong>How to fix: </strong>
                  {step.fix}
                </p>
              )}
              {step.name === 'connection' && step.status !== 'passed' && <ConnectLink />}
              {step.name === 'permissions' && <MissingPermissions step={step} adminConsentHref={adminConsentHref} />}
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}

/** The per-user part of a delegated test needs the reader's own connection: take them where they make it. */
function ConnectLink() {
  const { workspaceId } = useParams();
  return (
    <Link className="button button--small" to={`/w/${workspaceId ?? ''}/account/integrations`}>
      Connect Microsoft 365
    </Link>
  );
}

function passedText(step: TestStep): string {
  if (step.name === 'permissions') {
    const required = step.details?.required;
    return Array.isArray(required) ? `All ${required.length} required permission${required.length === 1 ? ' is' : 's are'} granted.` : 'All required permissions are granted.';
  }
  return 'Microsoft Graph answered.';
}

function MissingPermissions({ step, adminConsentHref }: { step: TestStep; adminConsentHref: string }) {
  const missing = Array.isArray(step.details?.missing) ? (step.details.missing as MissingPermission[]) : [];
  if (step.status !== 'failed' || missing.length === 0) return null;
  return (
    <div className="missing">
      <p className="missing__title">Missing permissions</p>
      <ul className="missing__list" aria-label="Missing permissions">
        {missing.map((p) => (
          <li key={p.name}>
            <code className="perm-name">{p.name}</code>
            <span className={`badge ${p.type === 'Role' ? 'badge--accent' : 'badge--neutral'}`}>{p.type === 'Role' ? 'Application' : 'Delegated'}</span>
            {p.why && <span className="missing__why">{p.why}</span>}
          </li>
        ))}
      </ul>
      <a className="button button--primary button--small" href={adminConsentHref}>
        Grant admin consent
      </a>
    </div>
  );
}
