// The integration at a glance: health, the identifiers, the redirect URI to register, the credential (never its
// value), admin consent, the services in use, and expiry warnings; with the actions an admin takes from here.
import type { Credential, HealthView, Integration } from '../api/m365-types.js';
import { CopyButton } from '../components/copy-button.js';
import { MicrosoftHeader } from '../components/microsoft-header.js';
import { Timestamp } from '../components/timestamp.js';
import { CredentialSummary, daysLeft } from './credential-summary.js';
import { expiryPhrase } from './days-left.js';
import { HealthBadge } from './health-badge.js';
import { MODE_LABELS, SERVICES } from './m365-services.js';

interface Props {
  integration: Integration;
  /** Set when the last result is about a configuration that has since changed. */
  outdated?: HealthView['outdated'];
  /** The hub's one statement about admin consent (from what Microsoft granted); null while loading. */
  consent?: HealthView['consent'] | null;
  adminConsentHref: string;
  onEdit(): void;
  onUpdateCredentials(): void;
}

export function IntegrationOverview({ integration, outdated = null, consent = null, adminConsentHref, onEdit, onUpdateCredentials }: Props) {
  const warnings = [integration.credential, integration.pendingCredential].flatMap((c) => (c ? expiryWarning(c) : []));

  return (
    <section className="card overview" aria-labelledby="m365-overview-title">
      <MicrosoftHeader
        headingId="m365-overview-title"
        actions={
          <>
            <button type="button" id="m365-edit-settings" className="button button--secondary button--small" onClick={onEdit}>
              Edit settings
            </button>
            <button type="button" className="button button--secondary button--small" onClick={onUpdateCredentials}>
              Update credentials
            </button>
          </>
        }
      >
        <HealthBadge status={integration.health.status} checkedAt={integration.health.checkedAt} outdated={outdated !== null} />
      </MicrosoftHeader>

      {warnings.map((warning) => (
        <div key={warning.text} className={`banner ${warning.expired ? 'banner--error' : 'banner--warning'} overview__warning`} role="status">
          <div className="banner__body">
            <p className="banner__title">{warning.title}</p>
            <p className="banner__detail">{warning.text}</p>
          </div>
          <button type="button" className="button button--secondary button--small" onClick={onUpdateCredentials}>
            Update credentials
          </button>
        </div>
      ))}

      <dl className="details overview__details">
        <dt>Application (client) ID</dt>
        <dd className="mono">{integration.clientId}</dd>
        <dt>Tenant</dt>
        <dd>
          {integration.azureTenantId ? (
            <>
              <span className="mono">{integration.azureTenantId}</span> <span className="muted">(single tenant)</span>
            </>
          ) : (
            <>
              Multi-tenant <span className="muted mono">(organizations)</span>
            </>
          )}
        </dd>
        <dt>Redirect URI to register</dt>
        <dd>
          {integration.effectiveRedirectUri ? (
            <div className="copy-field">
              <code className="copy-field__value" data-testid="effective-redirect-uri">
                {integration.effectiveRedirectUri}
              </code>
              <CopyButton text={integration.effectiveRedirectUri} variant="secondary" />
            </div>
          ) : (
            <span className="field__error">Not configured: set it here (Edit settings), or M365_REDIRECT_URI / BACKEND_URL on the hub.</span>
          )}
        </dd>
        <dt>Credential</dt>
        <dd>{integration.credential ? <CredentialSummary credential={integration.credential} /> : <span className="field__error">None: add one with Update credentials.</span>}</dd>
        <dt>Admin consent</dt>
        <dd className="overview__consent">
          <ConsentWords consent={consent} />
          <a className="button button--secondary button--small" href={adminConsentHref}>
            {consent?.state === 'granted' ? 'Grant again' : 'Grant admin consent'}
          </a>
        </dd>
        <dt>Services</dt>
        <dd>
          <ul className="chips" aria-label="Enabled services">
            {integration.services.map((s) => (
              <li key={s.service} className="chip">
                {SERVICES[s.service]?.label ?? s.service}
                <span className="chip__meta">{s.modes.map((m) => MODE_LABELS[m].label).join(' + ')}</span>
              </li>
            ))}
          </ul>
        </dd>
        {integration.allowedSites.length > 0 && (
          <>
            <dt>Allowed sites</dt>
            <dd>
              {/* Listed once, with their grant outcome, in the Sites.Selected section below. */}
              <a href="#allowed-sites-title">
                {integration.allowedSites.length} {integration.allowedSites.length === 1 ? 'site' : 'sites'} (Sites.Selected)
              </a>
            </dd>
          </>
        )}
        {integration.dynamicsOrg && (
          <>
            <dt>Dynamics 365</dt>
            <dd className="mono">https://{integration.dynamicsOrg}.crm.dynamics.com</dd>
          </>
        )}
      </dl>
    </section>
  );
}

/**
 * Consent in one voice: what the last current test found Microsoft granted, never a remembered flow that can
 * contradict the permissions step beside it. This page is for workspace admins, who hold the link themselves.
 */
function ConsentWords({ consent }: { consent: HealthView['consent'] | null }) {
  if (!consent) return <span className="muted">Checking…</span>;
  const recorded = consent.recorded ? (
    <span className="muted">
      {' '}
      (last granted through m365hub <Timestamp iso={consent.recorded.grantedAt} /> for tenant <span className="mono">{consent.recorded.tenant}</span>)
    </span>
  ) : null;
  switch (consent.state) {
    case 'granted':
      return (
        <span data-consent="granted">
          <span className="badge badge--success">Granted</span> Every required permission is granted in the tenant.{recorded}
        </span>
      );
    case 'missing':
      return (
        <span data-consent="missing">
          <span className="badge badge--warning">Needed</span> Some required permissions are not granted: grant admin consent (you can, from here).{recorded}
        </span>
      );
    case 'not_needed':
      return (
        <span className="muted" data-consent="not_needed">
          Not needed: no permission in use requires an administrator.{recorded}
        </span>
      );
    default:
      return (
        <span className="muted" data-consent="unknown">
          Not checked yet: Test Connection reads it from the permissions Microsoft actually grants.{recorded}
        </span>
      );
  }
}

function expiryWarning(credential: Credential): { title: string; text: string; expired: boolean }[] {
  const left = daysLeft(credential);
  if (left === null || left > 30) return [];
  const what = `${credential.status === 'pending' ? 'The new' : 'The active'} client ${credential.kind}`;
  const date = credential.expiresAt!.slice(0, 10);
  if (left <= 0) return [{ expired: true, title: `${what} has expired`, text: `It expired on ${date}. Create a new one in the app registration and use Update credentials.` }];
  return [
    {
      expired: false,
      title: `${what} ${expiryPhrase(left)}`,
      text: `On ${date}. Add a new one with Update credentials, test it, then make it active before then.`,
    },
  ];
}
