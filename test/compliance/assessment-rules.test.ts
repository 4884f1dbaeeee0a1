// The SCuBA Entra ID baseline decided the way ScubaGear's Rego decides it (PowerShell/ScubaGear/Rego/AADConfig.rego
// and its unit tests): each policy passes on the compliant tenant and fails on the one thing that breaks it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assessSnapshot, compareResults } from '../../src/features/compliance/assess.js';
import { ASSESSMENT_RULES, parseAssessmentConfig, type AssessmentConfig } from '../../src/features/compliance/rules/index.js';
import { GLOBAL_ADMINISTRATOR } from '../../src/features/compliance/rules/privileged-roles.js';
import type { GraphObject, TenantSnapshot } from '../../src/features/compliance/snapshot.js';
import { ADMINS_GROUP, BREAK_GLASS, breakGlassConfig, caPolicy, compliantSnapshot, policyById, USER_ADMINISTRATOR } from './snapshot-fixtures.js';

const config = (): AssessmentConfig => parseAssessmentConfig(breakGlassConfig());

function resultOf(policyId: string, snapshot: TenantSnapshot, cfg: AssessmentConfig = config()) {
  const result = assessSnapshot(snapshot, cfg).find((r) => r.policyId === policyId);
  assert.ok(result, `no result for ${policyId}`);
  return result;
}

function edited(edit: (s: TenantSnapshot) => void): TenantSnapshot {
  const snapshot = compliantSnapshot();
  edit(snapshot);
  return snapshot;
}

const users = (p: GraphObject) => (p.conditions as { users: GraphObject }).users;
const grant = (p: GraphObject) => p.grantControls as GraphObject;

