// Webhooks: where the hub sends the workspace's events (a connection's health changed, a secret is expiring, a user
// connected…), each POST signed with the endpoint's secret. The secret is shown once, at creation or rotation.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import * as m365 from '../api/m365-client.js';
import type { Webhook, WebhookEventType, WebhookWithSecret } from '../api/m365-types.js';
import { asProblem, type ApiProblem } from '../api/problem.js';
import { Badge } from '../components/badge.js';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import { OneTimeSecret } from '../components/one-time-secret.js';
import { FieldError, focusFirstInvalid, invalidProps } from '../components/field-error.js';
import { DataTable } from '../components/data-table.js';
import { EmptyState } from '../components/empty-state.js';
import { LoadingState } from '../components/loading-state.js';
import { ProblemBanner } from '../components/problem-banner.js';
import { Timestamp } from '../components/timestamp.js';
import { useToast } from '../components/toast-provider.js';
import { useLoader } from '../hooks/use-loader.js';

const EVENT_TYPES: Record<WebhookEventType, string> = {
  'connection.health_changed': "The integration's health changed",
  'connection.connected': 'A user connected Microsoft 365',
  'connection.disconnected': 'A user disconnected',
  'connection.needs_reconnect': 'A connection needs reconnecting',
  'credential.expiring': 'A secret or certificate expires soon',
  'credential.expired': 'A secret or certificate expired',
  'graph.notification': 'Microsoft 365 data changed (a Graph subscription)',
  'graph.subscription_failed': 'A Graph subscription stopped and needs attention',
  'compliance.drift_detected': "A tenant's settings drifted from its pinned compliance baseline",
  'tenant.added': 'A customer tenant granted admin consent',
  'tenant.removed': 'A customer tenant was removed',
  'tenant.health_changed': "A customer tenant's health changed",
};
const ALL_EVENTS = Object.keys(EVENT_TYPES) as WebhookEventType[];

