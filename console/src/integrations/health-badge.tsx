// The integration's health at a glance: what the last Test Connection (or the hourly check) found, and when.
import type { HealthStatus } from '../api/m365-types.js';
import { Timestamp } from '../components/timestamp.js';

const HEALTH: Record<HealthStatus, { label: string; tone: string }> = {
  connected: { label: 'Connected', tone: 'success' },
  authentication_error: { label: 'Authentication error', tone: 'danger' },
  permission_error: { label: 'Permission error', tone: 'warning' },
  service_error: { label: 'Service error', tone: 'danger' },
  unknown: { label: 'Never tested', tone: 'neutral' },
};

export function healthLabel(status: string): string {
  return (HEALTH[status as HealthStatus] ?? HEALTH.unknown).label;
}

export function HealthBadge({ status, checkedAt }: { status: string; checkedAt?: string | null }) {
  const health = HEALTH[status as HealthStatus] ?? HEALTH.unknown;
  return (
    <span className="health" data-health={status}>
      <span className={`health__pill health__pill--${health.tone}`}>
        <span className="health__dot" aria-hidden="true" />
        {health.label}
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
