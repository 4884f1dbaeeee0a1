// A tenant's directory and security configuration beyond the directory records: licences (Entra ID P1 / P2),
// security defaults, the authorization policy, conditional access policies and named locations, authentication
// methods (tenant policy and each user's registered methods), PIM eligibility and role settings, group settings,
// Secure Score moves, sign-in and audit records, and member groups nested in groups.
// Plain JSON-serialisable records (snapshot / load), so the organisation can be persisted with the directory.
// Users' directory roles stay in the directory (`User.directoryRoles`, the token's `wids`): one truth for both halves.

/** How Graph's userRegistrationDetails spells registered methods (resources/userregistrationdetails, methodsRegistered). */
export const authenticationMethodNames = [
  'email', 'mobilePhone', 'alternateMobilePhone', 'officePhone', 'microsoftAuthenticatorPush', 'softwareOneTimePasscode', 'hardwareOneTimePasscode',
  'microsoftAuthenticatorPasswordless', 'windowsHelloForBusiness', 'fido2SecurityKey', 'passKeyDeviceBound', 'temporaryAccessPass', 'securityQuestion',
] as const;
export type AuthenticationMethodName = (typeof authenticationMethodNames)[number];

/** Phishing-resistant methods (entra/identity/authentication/concept-authentication-strengths, built-in strengths). */
export const phishingResistantMethods: readonly AuthenticationMethodName[] = ['windowsHelloForBusiness', 'fido2SecurityKey', 'passKeyDeviceBound'];
/** Methods that satisfy a second factor (email and security questions serve only self-service password reset). */
export const mfaCapableMethods: readonly AuthenticationMethodName[] = [
  'mobilePhone', 'alternateMobilePhone', 'officePhone', 'microsoftAuthenticatorPush', 'softwareOneTimePasscode', 'hardwareOneTimePasscode',
  'microsoftAuthenticatorPasswordless', 'windowsHelloForBusiness', 'fido2SecurityKey', 'passKeyDeviceBound', 'temporaryAccessPass',
];

/** What the security configuration knows about one user beyond the directory record. */
export interface UserSecurityFacts {
  userType?: 'Member' | 'Guest';
  /** Synchronised from on-premises Active Directory (Entra Connect). */
  onPremisesSyncEnabled?: boolean;
  /** Registered authentication methods; absent means derived from the user id (see registeredMethods). */
  methods?: AuthenticationMethodName[];
  lastSignInDateTime?: string;
}

/** Who a conditional access policy applies to (conditionalAccessUsers: users, groups and directory roles). */
export interface ConditionalAccessUsers {
  includeUsers?: string[];
  excludeUsers?: string[];
  includeGroups?: string[];
  excludeGroups?: string[];
  includeRoles?: string[];
  excludeRoles?: string[];
}

export interface ConditionalAccessPolicyRecord {
  id: string;
  displayName: string;
  state: 'enabled' | 'disabled' | 'enabledForReportingButNotEnforced';
  createdDateTime: string;
  modifiedDateTime: string;
  templateId: string | null;
  /** conditionalAccessConditionSet as Graph returns it. */
  conditions: Record<string, unknown>;
  grantControls: Record<string, unknown> | null;
  sessionControls: Record<string, unknown> | null;
}

export interface NamedLocationRecord {
  id: string;
  kind: 'ip' | 'country';
  displayName: string;
  createdDateTime: string;
  modifiedDateTime: string;
  isTrusted?: boolean;
  cidrRanges?: string[];
  countriesAndRegions?: string[];
  includeUnknownCountriesAndRegions?: boolean;
}

/** A PIM eligibility (roleEligibilitySchedule) or a time-bound active assignment (roleAssignmentSchedule). */
export interface RoleScheduleRecord {
  id: string;
  kind: 'eligible' | 'active';
  principalId: string;
  roleDefinitionId: string;
  startDateTime: string;
  /** null: permanent. */
  endDateTime: string | null;
  createdDateTime: string;
}

/** The PIM settings of one role (unifiedRoleManagementPolicy rules the product reads). */
export interface RoleSettingsRecord {
  roleDefinitionId: string;
  requireApprovalOnActivation: boolean;
  requireMfaOnActivation: boolean;
  requireJustificationOnActivation: boolean;
  maximumActivationDuration: string;
  /** Eligible assignments may be permanent (false) or must expire (true). */
  eligibilityExpirationRequired: boolean;
}

export interface AuthenticationMethodConfigurationRecord {
  /** Graph's id: Fido2, MicrosoftAuthenticator, Sms, Voice, Email, SoftwareOath, TemporaryAccessPass, X509Certificate. */
  id: string;
  state: 'enabled' | 'disabled';
}

export interface GroupSettingRecord {
  id: string;
  displayName: string;
  templateId: string;
  values: { name: string; value: string }[];
}

/**
 * A classification of one of Microsoft Graph's delegated permissions (delegatedpermissionclassification): with the
 * user consent setting "low impact permissions only", users may consent to the permissions classified `low`.
 */
export interface PermissionClassificationRecord {
  id: string;
  classification: 'low';
  permissionId: string;
  permissionName: string;
}

export interface SignInRecord {
  id: string;
  createdDateTime: string;
  userId: string;
  appId: string;
  appDisplayName: string;
  clientAppUsed: string;
  ipAddress: string;
  errorCode: number;
  failureReason: string | null;
  conditionalAccessStatus: 'success' | 'failure' | 'notApplied';
  isInteractive: boolean;
}

export interface DirectoryAuditRecord {
  id: string;
  activityDateTime: string;
  activityDisplayName: string;
  category: string;
  operationType: 'Add' | 'Update' | 'Delete' | 'Assign' | 'Unassign';
  result: 'success' | 'failure';
  /** Who did it (a user id), and what it touched. */
  initiatedByUserId: string | null;
  targets: { id: string; displayName: string; type: 'User' | 'Policy' | 'Role' | 'Group' }[];
}

