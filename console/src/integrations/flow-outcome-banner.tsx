// Says how a Microsoft 365 browser flow ended, right where the person lands afterwards.
import { describeFlowError, type FlowOutcome, type FlowReader } from './m365-outcome.js';

/** `reader`: who is on the page (a workspace admin is given the admin consent link where a member is told to ask). */
export function FlowOutcomeBanner({ outcome, reader, onDismiss }: { outcome: FlowOutcome; reader: FlowReader; onDismiss(): void }) {
  if (outcome.kind === 'error') {
    const { title, fix, action } = describeFlowError(outcome.code, reader);
    return (
      <div className="banner banner--error" role="alert" data-outcome="error">
        <div className="banner__body">
          <p className="banner__title">{title}</p>
          <p className="banner__detail">{fix}</p>
          <p className="banner__meta">
            Code: <span className="mono">{outcome.code}</span>
          </p>
        </div>
        {action && (
          <a className="button button--primary button--small" href={action.href}>
            {action.label}
          </a>
        )}
        <button type="button" className="button button--secondary button--small" onClick={onDismiss}>
          Dismiss
        </button>
      </div>
    );
  }
  return (
    <div className="banner banner--success" role="status" data-outcome={outcome.kind}>
      <div className="banner__body">
        <p className="banner__title">{outcome.kind === 'connected' ? 'Microsoft 365 connected' : 'Admin consent granted'}</p>
        <p className="banner__detail">
          {outcome.kind === 'connected'
            ? 'Your account is linked to this workspace: the product can now use Microsoft 365 as you, within the permissions you approved.'
            : 'The administrator approved the app for the tenant. Run Test Connection to confirm every permission is in place.'}
        </p>
      </div>
      <button type="button" className="button button--secondary button--small" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
