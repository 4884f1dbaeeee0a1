// SCuBA MS.AAD.6: passwords of managed domains never expire (NIST 800-63B). Microsoft Graph reports "never" as
// passwordValidityPeriodInDays = 2147483647; a subdomain follows its verified managed root domain. Federated
// domains are decided by their identity provider and are only named in the details.
import type { GraphObject } from '../snapshot.js';
import { field, idOf, objects, text } from './graph-values.js';
import { verdict, type AssessmentRule } from './rule.js';

const NEVER_EXPIRES = 2147483647;
const managedAndVerified = (d: GraphObject) => field(d, 'isVerified') === true && text(d, 'authenticationType') === 'Managed';

export const aad6Rules: AssessmentRule[] = [
  {
    id: 'MS.AAD.6.1v1',
    title: 'User passwords SHALL NOT expire',
    severity: 'high',
    references: { scuba: 'MS.AAD.6.1v1', docs: 'https://learn.microsoft.com/en-us/microsoft-365/admin/manage/set-password-to-never-expire' },
    areas: ['directory'],
    remediation: 'In the Microsoft 365 admin center > Settings > Org settings > Security & privacy > Password expiration policy, set passwords to never expire.',
    evaluate: (snapshot) => {
      const domains = objects(snapshot.areas.directory?.domains);
      const roots = domains.filter((d) => managedAndVerified(d) && field(d, 'isRoot') === true);
      const neverExpires = (d: GraphObject): boolean => {
        if (field(d, 'isRoot') === true) return field(d, 'passwordValidityPeriodInDays') === NEVER_EXPIRES;
        const root = roots.find((r) => idOf(d).toLowerCase().endsWith(`.${idOf(r).toLowerCase()}`));
        return root !== undefined && field(root, 'passwordValidityPeriodInDays') === NEVER_EXPIRES;
      };
      const managed = domains.filter(managedAndVerified);
      const expiring = managed.filter((d) => !neverExpires(d));
      const federated = domains.filter((d) => field(d, 'isVerified') === true && text(d, 'authenticationType') === 'Federated').map(idOf);
      const federatedNote = federated.length > 0 ? ` Federated domains (decided by their identity provider): ${federated.join(', ')}.` : '';
      if (managed.length > 0 && expiring.length === 0) {
        return verdict('pass', `Passwords never expire on ${managed.map(idOf).join(', ')}.${federatedNote}`, managed.map(idOf));
      }
      if (managed.length === 0) return verdict('fail', `No verified managed domain found.${federatedNote}`);
      return verdict('fail', `Passwords expire on ${expiring.map(idOf).join(', ')}.${federatedNote}`, expiring.map(idOf));
    },
  },
];
