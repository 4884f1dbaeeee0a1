// Test Connection: proves, step by step, that a workspace's integration works, and says how to fix what does not.
//   1. credentials: an application token obtained now with the integration's (active or pending) credential —
//      never a cached one, so a rotated-in secret is really tried. Delegated-only integrations check the credential
//      the same way (no user needed), then use the acting user's own connection (`connection` step) for the rest,
//      or say how to connect: a user without a connection is a finished report, never a failed job.
//   2. permissions: granted (the token's roles / scp) against required (the permission catalogue); what is missing
//      and the admin consent link that would add it.
//   3. one live Graph call per enabled service (service-probes.ts).
import { AppError } from '../../platform/errors/app-error.js';
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
import { decodeJwt } from 'jose';
import { isMultiTenantAlias } from '../../microsoft/identity/tenant-metadata.js';
import type { IntegrationAuth } from '../integrations/index.js';
import type { Logger } from '../../platform/logging/logger.js';
import type { Clock } from '../../platform/time/clock.js';
import type { ConnectionUser } from '../../contract/integration-schemas.js';
import { readMicrosoftExpiry } from './microsoft-credential-expiry.js';
import { PROBES } from './service-probes.js';
import { allowedSitesStep } from './allowed-sites-step.js';
import { checkRegistration } from './registration-check.js';
import type { ConnectionHealth, ConnectionReport, TestStep } from '../../contract/health-schemas.js';

export type { ConnectionHealth, ConnectionReport, StepName, TestStep } from '../../contract/health-schemas.js';

export interface TestConnectionDeps {
  integrations: { loadIntegrationAuth(workspaceId: string, options?: { credential?: 'active' | 'pending' }): Promise<IntegrationAuth | undefined> };
  entra: Pick<EntraClient, 'acquireAppToken'>;
  /** The acting user's delegated Graph token (the token service); undefined when they have no connection. */
  delegatedToken?: (workspaceId: string, user: ConnectionUser) => Promise<string | undefined>;
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
  /** A console user or a host product's user: whose connection tests delegated-only integrations. */
  actingUser?: ConnectionUser | null;
  /** A customer tenant that consented (multi-tenant workspaces): tested in application mode instead of the first one. */
  tenant?: string;
}

export class IntegrationNotConfiguredError extends AppError {
  declare readonly code: 'integration_not_configured';
  constructor(credential: 'active' | 'pending') {
    super('integration_not_configured', credential === 'pending' ? 'The integration has no pending credential to test. Add one with Update Credentials first.' : 'This workspace has no Microsoft 365 integration. Create it first.');
    this.name = 'IntegrationNotConfiguredError';
  }
}

