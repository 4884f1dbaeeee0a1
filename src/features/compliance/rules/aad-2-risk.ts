// SCuBA MS.AAD.2: identity protection (user and sign-in risk); needs Entra ID P2.
import { blocks, requireCaPolicy } from './conditional-access.js';
import { strings } from './graph-values.js';
import { hasEntraIdP2, P2_MISSING } from './licences.js';
import { manualCheck, verdict, type AssessmentRule } from './rule.js';

const riskRule = (id: string, title: string, riskField: string, what: string, remediation: string): AssessmentRule => ({
  id,
  title,
  severity: 'high',
  references: { scuba: id, docs: 'https://learn.microsoft.com/en-us/entra/id-protection/howto-identity-protection-configure-risk-policies' },
  areas: ['conditionalAccess', 'directory'],
  remediation,
  evaluate: (snapshot, config) => {
    const found = requireCaPolicy(snapshot, config, { policyId: id, enforces: (p) => strings(p, riskField).includes('high') && blocks(p) }, what);
    if (!hasEntraIdP2(snapshot)) return verdict('fail', `${P2_MISSING} ${found.details}`, found.evidence);
    return found;
  },
});

export const aad2Rules: AssessmentRule[] = [
  riskRule(
    'MS.AAD.2.1v1',
    'Users detected as high risk SHALL be blocked',
    'conditions.userRiskLevels',
    'blocks high-risk users',
    'With Entra ID P2, create an enabled conditional access policy for All users and All cloud apps with user risk "High" and grant "Block access".',
  ),
  manualCheck(
    {
      id: 'MS.AAD.2.2v1',
      title: 'A notification SHOULD be sent to the administrator when high-risk users are detected',
      severity: 'medium',
      references: { scuba: 'MS.AAD.2.2v1' },
      remediation: 'In Entra ID Protection, configure "Users at risk detected alerts" to email the administrators.',
    },
    'Graph does not expose the recipients of Identity Protection risk alerts; check them in the Entra admin center.',
  ),
  riskRule(
    'MS.AAD.2.3v1',
    'Sign-ins detected as high risk SHALL be blocked',
    'conditions.signInRiskLevels',
    'blocks high-risk sign-ins',
    'With Entra ID P2, create an enabled conditional access policy for All users and All cloud apps with sign-in risk "High" and grant "Block access".',
  ),
];
