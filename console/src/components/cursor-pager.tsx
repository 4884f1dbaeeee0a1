// Newest-first lists page forward (older) only: the trail of cursors walked so far lets "Newer" step back. One hook
// and one control for every such list (audit log, files), so paging behaves and reads the same everywhere.
import { useState } from 'react';

/** The cursor of the page shown and the trail behind it; a new `resetKey` (workspace, filter) starts from page 1. */
export function useCursorTrail(resetKey: string) {
  const [trail, setTrail] = useState<string[]>([]);
  const [seenKey, setSeenKey] = useState(resetKey);
  if (seenKey !== resetKey) {
    setSeenKey(resetKey);
    setTrail([]);
  }
  return {
    cursor: trail.at(-1),
    page: trail.length + 1,
    older: (cursor: string) => setTrail((t) => [...t, cursor]),
    newer: () => setTrail((t) => t.slice(0, -1)),
  };
}

export function CursorPager({ label, trail, nextCursor, loading }: { label: string; trail: ReturnType<typeof useCursorTrail>; nextCursor: string | null | undefined; loading: boolean }) {
  if (trail.page === 1 && !nextCursor) return null;
  return (
    <nav className="pager" aria-label={label}>
      <button type="button" className="button button--secondary button--small" disabled={trail.page === 1 || loading} onClick={trail.newer}>
        ← Newer
      </button>
      <span className="pager__position">Page {trail.page}</span>
      <button type="button" className="button button--secondary button--small" disabled={!nextCursor || loading} onClick={() => nextCursor && trail.older(nextCursor)}>
        Older →
      </button>
    </nav>
  );
}
