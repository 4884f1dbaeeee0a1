// Drift of the tenant from its pinned baseline, as the hub records it when snapshots arrive: each difference is
// one event (open while it lasts, resolved when the tenant returns to the baseline), newest first, with the
// field paths and the baseline and newest values of the one chosen. "Pin as baseline" makes the newest snapshot
// the baseline (the hub closes the drift measured against the old one).
import { useState } from 'react';
import { asProblem, type ApiProblem } from '../api/problem.js';
import { Badge } from '../components/badge.js';
import { LoadingState } from '../components/loading-state.js';
import { ProblemBanner } from '../components/problem-banner.js';
import { useLoader } from '../hooks/use-loader.js';
import { getBaseline, listDriftEvents, pinBaseline, type Diff, type SnapshotSummary } from './compliance-client.js';

export function DriftTimeline({ workspaceId, tenantId, snapshots }: { workspaceId: string; tenantId: string; snapshots: SnapshotSummary[] }) {
  const drift = useLoader(async () => {
    const [baseline, events] = await Promise.all([getBaseline(workspaceId, tenantId), listDriftEvents(workspaceId, tenantId)]);
    return { baseline, events: [...events.items].reverse() };
  }, [workspaceId, tenantId]);
  const [chosen, setChosen] = useState<string | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const newest = snapshots.at(-1);
  const sequenceOf = (id: string | null) => snapshots.find((s) => s.id === id)?.sequence;

  const pin = async () => {
    if (!newest) return;
    setBusy(true);
    setProblem(null);
    try {
      await pinBaseline(workspaceId, tenantId, newest.id);
      setChosen(null);
      drift.reload();
    } catch (error) {
      setProblem(asProblem(error));
    } finally {
      setBusy(false);
    }
  };

  if (drift.problem) return <ProblemBanner problem={drift.problem} onRetry={drift.reload} />;
  if (!drift.data) return <LoadingState label="Loading drift…" />;
  const { baseline, events } = drift.data;
  const open = events.filter((e) => e.status === 'open').length;
  const shown = events.find((e) => e.id === chosen);
  return (
    <>
      {problem && <ProblemBanner problem={problem} />}
      <p className="drift-baseline">
        {baseline.snapshotId ? (
          <>
            Baseline: snapshot #{sequenceOf(baseline.snapshotId) ?? '?'}, pinned {new Date(baseline.pinnedAt!).toLocaleString()}.{' '}
            {open === 0 ? <Badge tone="success">No open drift</Badge> : <Badge tone="danger">{open} open drift(s)</Badge>}
          </>
        ) : (
          'No baseline pinned: pin the snapshot that shows how this tenant should be, and every later snapshot is compared with it.'
        )}{' '}
        {newest && newest.id !== baseline.snapshotId && (
          <button type="button" className="button button--secondary button--small" onClick={() => void pin()} disabled={busy}>
            Pin snapshot #{newest.sequence} as baseline
          </button>
        )}
      </p>
      {events.length > 0 && (
        <ol className="drift-timeline" aria-label="Drift timeline">
          {events.map((e) => (
            <li key={e.id} className={e.status === 'open' ? 'drift-timeline__item drift-timeline__item--changed' : 'drift-timeline__item'}>
              <span className="drift-timeline__when">{new Date(e.firstSeenAt).toLocaleString()}</span>
              <span>
                <Badge tone={e.status === 'open' ? 'danger' : 'success'}>{e.status === 'open' ? 'Open' : 'Resolved'}</Badge> {e.change}: <strong>{e.objectName}</strong> ({e.area} · {e.collection})
                {e.resolvedAt && ` — ${e.resolution === 'returned_to_baseline' ? 'back to the baseline' : 'baseline re-pinned'} ${new Date(e.resolvedAt).toLocaleString()}`}
              </span>
              {e.fields.length > 0 && (
                <button type="button" className="button button--secondary button--small" onClick={() => setChosen(e.id)} aria-pressed={chosen === e.id}>
                  Show changes to {e.objectName}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
      {shown && <SnapshotDiffView diff={{ fromSnapshotId: shown.baselineSnapshotId, toSnapshotId: shown.lastSeenSnapshotId, changes: [shown] }} title="Baseline and newest values" />}
    </>
  );
}

const show = (v: unknown) => (v === undefined ? '—' : JSON.stringify(v));

export function SnapshotDiffView({ diff: d, title = 'What changed in this snapshot' }: { diff: Diff; title?: string }) {
  return (
    <div className="snapshot-diff" aria-label="Snapshot diff" role="region">
      <h3>{title}</h3>
      <ul>
        {d.changes.map((c) => (
          <li key={`${c.area}/${c.collection}/${c.objectId}`}>
            <Badge tone={c.change === 'added' ? 'success' : c.change === 'removed' ? 'danger' : 'accent'}>{c.change}</Badge> {c.area} · {c.collection}: <strong>{c.objectName}</strong>
            {c.fields.length > 0 && (
              <table className="table table--compact diff-fields">
                <thead>
                  <tr>
                    <th scope="col">Field</th>
                    <th scope="col">Before</th>
                    <th scope="col">After</th>
                  </tr>
                </thead>
                <tbody>
                  {c.fields.map((f) => (
                    <tr key={f.path}>
                      <td><code>{f.path}</code></td>
                      <td><code>{show(f.before)}</code></td>
                      <td><code>{show(f.after)}</code></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
