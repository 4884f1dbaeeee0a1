// The compliance dashboard of a workspace: its tenants (every tenant connection, and any tenant with snapshots) with
// health, last sync and failing policies; "Refresh data" and the automatic sync of the chosen one (or of the
// integration's tenant before any tenant connected), and for the chosen one the Secure
// Score trend, the newest snapshot's assessment with evidence, the drift timeline with diffs, the hash chain's
// state and the exports (access review, evidence bundle).
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { getIntegration } from '../api/m365-client.js';
import { Badge } from '../components/badge.js';
import { Card } from '../components/card.js';
import { EmptyState } from '../components/empty-state.js';
import { LoadingState } from '../components/loading-state.js';
import { Notice } from '../components/notice.js';
import { PageHeader } from '../components/page-header.js';
import { ProblemBanner } from '../components/problem-banner.js';
import { DataTable } from '../components/data-table.js';
import { Timestamp } from '../components/timestamp.js';
import { HealthBadge } from '../integrations/health-badge.js';
import { useLoader } from '../hooks/use-loader.js';
import { useWorkspace } from '../workspaces/workspaces-context.js';
import { AccessReviewsPanel } from './access-reviews-panel.js';
import { AssessmentResults } from './assessment-results.js';
import * as api from './compliance-client.js';
import { DriftTimeline } from './drift-timeline.js';
import { SecureScoreTrend } from './secure-score-trend.js';
import { SyncCard } from './sync-card.js';
import './compliance.css';

export function CompliancePage() {
  const workspace = useWorkspace();
  const tenants = useLoader(() => api.listTenants(workspace.id), [workspace.id]);
  // Before the first snapshot, the tenant to sync is the integration's (or the one admin consent recorded).
  const integration = useLoader(() => getIntegration(workspace.id).catch(() => null), [workspace.id]);
  const [params, setParams] = useSearchParams();
  const integrationTenant = integration.data?.azureTenantId ?? integration.data?.adminConsent?.tenant ?? null;
  const tenantId = params.get('tenant') ?? tenants.data?.items[0]?.tenantId ?? integrationTenant;
  const chosen = tenants.data?.items.find((t) => t.tenantId === tenantId);
  const [synced, setSynced] = useState(0);

  return (
    <>
      <PageHeader
        title="Compliance"
        description="Your tenants' security configuration assessed against CISA's SCuBA Entra ID baseline, how it drifts, and the evidence for auditors."
        actions={
          <button type="button" className="button button--secondary" onClick={tenants.reload} disabled={tenants.loading}>
            Refresh
          </button>
        }
      />
      <div className="compliance-grid">
        <Notice title="Not in Microsoft Graph: mail flow rules and Exchange Online settings">
          They are not readable through Microsoft Graph, so they are neither collected nor assessed here.
        </Notice>
        <Card title="Tenants" description="Each tenant connected to this workspace (and any with imported snapshots): its health, last sync and failing policies.">
          {tenants.problem && <ProblemBanner problem={tenants.problem} onRetry={tenants.reload} />}
          {!tenants.data && !tenants.problem && <LoadingState label="Loading tenants…" />}
          {tenants.data?.items.length === 0 && (
            <EmptyState title="No tenant yet">
              {tenantId
                ? 'Refresh data below to read the tenant, or import a snapshot through the API, to see its assessment here.'
                : 'Set up the Microsoft 365 integration with the compliance service in application mode and grant admin consent; then refresh data here.'}
            </EmptyState>
          )}
          {tenants.data && tenants.data.items.length > 0 && (
            <DataTable
              label="Tenants"
              compact
              rows={tenants.data.items}
              rowKey={(t) => t.tenantId}
              columns={[
                {
                  header: 'Tenant',
                  cell: (t) => (
                    <>
                      {t.label && <strong>{t.label}</strong>} <code>{t.tenantId}</code>
                    </>
                  ),
                },
                { header: 'Connection', cell: (t) => <TenantConnection tenant={t} /> },
                { header: 'Last sync', cell: (t) => (t.lastCollectedAt ? <Timestamp iso={t.lastCollectedAt} /> : <span className="muted">Never</span>) },
                { header: 'Failing', cell: (t) => (t.failing === null ? <span className="muted">—</span> : <Badge tone={t.failing > 0 ? 'danger' : 'success'}>{t.failing} failing</Badge>) },
                { header: 'Automatic sync', cell: (t) => (t.syncIntervalHours === null ? <span className="muted">Off</span> : `Every ${t.syncIntervalHours} h`) },
                {
                  header: 'Open',
                  hideHeader: true,
                  cell: (t) =>
                    t.tenantId === tenantId ? (
                      <Badge tone="accent">Showing</Badge>
                    ) : (
                      <button type="button" className="button button--secondary button--small" onClick={() => setParams({ tenant: t.tenantId })}>
                        Show {t.label ?? `${t.tenantId.slice(0, 8)}…`}
                      </button>
                    ),
                },
              ]}
            />
          )}
        </Card>
        {tenantId && (
          <SyncCard
            workspaceId={workspace.id}
            tenantId={tenantId}
            onScheduleChanged={tenants.reload}
            onSynced={() => {
              tenants.reload();
              setSynced((n) => n + 1);
            }}
          />
        )}
        {tenantId && (chosen?.snapshots ?? 0) > 0 && <TenantPanels key={synced} workspaceId={workspace.id} tenantId={tenantId} />}
        <AccessReviewsPanel workspaceId={workspace.id} tenantId={tenantId} />
      </div>
    </>
  );
}

