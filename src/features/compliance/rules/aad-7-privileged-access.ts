// SCuBA MS.AAD.7: highly privileged user access. Users come from role assignments (active and PIM-eligible,
// group-assigned roles expanded to members); 7.4–7.9 need Entra ID P2 (PIM) and fail without it, as in ScubaGear.
import type { GraphObject, TenantSnapshot } from '../snapshot.js';
import type { AssessmentConfig } from './assessment-config.js';
import { field, idOf, named, text } from './graph-values.js';
import { hasEntraIdP2, P2_MISSING } from './licences.js';
import { activeAssignments, GLOBAL_ADMINISTRATOR, type ActiveAssignment, pimRules, privilegedRoles, privilegedUsers, type PrivilegedRole } from './privileged-roles.js';
import { verdict, type AssessmentRule, type Verdict } from './rule.js';

const PIM_DOCS = 'https://learn.microsoft.com/en-us/entra/id-governance/privileged-identity-management/pim-how-to-change-default-settings';

function globalAdminCount(snapshot: TenantSnapshot, config: AssessmentConfig) {
  const users = privilegedUsers(snapshot, config);
  const globalAdmins = users.filter((u) => u.roles.has(GLOBAL_ADMINISTRATOR));
  const others = users.filter((u) => !u.roles.has(GLOBAL_ADMINISTRATOR));
  return { globalAdmins, others, countOk: globalAdmins.length >= 2 && globalAdmins.length <= 8 };
}

/** P2-only rules: the finding first, then the licence (ScubaGear fails them without P2 whatever it finds). */
function withP2(snapshot: TenantSnapshot, found: Verdict): Verdict {
  return hasEntraIdP2(snapshot) ? found : verdict('fail', `${P2_MISSING} ${found.details}`, found.evidence);
}

/** Rules of one id across roles whose email notification has no recipient, named "rule (role)". */
function silentNotifications(snapshot: TenantSnapshot, roles: PrivilegedRole[], ruleIds: string[]): { offenders: string[]; evidence: string[] } {
  const offenders: string[] = [];
  const evidence: string[] = [];
  for (const role of roles) {
    for (const rule of pimRules(snapshot, role)) {
      if (!ruleIds.includes(text(rule, 'id') ?? '')) continue;
      if (text(rule, 'notificationType') !== undefined && text(rule, 'notificationType') !== 'Email') continue;
      const recipients = field(rule, 'notificationRecipients');
      if (Array.isArray(recipients) && recipients.length > 0) continue;
      offenders.push(`${text(rule, 'id')} (${role.displayName})`);
      evidence.push(role.templateId);
    }
  }
  return { offenders, evidence: [...new Set(evidence)] };
}

function notificationRule(id: string, title: string, severity: 'high' | 'medium', pick: (roles: PrivilegedRole[]) => PrivilegedRole[], ruleIds: string[], what: string): AssessmentRule {
  return {
    id,
    title,
    severity,
    references: { scuba: id, docs: PIM_DOCS },
    areas: ['roles', 'directory'],
    remediation: `In PIM > Microsoft Entra roles > Settings, for each role listed add an email recipient to ${what}.`,
    evaluate: (snapshot, config) => {
      const { offenders, evidence } = silentNotifications(snapshot, pick(privilegedRoles(snapshot, config)), ruleIds);
      return withP2(
        snapshot,
        offenders.length === 0
          ? verdict('pass', `Every role sends ${what} to a named recipient.`)
          : verdict('fail', `No email recipient for ${what}: ${offenders.join(', ')}.`, evidence),
      );
    },
  };
}

