// Tenant policies and security objects as Graph v1.0 returns them, rendered from the tenant's security configuration:
//  - domain: https://learn.microsoft.com/graph/api/resources/domain (domain-list)
//  - authorizationPolicy: https://learn.microsoft.com/graph/api/resources/authorizationpolicy (authorizationpolicy-get)
//  - identitySecurityDefaultsEnforcementPolicy: .../resources/identitysecuritydefaultsenforcementpolicy
//  - conditionalAccessPolicy: .../resources/conditionalaccesspolicy; namedLocation: .../resources/ipnamedlocation,
//    .../resources/countrynamedlocation (conditionalaccessroot-list-namedlocations)
//  - authenticationMethodsPolicy: .../resources/authenticationmethodspolicy (authenticationmethodspolicy-get)
//  - permissionGrantPolicy: .../resources/permissiongrantpolicy (permissiongrantpolicy-list)
//  - tenantAppManagementPolicy: .../resources/tenantappmanagementpolicy (tenantappmanagementpolicy-get)
//  - groupSetting: .../resources/groupsetting (groupsetting-list)
//  - secureScoreControlProfile: .../resources/securescorecontrolprofile (security-list-securescorecontrolprofiles)
//  - directoryAudit / signIn: .../resources/directoryaudit, .../resources/signin
import type { Tenant, User } from '../../state/directory-types.js';
import type { ConditionalAccessPolicyRecord, DirectoryAuditRecord, NamedLocationRecord, SignInRecord, TenantSecurityConfig } from '../../state/security-config.js';
import type { GraphObject, ResourceShape } from '../odata-query.js';

const shape = (type: string, properties: string[], filterable: string[] = []): ResourceShape => ({ type, properties, defaults: properties, filterable });

export const domainShape = shape(
  'microsoft.graph.domain',
  ['authenticationType', 'availabilityStatus', 'id', 'isAdminManaged', 'isDefault', 'isInitial', 'isRoot', 'isVerified', 'passwordNotificationWindowInDays', 'passwordValidityPeriodInDays', 'supportedServices', 'state'],
  ['id', 'isDefault', 'isVerified'],
);

/** A tenant's verified domains; a password validity of 2147483647 days is "passwords never expire". */
export function domainResources(tenant: Tenant): GraphObject[] {
  return tenant.domains.map((name, i) => ({
    authenticationType: 'Managed',
    availabilityStatus: null,
    id: name,
    isAdminManaged: true,
    isDefault: i === 0,
    isInitial: name.endsWith('.onmicrosoft.com') && i === 0,
    isRoot: true,
    isVerified: true,
    passwordNotificationWindowInDays: 14,
    passwordValidityPeriodInDays: 2147483647,
    supportedServices: ['Email', 'OfficeCommunicationsOnlineService'],
    state: null,
  }));
}

const authorizationPolicyProperties = [
  'id', 'allowInvitesFrom', 'allowedToSignUpEmailBasedSubscriptions', 'allowedToUseSSPR', 'allowEmailVerifiedUsersToJoinOrganization', 'allowUserConsentForRiskyApps',
  'blockMsolPowerShell', 'description', 'displayName', 'guestUserRoleId', 'defaultUserRolePermissions',
];
export const authorizationPolicyShape = shape('microsoft.graph.authorizationPolicy', authorizationPolicyProperties);

export function authorizationPolicyResource(config: TenantSecurityConfig): GraphObject {
  const p = config.authorizationPolicy;
  return {
    id: 'authorizationPolicy',
    allowInvitesFrom: p.allowInvitesFrom,
    allowedToSignUpEmailBasedSubscriptions: true,
    allowedToUseSSPR: p.allowedToUseSSPR,
    allowEmailVerifiedUsersToJoinOrganization: p.allowEmailVerifiedUsersToJoinOrganization,
    allowUserConsentForRiskyApps: null,
    blockMsolPowerShell: p.blockMsolPowerShell,
    description: 'Used to manage authorization related settings across the company.',
    displayName: 'Authorization Policy',
    guestUserRoleId: p.guestUserRoleId,
    defaultUserRolePermissions: {
      allowedToCreateApps: p.allowedToCreateApps,
      allowedToCreateSecurityGroups: p.allowedToCreateSecurityGroups,
      allowedToCreateTenants: p.allowedToCreateTenants,
      allowedToReadBitlockerKeysForOwnedDevice: true,
      allowedToReadOtherUsers: p.allowedToReadOtherUsers,
      permissionGrantPoliciesAssigned: p.permissionGrantPoliciesAssigned,
    },
  };
}