/** Whether the hub can sync the tenant: its connection and last Test Connection, or why it cannot. */
function TenantConnection({ tenant }: { tenant: api.TenantView }) {
  if (tenant.connection === 'not_connected') return <Badge tone="neutral">Not connected (snapshots only)</Badge>;
  if (tenant.connection === 'paused') return <Badge tone="muted">Paused</Badge>;
  return <HealthBadge status={tenant.health ?? 'unknown'} />;
}

function TenantPanels({ workspaceId, tenantId }: { workspaceId: string; tenantId: string }) {
  const chain = useLoader(async () => {
    const [snapshots, verification, runs, trend] = await Promise.all([
      api.listSnapshots(workspaceId, tenantId),
      api.verifyChain(workspaceId, tenantId),
      api.listRuns(workspaceId, tenantId),
      api.secureScoreTrend(workspaceId, tenantId),
    ]);
    // The hub assessed every snapshot as it arrived, with the tenant's stored configuration; show the newest run.
    const newestRun = runs.items.at(-1);
    const assessment = newestRun ? await api.getRun(workspaceId, newestRun.id) : null;
    const points = trend.points.flatMap((p) => (p.percentage === null ? [] : [{ day: p.day, percent: p.percentage }]));
    return { snapshots: snapshots.items, verification, assessment, points };
  }, [workspaceId, tenantId]);

  if (chain.problem) return <ProblemBanner problem={chain.problem} onRetry={chain.reload} />;
  if (!chain.data) return <LoadingState label="Loading the tenant's snapshots…" />;
  const { snapshots, verification, assessment, points } = chain.data;
  return (
    <>
      <Card title="Secure Score trend" description="Microsoft Secure Score as a percentage of the maximum, per day, from every snapshot of the tenant.">
        <SecureScoreTrend points={points} />
      </Card>
      <Card title="Assessment" description="The newest snapshot against the SCuBA Entra ID baseline and the hub's checks, as the hub assessed it on arrival with the tenant's exclusions.">
        {assessment ? <AssessmentResults assessment={{ ...assessment, comparedWith: assessment.previousRunId ? { newlyFailing: assessment.newlyFailing } : null }} /> : <p className="muted">No snapshot.</p>}
      </Card>
      <Card title="Drift" description="What differs from the pinned baseline: opened when a snapshot shows it, resolved when the tenant returns to the baseline.">
        <DriftTimeline workspaceId={workspaceId} tenantId={tenantId} snapshots={snapshots} />
      </Card>
      <Card title="Evidence and exports">
        <p>
          {verification.valid ? (
            <>
              <Badge tone="success">Hash chain verified</Badge> {verification.snapshots} snapshot(s), head <code>{verification.headHash?.slice(0, 16)}…</code>
            </>
          ) : (
            <>
              <Badge tone="danger">Hash chain broken</Badge> at snapshot {verification.firstBrokenLink?.snapshotId}: {verification.firstBrokenLink?.reason}
            </>
          )}
        </p>
        <p className="export-links">
          <a className="button button--secondary" href={api.evidenceUrl(workspaceId, tenantId)} download>
            Evidence bundle (zip)
          </a>
          <a className="button button--secondary" href={api.accessReviewUrl(workspaceId, tenantId)} download>
            Access review (CSV)
          </a>
          <a className="button button--secondary" href={api.accessReviewUrl(workspaceId, tenantId, '?format=json')} download>
            Access review (JSON)
          </a>
          <a className="button button--secondary" href={api.accessReviewUrl(workspaceId, tenantId, '?privileged=true')} download>
            Privileged users (CSV)
          </a>
          <a className="button button--secondary" href={api.accessReviewUrl(workspaceId, tenantId, '?userType=Guest')} download>
            Guests (CSV)
          </a>
        </p>
      </Card>
    </>
  );
}
