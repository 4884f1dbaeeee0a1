// Test Connection: proves, step by step, that a workspace's integration works, and says how to fix what does not.
//   1. credentials: an application token obtained now with the integration's (active or pending) credential —
//      never a cached one, so a rotated-in secret is really tried; delegated-only integrations use the acting
//      console user's own connection instead, or skip with what to do.
//   2. permissions: granted (the token's roles / scp) against required (the permission catalogue); what is missing
//      and the admin consent link that would add it.
//   3. one live Graph call per enabled service (service-probes.ts).
import { createGraphClient, type FetchLike, type GraphClient } from '../../microsoft/graph/graph-client.js';
import { GraphError, isUnreadableAnswer } from '../../microsoft/graph/graph-error.js';
import {
  decodeGrantedPermissions,
  IdentityError,
  missingPermissions,
  requiredPermissions,
  type EntraClient,
  type PermissionMode,
  type Service,
} from '../../microsoft/identity/index.js';
import { isMultiTenantAlias } from '../../microsoft/identity/tenant-metadata.js';
import type { IntegrationAuth } from '../integrations/integration-store.js';
import type { Logger } from '../../platform/logging/logger.js';
import type { Clock } from '../../platform/time/clock.js';
import { readMicrosoftExpiry } from './microsoft-credential-expiry.js';
import { PROBES } from './service-probes.js';

export type ConnectionHealth = 'connected' | 'authentication_error' | 'permission_error' | 'service_error';
export type StepName = 'credentials' | 'permissions' | `service:${Service}`;

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
}

export interface TestConnectionDeps {
  integrations: { loadIntegrationAuth(workspaceId: string, options?: { credential?: 'active' | 'pending' }): Promise<IntegrationAuth | undefined> };
  entra: Pick<EntraClient, 'acquireAppToken'>;
  /** The acting user's delegated Graph token (the token service); undefined when they have no connection. */
  delegatedToken?: (workspaceId: string, externalUserId: string) => Promise<string | undefined>;
  graphUrl: string;
  fetch?: FetchLike;
  graphRetry?: { maxAttempts?: number; baseDelayMs?: number; maxDelayMs?: number };
  sleep?: (ms: number) => Promise<void>;
  /** Where an admin grants consent for this workspace (the hub's admin consent start URL). */
  adminConsentLink?: (workspaceId: string) => string | undefined;
  clock: Clock;
  logger?: Logger;
}

export interface TestConnectionOptions {
  credential?: 'active' | 'pending';
  /** `console:<user id>` or the host product's user id: whose connection tests delegated-only integrations. */
  actingUser?: string | null;
}

export class IntegrationNotConfiguredError extends Error {
  readonly code = 'integration_not_configured';
  constructor(credential: 'active' | 'pending') {
    super(credential === 'pending' ? 'The integration has no pending credential to test. Add one with Update Credentials first.' : 'This workspace has no Microsoft 365 integration. Create it first.');
    this.name = 'IntegrationNotConfiguredError';
  }
}

