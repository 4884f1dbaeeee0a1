// Settings → Integrations: the workspace's Microsoft 365 integration, for workspace admins. Create it, read what to
// register in Entra, test it, see its health, rotate its credential, grant admin consent, see users' admin consent
// requests, delete it.
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import * as m365 from '../api/m365-client.js';
import type { Integration, ServiceSelection } from '../api/m365-types.js';
import { Card } from '../components/card.js';
import { MicrosoftHeader } from '../components/microsoft-header.js';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import { LoadingState } from '../components/loading-state.js';
import { Notice } from '../components/notice.js';
import { PageHeader } from '../components/page-header.js';
import { ProblemBanner } from '../components/problem-banner.js';
import { useToast } from '../components/toast-provider.js';
import { useLoader } from '../hooks/use-loader.js';
import { useWorkspace } from '../workspaces/workspaces-context.js';
import { ConsentRequestsCard } from './consent-requests-card.js';
import { FlowOutcomeBanner } from './flow-outcome-banner.js';
import { IntegrationForm } from './integration-form.js';
import { IntegrationOverview } from './integration-overview.js';
import { AllowedSitesGrant } from './allowed-sites-grant.js';
import { useFlowOutcome } from './m365-outcome.js';
import { SetupGuideCard } from './setup-guide-card.js';
import { TestConnectionCard } from './test-connection-card.js';
import { UpdateCredentialsCard } from './update-credentials-card.js';
import { WebhooksSection } from './webhooks-section.js';
import { TenantsSection } from './tenants-section.js';
import './integrations.css';

type Panel = 'none' | 'edit' | 'credentials';

export function M365IntegrationPage() {
  const workspace = useWorkspace();
  const isAdmin = workspace.role === 'admin';
  const header = (
    <PageHeader
      title="Integrations"
      description="Connect this workspace to Microsoft 365 through your own Microsoft Entra app registration, so its users can link files and the product can read tenant settings."
    />
  );
  if (!isAdmin) {
    return (
      <>
        {header}
        <Notice title="Only workspace admins can see and change the Microsoft 365 integration">
          To connect your own Microsoft 365 account, open <Link to={`/w/${encodeURIComponent(workspace.id)}/account/integrations`}>your integrations</Link>.
        </Notice>
      </>
    );
  }
  return (
    <>
      {header}
      <IntegrationSettings workspaceId={workspace.id} />
    </>
  );
}