export const securityDefaultsShape = shape('microsoft.graph.identitySecurityDefaultsEnforcementPolicy', ['id', 'description', 'displayName', 'isEnabled']);

export const securityDefaultsResource = (config: TenantSecurityConfig): GraphObject => ({
  id: '00000000-0000-0000-0000-000000000005',
  description:
    'Security defaults is a set of basic identity security mechanisms recommended by Microsoft. When enabled, these recommendations will be automatically enforced in your organization. Administrators and users will be better protected from common identity related attacks.',
  displayName: 'Security Defaults',
  isEnabled: config.securityDefaultsEnabled,
});

const caProperties = ['id', 'templateId', 'displayName', 'createdDateTime', 'modifiedDateTime', 'state', 'conditions', 'grantControls', 'sessionControls'];
export const conditionalAccessPolicyShape: ResourceShape = { type: 'microsoft.graph.conditionalAccessPolicy', properties: caProperties, defaults: caProperties, filterable: ['displayName', 'state', 'id'] };

export const conditionalAccessPolicyResource = (p: ConditionalAccessPolicyRecord): GraphObject => ({
  id: p.id,
  templateId: p.templateId,
  displayName: p.displayName,
  createdDateTime: p.createdDateTime,
  modifiedDateTime: p.modifiedDateTime,
  state: p.state,
  conditions: p.conditions,
  grantControls: p.grantControls,
  sessionControls: p.sessionControls,
});

export const namedLocationShape = shape(
  'microsoft.graph.namedLocation',
  ['id', 'displayName', 'createdDateTime', 'modifiedDateTime', 'isTrusted', 'ipRanges', 'countriesAndRegions', 'includeUnknownCountriesAndRegions', 'countryLookupMethod'],
  ['displayName', 'id'],
);

export function namedLocationResource(location: NamedLocationRecord): GraphObject {
  const base = { id: location.id, displayName: location.displayName, createdDateTime: location.createdDateTime, modifiedDateTime: location.modifiedDateTime };
  if (location.kind === 'ip') {
    return {
      '@odata.type': '#microsoft.graph.ipNamedLocation',
      ...base,
      isTrusted: location.isTrusted ?? false,
      ipRanges: (location.cidrRanges ?? []).map((cidrAddress) => ({ '@odata.type': cidrAddress.includes(':') ? '#microsoft.graph.iPv6CidrRange' : '#microsoft.graph.iPv4CidrRange', cidrAddress })),
    };
  }
  return { '@odata.type': '#microsoft.graph.countryNamedLocation', ...base, countriesAndRegions: location.countriesAndRegions ?? [], includeUnknownCountriesAndRegions: location.includeUnknownCountriesAndRegions ?? false, countryLookupMethod: 'clientIpAddress' };
}

export const authenticationMethodsPolicyShape = shape('microsoft.graph.authenticationMethodsPolicy', [
  'id', 'displayName', 'description', 'lastModifiedDateTime', 'policyVersion', 'policyMigrationState', 'registrationEnforcement', 'authenticationMethodConfigurations',
]);

const methodTypes: Record<string, string> = {
  Fido2: 'fido2AuthenticationMethodConfiguration',
  MicrosoftAuthenticator: 'microsoftAuthenticatorAuthenticationMethodConfiguration',
  Sms: 'smsAuthenticationMethodConfiguration',
  Voice: 'voiceAuthenticationMethodConfiguration',
  Email: 'emailAuthenticationMethodConfiguration',
  SoftwareOath: 'softwareOathAuthenticationMethodConfiguration',
  TemporaryAccessPass: 'temporaryAccessPassAuthenticationMethodConfiguration',
  X509Certificate: 'x509CertificateAuthenticationMethodConfiguration',
};

