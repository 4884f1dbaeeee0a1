// SCuBA MS.AAD.3: strong authentication and a secure registration process.
import type { GraphObject, TenantSnapshot } from '../snapshot.js';
import type { AssessmentConfig } from './assessment-config.js';
import { grantControls, matchPolicies, requireCaPolicy, requiresMfa, requiresPhishingResistantMfa, caVerdict, type CaRequirement } from './conditional-access.js';
import { field, idOf, objects, strings, text } from './graph-values.js';
import { privilegedRoles } from './privileged-roles.js';
import { manualCheck, verdict, type AssessmentRule } from './rule.js';

const CA_DOCS = 'https://learn.microsoft.com/en-us/entra/identity/conditional-access/concept-conditional-access-grant';
const METHODS_DOCS = 'https://learn.microsoft.com/en-us/graph/api/resources/authenticationmethodspolicy';

const phishingResistant = (policyId: string): CaRequirement => ({ policyId, enforces: requiresPhishingResistantMfa });

function methodConfiguration(snapshot: TenantSnapshot, id: string): GraphObject | undefined {
  return objects(field(snapshot.areas.authenticationMethods?.policy, 'authenticationMethodConfigurations')).find(
    (c) => text(c, 'id')?.toLowerCase() === id.toLowerCase(),
  );
}

function migrationComplete(snapshot: TenantSnapshot): { complete: boolean; state: string | undefined } {
  const state = text(snapshot.areas.authenticationMethods?.policy, 'policyMigrationState');
  // ScubaGear counts an absent state as complete: tenants created after the migration have no legacy policies.
  return { complete: state === undefined || state === 'migrationComplete', state };
}

function authenticatorVerdict(snapshot: TenantSnapshot, config: AssessmentConfig) {
  if (matchPolicies(snapshot, phishingResistant('MS.AAD.3.1v1'), config).matching.length > 0) {
    return verdict('not_applicable', 'Phishing-resistant MFA is enforced for all users (MS.AAD.3.1v1), so Microsoft Authenticator settings do not apply.');
  }
  const authenticator = methodConfiguration(snapshot, 'MicrosoftAuthenticator');
  if (!authenticator || text(authenticator, 'state') !== 'enabled') {
    return verdict('not_applicable', 'Microsoft Authenticator is not enabled in the authentication methods policy.');
  }
  const faults: string[] = [];
  if (field(authenticator, 'isSoftwareOathEnabled') !== false) faults.push('software OATH tokens are allowed (isSoftwareOathEnabled)');
  for (const [setting, label] of [
    ['displayAppInformationRequiredState', 'the application name'],
    ['displayLocationInformationRequiredState', 'the geographic location'],
  ] as const) {
    const base = `featureSettings.${setting}`;
    if (text(authenticator, `${base}.state`) !== 'enabled') faults.push(`${label} is not shown in push notifications (${setting})`);
    else if (text(authenticator, `${base}.includeTarget.id`) !== 'all_users') faults.push(`${label} is shown to some groups only, not all users (${setting})`);
  }
  if (faults.length === 0) return verdict('pass', 'Microsoft Authenticator shows the app name and location to all users and allows no software OATH.', [idOf(authenticator)]);
  return verdict('fail', `Microsoft Authenticator: ${faults.join('; ')}.`, [idOf(authenticator)]);
}

