// The console's calls to the Microsoft 365 part of the hub: the workspace's integration (admins), Test Connection
// and health, and the signed-in user's own connection. Browser flows (connect, admin consent) are full-page
// navigations to /auth/m365/…, not fetches: Microsoft's pages must own the tab.
import { request } from './client.js';
import type { Job, Page } from './types.js';
import type { SiteGrantReport } from '../../../src/contract/site-grant-schemas.js';
import type {
  ServiceSelection,
  AdminConsentLink,
  Connection,
  ConnectionReport,
  ConsentRequestList,
  CreateWebhookBody,
  Credential,
  CredentialBody,
  HealthView,
  Integration,
  PutIntegrationBody,
  SetupGuide,
  UpdateWebhookBody,
  Webhook,
  WebhookDelivery,
  WebhookWithSecret,
  RemovedTenant,
  TenantConnection,
  TenantConnectionDetail,
  UpdateTenantBody,
} from './m365-types.js';

const segment = encodeURIComponent;
const integrationPath = (workspaceId: string) => `/workspaces/${segment(workspaceId)}/integrations/m365`;

/** The integration, or null when the workspace has none yet (404 is the normal empty state here). */
export async function getIntegration(workspaceId: string): Promise<Integration | null> {
  try {
    return await request<Integration>('GET', integrationPath(workspaceId));
  } catch (error) {
    if ((error as { status?: number }).status === 404) return null;
    throw error;
  }
}

export const putIntegration = (workspaceId: string, body: PutIntegrationBody): Promise<Integration> =>
  request('PUT', integrationPath(workspaceId), { body });

export const deleteIntegration = (workspaceId: string): Promise<void> => request('DELETE', integrationPath(workspaceId));

export const addPendingCredential = (workspaceId: string, body: CredentialBody): Promise<Credential> =>
  request('POST', `${integrationPath(workspaceId)}/credentials`, { body });

export const promotePendingCredential = (workspaceId: string): Promise<Integration> =>
  request('POST', `${integrationPath(workspaceId)}/credentials/promote`);

export const discardPendingCredential = (workspaceId: string): Promise<void> =>
  request('DELETE', `${integrationPath(workspaceId)}/credentials/pending`);

/** `services`: a choice not saved yet (the form's ticks), so the guide can follow it; else the saved services. */
export const getSetupGuide = (workspaceId: string, services?: readonly ServiceSelection[]): Promise<SetupGuide> =>
  request('GET', `${integrationPath(workspaceId)}/setup-guide`, {
    query: { services: services?.flatMap((s) => s.modes.map((mode) => `${s.service}.${mode}`)).join(',') },
  });

export const getAdminConsentLink = (workspaceId: string, returnTo?: string): Promise<AdminConsentLink> =>
  request('GET', `${integrationPath(workspaceId)}/admin-consent-url`, { query: { returnTo } });

/** Users' admin consent requests for the workspace's app, read live from Microsoft Graph (admins). */
export const listConsentRequests = (workspaceId: string): Promise<ConsentRequestList> => request('GET', `${integrationPath(workspaceId)}/consent-requests`);

/** The stored health; null when the hub has no health route yet or no integration (both mean "never tested" here). */
export async function getHealth(workspaceId: string): Promise<HealthView | null> {
  try {
    return await request<HealthView>('GET', `${integrationPath(workspaceId)}/health`);
  } catch (error) {
    if ((error as { status?: number }).status === 404) return null;
    throw error;
  }
}

/** Starts Test Connection (a job); `pending` tests the credential added by Update Credentials before promoting it. */
export const startTestConnection = (workspaceId: string, credential: 'active' | 'pending' = 'active'): Promise<Job> =>
  request('POST', `${integrationPath(workspaceId)}/test`, { body: credential === 'pending' ? { credential } : {} });

export const getJob = (workspaceId: string, jobId: string): Promise<Job> =>
  request('GET', `/workspaces/${segment(workspaceId)}/jobs/${segment(jobId)}`);

