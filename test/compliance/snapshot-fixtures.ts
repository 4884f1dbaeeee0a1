// A tenant that meets every policy of the SCuBA Entra ID baseline Graph can decide, built from Graph's own
// shapes (conditionalAccessPolicy, authorizationPolicy, unifiedRoleAssignment …, as Graph v1.0 returns them).
// Tests take a fresh copy and break one thing.
import type { GraphObject, TenantSnapshot } from '../../src/features/compliance/snapshot.js';
import { DEFAULT_PRIVILEGED_ROLE_TEMPLATES, GLOBAL_ADMINISTRATOR } from '../../src/features/compliance/rules/privileged-roles.js';

export const USER_ADMINISTRATOR = 'fe930be7-5e62-47db-91af-98c3a49a38b1';
export const BREAK_GLASS = 'b0000000-0000-0000-0000-00000000b1a5';
export const ADMINS_GROUP = 'a0000000-0000-0000-0000-0000000000a9';

export function caPolicy(id: string, displayName: string, extra: { conditions?: GraphObject; grantControls?: GraphObject; state?: string }): GraphObject {
  const { users, applications, ...otherConditions } = (extra.conditions ?? {}) as { users?: GraphObject; applications?: GraphObject };
  return {
    id,
    displayName,
    state: extra.state ?? 'enabled',
    conditions: {
      clientAppTypes: ['all'],
      userRiskLevels: [],
      signInRiskLevels: [],
      users: {
        includeUsers: ['All'],
        excludeUsers: [BREAK_GLASS],
        includeGroups: [],
        excludeGroups: [],
        includeRoles: [],
        excludeRoles: [],
        includeGuestsOrExternalUsers: null,
        excludeGuestsOrExternalUsers: null,
        ...users,
      },
      applications: { includeApplications: ['All'], excludeApplications: [], includeUserActions: [], ...applications },
      ...otherConditions,
    },
    grantControls: { operator: 'OR', builtInControls: [], authenticationStrength: null, ...extra.grantControls },
  };
}

const phishingResistantStrength = {
  id: '00000000-0000-0000-0000-000000000004',
  displayName: 'Phishing-resistant MFA',
  allowedCombinations: ['windowsHelloForBusiness', 'fido2', 'x509CertificateMultiFactor'],
};

const user = (id: string, displayName: string, extra: GraphObject = {}): GraphObject => ({
  id,
  displayName,
  userPrincipalName: `${displayName.toLowerCase().replace(/ /g, '.')}@contoso.example`,
  userType: 'Member',
  accountEnabled: true,
  onPremisesImmutableId: null,
  ...extra,
});

const notification = (id: string, recipients: string[]): GraphObject => ({
  '@odata.type': '#microsoft.graph.unifiedRoleManagementPolicyNotificationRule',
  id,
  notificationType: 'Email',
  recipientType: 'Admin',
  notificationLevel: 'All',
  isDefaultRecipientsEnabled: false,
  notificationRecipients: recipients,
});

const pimPolicy = (roleDefinitionId: string): GraphObject => ({
  id: `Directory_policy_${roleDefinitionId}`,
  policyId: `Directory_policy_${roleDefinitionId}`,
  scopeId: '/',
  scopeType: 'DirectoryRole',
  roleDefinitionId,
  policy: {
    id: `Directory_policy_${roleDefinitionId}`,
    rules: [
      {
        '@odata.type': '#microsoft.graph.unifiedRoleManagementPolicyApprovalRule',
        id: 'Approval_EndUser_Assignment',
        setting: { isApprovalRequired: true, approvalStages: [] },
      },
      notification('Notification_Admin_Admin_Assignment', ['secops@contoso.example']),
      notification('Notification_Admin_Admin_Eligibility', ['secops@contoso.example']),
      notification('Notification_Admin_EndUser_Assignment', ['secops@contoso.example']),
    ],
  },
});

