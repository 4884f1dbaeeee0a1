// The emulated directory: what an Entra ID tenant holds that the identity endpoints decide on.
// Plain JSON-serialisable records, so GET /_emulator/state can export them and --state can load them back.

export type SignInAudience = 'AzureADMyOrg' | 'AzureADMultipleOrgs';

export interface Tenant {
  id: string;
  displayName: string;
  /** Verified domains; the first is the initial `*.onmicrosoft.com` domain. */
  domains: string[];
  /** The admin consent workflow (adminConsentRequestPolicy); absent means off, Microsoft's default. */
  adminConsentRequestPolicy?: AdminConsentRequestPolicy;
}

/** https://learn.microsoft.com/graph/api/resources/adminconsentrequestpolicy: one per tenant. */
export interface AdminConsentRequestPolicy {
  isEnabled: boolean;
  /** Requests still InProgress after this many days show as Expired (emulator clock). */
  requestDurationInDays: number;
  /** Bumped on every change, as Graph's read-only `version`. */
  version: number;
}

export interface User {
  id: string;
  tenantId: string;
  userPrincipalName: string;
  displayName: string;
  givenName?: string;
  surname?: string;
  mail?: string;
  jobTitle?: string;
  accountEnabled: boolean;
  passwordHash: string;
  /**
   * Directory role template ids (`wids`); Global Administrator makes a user an admin who can consent for all.
   * Replaced, never changed in place: users without a role share one empty list (see DirectoryStore).
   */
  directoryRoles: readonly string[];
  /** Emulator-clock ms; refresh tokens and sessions issued before it are revoked (AADSTS50173). */
  signInSessionsValidFrom?: number;
}

export interface Group {
  id: string;
  tenantId: string;
  displayName: string;
  mailNickname: string;
  memberIds: string[];
}

export interface PasswordCredential {
  keyId: string;
  displayName?: string;
  hint: string;
  secretHash: string;
  startDateTime: string;
  endDateTime: string;
}

export interface KeyCredential {
  keyId: string;
  displayName?: string;
  certificatePem: string;
  /** Upper-case hex SHA-1, as `customKeyIdentifier` shows it in Graph. */
  thumbprint: string;
  thumbprintSha256: string;
  startDateTime: string;
  endDateTime: string;
}

/** The permissions an app registration lists for Microsoft Graph (its `requiredResourceAccess`). */
export interface RequiredGraphAccess {
  delegated: string[];
  application: string[];
}

export interface Application {
  id: string;
  appId: string;
  tenantId: string;
  displayName: string;
  signInAudience: SignInAudience;
  /** Web platform redirect URIs (`web.redirectUris`). */
  redirectUris: string[];
  /** Single-page application platform (`spa.redirectUris`). */
  spaRedirectUris?: string[];
  /** Mobile and desktop platform (`publicClient.redirectUris`). */
  publicClientRedirectUris?: string[];
  /** "Allow public client flows": device code and ROPC without a client credential. */
  isFallbackPublicClient?: boolean;
  requiredGraphAccess: RequiredGraphAccess;
  passwordCredentials: PasswordCredential[];
  keyCredentials: KeyCredential[];
  /** Copied to the service principal created in each tenant. */
  appRoleAssignmentRequired: boolean;
}

export interface ServicePrincipal {
  id: string;
  appId: string;
  tenantId: string;
  displayName: string;
  appRoleAssignmentRequired: boolean;
  /** Users assigned to the app (needed when appRoleAssignmentRequired, else AADSTS50105). */
  assignedUserIds: string[];
}

/** An oauth2PermissionGrant for Microsoft Graph: admin (AllPrincipals) or one user's (Principal) consent. */
export interface DelegatedGrant {
  id: string;
  tenantId: string;
  appId: string;
  consentType: 'AllPrincipals' | 'Principal';
  principalId?: string;
  scopes: string[];
}

/** Application permissions (app roles of Microsoft Graph) an admin granted to an app in a tenant. */
export interface ApplicationGrant {
  tenantId: string;
  appId: string;
  roles: string[];
}

/**
 * One user's request for admin approval of an app (userConsentRequest), with its single approval stage
 * (https://learn.microsoft.com/graph/api/resources/userconsentrequest, .../resources/approvalstage).
 */
export interface UserConsentRequestRecord {
  /** Also the approval's id (`approvalId` equals `id`). */
  id: string;
  userId: string;
  reason: string;
  /** Permissions this user asked for (delegated scopes, plus app roles through the admin consent endpoint). */
  scopes: string[];
  createdDateTime: string;
  stageId: string;
  review?: {
    result: 'Approve' | 'Deny';
    justification: string;
    reviewedDateTime: string;
    /** The reviewer (a user, or the app that decided through Graph or the emulator's control API). */
    reviewedBy: { id: string; displayName: string; userPrincipalName: string; mail: string };
  };
}

/** All requests for one app in one tenant (appConsentRequest, https://learn.microsoft.com/graph/api/resources/appconsentrequest). */
export interface AppConsentRequestRecord {
  id: string;
  tenantId: string;
  appId: string;
  /** `Dynamic` when the user's sign-in named scopes, `Static` for `/.default` or the app's registered permissions. */
  consentType: 'Static' | 'Dynamic';
  userConsentRequests: UserConsentRequestRecord[];
}

export interface DirectorySnapshot {
  format: 'm365hub-emulator-state';
  version: 1;
  tenants: Tenant[];
  users: User[];
  groups: Group[];
  applications: Application[];
  servicePrincipals: ServicePrincipal[];
  delegatedGrants: DelegatedGrant[];
  applicationGrants: ApplicationGrant[];
  /** Admin consent requests (absent in state files written before the workflow existed). */
  consentRequests?: AppConsentRequestRecord[];
}

export const globalAdministratorRoleId = '62e90394-69f5-4237-9190-012177145e10';