export const aad3Rules: AssessmentRule[] = [
  {
    id: 'MS.AAD.3.1v1',
    title: 'Phishing-resistant MFA SHALL be enforced for all users',
    severity: 'high',
    references: { scuba: 'MS.AAD.3.1v1', docs: 'https://learn.microsoft.com/en-us/entra/identity/authentication/concept-authentication-strengths' },
    areas: ['conditionalAccess'],
    remediation:
      'Create an enabled conditional access policy for All users and All cloud apps that requires the built-in "Phishing-resistant MFA" authentication strength (FIDO2, Windows Hello for Business, certificate-based MFA only).',
    evaluate: (snapshot, config) => requireCaPolicy(snapshot, config, phishingResistant('MS.AAD.3.1v1'), 'requires phishing-resistant MFA'),
  },
  {
    id: 'MS.AAD.3.2v1',
    title: 'If phishing-resistant MFA has not been enforced, an alternative MFA method SHALL be enforced for all users',
    severity: 'high',
    references: { scuba: 'MS.AAD.3.2v1', docs: CA_DOCS },
    areas: ['conditionalAccess'],
    remediation: 'Create an enabled conditional access policy for All users and All cloud apps that grants access only with "Require multifactor authentication" or an authentication strength.',
    evaluate: (snapshot, config) =>
      caVerdict(
        matchPolicies(snapshot, { policyId: 'MS.AAD.3.2v1', enforces: (p) => requiresMfa(p) }, config),
        'requires MFA',
      ),
  },
  {
    id: 'MS.AAD.3.3v2',
    title: 'If Microsoft Authenticator is enabled, it SHALL be configured to show login context information',
    severity: 'high',
    references: { scuba: 'MS.AAD.3.3v2', docs: 'https://learn.microsoft.com/en-us/entra/identity/authentication/how-to-mfa-additional-context' },
    areas: ['conditionalAccess', 'authenticationMethods'],
    remediation:
      'In Authentication methods > Microsoft Authenticator, show the application name and the geographic location in push notifications for All users, and turn off software OATH tokens.',
    evaluate: authenticatorVerdict,
  },
  {
    id: 'MS.AAD.3.4v1',
    title: 'The Authentication Methods Manage Migration feature SHALL be set to Migration Complete',
    severity: 'high',
    references: { scuba: 'MS.AAD.3.4v1', docs: 'https://learn.microsoft.com/en-us/entra/identity/authentication/how-to-authentication-methods-manage' },
    areas: ['authenticationMethods'],
    remediation: 'In Authentication methods > Policies > Manage migration, choose "Migration Complete" once the legacy MFA and SSPR policies are moved.',
    evaluate: (snapshot) => {
      const { complete, state } = migrationComplete(snapshot);
      return complete
        ? verdict('pass', `policyMigrationState is ${state ?? 'not set (tenant never had legacy policies)'}.`, ['authenticationMethodsPolicy'])
        : verdict('fail', `policyMigrationState is ${state}; it must be migrationComplete.`, ['authenticationMethodsPolicy']);
    },
  },
  {
    id: 'MS.AAD.3.5v1',
    title: 'The authentication methods SMS, Voice Call, and Email One-Time Passcode (OTP) SHALL be disabled',
    severity: 'high',
    references: { scuba: 'MS.AAD.3.5v1', docs: METHODS_DOCS },
    areas: ['authenticationMethods'],
    remediation: 'In Authentication methods > Policies, disable SMS, Voice call and Email OTP.',
    evaluate: (snapshot) => {
      if (!migrationComplete(snapshot).complete) {
        return verdict('not_applicable', 'Applies once the authentication methods migration is complete (MS.AAD.3.4v1).');
      }
      const enabled = ['Sms', 'Voice', 'Email']
        .map((id) => methodConfiguration(snapshot, id))
        .filter((c): c is GraphObject => c !== undefined && text(c, 'state') !== 'disabled');
      return enabled.length === 0
        ? verdict('pass', 'SMS, Voice call and Email OTP are disabled.')
        : verdict('fail', `Still enabled: ${enabled.map(idOf).join(', ')}. SMS, Voice call and Email OTP must be disabled.`, enabled.map(idOf));
    },
  },
  {
    id: 'MS.AAD.3.6v1',
    title: 'Phishing-resistant MFA SHALL be required for highly privileged roles',
    severity: 'high',
    references: { scuba: 'MS.AAD.3.6v1', docs: 'https://learn.microsoft.com/en-us/entra/identity/conditional-access/policy-admin-phish-resistant-mfa' },
    areas: ['conditionalAccess'],
    remediation:
      'Create an enabled conditional access policy that includes every highly privileged directory role, All cloud apps, and requires the "Phishing-resistant MFA" authentication strength.',
    evaluate: (snapshot, config) => {
      const roles = privilegedRoles(snapshot, config);
      return requireCaPolicy(
        snapshot,
        config,
        {
          policyId: 'MS.AAD.3.6v1',
          enforces: requiresPhishingResistantMfa,
          requireAllUsers: false,
          alsoRequire: (p) => {
            const included = new Set(strings(p, 'conditions.users.includeRoles').map((r) => r.toLowerCase()));
            const missing = roles.filter((r) => !included.has(r.templateId));
            return missing.length > 0 ? `does not include the privileged roles ${missing.map((r) => r.displayName).join(', ')}` : undefined;
          },
        },
        'requires phishing-resistant MFA for every highly privileged role',
      );
    },
  },
  {
    id: 'MS.AAD.3.7v1',
    title: 'Managed devices SHOULD be required for authentication',
    severity: 'medium',
    references: { scuba: 'MS.AAD.3.7v1', docs: 'https://learn.microsoft.com/en-us/entra/identity/conditional-access/policy-all-users-device-compliance' },
    areas: ['conditionalAccess'],
    remediation:
      'Create an enabled conditional access policy for All users and All cloud apps granting access with "Require device to be marked as compliant" OR "Require Microsoft Entra hybrid joined device" (those two controls only, one of them required).',
    evaluate: (snapshot, config) =>
      requireCaPolicy(
        snapshot,
        config,
        {
          policyId: 'MS.AAD.3.7v1',
          enforces: (p) => {
            const controls = grantControls(p);
            return controls.length === 2 && controls.includes('compliantDevice') && controls.includes('domainJoinedDevice') && text(p, 'grantControls.operator') === 'OR';
          },
        },
        'requires a managed device',
      ),
  },
  {
    id: 'MS.AAD.3.8v1',
    title: 'Managed Devices SHOULD be required to register MFA',
    severity: 'medium',
    references: { scuba: 'MS.AAD.3.8v1', docs: 'https://learn.microsoft.com/en-us/entra/identity/conditional-access/policy-all-users-security-info-registration' },
    areas: ['conditionalAccess'],
    remediation:
      'Create an enabled conditional access policy for All users on the user action "Register security information" requiring a compliant or hybrid-joined device.',
    evaluate: (snapshot, config) =>
      requireCaPolicy(
        snapshot,
        config,
        {
          policyId: 'MS.AAD.3.8v1',
          // The user action replaces the cloud apps: ScubaGear does not look at the applications here.
          requireAllApps: false,
          enforces: (p) =>
            strings(p, 'conditions.applications.includeUserActions').includes('urn:user:registersecurityinfo') &&
            (grantControls(p).includes('compliantDevice') || grantControls(p).includes('domainJoinedDevice')),
        },
        'requires a managed device to register security information',
      ),
  },
  {
    id: 'MS.AAD.3.9v1',
    title: 'The device code authentication flow SHOULD be blocked',
    severity: 'medium',
    references: { scuba: 'MS.AAD.3.9v1', docs: 'https://learn.microsoft.com/en-us/entra/identity/conditional-access/policy-block-authentication-flows' },
    areas: ['conditionalAccess'],
    remediation: 'Create an enabled conditional access policy for All users and All cloud apps with the authentication flow "Device code flow" and grant "Block access".',
    evaluate: (snapshot, config) =>
      requireCaPolicy(
        snapshot,
        config,
        {
          policyId: 'MS.AAD.3.9v1',
          enforces: (p) =>
            (text(p, 'conditions.authenticationFlows.transferMethods') ?? '').split(',').map((m) => m.trim()).includes('deviceCodeFlow') &&
            grantControls(p).includes('block'),
        },
        'blocks the device code flow',
      ),
  },
];

export const aad4Rules: AssessmentRule[] = [
  manualCheck(
    {
      id: 'MS.AAD.4.1v1',
      title: 'Security logs SHALL be sent to the agency\'s security operations center for monitoring',
      severity: 'high',
      references: { scuba: 'MS.AAD.4.1v1', docs: 'https://learn.microsoft.com/en-us/entra/identity/monitoring-health/howto-configure-diagnostic-settings' },
      remediation: 'Configure Entra ID diagnostic settings to stream AuditLogs, SignInLogs and the risk logs to your SIEM.',
    },
    'Entra ID diagnostic settings live in Azure Resource Manager, not in Microsoft Graph.',
  ),
];
