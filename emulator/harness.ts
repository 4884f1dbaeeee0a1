// `import { startEmulator } from 'm365hub/emulator'`: an emulator for a test suite, in this process, on a free
// port, with a throw-away data dir. Returns its URL and CA, a fetch / https agent / msal network client that trust
// the CA, helpers over the control API, and close(). See README.md, section "Microsoft 365 emulator".
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { driveInteractiveFlow, type FlowResult, type PageDriverOptions } from './client/page-driver.js';
import { createTrustingFetch, msalNetworkClient, type FetchLike } from './client/trusting-fetch.js';
import type { FaultRule } from './control/fault-injector.js';
import type { LoggedRequest } from './control/request-log.js';
import type { SeedSummary } from './state/demo-seed.js';
import type { DirectorySnapshot } from './state/directory-types.js';
import { startEmulatorServer } from './server/emulator-server.js';

export type { SeedSummary } from './state/demo-seed.js';
export type { DirectorySnapshot } from './state/directory-types.js';
export type { FaultRule } from './control/fault-injector.js';
export type { LoggedRequest } from './control/request-log.js';
export { demoSeedFacts } from './state/demo-seed.js';

/** One app's admin consent requests as GET /_emulator/tenants/{tid}/consentRequests lists them. */
export interface ConsentRequestListing {
  id: string;
  appId: string;
  appDisplayName: string;
  consentType: 'Static' | 'Dynamic';
  pendingScopes: string[];
  userConsentRequests: {
    id: string;
    userId: string;
    userPrincipalName: string | null;
    reason: string;
    scopes: string[];
    createdDateTime: string;
    status: 'InProgress' | 'Completed' | 'Expired';
    stageId: string;
    review: { result: 'Approve' | 'Deny'; justification: string; reviewedDateTime: string; reviewedBy: { id: string; displayName: string; userPrincipalName: string; mail: string } } | null;
  }[];
}

export interface StartEmulatorOptions {
  /** 'demo' (default) seeds Contoso, Fabrikam and the demo app; false starts empty. */
  seed?: 'demo' | false;
  users?: number;
  autoSignIn?: boolean;
  autoConsent?: boolean;
  /** Keep CA and keys here (default: a temporary directory removed by close()). */
  dataDir?: string;
  host?: string;
  port?: number;
  publicUrl?: string;
  /** A state file to load instead of seeding. */
  statePath?: string;
  /** A "Bulk" folder of this many generated files in every drive (--files-per-folder). */
  filesPerFolder?: number;
}

export interface EmulatorHandle {
  url: string;
  caPath: string;
  /** The CA certificate (PEM). */
  ca: string;
  /** The seed summary (ids, users, passwords, demo app and secret), when seeded. */
  seed: SeedSummary | undefined;
  /** The seeded tenant id (Contoso), when seeded. */
  tenantId: string | undefined;
  /** `${url}/${tenant}`: the authority for MSAL (tenant defaults to the seeded tenant id). */
  authority(tenant?: string): string;
  /** `${url}/${tenant}/v2.0`: the issuer / discovery base for OIDC clients. */
  issuer(tenant?: string): string;
  fetch: FetchLike;
  httpsAgent: import('node:https').Agent;
  /** For msal-node: `system: { networkClient: emulator.msalNetworkClient }`. */
  msalNetworkClient: ReturnType<typeof msalNetworkClient>;
  createTenant(body?: { displayName?: string; domain?: string; id?: string }): Promise<{ id: string; domain: string }>;
  createUser(tenant: string, body: { userPrincipalName: string; displayName?: string; password?: string; mail?: string; accountEnabled?: boolean; isAdmin?: boolean }): Promise<{ id: string; userPrincipalName: string }>;
  createGroup(tenant: string, body: { displayName: string; memberIds?: string[] }): Promise<{ id: string }>;
  createApplication(
    tenant: string,
    body: { displayName: string; signInAudience?: 'AzureADMyOrg' | 'AzureADMultipleOrgs'; redirectUris?: string[]; appRoleAssignmentRequired?: boolean; requiredPermissions?: { delegated?: string[]; application?: string[] } },
  ): Promise<{ appId: string; id: string }>;
  addSecret(tenant: string, appId: string, body?: { endDateTime?: string }): Promise<{ keyId: string; secretText: string; endDateTime: string }>;
  addCertificate(tenant: string, appId: string, certificatePem: string): Promise<{ keyId: string; thumbprint: string; thumbprintSha256: string }>;
  assignUser(tenant: string, appId: string, userId: string): Promise<void>;
  unassignUser(tenant: string, appId: string, userId: string): Promise<void>;
  /** Redirect URIs per platform, and "Assignment required?" in the app's home tenant. */
  updateApplication(tenant: string, appId: string, body: { redirectUris?: string[]; spaRedirectUris?: string[]; publicClientRedirectUris?: string[]; appRoleAssignmentRequired?: boolean; isFallbackPublicClient?: boolean }): Promise<unknown>;
  /** "Assignment required?" of the app's service principal in `tenant` (any tenant where it exists). */
  setAssignmentRequired(tenant: string, appId: string, required: boolean): Promise<void>;
  /** Turns the admin consent workflow (adminConsentRequestPolicy) on or off. */
  setAdminConsentWorkflow(tenant: string, isEnabled: boolean, requestDurationInDays?: number): Promise<void>;
  consentRequests(tenant: string): Promise<ConsentRequestListing[]>;
  /** Records a request as the "Request approval" button does (the workflow must be on). */
  createConsentRequest(tenant: string, body: { appId: string; userId: string; reason: string; scopes?: string[] }): Promise<{ id: string; userConsentRequestId: string; stageId: string }>;
  /** Approve (grants tenant-wide consent) or Deny; the newest request in progress unless one is named. */
  decideConsentRequest(tenant: string, id: string, body: { result: 'Approve' | 'Deny'; userConsentRequestId?: string; justification?: string; reviewerId?: string }): Promise<void>;
  grant(tenant: string, body: { appId: string; scopes?: string[]; roles?: string[]; principalId?: string }): Promise<void>;
  revokeGrant(tenant: string, appId: string): Promise<void>;
  revokeSignInSessions(tenant: string, userId: string): Promise<void>;
  advanceClock(seconds: number): Promise<void>;
  addFault(rule: Partial<FaultRule> & { pathPattern: string; status: number }): Promise<void>;
  clearFaults(): Promise<void>;
  requests(limit?: number): Promise<LoggedRequest[]>;
  rolloverSigningKey(): Promise<{ kid: string }>;
  reset(): Promise<void>;
  state(): Promise<DirectorySnapshot>;
  loadState(snapshot: DirectorySnapshot): Promise<void>;
  /** Follows /authorize (or /adminconsent) through the emulator's pages; returns the final redirect. */
  signIn(startUrl: string, options?: PageDriverOptions): Promise<FlowResult>;
  close(): Promise<void>;
}

