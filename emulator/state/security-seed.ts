// The security configuration of the `--seed demo` organisation: a realistic, deterministic mix a compliance
// assessment has something to say about. Contoso (Entra ID P1 + P2): security defaults off, conditional access on /
// off / report-only with exclusions, two Global Administrators (one without phishing-resistant MFA), a
// Privileged Role Administrator synchronised from on-premises AD, a Security Administrator, PIM eligibilities,
// guests, a disabled account, users without MFA. Fabrikam: no premium licence, security defaults on.
// The facts are listed in securitySeedFacts so tests and the product's collectors can rely on them.
import { deterministicGuid } from './deterministic-id.js';
import { lowClassifications, SIGN_IN_PERMISSION_NAMES } from './permission-classifications.js';
import { roleIds } from './directory-role-catalogue.js';
import type { DirectoryStore } from './directory-store.js';
import type { Tenant, User } from './directory-types.js';
import type { RoleMembers } from './role-members.js';
import type { AuthenticationMethodName, ConditionalAccessPolicyRecord, ConditionalAccessUsers, SecurityConfigStore, UserSecurityFacts } from './security-config.js';

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const day = 86_400_000;

export interface ConditionalAccessDraft extends ConditionalAccessUsers {
  displayName: string;
  state: ConditionalAccessPolicyRecord['state'];
  clientAppTypes?: string[];
  includeLocations?: string[];
  excludeLocations?: string[];
  builtInControls: string[];
}

/** A conditionalAccessPolicy as Graph returns it (https://learn.microsoft.com/graph/api/resources/conditionalaccesspolicy). */
export function conditionalAccessRecord(id: string, draft: ConditionalAccessDraft, at: string): ConditionalAccessPolicyRecord {
  const locations = draft.includeLocations || draft.excludeLocations ? { includeLocations: draft.includeLocations ?? [], excludeLocations: draft.excludeLocations ?? [] } : null;
  return {
    id,
    displayName: draft.displayName,
    state: draft.state,
    createdDateTime: at,
    modifiedDateTime: at,
    templateId: null,
    conditions: {
      userRiskLevels: [],
      signInRiskLevels: [],
      clientAppTypes: draft.clientAppTypes ?? ['all'],
      platforms: null,
      locations,
      applications: { includeApplications: ['All'], excludeApplications: [], includeUserActions: [], includeAuthenticationContextClassReferences: [] },
      users: {
        includeUsers: draft.includeUsers ?? [],
        excludeUsers: draft.excludeUsers ?? [],
        includeGroups: draft.includeGroups ?? [],
        excludeGroups: draft.excludeGroups ?? [],
        includeRoles: draft.includeRoles ?? [],
        excludeRoles: draft.excludeRoles ?? [],
      },
    },
    grantControls: { operator: 'OR', builtInControls: draft.builtInControls, customAuthenticationFactors: [], termsOfUse: [] },
    sessionControls: null,
  };
}

export const securitySeedFacts = {
  contoso: {
    licences: { entraIdP1: true, entraIdP2: true },
    securityDefaultsEnabled: false,
    /** Global Administrators: admin (FIDO2 + Authenticator) and it.ops (Authenticator only: not phishing-resistant). */
    globalAdministrators: ['admin', 'it.ops'],
    /** Privileged Role Administrator synchronised from on-premises AD. */
    onPremisesSyncedPrivileged: 'riley.sync',
    securityAdministrator: 'casey.sec',
    /** No MFA method registered. */
    withoutMfa: ['lee', 'jordan', 'former.employee'],
    guests: ['pat.partner_fabrikam.com#EXT#', 'alex_example.org#EXT#'],
    disabled: ['former.employee'],
    /** PIM: dana eligible for User Administrator (permanent), jordan for Security Reader (180 days). */
    eligible: [
      { user: 'dana', role: roleIds.userAdministrator, permanent: true },
      { user: 'jordan', role: roleIds.securityReader, permanent: false },
    ],
    conditionalAccess: {
      'Require multifactor authentication for admins': 'enabled',
      'Block legacy authentication': 'enabled',
      'Require multifactor authentication for all users': 'enabledForReportingButNotEnforced',
      'Block access from outside allowed countries': 'disabled',
      'Require phishing-resistant MFA for admins': 'disabled',
    } as Record<string, ConditionalAccessPolicyRecord['state']>,
  },
  fabrikam: { licences: { entraIdP1: false, entraIdP2: false }, securityDefaultsEnabled: true },
} as const;

