// The integration's health at a glance: what the last Test Connection (or the hourly check) found, and when.
import type { HealthStatus } from '../api/m365-types.js';
import { Timestamp } from '../components/timestamp.js';

const HEALTH: Record<HealthStatus, { label: string; tone: string }> = {
  connected: { label: 'Connected', tone: 'success' },
  setup_error: { label: 'Setup incomplete', tone: 'warning' },
  consent_required: { label: 'Admin consent needed', tone: 'warning' },
  authentication_error: { label: 'Authentication error', tone: 'danger' },
  permission_error: { label: 'Permission error', tone: 'warning' },
  service_error: { label: 'Service error', tone: 'danger' },
  unknown: { label: 'Never tested', tone: 'neutral' },
};

export function healthLabel(status: string): string {
  return (HEALTH[status as HealthStatus] ?? HEALTH.unknown).label;
}

/** `outdated`: the result is about a configuration that has since changed; it is shown as such, not as today's state. */
export function HealthBadge({ status, checkedAt, outdated = false }: { status: string; checkedAt?: string | null; outdated?: boolean }) {
  const health = HEALTH[status as HealthStatus] ?? HEALTH.unknown;
  return (
    <span className="health" data-health={outdated ? 'outdated' : status}>
      <span className={`health__pill health__pill--${outdated ? 'neutral' : health.tone}`}>
        <span className="health__dot" aria-hidden="true" />
        {outdated ? 'Re-testing after a change' : health.label}
      </span>
      {checkedAt !== undefined && (
        <span className="health__when">
          {checkedAt ? (
            <>
              Checked <Timestamp iso={checkedAt} />
            </>
          ) : (
            'Run Test Connection to check it'
          )}
        </span>
      )}
    </span>
  );
}
