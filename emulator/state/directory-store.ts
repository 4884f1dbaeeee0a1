// The in-memory directory: tenants, users, groups, app registrations, service principals and consents.
// Identity endpoints read it; the control API and the seed write it. Every mutation bumps `revision`, which
// caches of issued tokens key on, so a withdrawn grant is never served from a cache.
import { randomBytes, X509Certificate } from 'node:crypto';
import { thumbprintsOf } from '../pki/thumbprint.js';
import { ConsentRequests } from './consent-requests.js';
import { hashCredential } from './credential-hash.js';
import { DirectoryError } from './directory-errors.js';
import type { Persistable } from './persistable.js';
import { guidPattern, newGuid } from './deterministic-id.js';
import {
  globalAdministratorRoleId,
  type AdminConsentRequestPolicy,
  type Application,
  type ApplicationGrant,
  type DelegatedGrant,
  type DirectorySnapshot,
  type Group,
  type RequiredGraphAccess,
  type ServicePrincipal,
  type SignInAudience,
  type Tenant,
  type User,
} from './directory-types.js';

export { DirectoryError } from './directory-errors.js';

export interface NewTenant {
  id?: string;
  displayName?: string;
  domain?: string;
}

export interface NewUser {
  id?: string;
  userPrincipalName: string;
  displayName?: string;
  givenName?: string;
  surname?: string;
  password?: string;
  mail?: string;
  jobTitle?: string;
  accountEnabled?: boolean;
  isAdmin?: boolean;
}

export interface NewApplication {
  appId?: string;
  id?: string;
  displayName: string;
  signInAudience?: SignInAudience;
  redirectUris?: string[];
  spaRedirectUris?: string[];
  publicClientRedirectUris?: string[];
  appRoleAssignmentRequired?: boolean;
  requiredGraphAccess?: Partial<RequiredGraphAccess>;
}

/** What the control API may change on a registration (the admin center's Authentication blade). */
export interface ApplicationChanges {
  redirectUris?: string[];
  spaRedirectUris?: string[];
  publicClientRedirectUris?: string[];
  appRoleAssignmentRequired?: boolean;
  isFallbackPublicClient?: boolean;
}

/** Microsoft's default when the workflow is turned on in the admin center: requests expire after 30 days. */
const defaultRequestDurationInDays = 30;

function checkRedirectUris(uris: string[] | undefined): void {
  for (const uri of uris ?? []) {
    try {
      new URL(uri);
    } catch {
      throw new DirectoryError(400, `redirect URI '${uri}' is not an absolute URI`);
    }
  }
}

export interface NewGroup {
  id?: string;
  displayName: string;
  mailNickname?: string;
  memberIds?: string[];
}

const defaultUserPassword = 'Passw0rd!';
/** The role list of every user without a role: one frozen array, not an empty one per user (100,000 of them). */
const noRoles: readonly string[] = Object.freeze([]);
const twoYearsMs = 2 * 365 * 86_400_000;

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '').slice(0, 27) || 'tenant';
}

/** Secrets in Entra ID's shape: 40 characters, the fourth being `~` (a visible "this is a value, not an id" marker). */
function newSecretText(): string {
  const body = randomBytes(30).toString('base64url').replace(/[-_]/g, 'x');
  return `${body.slice(0, 3)}8Q~${body.slice(3, 39)}`;
}

/** A user or group created or changed (Graph's directory notifications say `updated` for both). */
export interface DirectoryChange {
  kind: 'user' | 'group';
  tenantId: string;
  id: string;
  /** A new object rather than a change of one (the audit log's "Add user." / "Update user."). */
  added: boolean;
}
export type DirectoryChangeListener = (change: DirectoryChange) => void;

export class DirectoryStore {
  private tenants = new Map<string, Tenant>();
  private users = new Map<string, User>();
  // Indexes that keep a 100,000-user tenant fast: adding a user checks its UPN in O(1) (a scan made the seed
  // quadratic), and a tenant's users are one array in creation order, which Graph pages by position.
  private usersByUpn = new Map<string, User>();
  private usersByTenant = new Map<string, User[]>();
  /** The digest the last indexed user had, so a run of users with one password shares one string. */
  private lastPasswordHash: string | undefined;
  /** The last password hashed for a new user and its digest: the seed and a bulk import hash their one password once. */
  private lastPassword: { password: string; digest: string } | undefined;
  private groups = new Map<string, Group>();
  private applications = new Map<string, Application>();
  private servicePrincipals = new Map<string, ServicePrincipal>();
  private delegatedGrants: DelegatedGrant[] = [];
  private applicationGrants: ApplicationGrant[] = [];
  readonly consentRequests = new ConsentRequests(() => this.touch());
  revision = 0;
  /** Told of every user and group written, for Graph change notifications (emulator/graph/subscriptions). */
  private readonly changeListeners: DirectoryChangeListener[] = [];