export async function testConnection(deps: TestConnectionDeps, workspaceId: string, options: TestConnectionOptions = {}): Promise<ConnectionReport> {
  const credential = options.credential ?? 'active';
  const auth = await deps.integrations.loadIntegrationAuth(workspaceId, { credential });
  if (!auth) throw new IntegrationNotConfiguredError(credential);
  const servicesIn = (mode: PermissionMode) => auth.services.filter((s) => s.modes.includes(mode)).map((s) => s.service);
  const appServices = servicesIn('application');
  const mode: PermissionMode = appServices.length > 0 || servicesIn('delegated').length === 0 ? 'application' : 'delegated';
  const services = mode === 'application' ? appServices : servicesIn('delegated');
  const steps: TestStep[] = [];
  const finish = (): ConnectionReport => ({ health: healthOf(steps), checkedAt: deps.clock.now().toISOString(), credential, mode, steps });
  const skipRest = (message: string) => {
    steps.push({ name: 'permissions', status: 'skipped', message });
    for (const service of services) steps.push({ name: `service:${service}`, status: 'skipped', message });
  };

  // 1. credentials
  let token: string | undefined;
  if (mode === 'application') {
    const tenant = isMultiTenantAlias(auth.tenant) ? auth.adminConsentTenant : auth.tenant;
    if (!tenant) {
      steps.push({
        name: 'credentials',
        status: 'failed',
        code: 'tenant_required',
        message: 'A multi-tenant integration needs admin consent from the customer tenant before app-only access can be tested.',
        fix: 'Grant admin consent (it records the tenant), or enter the Azure tenant id in the integration settings.',
        ...consentDetails(deps, workspaceId),
      });
      skipRest('Skipped: no application token.');
      return finish();
    }
    try {
      token = (await deps.entra.acquireAppToken({ tenant, credentials: auth.credentials })).accessToken;
      steps.push({ name: 'credentials', status: 'passed', message: `An application token was issued for tenant ${tenant} with the ${credential} ${auth.credentialKind}.` });
    } catch (error) {
      steps.push(identityStep(error));
      skipRest('Skipped: no application token.');
      return finish();
    }
  } else {
    token = options.actingUser ? await deps.delegatedToken?.(workspaceId, options.actingUser).catch((error: unknown) => {
      steps.push(identityStep(error));
      return undefined;
    }) : undefined;
    if (!token) {
      if (steps.length === 0) {
        steps.push({ name: 'credentials', status: 'skipped', message: 'Connect your Microsoft 365 account to test delegated services.', fix: 'Use Connect Microsoft 365 in your user settings, then test again.' });
      }
      skipRest('Skipped: no delegated token.');
      return finish();
    }
    steps.push({ name: 'credentials', status: 'passed', message: "Your Microsoft 365 connection's token was used." });
  }

  const graph: GraphClient = createGraphClient({
    graphUrl: deps.graphUrl,
    accessToken: async () => token!,
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
    ...(deps.logger ? { logger: deps.logger } : {}),
    ...(deps.graphRetry ? { retry: deps.graphRetry } : {}),
    ...(deps.sleep ? { sleep: deps.sleep } : {}),
  });
  // The app token can read the registration's credential expiry; the job stores what it finds (health-jobs.ts).
  if (mode === 'application') {
    const expiry = await readMicrosoftExpiry(graph, auth.credentials);
    const credentialsStep = steps.find((s) => s.name === 'credentials')!;
    credentialsStep.details = {
      ...credentialsStep.details,
      expiry: { credentialId: auth.credentialId, ...expiry, ...(expiry.source === 'unavailable' ? { enteredExpiresAt: auth.credentialExpiresAt?.toISOString() ?? null } : {}) },
    };
  }

  // 2. permissions (Graph only: a Dynamics permission is never in a Graph token)
  const granted = decodeGrantedPermissions(token);
  const required = requiredPermissions(services, mode).filter((p) => p.resource === 'graph');
  const missing = missingPermissions(required, granted);
  const have = mode === 'application' ? granted.roles : granted.scp;
  if (missing.length === 0) {
    steps.push({ name: 'permissions', status: 'passed', details: { required: required.map((p) => p.name), granted: have } });
  } else {
    steps.push({
      name: 'permissions',
      status: 'failed',
      code: 'permissions_missing',
      message: `Missing ${mode} permissions: ${missing.map((p) => p.name).join(', ')}.`,
      fix:
        mode === 'application'
          ? 'Add these Microsoft Graph application permissions to the app registration (API permissions), then grant admin consent.'
          : 'Add these delegated permissions to the app registration, grant consent, and reconnect.',
      details: {
        required: required.map((p) => p.name),
        granted: have,
        missing: missing.map((p) => ({ name: p.name, type: p.type, services: p.services, why: p.why, referenceUrl: p.referenceUrl })),
        ...consentDetails(deps, workspaceId).details,
      },
    });
  }

  // 3. one live call per service
  for (const service of services) {
    const probe = PROBES[service][mode];
    if ('skip' in probe) {
      steps.push({ name: `service:${service}`, status: 'skipped', message: probe.skip });
      continue;
    }
    try {
      await probe.run({ graph, allowedSites: auth.allowedSites });
      steps.push({ name: `service:${service}`, status: 'passed' });
    } catch (error) {
      steps.push({ name: `service:${service}`, status: 'failed', ...graphFailure(error) });
    }
  }
  return finish();
}

/** The first failure decides: credentials → authentication, permissions or a refused call → permission, else service. */
function healthOf(steps: TestStep[]): ConnectionHealth {
  const failed = steps.filter((s) => s.status === 'failed');
  if (failed.some((s) => s.name === 'credentials')) return 'authentication_error';
  if (failed.some((s) => s.name === 'permissions' || s.code === 'graph_access_denied')) return 'permission_error';
  if (failed.length > 0) return 'service_error';
  return 'connected';
}

function consentDetails(deps: TestConnectionDeps, workspaceId: string): { details: Record<string, unknown> } | Record<string, never> {
  const url = deps.adminConsentLink?.(workspaceId);
  return url ? { details: { adminConsentUrl: url } } : {};
}

function identityStep(error: unknown): TestStep {
  if (!(error instanceof IdentityError)) throw error;
  return {
    name: 'credentials',
    status: 'failed',
    code: error.code,
    message: error.userMessage,
    fix: error.fix,
    details: Object.fromEntries(Object.entries({ aadsts: error.aadsts, microsoftMessage: error.microsoftMessage, traceId: error.traceId, correlationId: error.correlationId }).filter(([, v]) => v !== undefined)),
  };
}

function graphFailure(error: unknown): Pick<TestStep, 'code' | 'message' | 'fix' | 'details'> {
  if (!(error instanceof GraphError)) {
    const code = (error as { code?: unknown })?.code;
    if (code === 'no_users') return { code: 'graph_no_data', message: (error as Error).message, fix: 'Create at least one user in the tenant, then test again.' };
    throw error;
  }
  const details = { graphCode: error.code, status: error.status, message: error.message, requestId: error.requestId, clientRequestId: error.clientRequestId };
  if (error.status === 401 || error.status === 403) {
    return { code: 'graph_access_denied', message: `Microsoft Graph refused the call: ${error.message}`, fix: 'Check the permissions step, grant admin consent, and for SharePoint Sites.Selected grant the app each allowed site.', details };
  }
  if (error.status === 404) return { code: 'graph_not_found', message: `Microsoft Graph did not find it: ${error.message}`, fix: 'Check the service is licensed in the tenant and, for SharePoint, the allowed site URLs.', details };
  // An answer arrived but its body broke off or is not JSON: say so, rather than "not answering normally (200)".
  if (isUnreadableAnswer(error)) {
    return { code: `graph_${error.code}`, message: `${error.message}.`, fix: 'Nothing to change in the integration settings: Test Connection again. If it repeats, a proxy or network device between the hub and Microsoft may be cutting or rewriting answers; quote the request id to Microsoft support if not.', details };
  }
  return { code: 'graph_unavailable', message: `Microsoft Graph is not answering normally (${error.status || error.code}).`, fix: 'Nothing to change on your side if it persists only briefly; Test Connection again later. Quote the request id to Microsoft support if it lasts.', details };
}
