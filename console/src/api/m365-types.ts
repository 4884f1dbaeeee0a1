// The Microsoft 365 resources the console reads and writes: the server's own schema types (`import type` only, so
// no schema code reaches the browser bundle).
import type { Static } from 'typebox';
import type {
  AdminConsentLink as AdminConsentLinkSchema,
  Connection,
  ConsentRequest,
  ConsentRequestList,
  ConsentRequestStatus,
  Credential,
  CredentialBody,
  Integration,
  PutIntegrationBody,
  SERVICE_NAMES,
  SetupGuideResource,
} from '../../../src/contract/integration-schemas.js';
import type { ConnectionReport, IntegrationHealthResource } from '../../../src/contract/health-schemas.js';
import type { RemovedTenant as RemovedTenantSchema, TenantConnection, TenantConnectionDetail, UpdateTenantBody } from '../../../src/contract/tenant-schemas.js';
import type {
  CreateWebhookBody,
  UpdateWebhookBody,
  Webhook,
  WebhookDelivery,
  WebhookEventType,
  WebhookWithSecret,
} from '../../../src/contract/webhook-schemas.js';

export type { Connection, ConsentRequest, ConsentRequestList, ConsentRequestStatus, Credential, CredentialBody, Integration, PutIntegrationBody };
export type ServiceName = (typeof SERVICE_NAMES)[number];
export type PermissionMode = 'delegated' | 'application';
export type ServiceSelection = Integration['services'][number];
export type AdminConsentLink = Static<typeof AdminConsentLinkSchema>;
export type SetupGuide = Static<typeof SetupGuideResource>;

export type HealthStatus = IntegrationHealthResource['health'];
export type TestStep = ConnectionReport['steps'][number];
export type HealthView = IntegrationHealthResource;
export type CredentialWarning = IntegrationHealthResource['credentialWarnings'][number];
export type { ConnectionReport, CreateWebhookBody, UpdateWebhookBody, Webhook, WebhookDelivery, WebhookEventType, WebhookWithSecret };

/** A permission Test Connection found missing (the `missing` entries of the permissions step's details). */
export interface MissingPermission {
  name: string;
  type: 'Scope' | 'Role' | string;
  why?: string;
  referenceUrl?: string;
}
export type { TenantConnection, TenantConnectionDetail, UpdateTenantBody };
export type RemovedTenant = Static<typeof RemovedTenantSchema>;
