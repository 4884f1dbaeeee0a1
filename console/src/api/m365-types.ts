// The Microsoft 365 resources the console reads and writes. Integration, credential, connection and setup guide
// are the server's own schema types (`import type` only: no schema code reaches the browser bundle). The Test
// Connection report and the health view mirror the hub's job result and health answer field by field.
import type { Static } from 'typebox';
import type {
  AdminConsentLink as AdminConsentLinkSchema,
  Connection,
  Credential,
  CredentialBody,
  Integration,
  PutIntegrationBody,
  SERVICE_NAMES,
  SetupGuideResource,
} from '../../../src/http/schemas/integration-schemas.js';

export type { Connection, Credential, CredentialBody, Integration, PutIntegrationBody };
export type ServiceName = (typeof SERVICE_NAMES)[number];
export type PermissionMode = 'delegated' | 'application';
export type ServiceSelection = Integration['services'][number];
export type AdminConsentLink = Static<typeof AdminConsentLinkSchema>;
export type SetupGuide = Static<typeof SetupGuideResource>;

export type HealthStatus = 'unknown' | 'connected' | 'authentication_error' | 'permission_error' | 'service_error';

export interface TestStep {
  name: string;
  status: 'passed' | 'failed' | 'skipped';
  code?: string;
  message?: string;
  fix?: string;
  details?: Record<string, unknown>;
}

export interface ConnectionReport {
  health: Exclude<HealthStatus, 'unknown'>;
  checkedAt: string;
  credential: 'active' | 'pending';
  mode: PermissionMode;
  steps: TestStep[];
}

export interface CredentialWarning {
  credentialId: string;
  kind: 'secret' | 'certificate';
  status: 'active' | 'pending';
  expiresAt: string;
  daysLeft: number;
  threshold: number;
  message: string;
}

export interface HealthView {
  health: HealthStatus;
  checkedAt: string | null;
  report: ConnectionReport | null;
  credentialWarnings: CredentialWarning[];
}

/** A permission Test Connection found missing (the `missing` entries of the permissions step's details). */
export interface MissingPermission {
  name: string;
  type: 'Scope' | 'Role' | string;
  why?: string;
  referenceUrl?: string;
}
