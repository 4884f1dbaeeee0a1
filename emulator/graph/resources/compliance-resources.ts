// Tenant security configuration as Microsoft Graph v1.0 returns it, deterministic per tenant.
//  - conditionalAccessPolicy: https://learn.microsoft.com/graph/api/resources/conditionalaccesspolicy
//  - secureScore: https://learn.microsoft.com/graph/api/resources/securescore (security-list-securescores)
//  - sharepointSettings: https://learn.microsoft.com/graph/api/resources/sharepointsettings
//  - userRegistrationDetails: https://learn.microsoft.com/graph/api/resources/userregistrationdetails
import { globalAdministratorRoleId, type Tenant, type User } from '../../state/directory-types.js';
import { dayStart, deterministicId, isoSeconds, stableNumber, tenantCreatedDateTime } from '../graph-data.js';
import type { GraphObject, ResourceShape } from '../odata-query.js';

const caProperties = ['id', 'templateId', 'displayName', 'createdDateTime', 'modifiedDateTime', 'state', 'conditions', 'grantControls', 'sessionControls'];
export const conditionalAccessPolicyShape: ResourceShape = { type: 'microsoft.graph.conditionalAccessPolicy', properties: caProperties, defaults: caProperties, filterable: ['displayName', 'state'] };

function caConditions(users: { includeUsers?: string[]; includeRoles?: string[]; excludeUsers?: string[] }, clientAppTypes: string[]) {
  return {
    userRiskLevels: [],
    signInRiskLevels: [],
    clientAppTypes,
    platforms: null,
    locations: null,
    applications: { includeApplications: ['All'], excludeApplications: [], includeUserActions: [], includeAuthenticationContextClassReferences: [] },
    users: {
      includeUsers: users.includeUsers ?? [],
      excludeUsers: users.excludeUsers ?? [],
      includeGroups: [],
      excludeGroups: [],
      includeRoles: users.includeRoles ?? [],
      excludeRoles: [],
    },
  };
}

const grant = (builtInControls: string[]) => ({ operator: 'OR', builtInControls, customAuthenticationFactors: [], termsOfUse: [] });

/** Three policies a typical tenant has: MFA for admins (on), legacy authentication blocked (on), MFA for everyone (report-only). */
export function conditionalAccessPolicies(tenant: Tenant, admins: User[]): GraphObject[] {
  const created = tenantCreatedDateTime(tenant);
  return [
    { key: 'mfa-admins', displayName: 'Require multifactor authentication for admins', state: 'enabled', conditions: caConditions({ includeRoles: [globalAdministratorRoleId] }, ['all']), controls: ['mfa'] },
    { key: 'block-legacy', displayName: 'Block legacy authentication', state: 'enabled', conditions: caConditions({ includeUsers: ['All'], excludeUsers: admins.slice(0, 1).map((a) => a.id) }, ['exchangeActiveSync', 'other']), controls: ['block'] },
    { key: 'mfa-all', displayName: 'Require multifactor authentication for all users', state: 'enabledForReportingButNotEnforced', conditions: caConditions({ includeUsers: ['All'] }, ['all']), controls: ['mfa'] },
  ].map((p) => ({
    id: deterministicId(`ca/${tenant.id}/${p.key}`),
    templateId: null,
    displayName: p.displayName,
    createdDateTime: created,
    modifiedDateTime: created,
    state: p.state,
    conditions: p.conditions,
    grantControls: grant(p.controls),
    sessionControls: null,
  }));
}

const scoreProperties = ['id', 'azureTenantId', 'activeUserCount', 'createdDateTime', 'currentScore', 'enabledServices', 'licensedUserCount', 'maxScore', 'averageComparativeScores', 'controlScores', 'vendorInformation'];
export const secureScoreShape: ResourceShape = { type: 'microsoft.graph.secureScore', properties: scoreProperties, defaults: scoreProperties };

const controls = [
  { controlCategory: 'Identity', controlName: 'MFARegistrationV2', description: 'Ensure all users can complete multifactor authentication', max: 9 },
  { controlCategory: 'Identity', controlName: 'BlockLegacyAuthentication', description: 'Enable policy to block legacy authentication', max: 8 },
  { controlCategory: 'Identity', controlName: 'AdminMFAV2', description: 'Require multifactor authentication for administrative roles', max: 10 },
  { controlCategory: 'Data', controlName: 'mcasFIPolicies', description: 'Create Defender for Cloud Apps file policies', max: 5 },
  { controlCategory: 'Apps', controlName: 'OneAdmin', description: 'Designate fewer than 5 global admins', max: 1 },
];

/** One score a day for the last 7 days of the emulator clock, newest first, as the list returns them. */
export function secureScores(tenant: Tenant, users: User[], nowMs: number): GraphObject[] {
  const licensed = users.filter((u) => u.accountEnabled).length;
  return Array.from({ length: 7 }, (_, i) => {
    const day = dayStart(nowMs) - i * 86_400_000;
    const controlScores = controls.map((c) => ({ controlCategory: c.controlCategory, controlName: c.controlName, description: c.description, score: Math.max(0, c.max - stableNumber(`score/${tenant.id}/${c.controlName}`, c.max + 1)) }));
    const currentScore = controlScores.reduce((sum, c) => sum + c.score, 0);
    return {
      id: `${tenant.id}_${new Date(day).toISOString().slice(0, 10)}`,
      azureTenantId: tenant.id,
      activeUserCount: licensed,
      createdDateTime: isoSeconds(day),
      currentScore,
      enabledServices: ['HasExchange', 'HasSharePoint', 'HasOD4B'],
      licensedUserCount: licensed,
      maxScore: controls.reduce((sum, c) => sum + c.max, 0),
      averageComparativeScores: [
        { basis: 'AllTenants', averageScore: 38.9 },
        { basis: 'TotalSeats', averageScore: 40.1, seatSizeRangeLowerValue: '1', seatSizeRangeUpperValue: '100' },
      ],
      controlScores,
      vendorInformation: { provider: 'SecureScore', providerVersion: null, subProvider: null, vendor: 'Microsoft' },
    };
  });
}