  onChange(listener: DirectoryChangeListener): void {
    this.changeListeners.push(listener);
  }

  // ---- tenants ----
  createTenant(input: NewTenant): Tenant {
    const id = (input.id ?? newGuid()).toLowerCase();
    if (!guidPattern.test(id)) throw new DirectoryError(400, `tenant id '${id}' is not a GUID`);
    const displayName = input.displayName ?? input.domain?.split('.')[0] ?? `Tenant ${this.tenants.size + 1}`;
    const domain = (input.domain ?? `${slug(displayName)}.onmicrosoft.com`).toLowerCase();
    if (this.tenants.has(id)) throw new DirectoryError(409, `tenant ${id} already exists`);
    if (this.findTenant(domain)) throw new DirectoryError(409, `domain ${domain} is already verified by another tenant`);
    const tenant: Tenant = { id, displayName, domains: [domain] };
    this.tenants.set(id, tenant);
    this.touch();
    return tenant;
  }

  /** Finds a tenant by GUID or by any verified domain (both are valid `{tenant}` path values). */
  findTenant(idOrDomain: string): Tenant | undefined {
    const key = idOrDomain.toLowerCase();
    const byId = this.tenants.get(key);
    if (byId) return byId;
    for (const tenant of this.tenants.values()) if (tenant.domains.includes(key)) return tenant;
    return undefined;
  }

  requireTenant(idOrDomain: string): Tenant {
    const tenant = this.findTenant(idOrDomain);
    if (!tenant) throw new DirectoryError(404, `tenant ${idOrDomain} not found`);
    return tenant;
  }

  listTenants(): Tenant[] {
    return [...this.tenants.values()];
  }

  /** The tenant's adminConsentRequestPolicy; off unless turned on. */
  adminConsentPolicy(tenantId: string): AdminConsentRequestPolicy {
    return this.requireTenant(tenantId).adminConsentRequestPolicy ?? { isEnabled: false, requestDurationInDays: defaultRequestDurationInDays, version: 0 };
  }

  setAdminConsentWorkflow(tenantId: string, change: { isEnabled: boolean; requestDurationInDays?: number }): AdminConsentRequestPolicy {
    const tenant = this.requireTenant(tenantId);
    const current = this.adminConsentPolicy(tenant.id);
    const days = change.requestDurationInDays ?? current.requestDurationInDays;
    if (!Number.isInteger(days) || days < 1 || days > 365) throw new DirectoryError(400, 'requestDurationInDays must be a whole number of days from 1 to 365');
    tenant.adminConsentRequestPolicy = { isEnabled: change.isEnabled, requestDurationInDays: days, version: current.version + 1 };
    this.touch();
    return tenant.adminConsentRequestPolicy;
  }

  // ---- users ----
  createUser(tenantIdOrDomain: string, input: NewUser): User {
    const tenant = this.requireTenant(tenantIdOrDomain);
    const upn = input.userPrincipalName?.toLowerCase();
    if (!upn || !/^[^@\s]+@[^@\s]+$/.test(upn)) throw new DirectoryError(400, 'userPrincipalName must look like name@domain');
    const domain = upn.split('@')[1]!;
    if (!tenant.domains.includes(domain)) {
      throw new DirectoryError(400, `the domain of ${upn} is not a verified domain of tenant ${tenant.id} (${tenant.domains.join(', ')})`);
    }
    if (this.findUserByUpn(upn)) throw new DirectoryError(409, `user ${upn} already exists`);
    const id = (input.id ?? newGuid()).toLowerCase();
    if (this.users.has(id)) throw new DirectoryError(409, `user ${id} already exists`);
    const local = upn.split('@')[0]!;
    // Every field most users have is in the literal, so V8 keeps them inside the object (a property added later
    // goes to a separate backing store: one more allocation per user).
    const user: User = {
      id,
      tenantId: tenant.id,
      userPrincipalName: upn,
      displayName: input.displayName ?? local,
      mail: input.mail ?? upn,
      accountEnabled: input.accountEnabled ?? true,
      passwordHash: this.passwordDigest(input.password ?? defaultUserPassword),
      directoryRoles: input.isAdmin ? [globalAdministratorRoleId] : noRoles,
    };
    if (input.givenName) user.givenName = input.givenName;
    if (input.surname) user.surname = input.surname;
    if (input.jobTitle) user.jobTitle = input.jobTitle;
    this.indexUser(user);
    this.touch();
    this.changed({ kind: 'user', tenantId: tenant.id, id, added: true });
    return user;
  }

