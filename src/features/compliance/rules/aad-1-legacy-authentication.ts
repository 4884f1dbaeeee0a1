// SCuBA MS.AAD.1: legacy authentication blocked by conditional access.
import { blocks, requireCaPolicy } from './conditional-access.js';
import { strings } from './graph-values.js';
import type { AssessmentRule } from './rule.js';

export const aad1Rules: AssessmentRule[] = [
  {
    id: 'MS.AAD.1.1v1',
    title: 'Legacy authentication SHALL be blocked',
    severity: 'high',
    references: { scuba: 'MS.AAD.1.1v1', docs: 'https://learn.microsoft.com/en-us/entra/identity/conditional-access/policy-block-legacy-authentication' },
    areas: ['conditionalAccess'],
    remediation:
      'Create an enabled conditional access policy for All users and All cloud apps, client apps "Exchange ActiveSync clients" and "Other clients", grant "Block access"; exclude no roles and only the break-glass accounts you declare in CapExclusions.',
    evaluate: (snapshot, config) =>
      requireCaPolicy(
        snapshot,
        config,
        {
          policyId: 'MS.AAD.1.1v1',
          enforces: (p) => {
            const clients = strings(p, 'conditions.clientAppTypes');
            return clients.includes('other') && clients.includes('exchangeActiveSync') && blocks(p);
          },
        },
        'blocks legacy authentication',
      ),
  },
];
