// SCuBA MS.AAD.5: only administrators register applications and consent to them.
import type { TenantSnapshot } from '../snapshot.js';
import { field, objects, strings, text } from './graph-values.js';
import { verdict, type AssessmentRule } from './rule.js';

const AUTHORIZATION_POLICY_DOCS = 'https://learn.microsoft.com/en-us/graph/api/resources/authorizationpolicy';
const authorizationPolicy = (snapshot: TenantSnapshot) => snapshot.areas.authorization?.authorizationPolicy;
const policyEvidence = (snapshot: TenantSnapshot) => [text(authorizationPolicy(snapshot), 'id') ?? 'authorizationPolicy'];

const USER_CONSENT_PREFIX = 'ManagePermissionGrantsForSelf.';
const LOW_RISK_ONLY = 'ManagePermissionGrantsForSelf.microsoft-user-default-low';
// Microsoft suggests classifying only these sign-in permissions as low impact; a low classification on anything
// else lets users consent to an app that reads their data, the "risky" case ScubaGear looks for.
// https://learn.microsoft.com/en-us/entra/identity/enterprise-apps/configure-permission-classifications
const SIGN_IN_PERMISSIONS = new Set(['openid', 'profile', 'email', 'offline_access', 'user.read']);

export const aad5Rules: AssessmentRule[] = [
  {
    id: 'MS.AAD.5.1v1',
    title: 'Only administrators SHALL be allowed to register applications',
    severity: 'high',
    references: { scuba: 'MS.AAD.5.1v1', docs: AUTHORIZATION_POLICY_DOCS },
    areas: ['authorization'],
    remediation: 'In Entra ID > Users > User settings, set "Users can register applications" to No (authorizationPolicy defaultUserRolePermissions.allowedToCreateApps = false).',
    evaluate: (snapshot) => {
      const allowed = field(authorizationPolicy(snapshot), 'defaultUserRolePermissions.allowedToCreateApps');
      if (allowed === false) return verdict('pass', 'Non-administrators cannot register applications.', policyEvidence(snapshot));
      return verdict('fail', `defaultUserRolePermissions.allowedToCreateApps is ${JSON.stringify(allowed)}: non-administrators can register applications.`, policyEvidence(snapshot));
    },
  },
  {
    id: 'MS.AAD.5.2v1',
    title: 'Only administrators SHALL be allowed to consent to applications',
    severity: 'high',
    references: { scuba: 'MS.AAD.5.2v1', docs: 'https://learn.microsoft.com/en-us/entra/identity/enterprise-apps/configure-user-consent' },
    areas: ['authorization'],
    remediation: 'In Enterprise applications > Consent and permissions, choose "Do not allow user consent" (no ManagePermissionGrantsForSelf.* policy assigned to the default user role).',
    evaluate: (snapshot) => {
      const assigned = strings(authorizationPolicy(snapshot), 'defaultUserRolePermissions.permissionGrantPoliciesAssigned').filter((p) =>
        p.startsWith(USER_CONSENT_PREFIX),
      );
      if (assigned.length === 0) return verdict('pass', 'Users cannot consent to applications.', policyEvidence(snapshot));
      if (assigned.length === 1 && assigned[0] === LOW_RISK_ONLY) {
        const risky = objects(snapshot.areas.authorization?.delegatedPermissionClassifications).filter(
          (c) => text(c, 'classification') === 'low' && !SIGN_IN_PERMISSIONS.has((text(c, 'permissionName') ?? '').toLowerCase()),
        );
        if (risky.length === 0) return verdict('pass', 'Users may consent only to low-impact sign-in permissions of verified publishers.', policyEvidence(snapshot));
        return verdict(
          'fail',
          `Users may consent to permissions classified low that read data: ${risky.map((c) => text(c, 'permissionName')).join(', ')}.`,
          [...policyEvidence(snapshot), ...risky.map((c) => text(c, 'permissionId') ?? text(c, 'id') ?? '(no id)')],
        );
      }
      return verdict('fail', `Users can consent to applications through ${assigned.join(', ')}.`, policyEvidence(snapshot));
    },
  },
  {
    id: 'MS.AAD.5.3v1',
    title: 'An admin consent workflow SHALL be configured for applications',
    severity: 'high',
    references: { scuba: 'MS.AAD.5.3v1', docs: 'https://learn.microsoft.com/en-us/entra/identity/enterprise-apps/configure-admin-consent-workflow' },
    areas: ['authorization'],
    remediation: 'In Enterprise applications > Admin consent settings, set "Users can request admin consent to apps they are unable to consent to" to Yes and name reviewers.',
    evaluate: (snapshot) => {
      const settings = objects(snapshot.areas.authorization?.groupSettings).flatMap((group) =>
        objects(group.values)
          .filter((v) => text(v, 'name') === 'EnableAdminConsentRequests')
          .map((v) => ({ group: text(group, 'id') ?? '(no id)', value: (text(v, 'value') ?? '').toLowerCase() })),
      );
      const off = settings.filter((s) => s.value === 'false');
      if (off.length === 0 && settings.some((s) => s.value === 'true')) {
        return verdict('pass', 'Admin consent requests are enabled.', settings.map((s) => s.group));
      }
      if (settings.length === 0) return verdict('fail', 'No directory setting EnableAdminConsentRequests is set: the admin consent workflow is off.');
      return verdict('fail', 'EnableAdminConsentRequests is false: the admin consent workflow is off.', off.map((s) => s.group));
    },
  },
];