export async function testConnection(deps: TestConnectionDeps, workspaceId: string, options: TestConnectionOptions = {}): Promise<ConnectionReport> {
  const credential = options.credential ?? 'active';
  const auth = await deps.integrations.loadIntegrationAuth(workspaceId, { credential });
  if (!auth) throw new IntegrationNotConfiguredError(credential);
  const servicesIn = (mode: PermissionMode) => auth.services.filter((s) => s.modes.includes(mode)).map((s) => s.service);
  const appServices = servicesIn('application');
  const mode: PermissionMode = options.tenant || appServices.length > 0 || servicesIn('delegated').length === 0 ? 'application' : 'delegated';
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
    const tenant = options.tenant ?? (isMultiTenantAlias(auth.tenant) ? auth.adminConsentTenant : auth.tenant);
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
    // The acting user's connection first: its tenant is where the credential can be checked when the integration
    // names none. A missing or broken connection is a per-user outcome, reported as such, never a failed job.
    let connectionStep: TestStep | undefined;
    token = options.actingUser
      ? await deps.delegatedToken?.(workspaceId, options.actingUser).catch((error: unknown) => {
          connectionStep = connectionFailure(error, connectPathFor(workspaceId, options.actingUser));
          return undefined;
        })
      : undefined;
    if (!token && !connectionStep) connectionStep = notConnectedStep(connectPathFor(workspaceId, options.actingUser));

    // The credential without a user: Microsoft's token endpoint authenticates the client on a client-credentials
    // request before anything else, so a wrong or expired secret answers AADSTS7000215 / 7000222 even when the
    // app has no application permission (the token then simply carries no roles).
    // https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow
    const tenant = specificTenant(auth) ?? (token ? tenantOf(token) : undefined);
    if (tenant) {
      try {
        const appToken = (await deps.entra.acquireAppToken({ tenant, credentials: auth.credentials })).accessToken;
        steps.push({ name: 'credentials', status: 'passed', message: `Microsoft accepted the ${credential} ${auth.credentialKind} (checked without a user, in tenant ${tenant}).` });
        // Users sign in to this integration: what would stop them at Microsoft's page, read with the app token.
        steps.push(await checkRegistration(graphWith(deps, appToken), auth.credentials.clientId, auth.redirectUri));
      } catch (error) {
        steps.push(identityStep(error));
        skipRest('Skipped: the credential was refused.');
        return finish();
      }
    } else {
      steps.push({
        name: 'credentials',
        status: 'skipped',
        message: 'This multi-tenant integration has no tenant to check the credential in yet.',
        fix: 'Grant admin consent, enter the Azure tenant id, or connect your Microsoft 365 account, then test again.',
      });
    }
    if (!token) {
      steps.push(connectionStep!);
      skipRest('Skipped: delegated permissions and services are checked with a connected account.');
      return finish();
    }
    steps.push({ name: 'connection', status: 'passed', message: "Your Microsoft 365 connection's token was used for the delegated checks." });
  }

  const graph: GraphClient = graphWith(deps, token!);
  // The app token can read the registration's credential expiry; the job stores what it finds (health-jobs.ts).
  if (mode === 'application') {
    const expiry = await readMicrosoftExpiry(graph, auth.credentials);
    const credentialsStep = steps.find((s) => s.name === 'credentials')!;
    credentialsStep.details = {
      ...credentialsStep.details,
      expiry: { credentialId: auth.credentialId, ...expiry, ...(expiry.source === 'unavailable' ? { enteredExpiresAt: auth.credentialExpiresAt?.toISOString() ?? null } : {}) },
    };
  }

  // The sign-in side of the registration (redirect URI, user assignment) matters only when users sign in.
  if (mode === 'application' && servicesIn('delegated').length > 0) {
    steps.push(await checkRegistration(graph, auth.credentials.clientId, auth.redirectUri));
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
    if (service === 'sharepoint' && mode === 'application' && auth.allowedSites.length > 0) {
      steps.push(await allowedSitesStep(graph, auth.allowedSites));
      continue;
    }
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

/** AADSTS700016 (application_not_found), 90002, 700054…: the registration or tenant, not the secret. */
const SETUP_CODES = new Set(['tenant_required', 'application_not_found', 'application_not_multi_tenant', 'application_disabled', 'tenant_not_found', 'redirect_uri_mismatch', 'redirect_uri_not_configured']);
/** AADSTS65001 / 90094 / 65004: an administrator's (or the user's) consent is what is missing. */
const CONSENT_CODES = new Set(['consent_required', 'admin_approval_required', 'consent_declined']);

/** The first failure decides: credentials → authentication, permissions or a refused call → permission, else service. */
function healthOf(steps: TestStep[]): ConnectionHealth {
  const failed = steps.filter((s) => s.status === 'failed');
  const identity = failed.filter((s) => s.name === 'credentials' || s.name === 'connection');
  // Not every refusal at the token endpoint is the credential's fault: an app registration or tenant that is not set
  // up, or an administrator's consent that is missing, is said as such (aadsts-catalogue.ts codes).
  if (identity.some((s) => s.code !== undefined && SETUP_CODES.has(s.code))) return 'setup_error';
  if (identity.some((s) => s.code !== undefined && CONSENT_CODES.has(s.code))) return 'consent_required';
  if (identity.length > 0) return 'authentication_error';
  if (failed.some((s) => s.name === 'registration')) return 'setup_error';
  if (failed.some((s) => s.name === 'permissions' || s.code === 'graph_access_denied' || s.code === 'sites_not_granted')) return 'permission_error';
  if (failed.length > 0) return 'service_error';
  return 'connected';
}

function graphWith(deps: TestConnectionDeps, accessToken: string): GraphClient {
  return createGraphClient({
    graphUrl: deps.graphUrl,
    accessToken: async () => accessToken,
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
    ...(deps.logger ? { logger: deps.logger } : {}),
    ...(deps.graphRetry ? { retry: deps.graphRetry } : {}),
    ...(deps.sleep ? { sleep: deps.sleep } : {}),
  });
}

/** A tenant the integration names itself (single-tenant), or the one admin consent recorded. */
function specificTenant(auth: IntegrationAuth): string | undefined {
  return isMultiTenantAlias(auth.tenant) ? auth.adminConsentTenant ?? undefined : auth.tenant;
}

function tenantOf(accessToken: string): string | undefined {
  try {
    const tid = decodeJwt(accessToken).tid;
    return typeof tid === 'string' ? tid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Where the reader makes their connection: the console's "Your integrations" page of this workspace for a console
 * user (the console's route /w/<workspaceId>/account/integrations), or for a host product's user the API that makes
 * their connect link.
 */
function connectPathFor(workspaceId: string, user: ConnectionUser | null | undefined): string {
  const ws = encodeURIComponent(workspaceId);
  return user?.kind === 'external_user' ? `/api/v1/workspaces/${ws}/users/${encodeURIComponent(user.id)}/connect-link` : `/w/${ws}/account/integrations`;
}

function notConnectedStep(connectPath: string): TestStep {
  return {
    name: 'connection',
    status: 'skipped',
    code: 'connection_not_found',
    message: 'You have not connected Microsoft 365 in this workspace, so the delegated permissions and services were not checked.',
    fix: connectPath.startsWith('/api/')
      ? 'Have the user connect Microsoft 365 through a connect link (POST …/users/{externalUserId}/connect-link), then test again.'
      : 'Connect Microsoft 365 under User settings → Your integrations, then test again.',
    details: { connectPath },
  };
}

/** The acting user's token could not be had: an identity refusal, or the token service's typed outcome. */
function connectionFailure(error: unknown, connectPath: string): TestStep {
  if (error instanceof IdentityError) return { ...identityStep(error), name: 'connection' };
  const typed = error as { code?: unknown; userMessage?: unknown; fix?: unknown; reason?: unknown };
  if (typed?.code === 'connection_not_found') return notConnectedStep(connectPath);
  if (typeof typed?.code === 'string' && typeof typed.userMessage === 'string') {
    return {
      name: 'connection',
      status: 'failed',
      code: typed.code,
      message: typed.userMessage,
      ...(typeof typed.fix === 'string' ? { fix: typed.fix } : {}),
      ...(typeof typed.reason === 'string' ? { details: { reason: typed.reason, connectPath } } : {}),
    };
  }
  throw error;
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