describe('assessment of the SCuBA Entra ID baseline', () => {
  it('covers every policy MS.AAD.1.1 … MS.AAD.8.3, each once', () => {
    const ids = ASSESSMENT_RULES.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ['MS.AAD.1.1v1', 'MS.AAD.2.1v1', 'MS.AAD.2.2v1', 'MS.AAD.2.3v1', 'MS.AAD.3.1v1', 'MS.AAD.3.2v1', 'MS.AAD.3.3v2', 'MS.AAD.3.4v1', 'MS.AAD.3.5v1', 'MS.AAD.3.6v1', 'MS.AAD.3.7v1', 'MS.AAD.3.8v1', 'MS.AAD.3.9v1', 'MS.AAD.4.1v1', 'MS.AAD.5.1v1', 'MS.AAD.5.2v1', 'MS.AAD.5.3v1', 'MS.AAD.6.1v1', 'MS.AAD.7.1v1', 'MS.AAD.7.2v1', 'MS.AAD.7.3v1', 'MS.AAD.7.4v1', 'MS.AAD.7.5v1', 'MS.AAD.7.6v1', 'MS.AAD.7.7v1', 'MS.AAD.7.8v1', 'MS.AAD.7.9v1', 'MS.AAD.8.1v1', 'MS.AAD.8.2v1', 'MS.AAD.8.3v1']) {
      assert.ok(ids.includes(id), id);
    }
  });

  it('passes every decidable policy on a compliant tenant, and reports the manual ones not_applicable with the reason', () => {
    const results = assessSnapshot(compliantSnapshot(), config());
    const notPassing = results.filter((r) => r.result !== 'pass').map((r) => `${r.policyId}:${r.result}`);
    assert.deepEqual(notPassing, ['MS.AAD.2.2v1:not_applicable', 'MS.AAD.3.3v2:not_applicable', 'MS.AAD.4.1v1:not_applicable', 'MS.AAD.8.3v1:not_applicable']);
    assert.match(results.find((r) => r.policyId === 'MS.AAD.4.1v1')!.details, /Manual check/);
  });

  describe('conditional access: what counts as covering everyone', () => {
    it('names the deciding policy as evidence', () => {
      assert.deepEqual(resultOf('MS.AAD.1.1v1', compliantSnapshot()).evidence, ['ca-legacy']);
    });

    it('a report-only policy does not count, and the result says so', () => {
      const r = resultOf('MS.AAD.1.1v1', edited((s) => (policyById(s, 'ca-legacy').state = 'enabledForReportingButNotEnforced')));
      assert.equal(r.result, 'fail');
      assert.match(r.details, /report-only/);
      assert.deepEqual(r.evidence, ['ca-legacy']);
    });

    it('a disabled policy does not count', () => {
      assert.equal(resultOf('MS.AAD.1.1v1', edited((s) => (policyById(s, 'ca-legacy').state = 'disabled'))).result, 'fail');
    });

    it('a policy for a group instead of All users does not count', () => {
      const r = resultOf('MS.AAD.1.1v1', edited((s) => (users(policyById(s, 'ca-legacy')).includeUsers = ['u-plain'])));
      assert.equal(r.result, 'fail');
      assert.match(r.details, /does not include all users/);
    });

    it('a policy for some apps only, or excluding an app, does not count', () => {
      const some = edited((s) => ((policyById(s, 'ca-legacy').conditions as { applications: GraphObject }).applications.includeApplications = ['00000003-0000-0ff1-ce00-000000000000']));
      assert.equal(resultOf('MS.AAD.1.1v1', some).result, 'fail');
      const excluding = edited((s) => ((policyById(s, 'ca-legacy').conditions as { applications: GraphObject }).applications.excludeApplications = ['app-1']));
      assert.match(resultOf('MS.AAD.1.1v1', excluding).details, /excludes applications app-1/);
    });

    it('an excluded role fails even when every excluded user is declared', () => {
      const r = resultOf('MS.AAD.1.1v1', edited((s) => (users(policyById(s, 'ca-legacy')).excludeRoles = [GLOBAL_ADMINISTRATOR])));
      assert.equal(r.result, 'fail');
      assert.match(r.details, /excludes roles/);
    });

    it('an excluded user passes only when declared in that policy\'s CapExclusions', () => {
      assert.equal(resultOf('MS.AAD.1.1v1', compliantSnapshot(), {}).result, 'fail', 'the break-glass exclusion is undeclared without config');
      const declaredElsewhere = parseAssessmentConfig({ Aad: { 'MS.AAD.3.1v1': { CapExclusions: { Users: [BREAK_GLASS] } } } });
      const r = resultOf('MS.AAD.1.1v1', compliantSnapshot(), declaredElsewhere);
      assert.equal(r.result, 'fail', 'a declaration for another policy does not carry over');
      assert.match(r.details, new RegExp(`excludes users not declared in CapExclusions: ${BREAK_GLASS}`));
    });

    it('a second excluded user fails while the declared one passes', () => {
      const r = resultOf('MS.AAD.1.1v1', edited((s) => (users(policyById(s, 'ca-legacy')).excludeUsers = [BREAK_GLASS, 'u-plain'])));
      assert.equal(r.result, 'fail');
      assert.match(r.details, /CapExclusions: u-plain$|CapExclusions: u-plain\./);
    });

    it('an excluded group passes only when declared as a group (a declared user id does not cover it)', () => {
      const snapshot = edited((s) => (users(policyById(s, 'ca-legacy')).excludeGroups = [ADMINS_GROUP]));
      assert.equal(resultOf('MS.AAD.1.1v1', snapshot).result, 'fail');
      const asUser = parseAssessmentConfig({ Aad: { 'MS.AAD.1.1v1': { CapExclusions: { Users: [BREAK_GLASS, ADMINS_GROUP] } } } });
      assert.equal(resultOf('MS.AAD.1.1v1', snapshot, asUser).result, 'fail');
      const asGroup = parseAssessmentConfig({ Aad: { 'MS.AAD.1.1v1': { CapExclusions: { Users: [BREAK_GLASS], Groups: [ADMINS_GROUP] } } } });
      assert.equal(resultOf('MS.AAD.1.1v1', snapshot, asGroup).result, 'pass');
    });

    it('excluded guest types fail unless declared', () => {
      const snapshot = edited(
        (s) => (users(policyById(s, 'ca-legacy')).excludeGuestsOrExternalUsers = { guestOrExternalUserTypes: 'b2bCollaborationGuest,b2bDirectConnectUser', externalTenants: { '@odata.type': '#microsoft.graph.conditionalAccessAllExternalTenants', membershipKind: 'all' } }),
      );
      const r = resultOf('MS.AAD.1.1v1', snapshot);
      assert.equal(r.result, 'fail');
      assert.match(r.details, /guest or external user types .*b2bCollaborationGuest, b2bDirectConnectUser/);
      const declared = parseAssessmentConfig({ Aad: { 'MS.AAD.1.1v1': { CapExclusions: { Users: [BREAK_GLASS], GuestOrExternalUserTypes: ['b2bCollaborationGuest', 'b2bDirectConnectUser'] } } } });
      assert.equal(resultOf('MS.AAD.1.1v1', snapshot, declared).result, 'pass');
    });

    it('one good policy among bad ones passes', () => {
      const snapshot = edited((s) => s.areas.conditionalAccess!.policies!.push(caPolicy('ca-legacy-pilot', 'Legacy pilot', { state: 'disabled', conditions: { clientAppTypes: ['exchangeActiveSync', 'other'] }, grantControls: { builtInControls: ['block'] } })));
      assert.deepEqual(resultOf('MS.AAD.1.1v1', snapshot).evidence, ['ca-legacy']);
    });

    it('legacy authentication must block both Exchange ActiveSync and other clients', () => {
      const r = resultOf('MS.AAD.1.1v1', edited((s) => ((policyById(s, 'ca-legacy').conditions as GraphObject).clientAppTypes = ['other'])));
      assert.equal(r.result, 'fail');
      assert.match(r.details, /No conditional access policy blocks legacy authentication\./);
    });
  });

  describe('MS.AAD.2 risk policies need Entra ID P2', () => {
    it('fails without an AAD_PREMIUM_P2 service plan even with the policy in place', () => {
      const r = resultOf('MS.AAD.2.1v1', edited((s) => (s.areas.directory!.subscribedSkus = [{ id: 'sku', servicePlans: [{ servicePlanName: 'AAD_PREMIUM' }] }])));
      assert.equal(r.result, 'fail');
      assert.match(r.details, /P2/);
      assert.deepEqual(r.evidence, ['ca-user-risk']);
    });

    it('fails when the high-risk policy only requires MFA instead of blocking', () => {
      assert.equal(resultOf('MS.AAD.2.3v1', edited((s) => (grant(policyById(s, 'ca-signin-risk')).builtInControls = ['mfa']))).result, 'fail');
    });
  });

  describe('MS.AAD.3 strong authentication', () => {
    it('3.1 fails when the authentication strength allows a weaker method', () => {
      const snapshot = edited((s) => ((grant(policyById(s, 'ca-phish')).authenticationStrength as GraphObject).allowedCombinations = ['fido2', 'password,sms']));
      assert.equal(resultOf('MS.AAD.3.1v1', snapshot).result, 'fail');
    });

    it('3.2 passes on plain MFA when no phishing-resistant policy exists, and fails with neither', () => {
      const plainMfa = edited((s) => {
        const p = policyById(s, 'ca-phish');
        grant(p).authenticationStrength = null;
        grant(p).builtInControls = ['mfa'];
      });
      assert.equal(resultOf('MS.AAD.3.1v1', plainMfa).result, 'fail');
      assert.equal(resultOf('MS.AAD.3.2v1', plainMfa).result, 'pass');
      const none = edited((s) => (policyById(s, 'ca-phish').state = 'enabledForReportingButNotEnforced'));
      assert.equal(resultOf('MS.AAD.3.2v1', none).result, 'fail');
    });

    it('3.3 applies once phishing-resistant MFA is not enforced: Authenticator must show app and location to all users', () => {
      const noPhish = (edit: (authenticator: GraphObject) => void) =>
        edited((s) => {
          policyById(s, 'ca-phish').state = 'disabled';
          const configs = (s.areas.authenticationMethods!.policy as { authenticationMethodConfigurations: GraphObject[] }).authenticationMethodConfigurations;
          edit(configs.find((c) => c.id === 'MicrosoftAuthenticator')!);
        });
      assert.equal(resultOf('MS.AAD.3.3v2', noPhish(() => {})).result, 'pass');
      const someGroups = noPhish((a) => (((a.featureSettings as GraphObject).displayLocationInformationRequiredState as GraphObject).includeTarget = { targetType: 'group', id: 'g-pilot' }));
      const r = resultOf('MS.AAD.3.3v2', someGroups);
      assert.equal(r.result, 'fail');
      assert.match(r.details, /geographic location is shown to some groups only/);
      assert.equal(resultOf('MS.AAD.3.3v2', noPhish((a) => (a.isSoftwareOathEnabled = true))).result, 'fail');
      assert.equal(resultOf('MS.AAD.3.3v2', noPhish((a) => (a.state = 'disabled'))).result, 'not_applicable');
    });

    it('3.4 fails before the migration is complete and 3.5 is then not applicable', () => {
      const snapshot = edited((s) => ((s.areas.authenticationMethods!.policy as GraphObject).policyMigrationState = 'migrationInProgress'));
      assert.equal(resultOf('MS.AAD.3.4v1', snapshot).result, 'fail');
      assert.equal(resultOf('MS.AAD.3.5v1', snapshot).result, 'not_applicable');
    });

    it('3.5 names the weak methods still enabled', () => {
      const snapshot = edited((s) => {
        const configs = (s.areas.authenticationMethods!.policy as { authenticationMethodConfigurations: GraphObject[] }).authenticationMethodConfigurations;
        configs.find((c) => c.id === 'Sms')!.state = 'enabled';
      });
      const r = resultOf('MS.AAD.3.5v1', snapshot);
      assert.equal(r.result, 'fail');
      assert.deepEqual(r.evidence, ['Sms']);
    });

    it('3.6 fails when one highly privileged role is missing from the policy, naming it', () => {
      const snapshot = edited((s) => {
        const u = users(policyById(s, 'ca-admins'));
        u.includeRoles = (u.includeRoles as string[]).filter((r) => r !== USER_ADMINISTRATOR);
      });
      const r = resultOf('MS.AAD.3.6v1', snapshot);
      assert.equal(r.result, 'fail');
      assert.match(r.details, /User Administrator/);
    });

    it('3.7 requires exactly compliant OR hybrid-joined device', () => {
      assert.equal(resultOf('MS.AAD.3.7v1', edited((s) => (grant(policyById(s, 'ca-devices')).operator = 'AND'))).result, 'fail');
      assert.equal(resultOf('MS.AAD.3.7v1', edited((s) => (grant(policyById(s, 'ca-devices')).builtInControls = ['compliantDevice', 'domainJoinedDevice', 'mfa']))).result, 'fail');
    });

    it('3.8 does not look at cloud apps but does need the registration user action', () => {
      assert.equal(resultOf('MS.AAD.3.8v1', compliantSnapshot()).result, 'pass');
      const r = resultOf('MS.AAD.3.8v1', edited((s) => ((policyById(s, 'ca-register').conditions as { applications: GraphObject }).applications.includeUserActions = ['urn:user:registerdevice'])));
      assert.equal(r.result, 'fail');
    });

    it('3.9 fails when the device code policy is report-only', () => {
      assert.equal(resultOf('MS.AAD.3.9v1', edited((s) => (policyById(s, 'ca-device-code').state = 'enabledForReportingButNotEnforced'))).result, 'fail');
    });
  });

  describe('MS.AAD.5 applications and consent', () => {
    const authz = (s: TenantSnapshot) => s.areas.authorization!.authorizationPolicy as { defaultUserRolePermissions: GraphObject } & GraphObject;

    it('5.1 fails when users can register applications', () => {
      assert.equal(resultOf('MS.AAD.5.1v1', edited((s) => (authz(s).defaultUserRolePermissions.allowedToCreateApps = true))).result, 'fail');
    });

    it('5.2 fails on Microsoft-managed or legacy user consent, and on low-impact consent that reaches data', () => {
      for (const policy of ['ManagePermissionGrantsForSelf.microsoft-user-default-recommended', 'ManagePermissionGrantsForSelf.microsoft-user-default-legacy']) {
        assert.equal(resultOf('MS.AAD.5.2v1', edited((s) => (authz(s).defaultUserRolePermissions.permissionGrantPoliciesAssigned = [policy]))).result, 'fail', policy);
      }
      const low = edited((s) => (authz(s).defaultUserRolePermissions.permissionGrantPoliciesAssigned = ['ManagePermissionGrantsForSelf.microsoft-user-default-low']));
      assert.equal(resultOf('MS.AAD.5.2v1', low).result, 'pass');
      low.areas.authorization!.delegatedPermissionClassifications = [
        { id: 'c1', permissionId: 'e1fe6dd8-ba31-4d61-89e7-88639da4683d', permissionName: 'User.Read', classification: 'low' },
        { id: 'c2', permissionId: '570282fd-fa5c-430d-a7fd-fc8dc98a9dca', permissionName: 'Mail.Read', classification: 'low' },
      ];
      const r = resultOf('MS.AAD.5.2v1', low);
      assert.equal(r.result, 'fail');
      assert.match(r.details, /Mail\.Read/);
      assert.doesNotMatch(r.details, /User\.Read/);
    });

    it('5.3 fails when the admin consent workflow is off or not set', () => {
      const off = edited((s) => ((s.areas.authorization!.groupSettings![0]!.values as GraphObject[])[1]!.value = 'False'));
      assert.equal(resultOf('MS.AAD.5.3v1', off).result, 'fail');
      assert.equal(resultOf('MS.AAD.5.3v1', edited((s) => (s.areas.authorization!.groupSettings = []))).result, 'fail');
    });
  });

  describe('MS.AAD.6.1 password expiry', () => {
    it('a subdomain follows its root domain; a root whose passwords expire fails, naming it', () => {
      const r = resultOf('MS.AAD.6.1v1', edited((s) => (s.areas.directory!.domains![0]!.passwordValidityPeriodInDays = 90)));
      assert.equal(r.result, 'fail');
      assert.deepEqual(r.evidence, ['contoso.example', 'eu.contoso.example']);
    });

    it('federated domains are named but do not fail', () => {
      const r = resultOf('MS.AAD.6.1v1', edited((s) => s.areas.directory!.domains!.push({ id: 'fed.example', isRoot: true, isVerified: true, authenticationType: 'Federated', passwordValidityPeriodInDays: 90 })));
      assert.equal(r.result, 'pass');
      assert.match(r.details, /fed\.example/);
    });
  });

  describe('MS.AAD.7 privileged access', () => {
    const addGlobalAdmins = (s: TenantSnapshot, n: number) => {
      for (let i = 0; i < n; i++) {
        s.areas.directory!.users!.push({ id: `u-extra-${i}`, displayName: `Extra ${i}`, accountEnabled: true, onPremisesImmutableId: null });
        s.areas.roles!.roleEligibilitySchedules!.push({ id: `res-x-${i}`, principalId: `u-extra-${i}`, roleDefinitionId: GLOBAL_ADMINISTRATOR });
      }
    };

    it('7.1 fails with one Global Administrator and with nine, naming them', () => {
      const one = edited((s) => (s.areas.roles!.roleEligibilitySchedules = s.areas.roles!.roleEligibilitySchedules!.filter((a) => a.id !== 'res-ga-2')));
      const r = resultOf('MS.AAD.7.1v1', one);
      assert.equal(r.result, 'fail');
      assert.deepEqual(r.evidence, ['u-ga-1']);
      assert.match(r.details, /Ada Admin/);
      assert.equal(resultOf('MS.AAD.7.1v1', edited((s) => addGlobalAdmins(s, 7))).result, 'fail');
      assert.equal(resultOf('MS.AAD.7.1v1', edited((s) => addGlobalAdmins(s, 6))).result, 'pass');
    });

    it('7.1 counts a Global Administrator role given to a group for each member', () => {
      const snapshot = edited((s) => {
        s.areas.roles!.roleEligibilitySchedules = s.areas.roles!.roleEligibilitySchedules!.filter((a) => a.id !== 'res-ga-2');
        s.areas.roles!.roleEligibilitySchedules.push({ id: 'res-grp-ga', principalId: ADMINS_GROUP, roleDefinitionId: GLOBAL_ADMINISTRATOR });
      });
      assert.deepEqual(resultOf('MS.AAD.7.1v1', snapshot).evidence.sort(), ['u-ga-1', 'u-ua-2']);
    });

    it('7.2 fails when Global Administrators outnumber the other privileged users', () => {
      assert.equal(resultOf('MS.AAD.7.2v1', edited((s) => addGlobalAdmins(s, 2))).result, 'fail');
    });

    it('7.3 fails for a privileged user synchronized from on-premises (group-assigned too)', () => {
      const r = resultOf('MS.AAD.7.3v1', edited((s) => (s.areas.directory!.users!.find((u) => u.id === 'u-ua-2')!.onPremisesImmutableId = 'b64+immutable==')));
      assert.equal(r.result, 'fail');
      assert.deepEqual(r.evidence, ['u-ua-2']);
    });

    it('7.4 fails on a permanent active assignment unless the principal is in RoleExclusions', () => {
      const snapshot = edited((s) => s.areas.roles!.roleAssignments!.push({ id: 'ra-ga-perm', principalId: BREAK_GLASS, roleDefinitionId: GLOBAL_ADMINISTRATOR, directoryScopeId: '/' }));
      const r = resultOf('MS.AAD.7.4v1', snapshot);
      assert.equal(r.result, 'fail');
      assert.deepEqual(r.evidence, ['ra-ga-perm']);
      const allowed = parseAssessmentConfig({ ...breakGlassConfig(), Aad: { ...breakGlassConfig().Aad, 'MS.AAD.7.4v1': { RoleExclusions: { Users: [BREAK_GLASS] } } } });
      assert.equal(resultOf('MS.AAD.7.4v1', snapshot, allowed).result, 'pass');
      assert.equal(resultOf('MS.AAD.7.5v1', snapshot, allowed).result, 'fail', 'made outside PIM all the same');
    });

    it('7.4–7.9 fail without Entra ID P2', () => {
      const snapshot = edited((s) => (s.areas.directory!.subscribedSkus = []));
      for (const id of ['MS.AAD.7.4v1', 'MS.AAD.7.5v1', 'MS.AAD.7.6v1', 'MS.AAD.7.7v1', 'MS.AAD.7.8v1', 'MS.AAD.7.9v1']) {
        const r = resultOf(id, snapshot);
        assert.equal(r.result, 'fail', id);
        assert.match(r.details, /AAD_PREMIUM_P2/, id);
      }
    });

    const pimRule = (s: TenantSnapshot, role: string, ruleId: string) =>
      ((s.areas.roles!.roleManagementPolicyAssignments!.find((a) => a.roleDefinitionId === role)!.policy as { rules: GraphObject[] }).rules.find((r) => r.id === ruleId))!;

    it('7.6 fails when Global Administrator activates without approval', () => {
      assert.equal(resultOf('MS.AAD.7.6v1', edited((s) => ((pimRule(s, GLOBAL_ADMINISTRATOR, 'Approval_EndUser_Assignment').setting as GraphObject).isApprovalRequired = false))).result, 'fail');
      assert.equal(resultOf('MS.AAD.7.6v1', edited((s) => ((pimRule(s, USER_ADMINISTRATOR, 'Approval_EndUser_Assignment').setting as GraphObject).isApprovalRequired = false))).result, 'pass');
    });

    it('7.7 fails on an assignment alert without recipients; 7.8 and 7.9 split activation alerts by Global Administrator', () => {
      const r = resultOf('MS.AAD.7.7v1', edited((s) => (pimRule(s, USER_ADMINISTRATOR, 'Notification_Admin_Admin_Eligibility').notificationRecipients = [])));
      assert.equal(r.result, 'fail');
      assert.match(r.details, /Notification_Admin_Admin_Eligibility \(User Administrator\)/);
      const uaSilent = edited((s) => (pimRule(s, USER_ADMINISTRATOR, 'Notification_Admin_EndUser_Assignment').notificationRecipients = []));
      assert.equal(resultOf('MS.AAD.7.8v1', uaSilent).result, 'pass');
      assert.equal(resultOf('MS.AAD.7.9v1', uaSilent).result, 'fail');
      const gaSilent = edited((s) => (pimRule(s, GLOBAL_ADMINISTRATOR, 'Notification_Admin_EndUser_Assignment').notificationRecipients = []));
      assert.equal(resultOf('MS.AAD.7.8v1', gaSilent).result, 'fail');
      assert.equal(resultOf('MS.AAD.7.9v1', gaSilent).result, 'pass');
    });
  });

  describe('MS.AAD.8 guests', () => {
    const authz = (s: TenantSnapshot) => s.areas.authorization!.authorizationPolicy!;
    it('8.1 fails when guests have the same access as members', () => {
      const r = resultOf('MS.AAD.8.1v1', edited((s) => (authz(s).guestUserRoleId = 'a0b1b346-4d3e-4e8b-98f8-753987be4970')));
      assert.equal(r.result, 'fail');
      assert.match(r.details, /Same as member users/);
    });
    it('8.2 fails when everyone can invite', () => {
      assert.equal(resultOf('MS.AAD.8.2v1', edited((s) => (authz(s).allowInvitesFrom = 'everyone'))).result, 'fail');
    });
  });

  describe('beyond SCuBA', () => {
    it('MFA registration counts enabled members only and names the unregistered', () => {
      const r = resultOf('HUB.MFA.1', edited((s) => (s.areas.authenticationMethods!.userRegistrationDetails!.find((u) => u.id === 'u-plain')!.isMfaRegistered = false)));
      assert.equal(r.result, 'fail');
      assert.deepEqual(r.evidence, ['u-plain']);
      assert.match(r.details, /83\.3% of 6/);
      const lenient = parseAssessmentConfig({ Hub: { mfaRegistrationMinimumPercent: 80 } });
      assert.equal(resultOf('HUB.MFA.1', edited((s) => (s.areas.authenticationMethods!.userRegistrationDetails!.find((u) => u.id === 'u-plain')!.isMfaRegistered = false)), lenient).result, 'pass');
    });

    it('SharePoint sharing with anyone fails; the accepted level is configurable', () => {
      const anyone = edited((s) => (s.areas.sharePoint!.settings!.sharingCapability = 'externalUserAndGuestSharing'));
      assert.equal(resultOf('HUB.SPO.1', anyone).result, 'fail');
      assert.equal(resultOf('HUB.SPO.1', anyone, parseAssessmentConfig({ Hub: { sharePointMaximumSharing: 'externalUserAndGuestSharing' } })).result, 'pass');
    });

    it('Secure Score is judged on the newest score against the threshold', () => {
      assert.equal(resultOf('HUB.SCORE.1', compliantSnapshot()).evidence[0], 'tenant_2026-12-05');
      assert.equal(resultOf('HUB.SCORE.1', compliantSnapshot(), parseAssessmentConfig({ Hub: { secureScoreMinimumPercent: 70 } })).result, 'fail');
    });
  });

  describe('faults', () => {
    it('an area missing its permission makes its rules error naming the permission; other rules still decide', () => {
      const snapshot = edited((s) => {
        delete s.areas.conditionalAccess;
        s.faults = { conditionalAccess: { status: 'permission_error', permission: 'Policy.Read.All', message: 'Authorization_RequestDenied' } };
      });
      const r = resultOf('MS.AAD.1.1v1', snapshot);
      assert.equal(r.result, 'error');
      assert.match(r.details, /Policy\.Read\.All/);
      assert.equal(resultOf('MS.AAD.5.1v1', snapshot).result, 'pass');
    });

    it('malformed Graph objects are read as absent, never crash the assessment', () => {
      const snapshot = edited((s) => {
        s.areas.conditionalAccess!.policies!.push({ id: 'broken', conditions: 'nonsense', grantControls: null } as GraphObject, 42 as unknown as GraphObject);
        s.areas.roles!.roleAssignments!.push({ principalId: 7 } as GraphObject);
        s.areas.directory!.domains!.push(null as unknown as GraphObject);
      });
      const results = assessSnapshot(snapshot, config());
      assert.equal(results.length, ASSESSMENT_RULES.length);
      assert.equal(results.find((r) => r.policyId === 'MS.AAD.1.1v1')!.result, 'pass');
    });

    it('a bad configuration is refused naming the key', () => {
      assert.throws(() => parseAssessmentConfig({ Aad: { 'MS.AAD.1.1v1': { CapExclusions: { Users: 'someone' } } } }), (e: Error & { code?: string }) => {
        assert.equal(e.code, 'invalid_assessment_config');
        assert.match(e.message, /\/Aad\/MS\.AAD\.1\.1v1\/CapExclusions\/Users must be a list/);
        return true;
      });
    });
  });

  it('compares two runs: newly failing and fixed policies', () => {
    const broken = edited((s) => {
      policyById(s, 'ca-legacy').state = 'disabled';
      (s.areas.authorization!.authorizationPolicy as { allowInvitesFrom: string }).allowInvitesFrom = 'everyone';
    });
    const halfFixed = edited((s) => (policyById(s, 'ca-legacy').state = 'disabled'));
    assert.deepEqual(compareResults(assessSnapshot(compliantSnapshot(), config()), assessSnapshot(broken, config())), { newlyFailing: ['MS.AAD.1.1v1', 'MS.AAD.8.2v1'], fixed: [] });
    assert.deepEqual(compareResults(assessSnapshot(broken, config()), assessSnapshot(halfFixed, config())), { newlyFailing: [], fixed: ['MS.AAD.8.2v1'] });
  });
});
