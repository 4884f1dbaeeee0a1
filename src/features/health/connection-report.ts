// The shape of a Test Connection report: its steps and the health they add up to. Its own module so the step
// checkers (registration-check.ts …) and the runner (test-connection.ts) share it without importing each other.
import type { PermissionMode, Service } from '../../microsoft/identity/index.js';
import type { ReportBasis } from './report-basis.js';

export type ConnectionHealth = 'connected' | 'setup_error' | 'consent_required' | 'authentication_error' | 'permission_error' | 'service_error';
/** `connection`: the acting user's own Microsoft 365 connection, used for the delegated checks. */
export type StepName = 'credentials' | 'connection' | 'registration' | 'permissions' | `service:${Service}`;

export interface TestStep {
  name: StepName;
  status: 'passed' | 'failed' | 'skipped';
  /** Stable, on failed steps: an identity code (invalid_client_secret …), permissions_missing, or graph_*. */
  code?: string;
  message?: string;
  fix?: string;
  details?: Record<string, unknown>;
}

export interface ConnectionReport {
  health: ConnectionHealth;
  checkedAt: string;
  credential: 'active' | 'pending';
  mode: PermissionMode;
  steps: TestStep[];
  /** What was tested (credential, services, tenant, consent): tells a later reader whether the report is outdated. */
  basis?: ReportBasis;
}