  private passwordDigest(password: string): string {
    if (this.lastPassword?.password !== password) this.lastPassword = { password, digest: hashCredential(password) };
    return this.lastPassword.digest;
  }

  private indexUser(user: User): void {
    // Shared rather than one copy per user: most users have no role, and most of a seeded or bulk-created
    // directory shares one password (its digest is the same 43 characters 100,000 times otherwise).
    if (user.directoryRoles.length === 0) user.directoryRoles = noRoles;
    if (user.passwordHash === this.lastPasswordHash) user.passwordHash = this.lastPasswordHash;
    else this.lastPasswordHash = user.passwordHash;
    this.users.set(user.id, user);
    this.usersByUpn.set(user.userPrincipalName, user);
    let list = this.usersByTenant.get(user.tenantId);
    if (!list) this.usersByTenant.set(user.tenantId, (list = []));
    list.push(user);
  }

  getUser(id: string): User | undefined {
    return this.users.get(id.toLowerCase());
  }

  requireUser(tenantId: string, idOrUpn: string): User {
    const user = this.getUser(idOrUpn) ?? this.findUserByUpn(idOrUpn);
    if (!user || user.tenantId !== tenantId) throw new DirectoryError(404, `user ${idOrUpn} not found in tenant ${tenantId}`);
    return user;
  }

  findUserByUpn(upn: string, tenantId?: string): User | undefined {
    const user = this.usersByUpn.get(upn.toLowerCase());
    return user && (!tenantId || user.tenantId === tenantId) ? user : undefined;
  }

  /** The tenant's users in creation order, not copied: for a read that only looks (a page of /users). */
  tenantUsers(tenantId: string): readonly User[] {
    return this.usersByTenant.get(tenantId) ?? [];
  }

  /** The tenant's users in creation order (a copy of the index: a pointer copy, no scan of other tenants). */
  usersOf(tenantId: string): User[] {
    return [...(this.usersByTenant.get(tenantId) ?? [])];
  }

  isAdmin(user: User): boolean {
    return user.directoryRoles.includes(globalAdministratorRoleId);
  }

  revokeSignInSessions(tenantId: string, userIdOrUpn: string, at: number): void {
    this.requireUser(tenantId, userIdOrUpn).signInSessionsValidFrom = at;
    this.touch();
  }

  groupIdsOf(userId: string): string[] {
    return [...this.groups.values()].filter((g) => g.memberIds.includes(userId)).map((g) => g.id);
  }

  // ---- groups ----
  createGroup(tenantIdOrDomain: string, input: NewGroup): Group {
    const tenant = this.requireTenant(tenantIdOrDomain);
    if (!input.displayName) throw new DirectoryError(400, 'displayName is required');
    const id = (input.id ?? newGuid()).toLowerCase();
    const memberIds = (input.memberIds ?? []).map((m) => this.requireUser(tenant.id, m).id);
    const group: Group = { id, tenantId: tenant.id, displayName: input.displayName, mailNickname: input.mailNickname ?? slug(input.displayName), memberIds };
    const added = !this.groups.has(id);
    this.groups.set(id, group);
    this.touch();
    this.changed({ kind: 'group', tenantId: tenant.id, id, added });
    return group;
  }

  groupsOf(tenantId: string): Group[] {
    return [...this.groups.values()].filter((g) => g.tenantId === tenantId);
  }

