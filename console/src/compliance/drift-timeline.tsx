// Drift between consecutive snapshots of the tenant's chain, newest first, and the diff of the one chosen: objects
// added, removed or changed with their field paths and values before and after, by name.
import { useState } from 'react';
import { Badge } from '../components/badge.js';
import { LoadingState } from '../components/loading-state.js';
import { ProblemBanner } from '../components/problem-banner.js';
import { useLoader } from '../hooks/use-loader.js';
import { diff, type Diff, type SnapshotSummary } from './compliance-client.js';

/** How many of the newest links of the chain the timeline diffs (one request each). */
const TIMELINE_LENGTH = 10;

export function DriftTimeline({ workspaceId, snapshots }: { workspaceId: string; snapshots: SnapshotSummary[] }) {
  const links = snapshots.filter((s) => s.sequence > 1).slice(-TIMELINE_LENGTH).reverse();
  const diffs = useLoader(() => Promise.all(links.map((s) => diff(workspaceId, s.id))), [workspaceId, links.map((s) => s.id)]);
  const [chosen, setChosen] = useState<string | null>(null);
  if (links.length === 0) return <p className="muted">One snapshot so far: drift shows from the second sync on.</p>;
  if (diffs.problem) return <ProblemBanner problem={diffs.problem} onRetry={diffs.reload} />;
  if (!diffs.data) return <LoadingState label="Comparing snapshots…" />;
  const shown = diffs.data.find((d) => d.toSnapshotId === chosen) ?? null;
  return (
    <>
      <ol className="drift-timeline" aria-label="Drift timeline">
        {links.map((s, i) => {
          const changes = diffs.data![i]!.changes;
          const count = (kind: string) => changes.filter((c) => c.change === kind).length;
          return (
            <li key={s.id} className={changes.length > 0 ? 'drift-timeline__item drift-timeline__item--changed' : 'drift-timeline__item'}>
              <span className="drift-timeline__when">{new Date(s.collectedAt).toLocaleString()}</span>
              <span>
                Snapshot #{s.sequence}:{' '}
                {changes.length === 0 ? 'no change' : `${count('added')} added, ${count('removed')} removed, ${count('changed')} changed`}
              </span>
              {changes.length > 0 && (
                <button type="button" className="button button--secondary button--small" onClick={() => setChosen(s.id)} aria-pressed={chosen === s.id}>
                  Show diff #{s.sequence}
                </button>
              )}
            </li>
          );
        })}
      </ol>
      {shown && <SnapshotDiffView diff={shown} />}
    </>
  );
}

const show = (v: unknown) => (v === undefined ? '—' : JSON.stringify(v));

export function SnapshotDiffView({ diff: d }: { diff: Diff }) {
  return (
    <div className="snapshot-diff" aria-label="Snapshot diff" role="region">
      <h3>What changed in this snapshot</h3>
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
