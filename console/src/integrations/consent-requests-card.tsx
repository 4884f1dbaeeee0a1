// Consent requests: users who met Microsoft's "Approval required" page while connecting asked an administrator to
// approve the app, with a justification (Microsoft's admin consent workflow). The hub reads them from Microsoft
// Graph; they are approved or denied in the Entra admin center (Enterprise applications → Activity → Admin consent
// requests), never here: the card says who asked, when, why, and the outcome once decided.
import * as m365 from '../api/m365-client.js';
import type { ConsentRequest, ConsentRequestStatus } from '../api/m365-types.js';
import { EmptyState } from '../components/empty-state.js';
import { LoadingState } from '../components/loading-state.js';
import { ProblemBanner } from '../components/problem-banner.js';
import { Timestamp } from '../components/timestamp.js';
import { useLoader } from '../hooks/use-loader.js';
import './consent-requests.css';

const STATUS: Record<ConsentRequestStatus, { label: string; tone: string }> = {
  InProgress: { label: 'Waiting for review', tone: 'warning' },
  Approved: { label: 'Approved', tone: 'success' },
  Denied: { label: 'Denied', tone: 'danger' },
  Expired: { label: 'Expired', tone: 'muted' },
  Completed: { label: 'Completed', tone: 'neutral' },
};

export function ConsentRequestsCard({ workspaceId }: { workspaceId: string }) {
  const loaded = useLoader(() => m365.listConsentRequests(workspaceId), [workspaceId]);
  const list = loaded.data;
  const waiting = list?.requests.filter((r) => r.status === 'InProgress').length ?? 0;

  return (
    <section className="card consent-requests-card" aria-labelledby="consent-requests-title" data-testid="consent-requests">
      <div className="card__header card__header--split">
        <div>
          <h2 className="card__title" id="consent-requests-title">
            Consent requests {waiting > 0 && <span className="badge badge--warning">{waiting} waiting</span>}
          </h2>
          <p className="card__description">
            Users who met Microsoft's "Approval required" page asked an administrator of your Microsoft 365 organisation to approve this app. An
            administrator approves or denies them in the Microsoft Entra admin center; the outcome shows here.
          </p>
        </div>
        <div className="consent-requests__actions">
          {list && (
            <a className="button button--primary button--small" href={list.reviewUrl} target="_blank" rel="noopener noreferrer">
              Review in the Entra admin center<span className="visually-hidden"> (opens in a new tab)</span>
            </a>
          )}
          <button type="button" className="button button--secondary button--small" onClick={loaded.reload} disabled={loaded.loading}>
            Refresh
          </button>
        </div>
      </div>
      <div className="card__body" aria-live="polite">
        {loaded.problem && <ProblemBanner problem={loaded.problem} onRetry={loaded.reload} />}
        {!list && !loaded.problem && <LoadingState label="Reading consent requests from Microsoft…" />}
        {list && !list.readable && (
          <div className="banner banner--warning" role="status" data-testid="consent-requests-unreadable">
            <div className="banner__body">
              <p className="banner__title">Consent requests cannot be read</p>
              <p className="banner__detail">{list.message}</p>
            </div>
          </div>
        )}
        {list && list.readable && list.requests.length === 0 && (
          <EmptyState title="No consent requests">
            When a user asks for approval on Microsoft's "Approval required" page, their request appears here with their justification.
          </EmptyState>
        )}
        {list && list.requests.length > 0 && (
          <ul className="consent-requests" aria-label="Consent requests">
            {list.requests.map((request) => (
              <RequestItem key={request.id} request={request} />
            ))}
          </ul>
        )}
        {list && <p className="muted consent-requests__where">In the Entra admin center: Enterprise applications → Activity → Admin consent requests.</p>}
      </div>
    </section>
  );
}

function RequestItem({ request }: { request: ConsentRequest }) {
  const status = STATUS[request.status];
  const who = request.requestedBy.displayName ?? request.requestedBy.userPrincipalName ?? 'A user';
  const reviewer = request.review?.reviewedBy.displayName ?? request.review?.reviewedBy.userPrincipalName ?? null;
  return (
    <li className="consent-request" data-status={request.status}>
      <div className="consent-request__head">
        <div className="consent-request__who">
          <strong>{who}</strong>
          {request.requestedBy.userPrincipalName && request.requestedBy.userPrincipalName !== who && (
            <span className="cell-sub mono">{request.requestedBy.userPrincipalName}</span>
          )}
        </div>
        <span className="cell-sub">
          asked <Timestamp iso={request.requestedAt} />
        </span>
        <span className={`badge badge--${status.tone}`}>{status.label}</span>
      </div>
      <blockquote className="consent-request__why">{request.justification || <span className="muted">No justification given.</span>}</blockquote>
      {request.review && (
        <p className="cell-sub">
          {status.label}
          {reviewer ? ` by ${reviewer}` : ''} {request.review.reviewedAt && <Timestamp iso={request.review.reviewedAt} />}
          {request.review.justification ? `: “${request.review.justification}”` : ''}
        </p>
      )}
    </li>
  );
}