export function authenticationMethodsPolicyResource(config: TenantSecurityConfig, modified: string): GraphObject {
  return {
    id: 'authenticationMethodsPolicy',
    displayName: 'Authentication Methods Policy',
    description: 'The tenant-wide policy that controls which authentication methods are allowed in the tenant, authentication method registration requirements, and self-service password reset settings',
    lastModifiedDateTime: modified,
    policyVersion: '1.5',
    policyMigrationState: config.authenticationMethods.policyMigrationState,
    registrationEnforcement: {
      authenticationMethodsRegistrationCampaign: { snoozeDurationInDays: 1, state: 'default', excludeTargets: [], includeTargets: [{ id: 'all_users', targetType: 'group', targetedAuthenticationMethod: 'microsoftAuthenticator' }] },
    },
    authenticationMethodConfigurations: config.authenticationMethods.configurations.map((c) => ({
      '@odata.type': `#microsoft.graph.${methodTypes[c.id] ?? 'authenticationMethodConfiguration'}`,
      id: c.id,
      state: c.state,
      excludeTargets: [],
      ...(c.id === 'Email' || c.id === 'X509Certificate' ? {} : { includeTargets: [{ targetType: 'group', id: 'all_users', isRegistrationRequired: false }] }),
    })),
  };
}

export const permissionGrantPolicyShape = shape('microsoft.graph.permissionGrantPolicy', ['id', 'deletedDateTime', 'description', 'displayName', 'includes', 'excludes'], ['id']);

const conditionSet = (id: string, permissionType: string, extra: Record<string, unknown> = {}) => ({
  id,
  permissionClassification: 'all',
  permissionType,
  resourceApplication: 'any',
  permissions: ['all'],
  clientApplicationIds: ['all'],
  clientApplicationTenantIds: ['all'],
  clientApplicationPublisherIds: ['all'],
  clientApplicationsFromVerifiedPublisherOnly: false,
  certifiedClientApplicationsOnly: false,
  ...extra,
});

/** Microsoft's built-in permission grant policies (entra/identity/enterprise-apps/manage-app-consent-policies). */
export const permissionGrantPolicies = (): GraphObject[] => [
  {
    id: 'microsoft-user-default-legacy',
    deletedDateTime: null,
    description: 'All users can consent for all delegated permissions to any client app, except for permissions on specific resources.',
    displayName: 'Default (legacy) user consent policy',
    includes: [conditionSet('ff60fcf6-9df4-4d80-8aee-8a1fa2bcf0b8', 'delegated')],
    excludes: [],
  },
  {
    id: 'microsoft-user-default-low',
    deletedDateTime: null,
    description: 'All users can consent for permissions classified as "low" to any client app, except for permissions on specific resources.',
    displayName: 'Default (low) user consent policy',
    includes: [conditionSet('eaf2cbbd-2b0a-4d04-8a8d-1b7a1ad6f1c7', 'delegated', { permissionClassification: 'low' })],
    excludes: [],
  },
  {
    id: 'microsoft-all-application-permissions',
    deletedDateTime: null,
    description: 'Includes all application permissions (app roles), for all APIs, for any client application.',
    displayName: 'All application permissions, for any client app',
    includes: [conditionSet('bddda1ec-0174-44d5-84e2-47fb0ac01595', 'application')],
    excludes: [],
  },
];

export const appManagementPolicyShape = shape('microsoft.graph.tenantAppManagementPolicy', ['id', 'description', 'displayName', 'isEnabled', 'applicationRestrictions', 'servicePrincipalRestrictions']);

/** No credential restrictions: Microsoft's default tenant app management policy. */
export const defaultAppManagementPolicy = (): GraphObject => ({
  id: '00000000-0000-0000-0000-000000000000',
  description: 'Default tenant policy that enforces app management restrictions on applications and service principals. To apply policy to targeted resources, create a new policy and add it to an application or service principal.',
  displayName: 'Default app management tenant policy',
  isEnabled: false,
  applicationRestrictions: { passwordCredentials: [], keyCredentials: [] },
  servicePrincipalRestrictions: { passwordCredentials: [], keyCredentials: [] },
});

// https://learn.microsoft.com/graph/api/resources/delegatedpermissionclassification
export const permissionClassificationShape = shape('microsoft.graph.delegatedPermissionClassification', ['id', 'classification', 'permissionId', 'permissionName'], ['permissionId', 'permissionName']);

export const groupSettingShape = shape('microsoft.graph.groupSetting', ['id', 'displayName', 'templateId', 'values'], ['displayName', 'templateId']);

export const secureScoreControlProfileShape = shape(
  'microsoft.graph.secureScoreControlProfile',
  ['id', 'azureTenantId', 'actionType', 'actionUrl', 'controlCategory', 'title', 'deprecated', 'implementationCost', 'lastModifiedDateTime', 'maxScore', 'rank', 'remediation', 'remediationImpact', 'service', 'threats', 'tier', 'userImpact', 'complianceInformation', 'controlStateUpdates', 'vendorInformation'],
  ['controlCategory', 'service', 'id'],
);

