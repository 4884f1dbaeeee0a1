import type { ReactNode } from 'react';

/** A centred card for states that replace the whole app (loading the session, hub unreachable). */
export function FullPageMessage({ children }: { children: ReactNode }) {
  return (
    <main className="full-page">
      <div className="full-page__card">{children}</div>
    </main>
  );
}
