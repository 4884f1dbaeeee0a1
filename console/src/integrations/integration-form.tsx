// Create or edit the workspace's Microsoft 365 integration: the app registration's identifiers, the services and
// modes the product uses, and (on create) the credential. Editing never touches the credential: rotating it goes
// through Update Credentials, so there is no moment without a working one.
import { useEffect, useState, type FormEvent } from 'react';
import * as m365 from '../api/m365-client.js';
import type { Integration, PermissionMode, PutIntegrationBody, ServiceName, ServiceSelection } from '../api/m365-types.js';
import { asProblem, type ApiProblem } from '../api/problem.js';
import { FieldError, focusFirstInvalid, invalidProps } from '../components/field-error.js';
import { ProblemBanner } from '../components/problem-banner.js';
import { CredentialFields, credentialBody, credentialComplete, emptyCredential, type CredentialDraft } from './credential-fields.js';
import { MODE_LABELS, SERVICE_ORDER, SERVICES } from './m365-services.js';

type ModeChoice = Record<PermissionMode, boolean>;

interface Draft {
  clientId: string;
  azureTenantId: string;
  redirectUri: string;
  services: Record<ServiceName, ModeChoice>;
  allowedSites: string;
  dynamicsOrg: string;
}

const MODES: PermissionMode[] = ['delegated', 'application'];

function draftOf(integration: Integration | null): Draft {
  const services = Object.fromEntries(SERVICE_ORDER.map((s) => [s, { delegated: false, application: false }])) as Record<ServiceName, ModeChoice>;
  if (!integration) services.onedrive.delegated = true; // the most common first use: users pick their files
  for (const selection of integration?.services ?? []) for (const mode of selection.modes) services[selection.service][mode] = true;
  return {
    clientId: integration?.clientId ?? '',
    azureTenantId: integration?.azureTenantId ?? '',
    redirectUri: integration?.redirectUri ?? '',
    services,
    allowedSites: (integration?.allowedSites ?? []).join('\n'),
    dynamicsOrg: integration?.dynamicsOrg ?? '',
  };
}

function bodyOf(draft: Draft): Omit<PutIntegrationBody, 'clientSecret' | 'certificate' | 'secretExpiresAt'> {
  const services = SERVICE_ORDER.flatMap((service) => {
    const modes = MODES.filter((mode) => draft.services[service][mode]);
    return modes.length > 0 ? [{ service, modes }] : [];
  });
  const dynamicsOn = draft.services.dynamics.delegated || draft.services.dynamics.application;
  return {
    clientId: draft.clientId.trim(),
    azureTenantId: draft.azureTenantId.trim() || null,
    redirectUri: draft.redirectUri.trim() || null,
    services,
    allowedSites: draft.allowedSites.split(/\s+/).map((s) => s.trim()).filter(Boolean),
    dynamicsOrg: dynamicsOn ? draft.dynamicsOrg.trim() || null : null,
  };
}

interface IntegrationFormProps {
  workspaceId: string;
  integration: Integration | null;
  onSaved(integration: Integration): void;
  onCancel?: () => void;
  /** The services as ticked, saved or not (the setup guide follows them). */
  onServicesChange?: (services: ServiceSelection[]) => void;
}