  // ---- applications and service principals ----
  createApplication(tenantIdOrDomain: string, input: NewApplication): Application {
    const tenant = this.requireTenant(tenantIdOrDomain);
    if (!input.displayName) throw new DirectoryError(400, 'displayName is required');
    const audience = input.signInAudience ?? 'AzureADMyOrg';
    if (audience !== 'AzureADMyOrg' && audience !== 'AzureADMultipleOrgs') {
      throw new DirectoryError(400, `signInAudience '${String(audience)}' is not supported by the emulator (AzureADMyOrg or AzureADMultipleOrgs)`);
    }
    const redirectUris = input.redirectUris ?? [];
    checkRedirectUris(redirectUris);
    checkRedirectUris(input.spaRedirectUris);
    checkRedirectUris(input.publicClientRedirectUris);
    const appId = (input.appId ?? newGuid()).toLowerCase();
    if (this.applications.has(appId)) throw new DirectoryError(409, `application ${appId} already exists`);
    const app: Application = {
      id: (input.id ?? newGuid()).toLowerCase(),
      appId,
      tenantId: tenant.id,
      displayName: input.displayName,
      signInAudience: audience,
      redirectUris,
      ...(input.spaRedirectUris ? { spaRedirectUris: input.spaRedirectUris } : {}),
      ...(input.publicClientRedirectUris ? { publicClientRedirectUris: input.publicClientRedirectUris } : {}),
      requiredGraphAccess: {
        delegated: input.requiredGraphAccess?.delegated ?? [],
        application: input.requiredGraphAccess?.application ?? [],
      },
      passwordCredentials: [],
      keyCredentials: [],
      appRoleAssignmentRequired: input.appRoleAssignmentRequired ?? false,
    };
    this.applications.set(appId, app);
    this.ensureServicePrincipal(tenant.id, app);
    this.touch();
    return app;
  }

  getApplication(appId: string): Application | undefined {
    return this.applications.get(appId.toLowerCase());
  }

  requireApplication(tenantId: string, appId: string): Application {
    const app = this.getApplication(appId);
    if (!app || app.tenantId !== tenantId) throw new DirectoryError(404, `application ${appId} is not registered in tenant ${tenantId}`);
    return app;
  }

  /** Graph's `/applications/{id}`: the object id, within the app's home tenant. */
  findApplicationById(tenantId: string, id: string): Application | undefined {
    for (const app of this.applications.values()) if (app.tenantId === tenantId && app.id === id.toLowerCase()) return app;
    return undefined;
  }

  /** Changes a registration in its home tenant; `appRoleAssignmentRequired` also changes the home service principal. */
  updateApplication(tenantId: string, appId: string, changes: ApplicationChanges): Application {
    const app = this.requireApplication(tenantId, appId);
    checkRedirectUris(changes.redirectUris);
    checkRedirectUris(changes.spaRedirectUris);
    checkRedirectUris(changes.publicClientRedirectUris);
    if (changes.redirectUris) app.redirectUris = [...changes.redirectUris];
    if (changes.spaRedirectUris) app.spaRedirectUris = [...changes.spaRedirectUris];
    if (changes.publicClientRedirectUris) app.publicClientRedirectUris = [...changes.publicClientRedirectUris];
    if (changes.isFallbackPublicClient !== undefined) app.isFallbackPublicClient = changes.isFallbackPublicClient;
    if (changes.appRoleAssignmentRequired !== undefined) {
      app.appRoleAssignmentRequired = changes.appRoleAssignmentRequired;
      this.ensureServicePrincipal(tenantId, app).appRoleAssignmentRequired = changes.appRoleAssignmentRequired;
    }
    this.touch();
    return app;
  }

  /** "Assignment required?" of the enterprise application (service principal) in one tenant. */
  setAssignmentRequired(tenantId: string, appId: string, required: boolean): ServicePrincipal {
    const sp = this.servicePrincipal(tenantId, appId);
    if (!sp) throw new DirectoryError(404, `application ${appId} has no service principal in tenant ${tenantId} (consent to it there first)`);
    sp.appRoleAssignmentRequired = required;
    this.touch();
    return sp;
  }

  findServicePrincipalById(tenantId: string, id: string): ServicePrincipal | undefined {
    for (const sp of this.servicePrincipals.values()) if (sp.tenantId === tenantId && sp.id === id.toLowerCase()) return sp;
    return undefined;
  }

  applicationsOf(tenantId: string): Application[] {
    return [...this.applications.values()].filter((a) => a.tenantId === tenantId);
  }