/** Active assignments of the privileged roles that break a PIM rule: fail naming "Role (principal ids)", with the assignment ids. */
function assignmentVerdict(snapshot: TenantSnapshot, config: AssessmentConfig, offends: (a: ActiveAssignment) => boolean, wording: { pass: string; fail: string }): Verdict {
  const offending: string[] = [];
  const evidence: string[] = [];
  for (const role of privilegedRoles(snapshot, config)) {
    const found = activeAssignments(snapshot, role).filter(offends);
    if (found.length === 0) continue;
    offending.push(`${role.displayName} (${found.map((a) => a.principalId).join(', ')})`);
    evidence.push(...found.map((a) => idOf(a.assignment)));
  }
  return withP2(snapshot, offending.length === 0 ? verdict('pass', wording.pass) : verdict('fail', `${wording.fail}: ${offending.join('; ')}.`, evidence));
}

const isGlobalAdmin = (role: PrivilegedRole) => role.templateId === GLOBAL_ADMINISTRATOR;

export const aad7Rules: AssessmentRule[] = [
  {
    id: 'MS.AAD.7.1v1',
    title: 'A minimum of two users and a maximum of eight users SHALL be provisioned with the Global Administrator role',
    severity: 'high',
    references: { scuba: 'MS.AAD.7.1v1', cis: 'CIS M365 Foundations 1.1.3 (between two and four global admins)', docs: 'https://learn.microsoft.com/en-us/entra/identity/role-based-access-control/best-practices' },
    areas: ['roles', 'directory'],
    remediation: 'Keep between two and eight Global Administrators (active or eligible): add a second break-glass administrator, or move the others to less privileged roles.',
    evaluate: (snapshot, config) => {
      const { globalAdmins, countOk } = globalAdminCount(snapshot, config);
      const names = globalAdmins.map((u) => named(u.user)).join(', ') || 'none';
      return verdict(countOk ? 'pass' : 'fail', `${globalAdmins.length} Global Administrator(s): ${names}.`, globalAdmins.map((u) => idOf(u.user)));
    },
  },
  {
    id: 'MS.AAD.7.2v1',
    title: 'Privileged users SHALL be provisioned with finer-grained roles instead of Global Administrator',
    severity: 'high',
    references: { scuba: 'MS.AAD.7.2v1' },
    areas: ['roles', 'directory'],
    remediation: 'Give administrators the least privileged role that does their job (User Administrator, Exchange Administrator …) so Global Administrators are no more than the other privileged users.',
    evaluate: (snapshot, config) => {
      const { globalAdmins, others, countOk } = globalAdminCount(snapshot, config);
      const evidence = globalAdmins.map((u) => idOf(u.user));
      if (!countOk) return verdict('fail', 'MS.AAD.7.1v1 fails, so the least-privilege score is not computed.', evidence);
      const ok = globalAdmins.length <= others.length;
      return verdict(ok ? 'pass' : 'fail', `${globalAdmins.length} Global Administrator(s) for ${others.length} other privileged user(s) (least-privilege score should be 1 or less).`, evidence);
    },
  },
  {
    id: 'MS.AAD.7.3v1',
    title: 'Privileged users SHALL be provisioned cloud-only accounts separate from an on-premises directory',
    severity: 'high',
    references: { scuba: 'MS.AAD.7.3v1', cis: 'CIS M365 Foundations 1.1.1 (administrative accounts are cloud-only)' },
    areas: ['roles', 'directory'],
    remediation: 'Create cloud-only accounts (no onPremisesImmutableId) for the administrators listed and remove the roles from their synchronized accounts.',
    evaluate: (snapshot, config) => {
      const synced = privilegedUsers(snapshot, config).filter((u) => {
        const immutableId = field(u.user, 'onPremisesImmutableId');
        return immutableId !== undefined && immutableId !== null;
      });
      if (synced.length === 0) return verdict('pass', 'Every privileged user is cloud-only.');
      return verdict('fail', `Privileged users synchronized from on-premises: ${synced.map((u) => named(u.user)).join(', ')}.`, synced.map((u) => idOf(u.user)));
    },
  },
  {
    id: 'MS.AAD.7.4v1',
    title: 'Permanent active role assignments SHALL NOT be allowed for highly privileged roles',
    severity: 'high',
    references: { scuba: 'MS.AAD.7.4v1', docs: PIM_DOCS },
    areas: ['roles', 'directory'],
    remediation: 'Make the assignments listed eligible (PIM) or give them an end date; declare break-glass accounts that must stay permanent in RoleExclusions of MS.AAD.7.4v1.',
    evaluate: (snapshot, config) => {
      const allowed = config.Aad?.['MS.AAD.7.4v1']?.RoleExclusions;
      const allowedIds = new Set([...(allowed?.Users ?? []), ...(allowed?.Groups ?? [])].map((id) => id.toLowerCase()));
      // ScubaGear: with no RoleExclusions any permanent assignment fails the role; with some, only undeclared ones do.
      return assignmentVerdict(snapshot, config, (a) => a.endDateTime === null && !allowedIds.has(a.principalId.toLowerCase()), {
        pass: 'No highly privileged role has an undeclared permanent active assignment.',
        fail: 'Permanent active assignments',
      });
    },
  },
  {
    id: 'MS.AAD.7.5v1',
    title: 'Provisioning users to highly privileged roles SHALL NOT occur outside of a PAM system',
    severity: 'high',
    references: { scuba: 'MS.AAD.7.5v1', docs: PIM_DOCS },
    areas: ['roles', 'directory'],
    remediation: 'Remove the assignments listed and make them again through Privileged Identity Management.',
    evaluate: (snapshot, config) => {
      return assignmentVerdict(snapshot, config, (a) => a.startDateTime === null, {
        pass: 'Every highly privileged assignment was made through PIM.',
        fail: 'Assigned outside PIM',
      });
    },
  },
  {
    id: 'MS.AAD.7.6v1',
    title: 'Activation of the Global Administrator role SHALL require approval',
    severity: 'high',
    references: { scuba: 'MS.AAD.7.6v1', docs: PIM_DOCS },
    areas: ['roles', 'directory'],
    remediation: 'In PIM > Microsoft Entra roles > Settings > Global Administrator, turn on "Require approval to activate" and name approvers.',
    evaluate: (snapshot, config) => {
      const role = privilegedRoles(snapshot, config).find(isGlobalAdmin);
      const rules: GraphObject[] = role ? pimRules(snapshot, role).filter((r) => text(r, 'id') === 'Approval_EndUser_Assignment') : [];
      const unapproved = rules.filter((r) => field(r, 'setting.isApprovalRequired') === false);
      return withP2(
        snapshot,
        unapproved.length === 0
          ? verdict('pass', rules.length > 0 ? 'Activating Global Administrator requires approval.' : 'No PIM approval rule says Global Administrator activates without approval.', [GLOBAL_ADMINISTRATOR])
          : verdict('fail', 'Global Administrator can be activated without approval (Approval_EndUser_Assignment).', [GLOBAL_ADMINISTRATOR]),
      );
    },
  },
  notificationRule(
    'MS.AAD.7.7v1',
    'Eligible and Active highly privileged role assignments SHALL trigger an alert',
    'high',
    (roles) => roles,
    ['Notification_Admin_Admin_Assignment', 'Notification_Admin_Admin_Eligibility'],
    'alerts of active and eligible assignments',
  ),
  notificationRule(
    'MS.AAD.7.8v1',
    'User activation of the Global Administrator role SHALL trigger an alert',
    'high',
    (roles) => roles.filter(isGlobalAdmin),
    ['Notification_Admin_EndUser_Assignment'],
    'alerts of Global Administrator activation',
  ),
  notificationRule(
    'MS.AAD.7.9v1',
    'User activation of other highly privileged roles SHOULD trigger an alert',
    'medium',
    (roles) => roles.filter((r) => !isGlobalAdmin(r)),
    ['Notification_Admin_EndUser_Assignment'],
    'alerts of role activation',
  ),
];

