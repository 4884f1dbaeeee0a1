// Sites.Selected in the integration page: the allowed sites (listed here only, not in the overview above), the action
// that grants them to the app, and each site's outcome. Granting needs the admin's own Microsoft 365 connection
// holding Sites.FullControl.All; when it is missing the server's problem says so, and the two ways out are links:
// admin consent for the permission, and the admin's own connection.
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiProblem } from '../api/problem.js';
import { grantAllowedSites } from '../api/m365-client.js';
import type { SiteGrantResult } from '../../../src/contract/site-grant-schemas.js';

const STATUS_LABELS: Record<SiteGrantResult['status'], string> = {
  granted: 'Granted now',
  already_granted: 'Already granted',
  not_found: 'Not found in the tenant',
  refused: 'Refused by Microsoft',
  error: 'Microsoft Graph error',
};

interface Props {
  workspaceId: string;
  allowedSites: string[];
  /** Where an admin grants consent for this workspace (Sites.FullControl.All among the rest). */
  adminConsentHref: string;
}

export function AllowedSitesGrant({ workspaceId, allowedSites, adminConsentHref }: Props) {
  const [results, setResults] = useState<SiteGrantResult[] | null>(null);
  const [problem, setProblem] = useState<{ message: string; needsFullControl: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  if (allowedSites.length === 0) return null;
  const resultOf = (url: string) => results?.find((r) => r.url === url);

  async function grant() {
    setBusy(true);
    setProblem(null);
    try {
      setResults((await grantAllowedSites(workspaceId)).sites);
    } catch (error) {
      setProblem({ message: (error as Error).message, needsFullControl: error instanceof ApiProblem && error.code === 'sites_full_control_required' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="allowed-sites-title">
      <h2 id="allowed-sites-title">Allowed SharePoint sites (Sites.Selected)</h2>
      <p>
        The app reads only these sites once each is granted to it. Granting needs your own Microsoft 365 connection as a SharePoint administrator with the
        delegated permission <span className="mono">Sites.FullControl.All</span> (admin consent).
      </p>
      {problem && (
        <div className="banner banner--error" role="alert">
          <p>{problem.message}</p>
          {problem.needsFullControl && (
            <p>
              <a className="button button--secondary button--small" href={adminConsentHref}>
                Grant admin consent
              </a>{' '}
              <Link className="button button--secondary button--small" to={`/w/${encodeURIComponent(workspaceId)}/account/integrations`}>
                Connect your account
              </Link>
            </p>
          )}
        </div>
      )}
      <ul aria-label="Allowed sites to grant">
        {allowedSites.map((site) => {
          const result = resultOf(site);
          return (
            <li key={site} data-site-status={result?.status ?? 'unknown'}>
              <span className="mono">{site}</span>
              {result && (
                <span className="chip__meta">
                  {' '}
                  {STATUS_LABELS[result.status]}
                  {result.message ? `: ${result.message}` : ''}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      <button type="button" className="button button--secondary button--small" disabled={busy} onClick={() => void grant()}>
        {busy ? 'Granting…' : 'Grant allowed sites'}
      </button>
    </section>
  );
}