  addSecret(tenantId: string, appId: string, input: { endDateTime?: string; displayName?: string; secretText?: string }, now: number) {
    const app = this.requireApplication(tenantId, appId);
    const end = input.endDateTime ? new Date(input.endDateTime) : new Date(now + twoYearsMs);
    if (Number.isNaN(end.getTime())) throw new DirectoryError(400, 'endDateTime is not an ISO 8601 date');
    const secretText = input.secretText ?? newSecretText();
    const credential = {
      keyId: newGuid(),
      hint: secretText.slice(0, 3),
      secretHash: hashCredential(secretText),
      startDateTime: new Date(Math.min(now, end.getTime())).toISOString(),
      endDateTime: end.toISOString(),
      ...(input.displayName ? { displayName: input.displayName } : {}),
    };
    app.passwordCredentials.push(credential);
    this.touch();
    return { keyId: credential.keyId, secretText, hint: credential.hint, startDateTime: credential.startDateTime, endDateTime: credential.endDateTime };
  }

  addCertificate(tenantId: string, appId: string, input: { certificatePem: string; displayName?: string }) {
    const app = this.requireApplication(tenantId, appId);
    let thumbprints;
    let validity;
    try {
      thumbprints = thumbprintsOf(input.certificatePem);
      const cert = new X509Certificate(input.certificatePem);
      validity = { start: new Date(cert.validFrom).toISOString(), end: new Date(cert.validTo).toISOString() };
    } catch {
      throw new DirectoryError(400, 'certificatePem is not a PEM X.509 certificate');
    }
    const credential = {
      keyId: newGuid(),
      certificatePem: input.certificatePem,
      thumbprint: thumbprints.sha1Hex,
      thumbprintSha256: thumbprints.sha256Hex,
      startDateTime: validity.start,
      endDateTime: validity.end,
      ...(input.displayName ? { displayName: input.displayName } : {}),
    };
    app.keyCredentials.push(credential);
    this.touch();
    return { keyId: credential.keyId, thumbprint: credential.thumbprint, thumbprintSha256: credential.thumbprintSha256, endDateTime: credential.endDateTime };
  }

  servicePrincipal(tenantId: string, appId: string): ServicePrincipal | undefined {
    return this.servicePrincipals.get(`${tenantId}:${appId.toLowerCase()}`);
  }

  /** Creates the app's service principal in a tenant (home tenant at registration, others on first consent). */
  ensureServicePrincipal(tenantId: string, app: Application): ServicePrincipal {
    const key = `${tenantId}:${app.appId}`;
    let sp = this.servicePrincipals.get(key);
    if (!sp) {
      sp = { id: newGuid(), appId: app.appId, tenantId, displayName: app.displayName, appRoleAssignmentRequired: app.appRoleAssignmentRequired, assignedUserIds: [] };
      this.servicePrincipals.set(key, sp);
      this.touch();
    }
    return sp;
  }

  assignUser(tenantId: string, appId: string, userIdOrUpn: string): void {
    const user = this.requireUser(tenantId, userIdOrUpn);
    const app = this.getApplication(appId);
    if (!app) throw new DirectoryError(404, `application ${appId} not found`);
    const sp = this.ensureServicePrincipal(tenantId, app);
    if (!sp.assignedUserIds.includes(user.id)) sp.assignedUserIds.push(user.id);
    this.touch();
  }

  unassignUser(tenantId: string, appId: string, userIdOrUpn: string): void {
    const user = this.requireUser(tenantId, userIdOrUpn);
    const sp = this.servicePrincipal(tenantId, appId);
    if (sp) sp.assignedUserIds = sp.assignedUserIds.filter((id) => id !== user.id);
    this.touch();
  }

  // ---- consent ----
  /** Delegated Graph scopes a user may use with an app: admin consent for all users plus the user's own. */
  grantedScopes(tenantId: string, appId: string, userId: string): Set<string> {
    const scopes = new Set<string>();
    for (const grant of this.delegatedGrants) {
      if (grant.tenantId !== tenantId || grant.appId !== appId) continue;
      if (grant.consentType === 'AllPrincipals' || grant.principalId === userId) for (const s of grant.scopes) scopes.add(s);
    }
    return scopes;
  }