function IntegrationSettings({ workspaceId }: { workspaceId: string }) {
  const { notify } = useToast();
  const integration = useLoader(() => m365.getIntegration(workspaceId), [workspaceId]);
  // One read of the stored health for the whole page, so the badge, the report and the pending test agree.
  const health = useLoader(() => m365.getHealth(workspaceId).catch(() => null), [workspaceId, integration.data?.updatedAt ?? null]);
  const outdated = health.data?.outdated ?? null;
  useOutdatedRefresh(outdated !== null, () => {
    health.reload();
    integration.reload();
  });
  const [creating, setCreating] = useState(false);
  // The services ticked in an open form, before they are saved: the setup guide previews them.
  const [draftServices, setDraftServices] = useState<ServiceSelection[] | undefined>(undefined);
  const [panel, setPanel] = useState<Panel>('none');
  const [deleting, setDeleting] = useState(false);
  const [outcome, dismissOutcome] = useFlowOutcome();
  // Where keyboard focus goes once the form that had it is gone (created: the new integration; cancelled: the button
  // that opened the form), so it never falls back to <body>.
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  useEffect(() => {
    const target = focusTarget ? document.getElementById(focusTarget) : null;
    if (!target) return;
    target.focus();
    setFocusTarget(null);
  });
  const pagePath = `/w/${encodeURIComponent(workspaceId)}/settings/integrations`;
  const adminConsentHref = m365.adminConsentUrl(workspaceId, pagePath);

  if (integration.problem) return <ProblemBanner problem={integration.problem} onRetry={integration.reload} />;
  if (integration.data === undefined) return <LoadingState label="Loading the integration…" />;
  const current = integration.data;

  function saved(next: Integration, wasCreate: boolean) {
    notify({
      tone: 'success',
      title: wasCreate ? 'Microsoft 365 integration created' : 'Integration saved',
      detail: wasCreate ? 'Register what the setup guide lists in Entra, then run Test Connection.' : undefined,
    });
    setCreating(false);
    setPanel('none');
    integration.reload();
    setFocusTarget(wasCreate ? 'm365-overview-title' : 'm365-edit-settings');
    void next;
  }

  async function deleteIt() {
    await m365.deleteIntegration(workspaceId);
    notify({ tone: 'success', title: 'Microsoft 365 integration deleted', detail: 'Its credentials are gone from m365hub; delete the app registration in Entra if you no longer need it.' });
    setPanel('none');
    integration.reload();
  }

  return (
    <>
      {outcome && <FlowOutcomeBanner outcome={outcome} reader={{ role: 'admin', adminConsentHref, flow: 'admin_consent' }} onDismiss={dismissOutcome} />}
      {!current && !creating && (
        <Card>
          <MicrosoftHeader
            headingId="m365-empty-title"
            large
            actions={
              <button type="button" id="m365-create-button" className="button button--primary" onClick={() => setCreating(true)}>
                Create integration
              </button>
            }
          >
            <p className="muted">
              No integration yet. Register an app in the Microsoft Entra admin center (the setup guide below lists exactly what), then create the
              integration with its client id and a secret or certificate.
            </p>
          </MicrosoftHeader>
        </Card>
      )}
      {!current && creating && (
        <IntegrationForm
          workspaceId={workspaceId}
          integration={null}
          onSaved={(next) => {
            setDraftServices(undefined);
            saved(next, true);
          }}
          onCancel={() => {
            setDraftServices(undefined);
            setCreating(false);
            setFocusTarget('m365-create-button');
          }}
          onServicesChange={setDraftServices}
        />
      )}
      {current && (
        <>
          <IntegrationOverview
            integration={current}
            outdated={outdated}
            consent={health.data?.consent ?? null}
            adminConsentHref={adminConsentHref}
            onEdit={() => setPanel(panel === 'edit' ? 'none' : 'edit')}
            onUpdateCredentials={() => setPanel(panel === 'credentials' ? 'none' : 'credentials')}
          />
          <AllowedSitesGrant workspaceId={workspaceId} allowedSites={current.allowedSites} adminConsentHref={adminConsentHref} />
          {panel === 'edit' && (
            <IntegrationForm
              key={current.updatedAt}
              workspaceId={workspaceId}
              integration={current}
              onSaved={(next) => {
                setDraftServices(undefined);
                saved(next, false);
              }}
              onCancel={() => {
                setDraftServices(undefined);
                setPanel('none');
                setFocusTarget('m365-edit-settings');
              }}
              onServicesChange={setDraftServices}
            />
          )}
          {(panel === 'credentials' || current.pendingCredential) && (
            <UpdateCredentialsCard
              integration={current}
              workspaceId={workspaceId}
              adminConsentHref={adminConsentHref}
              storedReport={health.data?.pendingReport ?? null}
              onChanged={() => {
                integration.reload();
                health.reload();
              }}
              onClose={() => setPanel('none')}
            />
          )}
          <TestConnectionCard
            workspaceId={workspaceId}
            adminConsentHref={adminConsentHref}
            stored={health.data ?? null}
            hasPending={current.pendingCredential !== null}
            onTested={() => {
              integration.reload();
              health.reload();
            }}
          />
          <ConsentRequestsCard workspaceId={workspaceId} />
        </>
      )}
      <SetupGuideCard
        workspaceId={workspaceId}
        version={current?.updatedAt ?? 'none'}
        services={creating || panel === 'edit' ? draftServices : undefined}
        defaultOpen={!current || current.health.status !== 'connected'}
      />
      {current && <TenantsSection workspaceId={workspaceId} />}
      {current && <WebhooksSection workspaceId={workspaceId} />}
      {current && (
        <section className="card card--danger" aria-labelledby="delete-integration-title">
          <div className="card__header">
            <h2 className="card__title" id="delete-integration-title">
              Delete the integration
            </h2>
            <p className="card__description">
              Removes the app's settings and credentials from m365hub. Users' connections stop working until an integration is created again.
            </p>
          </div>
          <div className="card__body card__body--end">
            <button type="button" className="button button--danger" onClick={() => setDeleting(true)}>
              Delete integration
            </button>
          </div>
        </section>
      )}
      {deleting && (
        <ConfirmDialog title="Delete the Microsoft 365 integration?" confirmLabel="Delete integration" confirmText="delete" onConfirm={deleteIt} onClose={() => setDeleting(false)}>
          <p>
            The client secret or certificate is erased, Test Connection and the hourly health check stop, and no one can connect Microsoft 365 in
            this workspace until it is set up again.
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}

const OUTDATED_POLL_MS = 1500;
const OUTDATED_POLL_LIMIT = 40;

/**
 * While the last result is outdated the hub is re-testing in the background: read again until the new result is in
 * (bounded, so a re-test that cannot finish does not poll forever; the outdated notice stays and says so).
 */
function useOutdatedRefresh(outdated: boolean, refresh: () => void) {
  const [polls, setPolls] = useState(0);
  useEffect(() => {
    if (!outdated) {
      setPolls(0);
      return;
    }
    if (polls >= OUTDATED_POLL_LIMIT) return;
    const timer = window.setTimeout(() => {
      setPolls((n) => n + 1);
      refresh();
    }, OUTDATED_POLL_MS);
    return () => window.clearTimeout(timer);
    // `refresh` is a fresh closure each render; the poll count drives the next read.
  }, [outdated, polls]);
}