export function WebhooksSection({ workspaceId }: { workspaceId: string }) {
  const { notify } = useToast();
  const hooks = useLoader(() => m365.listWebhooks(workspaceId), [workspaceId]);
  const [secret, setSecret] = useState<WebhookWithSecret | null>(null);
  const [deleting, setDeleting] = useState<Webhook | null>(null);
  const [open, setOpen] = useState<string | null>(null);

  function revealed(created: WebhookWithSecret) {
    setSecret(created);
    hooks.reload();
  }

  async function remove(hook: Webhook) {
    await m365.deleteWebhook(workspaceId, hook.id);
    notify({ tone: 'success', title: 'Webhook endpoint deleted', detail: hook.url });
    if (secret?.id === hook.id) setSecret(null);
    hooks.reload();
  }

  return (
    <section className="card" aria-labelledby="webhooks-title">
      <div className="card__header">
        <h2 className="card__title" id="webhooks-title">
          Webhooks
        </h2>
        <p className="card__description">
          Your backend hears about changes as they happen: m365hub POSTs each event as JSON, signed with HMAC-SHA256 in the <code>M365Hub-Signature</code> header,
          and retries with backoff.
        </p>
      </div>
      <div className="card__body">
        {secret && <SecretOnce webhook={secret} onDone={() => setSecret(null)} />}
        <CreateWebhookForm workspaceId={workspaceId} onCreated={revealed} />
        {hooks.problem && <ProblemBanner problem={hooks.problem} onRetry={hooks.reload} />}
        {!hooks.data && !hooks.problem && <LoadingState label="Loading webhooks…" />}
        {hooks.data && hooks.data.items.length === 0 && <EmptyState title="No webhook endpoints yet">Add your backend's URL above to receive events.</EmptyState>}
        {hooks.data && hooks.data.items.length > 0 && (
          <ul className="webhooks" aria-label="Webhook endpoints">
            {hooks.data.items.map((hook) => (
              <li key={hook.id} className="webhook">
                <div className="webhook__row">
                  <div className="webhook__main">
                    <code className="webhook__url">{hook.url}</code>
                    <span className="cell-sub">
                      {hook.eventTypes === null ? 'All events' : hook.eventTypes.map((t) => t).join(', ')} · added <Timestamp iso={hook.createdAt} />
                    </span>
                  </div>
                  {hook.enabled ? <Badge tone="success">Enabled</Badge> : <Badge tone="muted">Paused</Badge>}
                  <div className="webhook__actions">
                    <button type="button" className="button button--secondary button--small" aria-expanded={open === hook.id} onClick={() => setOpen(open === hook.id ? null : hook.id)}>
                      {open === hook.id ? 'Hide deliveries' : 'Deliveries'}
                    </button>
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      onClick={async () => {
                        try {
                          revealed(await m365.rotateWebhookSecret(workspaceId, hook.id));
                        } catch (error) {
                          notify({ tone: 'error', title: 'Secret not rotated', detail: asProblem(error).detail });
                        }
                      }}
                    >
                      Rotate secret
                    </button>
                    <button type="button" className="button button--danger-ghost button--small" onClick={() => setDeleting(hook)}>
                      Delete<span className="visually-hidden"> {hook.url}</span>
                    </button>
                  </div>
                </div>
                {open === hook.id && <DeliveryLog workspaceId={workspaceId} webhookId={hook.id} />}
              </li>
            ))}
          </ul>
        )}
      </div>
      {deleting && (
        <ConfirmDialog title="Delete this webhook endpoint?" confirmLabel="Delete endpoint" onConfirm={() => remove(deleting)} onClose={() => setDeleting(null)}>
          <p>
            <code>{deleting.url}</code> stops receiving events, and its delivery log is deleted.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}

function CreateWebhookForm({ workspaceId, onCreated }: { workspaceId: string; onCreated(created: WebhookWithSecret): void }) {
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<Set<WebhookEventType>>(() => new Set(ALL_EVENTS));
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const all = events.size === ALL_EVENTS.length;
      onCreated(await m365.createWebhook(workspaceId, { url: url.trim(), eventTypes: all ? null : ALL_EVENTS.filter((t) => events.has(t)) }));
      setUrl('');
    } catch (error) {
      setProblem(asProblem(error));
      focusFirstInvalid(event.target as HTMLFormElement);
    } finally {
      setBusy(false);
    }
  }

  const toggle = (type: WebhookEventType, on: boolean) =>
    setEvents((current) => {
      const next = new Set(current);
      if (on) next.add(type);
      else next.delete(type);
      return next;
    });

  return (
    <form className="form webhook-form" onSubmit={submit}>
      <div className="inline-form">
        <div className="field field--grow">
          <label htmlFor="webhook-url">Endpoint URL</label>
          <input id="webhook-url" {...invalidProps(problem, '/body/url', 'webhook-url-error')} type="url" required placeholder="https://api.example.com/hooks/m365hub" value={url} onChange={(event) => setUrl(event.target.value)} />
          <FieldError problem={problem} pointer="/body/url" id="webhook-url-error" />
        </div>
        <button type="submit" className="button button--primary" disabled={busy || url.trim() === '' || events.size === 0}>
          {busy ? 'Adding…' : 'Add endpoint'}
        </button>
      </div>
      <fieldset className="event-types">
        <legend className="field-legend">Events</legend>
        {ALL_EVENTS.map((type) => (
          <label key={type} className="event-type">
            <input type="checkbox" className="checkbox" checked={events.has(type)} onChange={(event) => toggle(type, event.target.checked)} />
            <span>
              <code>{type}</code>
              <span className="cell-sub">{EVENT_TYPES[type]}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {problem && <ProblemBanner problem={problem} shownAtFields={['/body/url']} />}
    </form>
  );
}

function SecretOnce({ webhook, onDone }: { webhook: WebhookWithSecret; onDone(): void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="card card--highlight secret-once">
      <div className="card__header">
        <h3 className="card__title" tabIndex={-1} ref={heading}>
          Signing secret for {webhook.url}
        </h3>
        <p className="card__description warning-text">
          Copy it into your backend's configuration now. <strong>You won't see it again.</strong>
        </p>
      </div>
      <OneTimeSecret id="webhook-secret" label="Webhook signing secret" value={webhook.secret} copyLabel="Copy secret" doneLabel="I've saved the secret" onDone={onDone} />
    </div>
  );
}

function DeliveryLog({ workspaceId, webhookId }: { workspaceId: string; webhookId: string }) {
  const deliveries = useLoader(() => m365.listDeliveries(workspaceId, webhookId), [workspaceId, webhookId]);
  const { notify } = useToast();
  if (deliveries.problem) return <ProblemBanner problem={deliveries.problem} onRetry={deliveries.reload} />;
  if (!deliveries.data) return <LoadingState label="Loading deliveries…" />;
  if (deliveries.data.items.length === 0) return <p className="muted webhook__empty">No events sent to this endpoint yet.</p>;
  return (
    <DataTable
      label="Deliveries"
      className="webhook__log"
      compact
      rows={deliveries.data.items}
      rowKey={(d) => d.id}
      columns={[
        { header: 'Event', cell: (d) => <code>{d.eventType}</code> },
        {
          header: 'Status',
          cell: (d) => <Badge tone={d.status === 'delivered' ? 'success' : d.status === 'failed' ? 'danger' : 'neutral'}>{d.status}</Badge>,
        },
        { header: 'Attempts', cell: (d) => d.attempts },
        { header: 'Last answer', className: 'muted', cell: (d) => d.lastStatusCode ?? d.lastError ?? '—' },
        { header: 'Sent', cell: (d) => <Timestamp iso={d.deliveredAt ?? d.createdAt} /> },
        {
          header: 'Actions',
          hideHeader: true,
          className: 'cell-actions',
          cell: (d) => (
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={async () => {
                try {
                  await m365.redeliver(workspaceId, webhookId, d.id);
                  notify({ tone: 'success', title: 'Delivery queued again' });
                  deliveries.reload();
                } catch (error) {
                  notify({ tone: 'error', title: 'Not redelivered', detail: asProblem(error).detail });
                }
              }}
            >
              Redeliver
            </button>
          ),
        },
      ]}
    />
  );
}
