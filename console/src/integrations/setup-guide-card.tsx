// What to register in the Microsoft Entra admin center, step by step, from the hub's permission catalogue (the very
// facts it requests scopes and tests permissions with): platform, redirect URI, each permission and its type, consent.
import { useState } from 'react';
import * as m365 from '../api/m365-client.js';
import type { ServiceSelection, SetupGuide } from '../api/m365-types.js';
import { CopyButton } from '../components/copy-button.js';
import { LoadingState } from '../components/loading-state.js';
import { ProblemBanner } from '../components/problem-banner.js';
import { useLoader } from '../hooks/use-loader.js';

// Steps carry kind-specific fields beside kind, title and detail (the schema allows them; permissions, redirectUri).
type Step = SetupGuide['steps'][number] & Record<string, unknown>;

interface GuidePermission {
  resource: string;
  name: string;
  type: 'Scope' | 'Role';
  adminConsentRequired: boolean;
  why: string;
  referenceUrl?: string;
}

const RESOURCE_NAMES: Record<string, string> = { graph: 'Microsoft Graph', dynamics: 'Dynamics CRM' };

/**
 * `version` changes whenever the integration is saved; `services` are the ticks of an open form not saved yet. Either
 * way the guide follows the services chosen.
 */
export function SetupGuideCard({ workspaceId, version, services, defaultOpen }: { workspaceId: string; version: string; services?: ServiceSelection[] | undefined; defaultOpen: boolean }) {
  const servicesKey = services ? JSON.stringify(services) : '';
  const guide = useLoader(() => m365.getSetupGuide(workspaceId, services), [workspaceId, version, servicesKey]);
  const [open, setOpen] = useState(defaultOpen);
  const [showMarkdown, setShowMarkdown] = useState(false);

  return (
    <section className="card" aria-labelledby="setup-guide-title">
      <div className="card__header card__header--split">
        <div>
          <h2 className="card__title" id="setup-guide-title">
            Setup guide
          </h2>
          <p className="card__description">
            Exactly what to register in the Microsoft Entra admin center for the services {services ? 'ticked in the form (not saved yet)' : 'enabled here'}.
          </p>
        </div>
        <button type="button" className="button button--secondary button--small" aria-expanded={open} aria-controls="setup-guide-body" onClick={() => setOpen(!open)}>
          {open ? 'Hide guide' : 'Show guide'}
        </button>
      </div>
      {open && (
        <div className="card__body" id="setup-guide-body">
          {guide.problem && <ProblemBanner problem={guide.problem} onRetry={guide.reload} />}
          {!guide.data && !guide.problem && <LoadingState label="Loading the setup guide…" />}
          {guide.data && (
            <>
              <ol className="guide">
                {guide.data.steps.map((step, index) => (
                  <GuideStep key={`${step.kind}-${index}`} step={step as Step} number={index + 1} redirectConfigured={guide.data!.redirectUri !== null} />
                ))}
              </ol>
              <div className="guide__footer">
                <button type="button" className="button button--secondary button--small" onClick={() => setShowMarkdown(!showMarkdown)}>
                  {showMarkdown ? 'Hide Markdown' : 'Markdown for your runbook'}
                </button>
                <CopyButton text={guide.data.markdown} label="Copy as Markdown" variant="secondary" />
              </div>
              {showMarkdown && <pre className="code-block">{guide.data.markdown}</pre>}
            </>
          )}
        </div>
      )}
    </section>
  );
}

function GuideStep({ step, number, redirectConfigured }: { step: Step; number: number; redirectConfigured: boolean }) {
  const permissions = Array.isArray(step.permissions) ? (step.permissions as GuidePermission[]) : null;
  const platform = step.kind === 'platform';
  const redirectUri = platform && redirectConfigured && typeof step.redirectUri === 'string' ? step.redirectUri : null;
  return (
    <li className={`guide__step guide__step--${step.kind}`}>
      <span className="guide__number" aria-hidden="true">
        {step.kind === 'note' ? 'i' : number}
      </span>
      <div className="guide__content">
        <h3 className="guide__title">{step.title}</h3>
        {redirectUri ? (
          <>
            <p className="guide__detail">
              Authentication → Add a platform → <strong>Web</strong>, then add this redirect URI exactly (scheme and path included):
            </p>
            <div className="copy-field">
              <code className="copy-field__value">{redirectUri}</code>
              <CopyButton text={redirectUri} variant="secondary" />
            </div>
          </>
        ) : platform ? (
          <p className="guide__detail">
            Authentication → Add a platform → <strong>Web</strong>. The redirect URI appears here once the hub knows it: enter it in the
            integration, or set <code>BACKEND_URL</code> or <code>M365_REDIRECT_URI</code> on the hub.
          </p>
        ) : (
          <p className="guide__detail">{step.detail}</p>
        )}
        {permissions && permissions.length > 0 && (
          <div className="table-wrap guide__table">
            <table className="table table--compact">
              <thead>
                <tr>
                  <th scope="col">Permission</th>
                  <th scope="col">Type</th>
                  <th scope="col">Admin consent</th>
                  <th scope="col">Why</th>
                </tr>
              </thead>
              <tbody>
                {permissions.map((p) => (
                  <tr key={`${p.resource}:${p.name}:${p.type}`}>
                    <td>
                      <code className="perm-name">{p.name}</code>
                      <span className="cell-sub">{RESOURCE_NAMES[p.resource] ?? p.resource}</span>
                    </td>
                    <td>
                      <span className={`badge ${p.type === 'Role' ? 'badge--accent' : 'badge--neutral'}`}>{p.type === 'Role' ? 'Application' : 'Delegated'}</span>
                    </td>
                    <td>{p.adminConsentRequired ? <span className="badge badge--warning">Required</span> : <span className="muted">No</span>}</td>
                    <td className="guide__why">
                      {p.why}{' '}
                      {p.referenceUrl && (
                        <a href={p.referenceUrl} target="_blank" rel="noreferrer">
                          Reference
                        </a>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </li>
  );
}