export interface TenantSecurityConfig {
  tenantId: string;
  licences: { entraIdP1: boolean; entraIdP2: boolean };
  securityDefaultsEnabled: boolean;
  authorizationPolicy: {
    allowInvitesFrom: 'none' | 'adminsAndGuestInviters' | 'adminsGuestInvitersAndAllMembers' | 'everyone';
    allowedToUseSSPR: boolean;
    allowEmailVerifiedUsersToJoinOrganization: boolean;
    blockMsolPowerShell: boolean;
    guestUserRoleId: string;
    allowedToCreateApps: boolean;
    allowedToCreateSecurityGroups: boolean;
    allowedToCreateTenants: boolean;
    allowedToReadOtherUsers: boolean;
    permissionGrantPoliciesAssigned: string[];
  };
  authenticationMethods: { policyMigrationState: 'preMigration' | 'migrationInProgress' | 'migrationComplete'; configurations: AuthenticationMethodConfigurationRecord[] };
  conditionalAccessPolicies: ConditionalAccessPolicyRecord[];
  namedLocations: NamedLocationRecord[];
  /** Today's score per Secure Score control name, where moved by the control API (history keeps its values). */
  secureScoreOverrides: Record<string, number>;
  users: Record<string, UserSecurityFacts>;
  roleSchedules: RoleScheduleRecord[];
  roleSettings: RoleSettingsRecord[];
  groupSettings: GroupSettingRecord[];
  /** Classifications on the Microsoft Graph service principal's delegated permissions (none in a new tenant). */
  delegatedPermissionClassifications: PermissionClassificationRecord[];
  /** Groups that are members of a group (the directory's groups hold users only). */
  nestedGroups: Record<string, string[]>;
  signIns: SignInRecord[];
  directoryAudits: DirectoryAuditRecord[];
}

export interface SecurityConfigSnapshot {
  format: 'm365hub-emulator-security-config';
  version: 1;
  tenants: TenantSecurityConfig[];
}

/** Microsoft's built-in "Guest user" role: guests have limited access to directory objects (authorizationpolicy). */
export const limitedGuestRoleId = '10dae51f-b6af-4016-8d66-8c2a99b929b3';

/** A tenant as Microsoft creates it today: no Entra ID premium licence, security defaults on, nothing configured. */
export function defaultTenantSecurityConfig(tenantId: string): TenantSecurityConfig {
  return {
    tenantId,
    licences: { entraIdP1: false, entraIdP2: false },
    securityDefaultsEnabled: true,
    authorizationPolicy: {
      allowInvitesFrom: 'everyone',
      allowedToUseSSPR: true,
      allowEmailVerifiedUsersToJoinOrganization: false,
      blockMsolPowerShell: false,
      guestUserRoleId: limitedGuestRoleId,
      allowedToCreateApps: true,
      allowedToCreateSecurityGroups: true,
      allowedToCreateTenants: true,
      allowedToReadOtherUsers: true,
      permissionGrantPoliciesAssigned: ['ManagePermissionGrantsForSelf.microsoft-user-default-legacy'],
    },
    authenticationMethods: {
      policyMigrationState: 'preMigration',
      configurations: [
        { id: 'Fido2', state: 'disabled' },
        { id: 'MicrosoftAuthenticator', state: 'enabled' },
        { id: 'Sms', state: 'enabled' },
        { id: 'Voice', state: 'disabled' },
        { id: 'Email', state: 'enabled' },
        { id: 'SoftwareOath', state: 'enabled' },
        { id: 'TemporaryAccessPass', state: 'disabled' },
        { id: 'X509Certificate', state: 'disabled' },
      ],
    },
    conditionalAccessPolicies: [],
    namedLocations: [],
    secureScoreOverrides: {},
    users: {},
    roleSchedules: [],
    roleSettings: [],
    groupSettings: [],
    delegatedPermissionClassifications: [],
    nestedGroups: {},
    signIns: [],
    directoryAudits: [],
  };
}

export class SecurityConfigStore {
  private tenants = new Map<string, TenantSecurityConfig>();
  /** Bumped on every change: caches derived from the configuration key on it. */
  revision = 0;

  /** The tenant's configuration, created with Microsoft's defaults on first use. */
  of(tenantId: string): TenantSecurityConfig {
    const key = tenantId.toLowerCase();
    let config = this.tenants.get(key);
    if (!config) {
      config = defaultTenantSecurityConfig(key);
      this.tenants.set(key, config);
    }
    return config;
  }

  /** Every change goes through here, so revision moves with it. */
  change<T>(tenantId: string, mutate: (config: TenantSecurityConfig) => T): T {
    const result = mutate(this.of(tenantId));
    this.revision++;
    return result;
  }

  userFacts(tenantId: string, userId: string): UserSecurityFacts {
    return this.of(tenantId).users[userId] ?? {};
  }

  snapshot(): SecurityConfigSnapshot {
    return structuredClone({ format: 'm365hub-emulator-security-config' as const, version: 1 as const, tenants: [...this.tenants.values()] });
  }

  load(snapshot: SecurityConfigSnapshot): void {
    if (snapshot?.format !== 'm365hub-emulator-security-config' || snapshot.version !== 1) {
      throw new Error('not an m365hub emulator security configuration (format m365hub-emulator-security-config, version 1)');
    }
    // A configuration saved before a field existed gets that field's default (a new tenant's), not undefined.
    this.tenants = new Map(structuredClone(snapshot.tenants).map((t) => [t.tenantId, { ...defaultTenantSecurityConfig(t.tenantId), ...t }]));
    this.revision++;
  }
}