export const isReport = (value: unknown): value is ConnectionReport =>
  typeof value === 'object' && value !== null && Array.isArray((value as ConnectionReport).steps) && typeof (value as ConnectionReport).health === 'string';

// The signed-in user's own connection

/** Your connection in this workspace, or null when you have not connected. */
export async function getMyConnection(workspaceId: string): Promise<Connection | null> {
  try {
    return await request<Connection>('GET', `/workspaces/${segment(workspaceId)}/me/connection`);
  } catch (error) {
    if ((error as { status?: number }).status === 404) return null;
    throw error;
  }
}

export const disconnectMe = (workspaceId: string): Promise<void> => request('DELETE', `/workspaces/${segment(workspaceId)}/me/connection`);

/** Where the browser goes to connect (same tab): the hub redirects to Microsoft and back to `returnTo`. */
export function connectUrl(workspaceId: string, returnTo: string): string {
  return `/auth/m365/connect?${new URLSearchParams({ workspaceId, returnTo })}`;
}

/** Where an admin goes to grant admin consent (same tab), back to `returnTo` with ?m365_admin_consent=1. */
export function adminConsentUrl(workspaceId: string, returnTo: string): string {
  return `/auth/m365/admin-consent?${new URLSearchParams({ workspaceId, returnTo })}`;
}

// Webhooks of the workspace (admins)

const webhooksPath = (workspaceId: string) => `/workspaces/${segment(workspaceId)}/webhooks`;

export const listWebhooks = (workspaceId: string): Promise<Page<Webhook>> => request('GET', webhooksPath(workspaceId), { query: { limit: 100 } });

export const createWebhook = (workspaceId: string, body: CreateWebhookBody): Promise<WebhookWithSecret> => request('POST', webhooksPath(workspaceId), { body });

export const updateWebhook = (workspaceId: string, webhookId: string, body: UpdateWebhookBody): Promise<Webhook> =>
  request('PATCH', `${webhooksPath(workspaceId)}/${segment(webhookId)}`, { body });

export const deleteWebhook = (workspaceId: string, webhookId: string): Promise<void> => request('DELETE', `${webhooksPath(workspaceId)}/${segment(webhookId)}`);

export const rotateWebhookSecret = (workspaceId: string, webhookId: string): Promise<WebhookWithSecret> =>
  request('POST', `${webhooksPath(workspaceId)}/${segment(webhookId)}/rotate-secret`);

export const listDeliveries = (workspaceId: string, webhookId: string): Promise<Page<WebhookDelivery>> =>
  request('GET', `${webhooksPath(workspaceId)}/${segment(webhookId)}/deliveries`, { query: { limit: 20 } });

export const redeliver = (workspaceId: string, webhookId: string, deliveryId: string): Promise<unknown> =>
  request('POST', `${webhooksPath(workspaceId)}/${segment(webhookId)}/deliveries/${segment(deliveryId)}/redeliver`);

// The customer tenants that granted admin consent (the MSP case)

const tenantsPath = (workspaceId: string) => `/workspaces/${segment(workspaceId)}/tenants`;

export const listTenants = (workspaceId: string): Promise<Page<TenantConnection>> => request('GET', `${tenantsPath(workspaceId)}?limit=200`);

export const updateTenant = (workspaceId: string, tenantId: string, body: UpdateTenantBody): Promise<TenantConnectionDetail> =>
  request('PATCH', `${tenantsPath(workspaceId)}/${segment(tenantId)}`, { body });

export const removeTenant = (workspaceId: string, tenantId: string): Promise<RemovedTenant> => request('DELETE', `${tenantsPath(workspaceId)}/${segment(tenantId)}`);

export const startTenantTest = (workspaceId: string, tenantId: string): Promise<Job> => request('POST', `${tenantsPath(workspaceId)}/${segment(tenantId)}/test`);
/** Sites.Selected: grants the app each allowed site with the admin's own connection (Sites.FullControl.All); the result per site. */
export const grantAllowedSites = (workspaceId: string): Promise<SiteGrantReport> => request('POST', `${integrationPath(workspaceId)}/site-grants`);