interface ExtraPerson {
  local: string;
  displayName: string;
  jobTitle?: string;
  accountEnabled?: boolean;
  facts: UserSecurityFacts;
  roles?: string[];
  mail?: string;
}

const strong: AuthenticationMethodName[] = ['fido2SecurityKey', 'microsoftAuthenticatorPush'];
const pushOnly: AuthenticationMethodName[] = ['microsoftAuthenticatorPush', 'softwareOneTimePasscode'];

const contosoExtras: ExtraPerson[] = [
  { local: 'it.ops', displayName: 'Morgan Ops', jobTitle: 'Operations Engineer', facts: { methods: pushOnly }, roles: [roleIds.globalAdministrator] },
  { local: 'riley.sync', displayName: 'Riley Sync', jobTitle: 'Identity Engineer', facts: { onPremisesSyncEnabled: true, methods: ['microsoftAuthenticatorPush'] }, roles: [roleIds.privilegedRoleAdministrator] },
  { local: 'casey.sec', displayName: 'Casey Security', jobTitle: 'Security Analyst', facts: { methods: ['windowsHelloForBusiness', 'microsoftAuthenticatorPush'] }, roles: [roleIds.securityAdministrator] },
  { local: 'former.employee', displayName: 'Quinn Former', jobTitle: 'Sales Representative', accountEnabled: false, facts: { methods: [] } },
  { local: 'pat.partner_fabrikam.com#EXT#', displayName: 'Pat Partner', mail: 'pat.partner@fabrikam.com', facts: { userType: 'Guest', methods: [] } },
  { local: 'alex_example.org#EXT#', displayName: 'Alex Contractor', mail: 'alex@example.org', facts: { userType: 'Guest', methods: ['mobilePhone'] } },
];

/** Methods of the demo seed's named people (the numbered demo users keep the derived registration). */
const contosoMethods: Record<string, AuthenticationMethodName[]> = {
  admin: strong,
  dana: ['microsoftAuthenticatorPush'],
  lee: [],
  sam: ['mobilePhone'],
  jordan: [],
};

