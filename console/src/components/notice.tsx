import type { ReactNode } from 'react';

/** A calm, informational banner (not an error): e.g. why a control is missing for this role. */
export function Notice({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="banner banner--info">
      <div className="banner__body">
        <p className="banner__title">{title}</p>
        {children && <div className="banner__detail">{children}</div>}
      </div>
    </div>
  );
}
