// A credential as the console may show it: its kind and expiry, never its value (the hub never sends it back).
import type { Credential } from '../api/m365-types.js';
import { formatAbsolute } from '../format/dates.js';
import { daysLeft as daysUntil, expiryPhrase } from './days-left.js';

/** Days until the credential expires (0 or less once expired), or null when its expiry is unknown. */
export function daysLeft(credential: Credential, now = Date.now()): number | null {
  return daysUntil(credential.expiresAt, now);
}

export function CredentialSummary({ credential }: { credential: Credential }) {
  const left = daysLeft(credential);
  const what = credential.kind === 'secret' ? 'Secret set' : 'Certificate set';
  const tone = left === null ? '' : left <= 0 ? ' credential--expired' : left <= 30 ? ' credential--expiring' : '';
  return (
    <span className={`credential${tone}`} data-credential-status={credential.status}>
      <span className="credential__lock" aria-hidden="true">
        ●●●●
      </span>
      <span>
        {what}
        {' · '}
        {credential.expiresAt && left !== null ? (
          // The same count as the expiry banner (days-left.ts), not a rounded relative time that can differ by one.
          <span title={formatAbsolute(credential.expiresAt)}>{expiryPhrase(left)}</span>
        ) : (
          <span className="muted">expiry unknown</span>
        )}
      </span>
      {credential.thumbprint && (
        // In full, as the Entra admin center lists it under Certificates & secrets, so the two can be compared.
        <code className="credential__thumb" title="Certificate thumbprint (SHA-1), as the Entra admin center shows it" aria-label={`Thumbprint ${credential.thumbprint}`}>
          {credential.thumbprint}
        </code>
      )}
    </span>
  );
}
