// The head of every Microsoft 365 panel: the Microsoft mark, the product's name as the panel's heading, what is
// said about it (health, a sentence) and its actions. One component so the integration pages look like one product.
import type { ReactNode } from 'react';
import './microsoft-header.css';

interface MicrosoftHeaderProps {
  /** Id of the "Microsoft 365" heading, for the section's aria-labelledby. */
  headingId: string;
  /** Under the name: a health badge, a sentence. */
  children?: ReactNode;
  actions?: ReactNode;
  /** The larger mark of the empty state, where the header is the whole panel. */
  large?: boolean;
}

export function MicrosoftHeader({ headingId, children, actions, large }: MicrosoftHeaderProps) {
  return (
    <div className={large ? 'ms-header ms-header--large' : 'ms-header'}>
      <MicrosoftLogo large={large} />
      <div className="ms-header__name">
        <h2 className="ms-header__title" id={headingId}>
          Microsoft 365
        </h2>
        {children}
      </div>
      {actions && <div className="ms-header__actions">{actions}</div>}
    </div>
  );
}

/** The Microsoft mark: four squares drawn in CSS (no remote images under a self-only CSP). */
export function MicrosoftLogo({ large }: { large?: boolean }) {
  return (
    <span className={large ? 'ms-logo ms-logo--large' : 'ms-logo'} aria-hidden="true">
      <span />
      <span />
      <span />
      <span />
    </span>
  );
}