  grantDelegated(tenantId: string, appId: string, scopes: string[], principalId?: string): void {
    const app = this.getApplication(appId);
    if (!app) throw new DirectoryError(404, `application ${appId} not found`);
    this.ensureServicePrincipal(tenantId, app);
    const consentType = principalId ? 'Principal' : 'AllPrincipals';
    let grant = this.delegatedGrants.find((g) => g.tenantId === tenantId && g.appId === app.appId && g.consentType === consentType && g.principalId === principalId);
    if (!grant) {
      grant = { id: newGuid(), tenantId, appId: app.appId, consentType, scopes: [], ...(principalId ? { principalId } : {}) };
      this.delegatedGrants.push(grant);
    }
    grant.scopes = [...new Set([...grant.scopes, ...scopes])];
    this.touch();
  }

  grantedRoles(tenantId: string, appId: string): string[] {
    return this.applicationGrants.find((g) => g.tenantId === tenantId && g.appId === appId)?.roles ?? [];
  }

  grantApplication(tenantId: string, appId: string, roles: string[]): void {
    const app = this.getApplication(appId);
    if (!app) throw new DirectoryError(404, `application ${appId} not found`);
    this.ensureServicePrincipal(tenantId, app);
    let grant = this.applicationGrants.find((g) => g.tenantId === tenantId && g.appId === app.appId);
    if (!grant) {
      grant = { tenantId, appId: app.appId, roles: [] };
      this.applicationGrants.push(grant);
    }
    grant.roles = [...new Set([...grant.roles, ...roles])];
    this.touch();
  }

  /** Withdraws every consent to the app in the tenant: admin, user and auto-consent alike. */
  withdrawConsent(tenantId: string, appId: string): void {
    const id = appId.toLowerCase();
    this.delegatedGrants = this.delegatedGrants.filter((g) => !(g.tenantId === tenantId && g.appId === id));
    this.applicationGrants = this.applicationGrants.filter((g) => !(g.tenantId === tenantId && g.appId === id));
    this.touch();
  }

  // ---- state ----
  snapshot(): DirectorySnapshot {
    return structuredClone(this.view());
  }

  private view(): DirectorySnapshot {
    return {
      format: 'm365hub-emulator-state' as const,
      version: 1 as const,
      tenants: [...this.tenants.values()],
      users: [...this.users.values()],
      groups: [...this.groups.values()],
      applications: [...this.applications.values()],
      servicePrincipals: [...this.servicePrincipals.values()],
      delegatedGrants: this.delegatedGrants,
      applicationGrants: this.applicationGrants,
      consentRequests: this.consentRequests.snapshot(),
    };
  }

  /** Empties the directory (reset plants the seed again). */
  clear(): void {
    this.load({ format: 'm365hub-emulator-state', version: 1, tenants: [], users: [], groups: [], applications: [], servicePrincipals: [], delegatedGrants: [], applicationGrants: [], consentRequests: [] });
  }

  load(snapshot: DirectorySnapshot): void {
    if (snapshot?.format !== 'm365hub-emulator-state' || snapshot.version !== 1) {
      throw new DirectoryError(400, 'not an m365hub emulator state file (format m365hub-emulator-state, version 1)');
    }
    const copy = structuredClone(snapshot);
    this.tenants = new Map(copy.tenants.map((t) => [t.id, t]));
    this.users = new Map();
    this.usersByUpn = new Map();
    this.usersByTenant = new Map();
    for (const user of copy.users) this.indexUser(user);
    this.groups = new Map(copy.groups.map((g) => [g.id, g]));
    this.applications = new Map(copy.applications.map((a) => [a.appId, a]));
    this.servicePrincipals = new Map(copy.servicePrincipals.map((sp) => [`${sp.tenantId}:${sp.appId}`, sp]));
    this.delegatedGrants = copy.delegatedGrants;
    this.applicationGrants = copy.applicationGrants;
    this.consentRequests.load(copy.consentRequests);
    this.touch();
  }

  /** The directory as a state module of the organisation file (emulator/state/persistable.ts). */
  persistable(): Persistable {
    return {
      name: 'directory',
      revision: () => this.revision,
      toJSON: () => this.view(),
      load: (data) => this.load(data as DirectorySnapshot),
    };
  }

  private touch(): void {
    this.revision++;
  }

  private changed(change: DirectoryChange): void {
    for (const listener of this.changeListeners) listener(change);
  }
}