export async function startEmulator(options: StartEmulatorOptions = {}): Promise<EmulatorHandle> {
  const temporary = options.dataDir ? undefined : mkdtempSync(path.join(os.tmpdir(), 'm365hub-emulator-'));
  const running = await startEmulatorServer({
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    dataDir: options.dataDir ?? temporary!,
    seed: options.seed === false || options.statePath ? undefined : 'demo',
    users: options.users ?? 0,
    autoSignIn: options.autoSignIn ?? false,
    autoConsent: options.autoConsent ?? false,
    publicUrl: options.publicUrl,
    statePath: options.statePath,
    filesPerFolder: options.filesPerFolder ?? 0,
  });
  const { fetch, agent } = createTrustingFetch(running.caPem);
  const base = running.url;

  const call = async <T>(method: string, route: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${base}/_emulator${route}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`emulator control ${method} ${route} answered ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  const t = (tenant: string) => `/tenants/${encodeURIComponent(tenant)}`;
  const seed = running.ctx.seed;

  return {
    url: base,
    caPath: running.caPath,
    ca: running.caPem,
    seed,
    tenantId: seed?.tenant.id,
    authority: (tenant = seed?.tenant.id ?? 'organizations') => `${base}/${tenant}`,
    issuer: (tenant = seed?.tenant.id ?? 'organizations') => `${base}/${tenant}/v2.0`,
    fetch,
    httpsAgent: agent,
    msalNetworkClient: msalNetworkClient(fetch),
    createTenant: (body = {}) => call('POST', '/tenants', body),
    createUser: (tenant, body) => call('POST', `${t(tenant)}/users`, body),
    createGroup: (tenant, body) => call('POST', `${t(tenant)}/groups`, body),
    createApplication: (tenant, body) => call('POST', `${t(tenant)}/applications`, body),
    addSecret: (tenant, appId, body = {}) => call('POST', `${t(tenant)}/applications/${appId}/secrets`, body),
    addCertificate: (tenant, appId, certificatePem) => call('POST', `${t(tenant)}/applications/${appId}/certificates`, { certificatePem }),
    assignUser: (tenant, appId, userId) => call('POST', `${t(tenant)}/applications/${appId}/assignments`, { userId }),
    unassignUser: (tenant, appId, userId) => call('DELETE', `${t(tenant)}/applications/${appId}/assignments/${userId}`),
    updateApplication: (tenant, appId, body) => call('PATCH', `${t(tenant)}/applications/${appId}`, body),
    setAssignmentRequired: async (tenant, appId, required) => {
      await call('PATCH', `${t(tenant)}/servicePrincipals/${appId}`, { appRoleAssignmentRequired: required });
    },
    setAdminConsentWorkflow: async (tenant, isEnabled, requestDurationInDays) => {
      await call('PUT', `${t(tenant)}/adminConsentWorkflow`, { isEnabled, ...(requestDurationInDays !== undefined ? { requestDurationInDays } : {}) });
    },
    consentRequests: async (tenant) => (await call<{ value: ConsentRequestListing[] }>('GET', `${t(tenant)}/consentRequests`)).value,
    createConsentRequest: (tenant, body) => call('POST', `${t(tenant)}/consentRequests`, body),
    decideConsentRequest: (tenant, id, body) => call('POST', `${t(tenant)}/consentRequests/${id}/decision`, body),
    grant: (tenant, body) => call('POST', `${t(tenant)}/grants`, body),
    revokeGrant: (tenant, appId) => call('DELETE', `${t(tenant)}/grants/${appId}`),
    revokeSignInSessions: (tenant, userId) => call('POST', `${t(tenant)}/users/${userId}/revokeSignInSessions`, {}),
    advanceClock: (seconds) => call('POST', '/clock', { advanceSeconds: seconds }),
    addFault: (rule) => call('POST', '/faults', rule),
    clearFaults: () => call('DELETE', '/faults'),
    requests: async (limit = 100) => (await call<{ value: LoggedRequest[] }>('GET', `/requests?limit=${limit}`)).value,
    rolloverSigningKey: () => call('POST', '/keys/rollover', {}),
    reset: () => call('POST', '/reset', {}),
    state: () => call('GET', '/state'),
    loadState: (snapshot) => call('POST', '/state', snapshot),
    signIn: (startUrl, flowOptions) => driveInteractiveFlow(fetch, startUrl, flowOptions),
    close: async () => {
      agent.destroy();
      await running.close();
      if (temporary) rmSync(temporary, { recursive: true, force: true });
    },
  };
}