export function seedSecurityConfig(input: { directory: DirectoryStore; security: SecurityConfigStore; roles: RoleMembers; contoso: Tenant; fabrikam: Tenant; password: string; now: number }): User[] {
  const { directory, security, roles, contoso, fabrikam, now } = input;
  const domain = contoso.domains[0]!;
  const idOf = (local: string) => deterministicGuid(`user/contoso/${local}`);
  const created: User[] = [];
  for (const person of contosoExtras) {
    const user = directory.createUser(contoso.id, {
      id: idOf(person.local),
      userPrincipalName: `${person.local}@${domain}`,
      displayName: person.displayName,
      password: input.password,
      ...(person.jobTitle ? { jobTitle: person.jobTitle } : {}),
      ...(person.mail ? { mail: person.mail } : {}),
      ...(person.accountEnabled === false ? { accountEnabled: false } : {}),
    });
    for (const role of person.roles ?? []) roles.assign(contoso.id, user, role);
    created.push(user);
  }
  const f = securitySeedFacts.contoso;
  const at = (daysAgo: number) => iso(Math.floor(now / day) * day - daysAgo * day + 9 * 3_600_000);
  const admins = directory.findUserByUpn(`admin@${domain}`, contoso.id)!;
  const itAdminsGroup = directory.groupsOf(contoso.id).find((g) => g.mailNickname === 'itadmins');
  const engineering = directory.groupsOf(contoso.id).find((g) => g.displayName === 'Engineering');
  const locationIds = { office: deterministicGuid(`named-location/${contoso.id}/office`), countries: deterministicGuid(`named-location/${contoso.id}/countries`) };

  security.change(contoso.id, (config) => {
    config.licences = { ...f.licences };
    config.securityDefaultsEnabled = f.securityDefaultsEnabled;
    config.authenticationMethods.policyMigrationState = 'migrationInProgress';
    config.authenticationMethods.configurations.find((c) => c.id === 'Fido2')!.state = 'enabled';
    for (const [local, methods] of Object.entries(contosoMethods)) config.users[idOf(local)] = { methods };
    for (const person of contosoExtras) config.users[idOf(person.local)] = { ...person.facts };
    config.users[idOf('admin')]!.lastSignInDateTime = at(0);
    config.users[idOf('former.employee')]!.lastSignInDateTime = at(120);
    config.namedLocations = [
      { id: locationIds.office, kind: 'ip', displayName: 'Head office', createdDateTime: at(400), modifiedDateTime: at(400), isTrusted: true, cidrRanges: ['203.0.113.0/24'] },
      { id: locationIds.countries, kind: 'country', displayName: 'Allowed countries', createdDateTime: at(400), modifiedDateTime: at(400), countriesAndRegions: ['US', 'GB'], includeUnknownCountriesAndRegions: false },
    ];
    // Break-glass style exclusions: the first Global Administrator is excluded from blocking policies.
    const drafts: ConditionalAccessDraft[] = [
      { displayName: 'Require multifactor authentication for admins', state: 'enabled', includeRoles: [roleIds.globalAdministrator, roleIds.privilegedRoleAdministrator, roleIds.securityAdministrator], builtInControls: ['mfa'] },
      { displayName: 'Block legacy authentication', state: 'enabled', includeUsers: ['All'], excludeUsers: [admins.id], clientAppTypes: ['exchangeActiveSync', 'other'], builtInControls: ['block'] },
      { displayName: 'Require multifactor authentication for all users', state: 'enabledForReportingButNotEnforced', includeUsers: ['All'], excludeGroups: itAdminsGroup ? [itAdminsGroup.id] : [], builtInControls: ['mfa'] },
      { displayName: 'Block access from outside allowed countries', state: 'disabled', includeUsers: ['All'], excludeUsers: [admins.id], includeLocations: ['All'], excludeLocations: [locationIds.countries], builtInControls: ['block'] },
      { displayName: 'Require phishing-resistant MFA for admins', state: 'disabled', includeRoles: [roleIds.globalAdministrator], builtInControls: ['mfa'] },
    ];
    config.conditionalAccessPolicies = drafts.map((d, i) => conditionalAccessRecord(deterministicGuid(`ca/${contoso.id}/${i}`), d, at(300 - i * 30)));
    config.roleSchedules = f.eligible.map((e) => ({
      id: deterministicGuid(`eligibility/${contoso.id}/${e.user}/${e.role}`),
      kind: 'eligible' as const,
      principalId: idOf(e.user),
      roleDefinitionId: e.role,
      startDateTime: at(60),
      endDateTime: e.permanent ? null : iso(Math.floor(now / day) * day + 120 * day),
      createdDateTime: at(60),
    }));
    // Global Administrator activation needs MFA and a justification but no approval (a SCuBA finding).
    config.roleSettings = [
      { roleDefinitionId: roleIds.globalAdministrator, requireApprovalOnActivation: false, requireMfaOnActivation: true, requireJustificationOnActivation: true, maximumActivationDuration: 'PT8H', eligibilityExpirationRequired: false },
      { roleDefinitionId: roleIds.privilegedRoleAdministrator, requireApprovalOnActivation: true, requireMfaOnActivation: true, requireJustificationOnActivation: true, maximumActivationDuration: 'PT4H', eligibilityExpirationRequired: true },
    ];
    config.delegatedPermissionClassifications = lowClassifications(contoso.id, SIGN_IN_PERMISSION_NAMES);
    config.groupSettings = [
      {
        id: deterministicGuid(`group-setting/${contoso.id}/unified`),
        displayName: 'Group.Unified',
        templateId: '62375ab9-6b52-47ed-826b-58e47e0e304b',
        values: [
          { name: 'EnableGroupCreation', value: 'true' },
          { name: 'AllowGuestsToBeGroupOwner', value: 'false' },
          { name: 'AllowGuestsToAccessGroups', value: 'true' },
          { name: 'AllowToAddGuests', value: 'true' },
          { name: 'UsageGuidelinesUrl', value: '' },
          { name: 'EnableMIPLabels', value: 'false' },
        ],
      },
    ];
    if (engineering && itAdminsGroup) config.nestedGroups[engineering.id] = [itAdminsGroup.id];
    config.signIns = [
      { user: 'admin', daysAgo: 0, errorCode: 0, client: 'Browser', ca: 'success' as const },
      { user: 'dana', daysAgo: 1, errorCode: 0, client: 'Browser', ca: 'success' as const },
      { user: 'lee', daysAgo: 2, errorCode: 50126, client: 'Browser', ca: 'notApplied' as const },
      { user: 'sam', daysAgo: 3, errorCode: 53003, client: 'Exchange ActiveSync', ca: 'failure' as const },
    ].map((s, i) => ({
      id: deterministicGuid(`sign-in/${contoso.id}/${i}`),
      createdDateTime: at(s.daysAgo),
      userId: idOf(s.user),
      appId: '00000002-0000-0ff1-ce00-000000000000',
      appDisplayName: 'Office 365 Exchange Online',
      clientAppUsed: s.client,
      ipAddress: '203.0.113.10',
      errorCode: s.errorCode,
      failureReason: s.errorCode === 0 ? null : s.errorCode === 50126 ? 'Invalid username or password or Invalid on-premise username or password.' : 'Access has been blocked by Conditional Access policies.',
      conditionalAccessStatus: s.ca,
      isInteractive: true,
    }));
    config.directoryAudits = [
      { id: `Directory_${deterministicGuid(`audit/${contoso.id}/0`)}`, activityDateTime: at(30), activityDisplayName: 'Add member to role', category: 'RoleManagement', operationType: 'Assign', result: 'success', initiatedByUserId: admins.id, targets: [{ id: idOf('it.ops'), displayName: 'Morgan Ops', type: 'User' }, { id: roleIds.globalAdministrator, displayName: 'Global Administrator', type: 'Role' }] },
      { id: `Directory_${deterministicGuid(`audit/${contoso.id}/1`)}`, activityDateTime: at(10), activityDisplayName: 'Update conditional access policy', category: 'Policy', operationType: 'Update', result: 'success', initiatedByUserId: admins.id, targets: [{ id: deterministicGuid(`ca/${contoso.id}/2`), displayName: 'Require multifactor authentication for all users', type: 'Policy' }] },
      { id: `Directory_${deterministicGuid(`audit/${contoso.id}/2`)}`, activityDateTime: at(5), activityDisplayName: 'Disable account', category: 'UserManagement', operationType: 'Update', result: 'success', initiatedByUserId: admins.id, targets: [{ id: idOf('former.employee'), displayName: 'Quinn Former', type: 'User' }] },
    ];
  });
  security.change(fabrikam.id, (config) => {
    config.licences = { ...securitySeedFacts.fabrikam.licences };
    config.securityDefaultsEnabled = securitySeedFacts.fabrikam.securityDefaultsEnabled;
  });
  return created;
}
