// What each snapshot area reads from Microsoft Graph, in application mode: one entry per property of the area, with
// the request and the least-privileged application permission Microsoft's permission pages name for it (the
// permission a `permission_error` tells the admin to grant). `$select` asks only for what the rules and the
// access-review export read, so a 100,000-user tenant moves as little as it can.
import type { AreaName, GraphObject } from '../snapshot.js';

export interface AreaRead {
  /** The area's property this read fills. */
  property: string;
  /** A Graph path under /v1.0 with its query. */
  path: string;
  /** A collection paged through @odata.nextLink, or one object. */
  kind: 'list' | 'object';
  /** https://learn.microsoft.com/graph/permissions-reference: least-privileged application permission. */
  permission: string;
  /**
   * Privileged Identity Management needs Entra ID P2: without it Graph answers 400 AadPremiumLicenseRequired, and the
   * property is left out (the rules that need P2 fail on the licence itself), not the whole area.
   */
  needsP2?: true;
  /** Each item's role management policy with its rules, read per policy (policy.rules). */
  withPolicyRules?: true;
}

export const USER_SELECT = [
  'id',
  'displayName',
  'userPrincipalName',
  'mail',
  'userType',
  'accountEnabled',
  'onPremisesImmutableId',
  'onPremisesSyncEnabled',
  'assignedLicenses',
  'createdDateTime',
] as const;

const GROUP_SELECT = 'id,displayName,securityEnabled,mailEnabled,groupTypes,isAssignableToRole,onPremisesSyncEnabled';

export const AREA_READS: Record<Exclude<AreaName, 'directory'>, AreaRead[]> = {
  authenticationMethods: [
    // authenticationmethodspolicy-get: Policy.Read.All; the per-method configurations come with the policy.
    { property: 'policy', path: '/policies/authenticationMethodsPolicy', kind: 'object', permission: 'Policy.Read.All' },
    // authenticationmethodsroot-list-userregistrationdetails: AuditLog.Read.All; $top 999 (the API supports $top):
    // one row per user, so 101 pages for 100,000 users rather than 1,001 at the default page size.
    { property: 'userRegistrationDetails', path: '/reports/authenticationMethods/userRegistrationDetails?$top=999', kind: 'list', permission: 'AuditLog.Read.All' },
  ],
  roles: [
    // rbacapplication-list-roledefinitions / -roleassignments / -roleassignmentschedules / -roleeligibilityschedules
    // and policyroot-list-rolemanagementpolicyassignments: RoleManagement.Read.Directory covers all five.
    { property: 'roleDefinitions', path: '/roleManagement/directory/roleDefinitions', kind: 'list', permission: 'RoleManagement.Read.Directory' },
    { property: 'roleAssignments', path: '/roleManagement/directory/roleAssignments', kind: 'list', permission: 'RoleManagement.Read.Directory' },
    { property: 'roleAssignmentSchedules', path: '/roleManagement/directory/roleAssignmentSchedules', kind: 'list', permission: 'RoleManagement.Read.Directory', needsP2: true },
    { property: 'roleEligibilitySchedules', path: '/roleManagement/directory/roleEligibilitySchedules', kind: 'list', permission: 'RoleManagement.Read.Directory', needsP2: true },
    {
      property: 'roleManagementPolicyAssignments',
      // Each assignment's policy rules are read per policy (unifiedrolemanagementpolicy-list-rules) rather than with
      // $expand=policy($expand=rules), which every Graph answers alike, the bundled emulator included.
      path: "/policies/roleManagementPolicyAssignments?$filter=scopeId eq '/' and scopeType eq 'DirectoryRole'",
      kind: 'list',
      permission: 'RoleManagement.Read.Directory',
      needsP2: true,
      withPolicyRules: true,
    },
  ],
  // conditionalaccessroot-list-policies: Policy.Read.All.
  conditionalAccess: [{ property: 'policies', path: '/identity/conditionalAccess/policies', kind: 'list', permission: 'Policy.Read.All' }],
  authorization: [
    // authorizationpolicy-get: Policy.Read.All; group-list-settings (directory settings): Group.Read.All.
    { property: 'authorizationPolicy', path: '/policies/authorizationPolicy', kind: 'object', permission: 'Policy.Read.All' },
    { property: 'groupSettings', path: '/groupSettings', kind: 'list', permission: 'Group.Read.All' },
    // serviceprincipal-list-delegatedpermissionclassifications: Application.Read.All. Microsoft Graph's own service
    // principal, by its appId: which of its delegated permissions users may consent to under "low impact only".
    {
      property: 'delegatedPermissionClassifications',
      path: "/servicePrincipals(appId='00000003-0000-0000-c000-000000000000')/delegatedPermissionClassifications",
      kind: 'list',
      permission: 'Application.Read.All',
    },
  ],
  // sharepointsettings-get: SharePointTenantSettings.Read.All.
  sharePoint: [{ property: 'settings', path: '/admin/sharepoint/settings', kind: 'object', permission: 'SharePointTenantSettings.Read.All' }],
  secureScore: [
    // security-list-securescores, -securescorecontrolprofiles: SecurityEvents.Read.All. 90 daily scores are a
    // quarter of trend; Graph keeps one per day.
    { property: 'secureScores', path: '/security/secureScores?$top=90', kind: 'list', permission: 'SecurityEvents.Read.All' },
    { property: 'controlProfiles', path: '/security/secureScoreControlProfiles', kind: 'list', permission: 'SecurityEvents.Read.All' },
  ],
};

/** The directory area's reads besides users (read through delta) and group members. */
export const DIRECTORY_READS: AreaRead[] = [
  // group-list: GroupMember.Read.All; domain-list: Domain.Read.All; subscribedsku-list: Organization.Read.All.
  { property: 'groups', path: `/groups?$select=${GROUP_SELECT}`, kind: 'list', permission: 'GroupMember.Read.All' },
  { property: 'domains', path: '/domains', kind: 'list', permission: 'Domain.Read.All' },
  { property: 'subscribedSkus', path: '/subscribedSkus', kind: 'list', permission: 'Organization.Read.All' },
];

/** Groups whose transitive members the rules need: role-assignable ones (privileged access through a group). */
export function groupsNeedingMembers(groups: readonly GraphObject[]): GraphObject[] {
  return groups.filter((g) => g.isAssignableToRole === true);
}
