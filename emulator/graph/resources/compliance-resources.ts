// Tenant security configuration as Microsoft Graph v1.0 returns it, deterministic per tenant.
//  - secureScore: https://learn.microsoft.com/graph/api/resources/securescore (security-list-securescores)
//  - sharepointSettings: https://learn.microsoft.com/graph/api/resources/sharepointsettings
//  - userRegistrationDetails: https://learn.microsoft.com/graph/api/resources/userregistrationdetails
import type { Tenant, User } from '../../state/directory-types.js';
import { mfaCapableMethods, phishingResistantMethods, type AuthenticationMethodName } from '../../state/security-config.js';
import { dayStart, isoSeconds, stableNumber } from '../graph-data.js';
import type { GraphObject, ResourceShape } from '../odata-query.js';
import type { SecureScoreControl } from './policy-resources.js';

const scoreProperties = ['id', 'azureTenantId', 'activeUserCount', 'createdDateTime', 'currentScore', 'enabledServices', 'licensedUserCount', 'maxScore', 'averageComparativeScores', 'controlScores', 'vendorInformation'];
export const secureScoreShape: ResourceShape = { type: 'microsoft.graph.secureScore', properties: scoreProperties, defaults: scoreProperties };

export const secureScoreControls: readonly SecureScoreControl[] = [
  { controlCategory: 'Identity', controlName: 'MFARegistrationV2', title: 'Ensure all users can complete multifactor authentication', description: 'Ensure all users can complete multifactor authentication', max: 9, service: 'AzureAD', threats: ['AccountBreach', 'PasswordCracking'] },
  { controlCategory: 'Identity', controlName: 'BlockLegacyAuthentication', title: 'Enable policy to block legacy authentication', description: 'Enable policy to block legacy authentication', max: 8, service: 'AzureAD', threats: ['PasswordSpray', 'AccountBreach'] },
  { controlCategory: 'Identity', controlName: 'AdminMFAV2', title: 'Require multifactor authentication for administrative roles', description: 'Require multifactor authentication for administrative roles', max: 10, service: 'AzureAD', threats: ['AccountBreach', 'ElevationOfPrivilege'] },
  { controlCategory: 'Data', controlName: 'mcasFIPolicies', title: 'Create Defender for Cloud Apps file policies', description: 'Create Defender for Cloud Apps file policies', max: 5, service: 'MCAS', threats: ['DataExfiltration'] },
  { controlCategory: 'Apps', controlName: 'OneAdmin', title: 'Designate more than one global admin', description: 'Designate fewer than 5 global admins', max: 1, service: 'AzureAD', threats: ['AccountBreach'] },
];
const controls = secureScoreControls;

/**
 * One score a day for the last 7 days of the emulator clock, newest first, as the list returns them. `today`
 * holds the control scores the control API moved; they show on today's score only, so the history shows the move.
 */
export function secureScores(tenant: Tenant, users: readonly User[], nowMs: number, today: Record<string, number> = {}): GraphObject[] {
  const licensed = users.filter((u) => u.accountEnabled).length;
  return Array.from({ length: 7 }, (_, i) => {
    const day = dayStart(nowMs) - i * 86_400_000;
    const controlScores = controls.map((c) => {
      const derived = Math.max(0, c.max - stableNumber(`score/${tenant.id}/${c.controlName}`, c.max + 1));
      return { controlCategory: c.controlCategory, controlName: c.controlName, description: c.description, score: i === 0 && today[c.controlName] !== undefined ? today[c.controlName]! : derived };
    });
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

/**
 * The methods a user registered: the security configuration's when it names them (seeded people, control API
 * changes), else derived from the user id: admins have registered MFA, about two thirds of everyone else have.
 */
export function registeredMethods(user: User, isAdmin: boolean, configured: AuthenticationMethodName[] | undefined): AuthenticationMethodName[] {
  if (configured) return configured;
  const mfa = isAdmin || stableNumber(`mfa/${user.id}`, 3) !== 0;
  return mfa ? ['microsoftAuthenticatorPush', 'softwareOneTimePasscode'] : [];
}

const systemPreferred = (methods: AuthenticationMethodName[]) =>
  methods.find((m) => phishingResistantMethods.includes(m)) === 'fido2SecurityKey' ? 'Fido2' : methods.includes('microsoftAuthenticatorPush') ? 'push' : methods.includes('mobilePhone') ? 'sms' : undefined;

export function userRegistrationDetails(
  users: User[],
  isAdmin: (u: User) => boolean,
  nowMs: number,
  facts: (u: User) => { methods?: AuthenticationMethodName[]; userType?: 'Member' | 'Guest' } = () => ({}),
): GraphObject[] {
  return users.map((user) => {
    const admin = isAdmin(user);
    const known = facts(user);
    const methods = registeredMethods(user, admin, known.methods);
    const mfa = methods.some((m) => mfaCapableMethods.includes(m));
    const preferred = systemPreferred(methods);
    return {
      id: user.id,
      userPrincipalName: user.userPrincipalName,
      userDisplayName: user.displayName,
      userType: known.userType === 'Guest' ? 'guest' : 'member',
      isAdmin: admin,
      isSsprRegistered: mfa,
      isSsprEnabled: true,
      isSsprCapable: mfa,
      isMfaRegistered: mfa,
      isMfaCapable: mfa,
      isPasswordlessCapable: methods.some((m) => phishingResistantMethods.includes(m) || m === 'microsoftAuthenticatorPasswordless'),
      methodsRegistered: methods,
      isSystemPreferredAuthenticationMethodEnabled: true,
      systemPreferredAuthenticationMethods: preferred ? [preferred] : [],
      userPreferredMethodForSecondaryAuthentication: preferred ?? 'none',
      lastUpdatedDateTime: isoSeconds(dayStart(nowMs) - 86_400_000),
    };
  });
}