export function compliantSnapshot(): TenantSnapshot {
  return structuredClone({
    format: 'm365hub.snapshot',
    version: 1,
    tenantId: '11111111-2222-3333-4444-555555555555',
    collectedAt: '2026-12-05T10:00:00.000Z',
    areas: {
      directory: {
        users: [
          user('u-ga-1', 'Ada Admin'),
          user('u-ga-2', 'Grace Admin'),
          user('u-ua-1', 'Ulla User-Admin'),
          user('u-ua-2', 'Otto Group-Admin'),
          user('u-plain', 'Pat Plain'),
          user(BREAK_GLASS, 'Break Glass'),
          user('u-guest', 'Gail Guest', { userType: 'Guest' }),
          user('u-disabled', 'Dora Disabled', { accountEnabled: false }),
        ],
        groups: [{ id: ADMINS_GROUP, displayName: 'Helpdesk admins', members: ['u-ua-2'] }],
        domains: [
          { id: 'contoso.example', isRoot: true, isVerified: true, authenticationType: 'Managed', passwordValidityPeriodInDays: 2147483647 },
          { id: 'eu.contoso.example', isRoot: false, isVerified: true, authenticationType: 'Managed', passwordValidityPeriodInDays: 90 },
        ],
        subscribedSkus: [
          {
            id: 'sku-1',
            skuPartNumber: 'SPE_E5',
            servicePlans: [
              { servicePlanId: 'eec0eb4f-6444-4f95-aba0-50c24d67f998', servicePlanName: 'AAD_PREMIUM_P2', provisioningStatus: 'Success' },
              { servicePlanId: '41781fb2-bc02-4b7c-bd55-b576c07bb09d', servicePlanName: 'AAD_PREMIUM', provisioningStatus: 'Success' },
            ],
          },
        ],
      },
      authenticationMethods: {
        policy: {
          id: 'authenticationMethodsPolicy',
          policyMigrationState: 'migrationComplete',
          authenticationMethodConfigurations: [
            { '@odata.type': '#microsoft.graph.smsAuthenticationMethodConfiguration', id: 'Sms', state: 'disabled' },
            { '@odata.type': '#microsoft.graph.voiceAuthenticationMethodConfiguration', id: 'Voice', state: 'disabled' },
            { '@odata.type': '#microsoft.graph.emailAuthenticationMethodConfiguration', id: 'Email', state: 'disabled' },
            { '@odata.type': '#microsoft.graph.fido2AuthenticationMethodConfiguration', id: 'Fido2', state: 'enabled' },
            {
              '@odata.type': '#microsoft.graph.microsoftAuthenticatorAuthenticationMethodConfiguration',
              id: 'MicrosoftAuthenticator',
              state: 'enabled',
              isSoftwareOathEnabled: false,
              featureSettings: {
                displayAppInformationRequiredState: { state: 'enabled', includeTarget: { targetType: 'group', id: 'all_users' } },
                displayLocationInformationRequiredState: { state: 'enabled', includeTarget: { targetType: 'group', id: 'all_users' } },
              },
            },
          ],
        },
        userRegistrationDetails: [
          { id: 'u-ga-1', userDisplayName: 'Ada Admin', userType: 'member', isMfaRegistered: true },
          { id: 'u-ga-2', userDisplayName: 'Grace Admin', userType: 'member', isMfaRegistered: true },
          { id: 'u-ua-1', userDisplayName: 'Ulla User-Admin', userType: 'member', isMfaRegistered: true },
          { id: 'u-ua-2', userDisplayName: 'Otto Group-Admin', userType: 'member', isMfaRegistered: true },
          { id: 'u-plain', userDisplayName: 'Pat Plain', userType: 'member', isMfaRegistered: true },
          { id: BREAK_GLASS, userDisplayName: 'Break Glass', userType: 'member', isMfaRegistered: true },
          { id: 'u-guest', userDisplayName: 'Gail Guest', userType: 'guest', isMfaRegistered: false },
          { id: 'u-disabled', userDisplayName: 'Dora Disabled', userType: 'member', isMfaRegistered: false },
        ],
      },
      roles: {
        roleDefinitions: [
          { id: GLOBAL_ADMINISTRATOR, templateId: GLOBAL_ADMINISTRATOR, displayName: 'Global Administrator', isBuiltIn: true },
          { id: USER_ADMINISTRATOR, templateId: USER_ADMINISTRATOR, displayName: 'User Administrator', isBuiltIn: true },
        ],
        roleAssignments: [
          { id: 'ra-ua-1', principalId: 'u-ua-1', roleDefinitionId: USER_ADMINISTRATOR, directoryScopeId: '/' },
        ],
        roleAssignmentSchedules: [
          {
            id: 'ras-ua-1',
            principalId: 'u-ua-1',
            roleDefinitionId: USER_ADMINISTRATOR,
            assignmentType: 'Activated',
            memberType: 'Direct',
            scheduleInfo: { startDateTime: '2026-12-05T08:00:00Z', expiration: { type: 'afterDuration', endDateTime: '2026-12-05T16:00:00Z', duration: null } },
          },
        ],
        roleEligibilitySchedules: [
          { id: 'res-ga-1', principalId: 'u-ga-1', roleDefinitionId: GLOBAL_ADMINISTRATOR, memberType: 'Direct' },
          { id: 'res-ga-2', principalId: 'u-ga-2', roleDefinitionId: GLOBAL_ADMINISTRATOR, memberType: 'Direct' },
          { id: 'res-ua-1', principalId: 'u-ua-1', roleDefinitionId: USER_ADMINISTRATOR, memberType: 'Direct' },
          { id: 'res-grp', principalId: ADMINS_GROUP, roleDefinitionId: USER_ADMINISTRATOR, memberType: 'Direct' },
        ],
        roleManagementPolicyAssignments: [pimPolicy(GLOBAL_ADMINISTRATOR), pimPolicy(USER_ADMINISTRATOR)],
      },
      conditionalAccess: {
        policies: [
          caPolicy('ca-legacy', 'Block legacy authentication', {
            conditions: { clientAppTypes: ['exchangeActiveSync', 'other'] },
            grantControls: { builtInControls: ['block'] },
          }),
          caPolicy('ca-user-risk', 'Block high user risk', { conditions: { userRiskLevels: ['high'] }, grantControls: { builtInControls: ['block'] } }),
          caPolicy('ca-signin-risk', 'Block high sign-in risk', { conditions: { signInRiskLevels: ['high'] }, grantControls: { builtInControls: ['block'] } }),
          caPolicy('ca-phish', 'Phishing-resistant MFA for everyone', { grantControls: { authenticationStrength: phishingResistantStrength } }),
          caPolicy('ca-admins', 'Phishing-resistant MFA for administrators', {
            conditions: { users: { includeUsers: [], excludeUsers: [], includeRoles: [...DEFAULT_PRIVILEGED_ROLE_TEMPLATES] } },
            grantControls: { authenticationStrength: phishingResistantStrength },
          }),
          caPolicy('ca-devices', 'Require managed devices', { grantControls: { builtInControls: ['compliantDevice', 'domainJoinedDevice'] } }),
          caPolicy('ca-register', 'Register security info from managed devices', {
            conditions: { applications: { includeApplications: [], includeUserActions: ['urn:user:registersecurityinfo'] } },
            grantControls: { builtInControls: ['compliantDevice'] },
          }),
          caPolicy('ca-device-code', 'Block device code flow', {
            conditions: { authenticationFlows: { transferMethods: 'deviceCodeFlow' } },
            grantControls: { builtInControls: ['block'] },
          }),
        ],
      },
      authorization: {
        authorizationPolicy: {
          id: 'authorizationPolicy',
          allowInvitesFrom: 'adminsAndGuestInviters',
          guestUserRoleId: '2af84b1e-32c8-42b7-82bc-daa82404023b',
          defaultUserRolePermissions: {
            allowedToCreateApps: false,
            allowedToCreateSecurityGroups: false,
            permissionGrantPoliciesAssigned: ['ManagePermissionGrantsForOwnedResource.microsoft-dynamically-managed-permissions-for-team'],
          },
        },
        groupSettings: [
          {
            id: 'gs-consent',
            displayName: 'Consent Policy Settings',
            templateId: 'dffd5d46-495d-40a9-8e21-954ff55e198a',
            values: [
              { name: 'EnableGroupSpecificConsent', value: 'false' },
              { name: 'EnableAdminConsentRequests', value: 'true' },
            ],
          },
        ],
        delegatedPermissionClassifications: [],
      },
      sharePoint: { settings: { sharingCapability: 'existingExternalUserSharingOnly', isResharingByExternalUsersEnabled: false } },
      secureScore: {
        secureScores: [
          { id: 'tenant_2026-12-04', createdDateTime: '2026-12-04T00:00:00Z', currentScore: 40, maxScore: 100 },
          { id: 'tenant_2026-12-05', createdDateTime: '2026-12-05T00:00:00Z', currentScore: 61.5, maxScore: 100 },
        ],
      },
    },
  } satisfies TenantSnapshot);
}

/** The tenant's break-glass account, declared as ScubaGear's config declares it, for every CA policy of the baseline. */
export function breakGlassConfig() {
  const ids = ['MS.AAD.1.1v1', 'MS.AAD.2.1v1', 'MS.AAD.2.3v1', 'MS.AAD.3.1v1', 'MS.AAD.3.2v1', 'MS.AAD.3.7v1', 'MS.AAD.3.8v1', 'MS.AAD.3.9v1'];
  return { Aad: Object.fromEntries(ids.map((id) => [id, { CapExclusions: { Users: [BREAK_GLASS] } }])) };
}

export function policyById(snapshot: TenantSnapshot, id: string): GraphObject {
  const policy = snapshot.areas.conditionalAccess?.policies?.find((p) => p.id === id);
  if (!policy) throw new Error(`fixture has no policy ${id}`);
  return policy;
}