export interface SecureScoreControl {
  controlCategory: string;
  controlName: string;
  title: string;
  description: string;
  max: number;
  service: string;
  threats: string[];
}

export function secureScoreControlProfile(tenant: Tenant, control: SecureScoreControl, rank: number, modified: string): GraphObject {
  return {
    id: control.controlName,
    azureTenantId: tenant.id,
    actionType: 'Config',
    actionUrl: 'https://security.microsoft.com/securescore',
    controlCategory: control.controlCategory,
    title: control.title,
    deprecated: false,
    implementationCost: 'Low',
    lastModifiedDateTime: modified,
    maxScore: control.max,
    rank,
    remediation: control.description,
    remediationImpact: 'Users will be affected by the change described in the remediation.',
    service: control.service,
    threats: control.threats,
    tier: 'Core',
    userImpact: 'Moderate',
    complianceInformation: [],
    controlStateUpdates: [],
    vendorInformation: { provider: 'SecureScore', providerVersion: null, subProvider: null, vendor: 'Microsoft' },
  };
}

export const directoryAuditShape = shape(
  'microsoft.graph.directoryAudit',
  ['id', 'category', 'correlationId', 'result', 'resultReason', 'activityDisplayName', 'activityDateTime', 'loggedByService', 'operationType', 'initiatedBy', 'targetResources', 'additionalDetails'],
  ['category', 'activityDisplayName', 'result', 'loggedByService', 'operationType', 'id'],
);

export function directoryAuditResource(record: DirectoryAuditRecord, initiator: User | undefined): GraphObject {
  return {
    id: record.id,
    category: record.category,
    correlationId: record.id.replace(/^Directory_/, ''),
    result: record.result,
    resultReason: '',
    activityDisplayName: record.activityDisplayName,
    activityDateTime: record.activityDateTime,
    loggedByService: record.category === 'RoleManagement' ? 'PIM' : 'Core Directory',
    operationType: record.operationType,
    initiatedBy: { app: null, user: initiator ? { id: initiator.id, displayName: null, userPrincipalName: initiator.userPrincipalName, ipAddress: null, userType: null, homeTenantId: null, homeTenantName: null } : null },
    targetResources: record.targets.map((t) => ({ id: t.id, displayName: t.displayName, type: t.type, userPrincipalName: null, groupType: null, modifiedProperties: [] })),
    additionalDetails: [],
  };
}

export const signInShape = shape(
  'microsoft.graph.signIn',
  ['id', 'createdDateTime', 'userDisplayName', 'userPrincipalName', 'userId', 'appId', 'appDisplayName', 'ipAddress', 'clientAppUsed', 'correlationId', 'conditionalAccessStatus', 'isInteractive', 'riskDetail', 'riskLevelAggregated', 'riskLevelDuringSignIn', 'riskState', 'riskEventTypes_v2', 'resourceDisplayName', 'resourceId', 'status', 'deviceDetail', 'location', 'appliedConditionalAccessPolicies'],
  ['userId', 'userPrincipalName', 'appId', 'appDisplayName', 'clientAppUsed', 'conditionalAccessStatus', 'id'],
);

export function signInResource(record: SignInRecord, user: User | undefined): GraphObject {
  return {
    id: record.id,
    createdDateTime: record.createdDateTime,
    userDisplayName: user?.displayName ?? null,
    userPrincipalName: user?.userPrincipalName ?? null,
    userId: record.userId,
    appId: record.appId,
    appDisplayName: record.appDisplayName,
    ipAddress: record.ipAddress,
    clientAppUsed: record.clientAppUsed,
    correlationId: record.id,
    conditionalAccessStatus: record.conditionalAccessStatus,
    isInteractive: record.isInteractive,
    riskDetail: 'none',
    riskLevelAggregated: 'none',
    riskLevelDuringSignIn: 'none',
    riskState: 'none',
    riskEventTypes_v2: [],
    resourceDisplayName: 'Office 365 Exchange Online',
    resourceId: '00000002-0000-0ff1-ce00-000000000000',
    status: { errorCode: record.errorCode, failureReason: record.failureReason, additionalDetails: null },
    deviceDetail: { deviceId: '', displayName: null, operatingSystem: 'Windows 10', browser: 'Edge 120.0.0', isCompliant: null, isManaged: null, trustType: null },
    location: { city: 'Seattle', state: 'Washington', countryOrRegion: 'US', geoCoordinates: null },
    appliedConditionalAccessPolicies: [],
  };
}
