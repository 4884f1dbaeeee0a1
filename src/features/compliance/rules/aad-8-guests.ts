// SCuBA MS.AAD.8: guest user access.
import type { TenantSnapshot } from '../snapshot.js';
import { text } from './graph-values.js';
import { manualCheck, verdict, type AssessmentRule } from './rule.js';

// guestUserRoleId values: https://learn.microsoft.com/en-us/entra/identity/users/users-restrict-guest-permissions
const GUEST_ROLES: Record<string, string> = {
  '2af84b1e-32c8-42b7-82bc-daa82404023b': 'Restricted access',
  '10dae51f-b6af-4016-8d66-8c2a99b929b3': 'Limited access',
  'a0b1b346-4d3e-4e8b-98f8-753987be4970': 'Same as member users',
};
const ACCEPTED_GUEST_ROLES = new Set(['2af84b1e-32c8-42b7-82bc-daa82404023b', '10dae51f-b6af-4016-8d66-8c2a99b929b3']);

const policy = (snapshot: TenantSnapshot) => snapshot.areas.authorization?.authorizationPolicy;
const evidence = (snapshot: TenantSnapshot) => [text(policy(snapshot), 'id') ?? 'authorizationPolicy'];

export const aad8Rules: AssessmentRule[] = [
  {
    id: 'MS.AAD.8.1v1',
    title: 'Guest users SHOULD have limited or restricted access to Microsoft Entra ID directory objects',
    severity: 'medium',
    references: { scuba: 'MS.AAD.8.1v1', docs: 'https://learn.microsoft.com/en-us/entra/identity/users/users-restrict-guest-permissions' },
    areas: ['authorization'],
    remediation: 'In External Identities > External collaboration settings, set guest user access to "limited access" or "restricted access".',
    evaluate: (snapshot) => {
      const roleId = text(policy(snapshot), 'guestUserRoleId') ?? '';
      const level = GUEST_ROLES[roleId] ?? `unknown (${roleId || 'not set'})`;
      return verdict(ACCEPTED_GUEST_ROLES.has(roleId) ? 'pass' : 'fail', `Guest user access is ${level}.`, evidence(snapshot));
    },
  },
  {
    id: 'MS.AAD.8.2v1',
    title: 'Only users with the Guest Inviter role SHOULD be able to invite guest users',
    severity: 'medium',
    references: { scuba: 'MS.AAD.8.2v1', docs: 'https://learn.microsoft.com/en-us/entra/external-id/external-collaboration-settings-configure' },
    areas: ['authorization'],
    remediation: 'In External collaboration settings, set guest invite restrictions to "Only users assigned to specific admin roles can invite guest users".',
    evaluate: (snapshot) => {
      const from = text(policy(snapshot), 'allowInvitesFrom');
      return verdict(from === 'adminsAndGuestInviters' ? 'pass' : 'fail', `Guests may be invited by: ${from ?? 'not set'} (expected adminsAndGuestInviters).`, evidence(snapshot));
    },
  },
  manualCheck(
    {
      id: 'MS.AAD.8.3v1',
      title: 'Guest invites SHOULD only be allowed to specific external domains that have been authorized by the agency for legitimate business purposes',
      severity: 'medium',
      references: { scuba: 'MS.AAD.8.3v1' },
      remediation: 'In External collaboration settings, allow invitations only to the domains your organisation approved.',
    },
    'which external domains are legitimate is the agency\'s decision; compare the allow list in External collaboration settings with your approved list.',
  ),
];
