// Tenants: every customer tenant whose administrator granted admin consent to the workspace's app (the MSP case),
// each with its own label, health and Test Connection. Pausing a tenant stops the hub's application calls there;
// removing one forgets it here while Microsoft's consent stays in the customer's Entra ID (the dialog says so).
import { useState, type FormEvent } from 'react';
import * as m365 from '../api/m365-client.js';
import type { TenantConnection } from '../api/m365-types.js';
import { asProblem, type ApiProblem } from '../api/problem.js';
import { Badge } from '../components/badge.js';
import { Card } from '../components/card.js';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import { DataTable } from '../components/data-table.js';
import { EmptyState } from '../components/empty-state.js';
import { FieldError, invalidProps } from '../components/field-error.js';
import { LoadingState } from '../components/loading-state.js';
import { ProblemBanner } from '../components/problem-banner.js';
import { useToast } from '../components/toast-provider.js';
import { useLoader } from '../hooks/use-loader.js';
import { HealthBadge, healthLabel } from './health-badge.js';
import { useTestConnection } from './use-test-connection.js';

const nameOf = (tenant: TenantConnection) => tenant.label ?? tenant.tenantId;

export function TenantsSection({ workspaceId }: { workspaceId: string }) {
  const { notify } = useToast();
  const tenants = useLoader(() => m365.listTenants(workspaceId), [workspaceId]);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [removing, setRemoving] = useState<TenantConnection | null>(null);

  async function setPaused(tenant: TenantConnection, paused: boolean) {
    try {
      await m365.updateTenant(workspaceId, tenant.tenantId, { paused });
      notify({ tone: 'success', title: paused ? `${nameOf(tenant)} paused` : `${nameOf(tenant)} resumed`, detail: paused ? 'The hub makes no application calls in this tenant until you resume it.' : undefined });
      tenants.reload();
    } catch (error) {
      notify({ tone: 'error', title: paused ? 'Tenant not paused' : 'Tenant not resumed', detail: asProblem(error).detail });
    }
  }

  async function remove(tenant: TenantConnection) {
    const removed = await m365.removeTenant(workspaceId, tenant.tenantId);
    notify({ tone: 'success', title: `${nameOf(tenant)} removed`, detail: removed.message });
    tenants.reload();
  }

  return (
    <Card id="tenants" title="Tenants" description="Customer tenants whose administrator granted admin consent to this app. Each has its own health; a paused tenant gets no application calls.">
      {tenants.problem && <ProblemBanner problem={tenants.problem} onRetry={tenants.reload} />}
      {!tenants.data && !tenants.problem && <LoadingState label="Loading tenants…" />}
      {tenants.data && tenants.data.items.length === 0 && <EmptyState title="No tenant has granted admin consent yet">Grant admin consent (or send a customer's administrator an admin consent link) to add one.</EmptyState>}
      {tenants.data && tenants.data.items.length > 0 && (
        <DataTable
          label="Connected tenants"
          rows={tenants.data.items}
          rowKey={(t) => t.tenantId}
          rowProps={(t) => ({ 'data-tenant': t.tenantId })}
          columns={[
            {
              header: 'Tenant',
              cell: (t) =>
                renaming === t.tenantId ? (
                  <RenameTenantForm workspaceId={workspaceId} tenant={t} onDone={() => { setRenaming(null); tenants.reload(); }} />
                ) : (
                  <>
                    <span>{t.label ?? 'Unlabelled tenant'}</span>
                    <span className="cell-sub mono">{t.tenantId}</span>
                  </>
                ),
            },
            { header: 'Status', cell: (t) => (t.status === 'paused' ? <Badge tone="muted">Paused</Badge> : <Badge tone="success">Active</Badge>) },
            { header: 'Health', cell: (t) => <HealthBadge status={t.health} checkedAt={t.healthCheckedAt} /> },
            {
              header: 'Actions',
              hideHeader: true,
              cell: (t) => (
                <div className="tenant__actions">
                  <TenantTestButton workspaceId={workspaceId} tenant={t} onTested={tenants.reload} />
                  <button type="button" className="button button--secondary button--small" onClick={() => setRenaming(renaming === t.tenantId ? null : t.tenantId)}>
                    Rename<span className="visually-hidden"> {nameOf(t)}</span>
                  </button>
                  <button type="button" className="button button--secondary button--small" onClick={() => setPaused(t, t.status !== 'paused')}>
                    {t.status === 'paused' ? 'Resume' : 'Pause'}
                    <span className="visually-hidden"> {nameOf(t)}</span>
                  </button>
                  <button type="button" className="button button--danger-ghost button--small" onClick={() => setRemoving(t)}>
                    Remove<span className="visually-hidden"> {nameOf(t)}</span>
                  </button>
                </div>
              ),
            },
          ]}
        />
      )}
      {removing && (
        <ConfirmDialog title={`Remove ${nameOf(removing)}?`} confirmLabel="Remove tenant" onConfirm={() => remove(removing)} onClose={() => setRemoving(null)}>
          <p>
            m365hub forgets tenant <code>{removing.tenantId}</code> and its cached app token, and stops testing and scheduling work there.
          </p>
          <p>
            Microsoft's admin consent stays in that tenant: to revoke the app's access, a tenant administrator deletes the app in the Entra admin center under Enterprise applications.
          </p>
        </ConfirmDialog>
      )}
    </Card>
  );
}

function RenameTenantForm({ workspaceId, tenant, onDone }: { workspaceId: string; tenant: TenantConnection; onDone(): void }) {
  const [label, setLabel] = useState(tenant.label ?? '');
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const id = `tenant-label-${tenant.tenantId}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      await m365.updateTenant(workspaceId, tenant.tenantId, { label: label.trim() === '' ? null : label.trim() });
      onDone();
    } catch (error) {
      setProblem(asProblem(error));
    }
  }

  return (
    <form className="inline-form" onSubmit={submit}>
      <div className="field field--grow">
        <label htmlFor={id}>Label for {tenant.tenantId}</label>
        <input id={id} {...invalidProps(problem, '/body/label', `${id}-error`)} maxLength={200} value={label} autoFocus onChange={(event) => setLabel(event.target.value)} />
        <FieldError problem={problem} pointer="/body/label" id={`${id}-error`} />
      </div>
      <button type="submit" className="button button--primary button--small">
        Save label
      </button>
      {problem && <ProblemBanner problem={problem} shownAtFields={['/body/label']} />}
    </form>
  );
}

function TenantTestButton({ workspaceId, tenant, onTested }: { workspaceId: string; tenant: TenantConnection; onTested(): void }) {
  const { notify } = useToast();
  const { run, start } = useTestConnection(
    workspaceId,
    (outcome) => {
      if (outcome.state === 'done') notify({ tone: outcome.report.health === 'connected' ? 'success' : 'error', title: `${nameOf(tenant)}: ${healthLabel(outcome.report.health)}` });
      if (outcome.state === 'failed') notify({ tone: 'error', title: 'Test Connection could not run', detail: outcome.problem.detail });
      onTested();
    },
    () => m365.startTenantTest(workspaceId, tenant.tenantId),
  );
  const running = run.state === 'running';
  return (
    <button type="button" className="button button--secondary button--small" disabled={running} onClick={() => void start()}>
      {running ? 'Testing…' : 'Test connection'}
      <span className="visually-hidden"> {nameOf(tenant)}</span>
    </button>
  );
}
