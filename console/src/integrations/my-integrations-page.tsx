// User settings → Integrations: every member connects their own Microsoft 365 account to the workspace, sees which
// account is connected, reconnects when Microsoft stopped accepting it, and disconnects.
import { useState } from 'react';
import * as m365 from '../api/m365-client.js';
import type { Connection } from '../api/m365-types.js';
import { Badge } from '../components/badge.js';
import { MicrosoftHeader } from '../components/microsoft-header.js';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import { LoadingState } from '../components/loading-state.js';
import { PageHeader } from '../components/page-header.js';
import { ProblemBanner } from '../components/problem-banner.js';
import { Timestamp } from '../components/timestamp.js';
import { useToast } from '../components/toast-provider.js';
import { useLoader } from '../hooks/use-loader.js';
import { useWorkspace } from '../workspaces/workspaces-context.js';
import { FlowOutcomeBanner } from './flow-outcome-banner.js';
import { reconnectReason, useFlowOutcome } from './m365-outcome.js';
import { initials } from '../format/initials.js';
import './integrations.css';

export function MyIntegrationsPage() {
  const workspace = useWorkspace();
  const { notify } = useToast();
  const connection = useLoader(() => m365.getMyConnection(workspace.id), [workspace.id]);
  const [outcome, dismissOutcome] = useFlowOutcome();
  const [disconnecting, setDisconnecting] = useState(false);
  const pagePath = `/w/${encodeURIComponent(workspace.id)}/account/integrations`;

  function connect() {
    // Same tab: Microsoft's sign-in takes over the page and the hub brings the browser back here.
    window.location.assign(m365.connectUrl(workspace.id, pagePath));
  }

  async function disconnect() {
    await m365.disconnectMe(workspace.id);
    dismissOutcome();
    notify({ tone: 'success', title: 'Microsoft 365 disconnected', detail: 'Its tokens are deleted from m365hub.' });
    connection.reload();
  }

  const current = connection.data;
  return (
    <>
      <PageHeader title="Your integrations" description={`Connect your own accounts to ${workspace.name}. Only you can use your connection; admins see that it exists, never its tokens.`} />
      {outcome && (
        <FlowOutcomeBanner
          outcome={outcome}
          reader={workspace.role === 'admin' ? { role: 'admin', adminConsentHref: m365.adminConsentUrl(workspace.id, pagePath), flow: 'connect' } : { role: 'member' }}
          onDismiss={dismissOutcome}
        />
      )}
      <section className="card" aria-labelledby="my-m365-title">
        <MicrosoftHeader
          headingId="my-m365-title"
          actions={
            <>
              {current === null && (
                <button type="button" className="button button--primary" onClick={connect}>
                  Connect Microsoft 365
                </button>
              )}
              {current && current.status === 'needs_reconnect' && (
                <button type="button" className="button button--primary" onClick={connect}>
                  Reconnect
                </button>
              )}
              {current && (
                <button type="button" className="button button--danger-ghost" onClick={() => setDisconnecting(true)}>
                  Disconnect
                </button>
              )}
            </>
          }
        >
          <span className="muted">Lets this workspace use your Microsoft 365 files and services as you, within what you approve.</span>
        </MicrosoftHeader>
        <div className="card__body">
          {connection.problem && <ProblemBanner problem={connection.problem} onRetry={connection.reload} />}
          {current === undefined && !connection.problem && <LoadingState label="Loading your connection…" />}
          {current === null && (
            <p className="muted connect-explainer">
              You will sign in at Microsoft and approve what this workspace may do with your account. m365hub stores the tokens encrypted and
              refreshes them for you; you can disconnect at any time.
            </p>
          )}
          {current && <ConnectedAccount connection={current} onReconnect={connect} />}
        </div>
      </section>
      {disconnecting && current && (
        <ConfirmDialog title="Disconnect Microsoft 365?" confirmLabel="Disconnect" onConfirm={disconnect} onClose={() => setDisconnecting(false)}>
          <p>
            m365hub deletes the tokens of <strong>{current.userPrincipalName ?? current.displayName ?? 'your account'}</strong> for {workspace.name}. The
            product can no longer open your files or act as you until you connect again.
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}

function ConnectedAccount({ connection, onReconnect }: { connection: Connection; onReconnect(): void }) {
  const name = connection.displayName ?? connection.userPrincipalName ?? 'Microsoft account';
  return (
    <div className="account" data-connection-status={connection.status}>
      {connection.status === 'needs_reconnect' && (
        <div className="banner banner--warning" role="alert">
          <div className="banner__body">
            <p className="banner__title">Reconnect needed</p>
            <p className="banner__detail">{reconnectReason(connection.statusReason)} Reconnect to keep using Microsoft 365 here.</p>
          </div>
          <button type="button" className="button button--primary button--small" onClick={onReconnect}>
            Reconnect
          </button>
        </div>
      )}
      <div className="account__identity">
        <span className="avatar avatar--large" aria-hidden="true">
          {initials(name)}
        </span>
        <div>
          <p className="account__name">
            {name} {connection.status === 'active' ? <Badge tone="success">Connected</Badge> : <Badge tone="danger">Needs reconnect</Badge>}
          </p>
          {connection.userPrincipalName && <p className="account__upn mono">{connection.userPrincipalName}</p>}
        </div>
      </div>
      <dl className="details">
        <dt>Tenant</dt>
        <dd className="mono">{connection.tenantId}</dd>
        <dt>Connected</dt>
        <dd>
          <Timestamp iso={connection.connectedAt} />
        </dd>
        <dt>Last refreshed</dt>
        <dd>
          <Timestamp iso={connection.lastRefreshedAt} />
        </dd>
        <dt>Permissions</dt>
        <dd>
          <ul className="chips" aria-label="Granted permissions">
            {connection.scopes.map((scope) => (
              <li key={scope} className="chip chip--mono">
                {scope.replace(/^https:\/\/graph\.microsoft\.com\//, '')}
              </li>
            ))}
          </ul>
        </dd>
      </dl>
    </div>
  );
}