export function IntegrationForm({ workspaceId, integration, onSaved, onCancel, onServicesChange }: IntegrationFormProps) {
  const creating = integration === null;
  const [draft, setDraft] = useState<Draft>(() => draftOf(integration));
  const [credential, setCredential] = useState<CredentialDraft>(emptyCredential);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const toggle = (service: ServiceName, mode: PermissionMode, on: boolean) =>
    setDraft((d) => ({ ...d, services: { ...d.services, [service]: { ...d.services[service], [mode]: on } } }));

  const body = bodyOf(draft);
  const anyService = body.services.length > 0;
  const servicesKey = JSON.stringify(body.services);
  useEffect(() => onServicesChange?.(JSON.parse(servicesKey) as ServiceSelection[]), [servicesKey, onServicesChange]);
  const sharepointOn = draft.services.sharepoint.delegated || draft.services.sharepoint.application;
  const dynamicsOn = draft.services.dynamics.delegated || draft.services.dynamics.application;
  const ready = body.clientId !== '' && anyService && (!creating || credentialComplete(credential));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const saved = await m365.putIntegration(workspaceId, creating ? { ...body, ...credentialBody(credential) } : body);
      setCredential(emptyCredential); // the secret leaves the page's memory as soon as the hub has it
      onSaved(saved);
    } catch (error) {
      setProblem(asProblem(error));
      focusFirstInvalid(event.target as HTMLFormElement);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card integration-form" onSubmit={submit} aria-labelledby="integration-form-title">
      <div className="card__header">
        <h2 className="card__title" id="integration-form-title">
          {creating ? 'Create the Microsoft 365 integration' : 'Edit the Microsoft 365 integration'}
        </h2>
        <p className="card__description">
          Copy these from your app registration's Overview page in the Microsoft Entra admin center. The setup guide below says what to
          register there.
        </p>
      </div>
      <div className="card__body">
        <section className="form-section">
          <h3 className="form-section__title">App registration</h3>
          <div className="form-grid">
            <div className="field">
              <label htmlFor="m365-client-id">Application (client) ID</label>
              <input
                id="m365-client-id"
                {...invalidProps(problem, '/body/clientId', 'm365-client-id-error')}
                className="mono"
                required
                spellCheck={false}
                placeholder="00000000-0000-0000-0000-000000000000"
                value={draft.clientId}
                onChange={(event) => set({ clientId: event.target.value })}
              />
              <FieldError problem={problem} pointer="/body/clientId" id="m365-client-id-error" />
            </div>
            <div className="field">
              <label htmlFor="m365-tenant-id">
                Directory (tenant) ID <span className="optional">(blank: multi-tenant)</span>
              </label>
              <input
                id="m365-tenant-id"
                {...invalidProps(problem, '/body/azureTenantId', 'm365-tenant-id-error')}
                className="mono"
                spellCheck={false}
                placeholder="organizations"
                value={draft.azureTenantId}
                onChange={(event) => set({ azureTenantId: event.target.value })}
              />
              <FieldError problem={problem} pointer="/body/azureTenantId" id="m365-tenant-id-error" />
              <span className="field__hint">Leave blank if customers from any Microsoft 365 organisation will connect.</span>
            </div>
            <div className="field form-grid__wide">
              <label htmlFor="m365-redirect-uri">
                Redirect URI <span className="optional">(blank: the hub's default)</span>
              </label>
              <input
                id="m365-redirect-uri"
                {...invalidProps(problem, '/body/redirectUri', 'm365-redirect-uri-error')}
                className="mono"
                spellCheck={false}
                placeholder={integration?.effectiveRedirectUri ?? 'https://your-hub.example.com/auth/m365/callback'}
                value={draft.redirectUri}
                onChange={(event) => set({ redirectUri: event.target.value })}
              />
              <FieldError problem={problem} pointer="/body/redirectUri" id="m365-redirect-uri-error" />
              <span className="field__hint">Only when the hub is reached under another address than its own; register exactly what the summary shows.</span>
            </div>
          </div>
        </section>

        {creating && (
          <section className="form-section">
            <h3 className="form-section__title">Credential</h3>
            <CredentialFields idPrefix="m365-create" draft={credential} onChange={setCredential} />
          </section>
        )}

        <section className="form-section">
          <h3 className="form-section__title">Services</h3>
          <p className="form-section__hint">
            Delegated: the product acts as each user who connects their account. Application: the product acts as itself across the whole tenant
            (needs an administrator's consent).
          </p>
          <div className="table-wrap services-table-wrap">
            <table className="table services-table">
              <thead>
                <tr>
                  <th scope="col">Service</th>
                  {MODES.map((mode) => (
                    <th scope="col" key={mode} className="services-table__mode">
                      {MODE_LABELS[mode].label}
                      <span className="cell-sub">{MODE_LABELS[mode].hint}</span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {SERVICE_ORDER.map((service) => {
                  const info = SERVICES[service];
                  return (
                    <tr key={service}>
                      <td>
                        <span className="strong">{info.label}</span>
                        <span className="cell-sub">{info.description}</span>
                      </td>
                      {MODES.map((mode) => {
                        const unavailable = info.unavailable?.[mode];
                        return (
                          <td key={mode} className="services-table__mode">
                            <input
                              type="checkbox"
                              className="checkbox"
                              aria-label={`${info.label}: ${MODE_LABELS[mode].label}`}
                              title={unavailable}
                              disabled={Boolean(unavailable)}
                              checked={draft.services[service][mode]}
                              onChange={(event) => toggle(service, mode, event.target.checked)}
                            />
                          </td>
                        );
                      })}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {!anyService && <p className="field__error">Choose at least one service.</p>}
        </section>

        {(sharepointOn || dynamicsOn) && (
          <section className="form-section">
            <h3 className="form-section__title">Service settings</h3>
            <div className="form-grid">
              {sharepointOn && (
                <div className="field">
                  <label htmlFor="m365-allowed-sites">
                    Allowed SharePoint sites <span className="optional">(one URL a line)</span>
                  </label>
                  <textarea
                    id="m365-allowed-sites"
                    className="mono"
                    rows={3}
                    spellCheck={false}
                    placeholder="https://contoso.sharepoint.com/sites/Compliance"
                    value={draft.allowedSites}
                    onChange={(event) => set({ allowedSites: event.target.value })}
                  />
                  <span className="field__hint">For Sites.Selected: the app may only open these sites.</span>
                </div>
              )}
              {dynamicsOn && (
                <div className="field">
                  <label htmlFor="m365-dynamics-org">Dynamics 365 organisation</label>
                  <div className="input-affix">
                    <span className="input-affix__text">https://</span>
                    <input
                      id="m365-dynamics-org"
                      spellCheck={false}
                      placeholder="contoso"
                      value={draft.dynamicsOrg}
                      onChange={(event) => set({ dynamicsOrg: event.target.value })}
                    />
                    <span className="input-affix__text">.crm.dynamics.com</span>
                  </div>
                </div>
              )}
            </div>
          </section>
        )}

        {problem && <ProblemBanner problem={problem} shownAtFields={['/body/clientId', '/body/azureTenantId', '/body/redirectUri']} />}
        <div className="form-actions">
          {onCancel && (
            <button type="button" className="button button--secondary" onClick={onCancel} disabled={busy}>
              Cancel
            </button>
          )}
          <button type="submit" className="button button--primary" disabled={busy || !ready}>
            {busy ? 'Saving…' : creating ? 'Create integration' : 'Save changes'}
          </button>
        </div>
      </div>
    </form>
  );
}