const sharePointProperties = [
  'allowedDomainGuidsForSyncApp', 'availableManagedPathsForSiteCreation', 'deletedUserPersonalSiteRetentionPeriodInDays', 'excludedFileExtensionsForSyncApp',
  'idleSessionSignOut', 'imageTaggingOption', 'isCommentingOnSitePagesEnabled', 'isFileActivityNotificationEnabled', 'isLegacyAuthProtocolsEnabled',
  'isLoopEnabled', 'isMacSyncAppEnabled', 'isRequireAcceptingUserToMatchInvitedUserEnabled', 'isResharingByExternalUsersEnabled',
  'isSharePointMobileNotificationEnabled', 'isSharePointNewsfeedEnabled', 'isSiteCreationEnabled', 'isSiteCreationUIEnabled', 'isSitePagesCreationEnabled',
  'isSitesStorageLimitAutomatic', 'isSyncButtonHiddenOnPersonalSite', 'isUnmanagedSyncAppForTenantRestricted', 'personalSiteDefaultStorageLimitInMB',
  'sharingAllowedDomainList', 'sharingBlockedDomainList', 'sharingCapability', 'sharingDomainRestrictionMode', 'siteCreationDefaultManagedPath',
  'siteCreationDefaultStorageLimitInMB', 'tenantDefaultTimezone',
];
export const sharePointSettingsShape: ResourceShape = { type: 'microsoft.graph.sharepointSettings', properties: sharePointProperties, defaults: sharePointProperties };

/** A new tenant's defaults (guest sharing on, legacy authentication allowed: what compliance checks flag). */
export function sharePointSettings(): GraphObject {
  return {
    allowedDomainGuidsForSyncApp: [],
    availableManagedPathsForSiteCreation: ['/sites/', '/teams/'],
    deletedUserPersonalSiteRetentionPeriodInDays: 30,
    excludedFileExtensionsForSyncApp: [],
    idleSessionSignOut: { isEnabled: false, warnAfterInSeconds: 0, signOutAfterInSeconds: 0 },
    imageTaggingOption: 'basic',
    isCommentingOnSitePagesEnabled: true,
    isFileActivityNotificationEnabled: true,
    isLegacyAuthProtocolsEnabled: true,
    isLoopEnabled: true,
    isMacSyncAppEnabled: true,
    isRequireAcceptingUserToMatchInvitedUserEnabled: true,
    isResharingByExternalUsersEnabled: false,
    isSharePointMobileNotificationEnabled: true,
    isSharePointNewsfeedEnabled: true,
    isSiteCreationEnabled: true,
    isSiteCreationUIEnabled: true,
    isSitePagesCreationEnabled: true,
    isSitesStorageLimitAutomatic: true,
    isSyncButtonHiddenOnPersonalSite: false,
    isUnmanagedSyncAppForTenantRestricted: false,
    personalSiteDefaultStorageLimitInMB: 1_048_576,
    sharingAllowedDomainList: [],
    sharingBlockedDomainList: [],
    sharingCapability: 'externalUserAndGuestSharing',
    sharingDomainRestrictionMode: 'none',
    siteCreationDefaultManagedPath: '/sites/',
    siteCreationDefaultStorageLimitInMB: 26_214_400,
    tenantDefaultTimezone: '(UTC) Coordinated Universal Time',
  };
}

const registrationProperties = [
  'id', 'userPrincipalName', 'userDisplayName', 'userType', 'isAdmin', 'isSsprRegistered', 'isSsprEnabled', 'isSsprCapable', 'isMfaRegistered', 'isMfaCapable',
  'isPasswordlessCapable', 'methodsRegistered', 'isSystemPreferredAuthenticationMethodEnabled', 'systemPreferredAuthenticationMethods',
  'userPreferredMethodForSecondaryAuthentication', 'lastUpdatedDateTime',
];
export const userRegistrationDetailsShape: ResourceShape = {
  type: 'microsoft.graph.userRegistrationDetails',
  properties: registrationProperties,
  defaults: registrationProperties,
  filterable: ['userPrincipalName', 'isMfaRegistered', 'isAdmin', 'isMfaCapable', 'userType'],
};

/** Admins have registered MFA; about two thirds of everyone else have (fixed per user id). */
export function userRegistrationDetails(users: User[], isAdmin: (u: User) => boolean, nowMs: number): GraphObject[] {
  return users.map((user) => {
    const admin = isAdmin(user);
    const mfa = admin || stableNumber(`mfa/${user.id}`, 3) !== 0;
    const methods = mfa ? ['microsoftAuthenticatorPush', 'softwareOneTimePasscode'] : [];
    return {
      id: user.id,
      userPrincipalName: user.userPrincipalName,
      userDisplayName: user.displayName,
      userType: 'member',
      isAdmin: admin,
      isSsprRegistered: mfa,
      isSsprEnabled: true,
      isSsprCapable: mfa,
      isMfaRegistered: mfa,
      isMfaCapable: mfa,
      isPasswordlessCapable: false,
      methodsRegistered: methods,
      isSystemPreferredAuthenticationMethodEnabled: true,
      systemPreferredAuthenticationMethods: mfa ? ['push'] : [],
      userPreferredMethodForSecondaryAuthentication: mfa ? 'push' : 'none',
      lastUpdatedDateTime: isoSeconds(dayStart(nowMs) - 86_400_000),
    };
  });
}
