// One open access review, row by row: the reviewer marks each user keep or remove with a comment. Each decision is
// saved on its own, so two reviewers can split the list.
import { useState } from 'react';
import { Badge } from '../components/badge.js';
import { DataTable } from '../components/data-table.js';
import { LoadingState } from '../components/loading-state.js';
import { ProblemBanner } from '../components/problem-banner.js';
import { asProblem, type ApiProblem } from '../api/problem.js';
import { useLoader } from '../hooks/use-loader.js';
import * as api from './compliance-client.js';

export function ReviewRows({ workspaceId, review, onDecided }: { workspaceId: string; review: api.Review; onDecided: () => void }) {
  const rows = useLoader(() => api.reviewRows(workspaceId, review.id), [workspaceId, review.id]);
  const [comments, setComments] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<ApiProblem | null>(null);

  const decide = async (row: api.ReviewRow, decision: 'keep' | 'remove') => {
    setProblem(null);
    try {
      await api.decideRow(workspaceId, review.id, row.userId, { decision, comment: comments[row.userId] ?? row.decision?.comment ?? '' });
      rows.reload();
      onDecided();
    } catch (error) {
      setProblem(asProblem(error));
    }
  };

  if (rows.problem) return <ProblemBanner problem={rows.problem} onRetry={rows.reload} />;
  if (!rows.data) return <LoadingState label="Loading the review's users…" />;
  const open = review.status === 'open';
  return (
    <div className="review-rows">
      <h3>{review.name}</h3>
      {problem && <ProblemBanner problem={problem} />}
      <DataTable
        label={`Users in ${review.name}`}
        compact
        rows={rows.data.items}
        rowKey={(r) => r.userId}
        rowProps={(r) => ({ 'data-user': r.userId })}
        columns={[
          { header: 'User', cell: (r) => <>{r.displayName}<span className="cell-sub">{r.userPrincipalName}</span></> },
          { header: 'Roles', cell: (r) => r.directoryRoles.join(', ') || '—' },
          { header: 'MFA', cell: (r) => (r.mfaRegistered ? 'Registered' : 'None') },
          {
            header: 'Decision',
            cell: (r) => (r.decision ? <Badge tone={r.decision.decision === 'keep' ? 'success' : 'danger'}>{r.decision.decision}</Badge> : <span className="muted">Not decided</span>),
          },
          {
            header: 'Comment',
            cell: (r) =>
              open ? (
                <input
                  aria-label={`Comment on ${r.displayName}`}
                  value={comments[r.userId] ?? r.decision?.comment ?? ''}
                  onChange={(e) => setComments((c) => ({ ...c, [r.userId]: e.target.value }))}
                  maxLength={2000}
                />
              ) : (
                r.decision?.comment ?? ''
              ),
          },
          open && {
            header: 'Actions',
            hideHeader: true,
            cell: (r) => (
              <span className="cell-actions">
                <button type="button" className="button button--secondary button--small" onClick={() => void decide(r, 'keep')} aria-label={`Keep ${r.displayName}`}>
                  Keep
                </button>
                <button type="button" className="button button--secondary button--small" onClick={() => void decide(r, 'remove')} aria-label={`Remove ${r.displayName}`}>
                  Remove
                </button>
              </span>
            ),
          },
        ]}
      />
    </div>
  );
}
