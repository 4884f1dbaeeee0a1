// Access-review campaigns of the workspace: start one for the shown tenant (optionally privileged users or
// guests only) and download each one's rows with the reviewers' decisions.
import { useState } from 'react';
import { Badge } from '../components/badge.js';
import { Card } from '../components/card.js';
import { DataTable } from '../components/data-table.js';
import { ProblemBanner } from '../components/problem-banner.js';
import { asProblem, type ApiProblem } from '../api/problem.js';
import { useLoader } from '../hooks/use-loader.js';
import * as api from './compliance-client.js';
import { ReviewRows } from './review-rows.js';

const scopes = { all: {}, privileged: { privileged: true }, guests: { userType: 'Guest' as const }, withoutMfa: { withoutMfa: true } };

export function AccessReviewsPanel({ workspaceId, tenantId }: { workspaceId: string; tenantId: string | null }) {
  const reviews = useLoader(() => api.listReviews(workspaceId), [workspaceId]);
  const [name, setName] = useState('');
  const [scope, setScope] = useState<keyof typeof scopes>('privileged');
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);

  const start = async () => {
    if (!tenantId) return;
    setBusy(true);
    setProblem(null);
    try {
      await api.createReview(workspaceId, { tenantId, name: name.trim() || `Review ${new Date().toISOString().slice(0, 10)}`, filter: scopes[scope] });
      setName('');
      reviews.reload();
    } catch (error) {
      setProblem(asProblem(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="Access reviews" description="Review who has access as of a snapshot: reviewers mark each user keep or remove (API), and the decisions export with the rows.">
      {problem && <ProblemBanner problem={problem} />}
      {reviews.problem && <ProblemBanner problem={reviews.problem} onRetry={reviews.reload} />}
      {tenantId && (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            void start();
          }}
        >
          <div className="field">
            <label htmlFor="review-name">Review name</label>
            <input id="review-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="Q4 privileged access" maxLength={200} />
          </div>
          <div className="field">
            <label htmlFor="review-scope">Users</label>
            <select id="review-scope" value={scope} onChange={(e) => setScope(e.target.value as keyof typeof scopes)}>
              <option value="privileged">Privileged (directory roles)</option>
              <option value="guests">Guests</option>
              <option value="withoutMfa">Without MFA</option>
              <option value="all">Everyone</option>
            </select>
          </div>
          <button type="submit" className="button" disabled={busy}>
            Start review
          </button>
        </form>
      )}
      {reviews.data && reviews.data.items.length > 0 && (
        <DataTable
          label="Access reviews"
          compact
          rows={reviews.data.items}
          rowKey={(r) => r.id}
          columns={[
            { header: 'Name', cell: (r) => r.name },
            { header: 'Tenant', cell: (r) => <code>{r.tenantId.slice(0, 8)}…</code> },
            { header: 'Status', cell: (r) => <Badge tone={r.status === 'open' ? 'accent' : 'muted'}>{r.status}</Badge> },
            { header: 'Decided', cell: (r) => `${r.decided} of ${r.rows}` },
            {
              header: 'Review',
              cell: (r) => (
                <button type="button" className="button button--secondary button--small" onClick={() => setOpenId(r.id)} aria-pressed={openId === r.id} aria-label={`Review ${r.name}`}>
                  Review
                </button>
              ),
            },
            {
              header: 'Export',
              cell: (r) => (
                <a href={api.reviewExportUrl(workspaceId, r.id)} download>
                  CSV
                </a>
              ),
            },
          ]}
        />
      )}
      {reviews.data?.items.filter((r) => r.id === openId).map((r) => <ReviewRows key={r.id} workspaceId={workspaceId} review={r} onDecided={reviews.reload} />)}
    </Card>
  );
}
