// Checks beyond the SCuBA Entra ID baseline that compliance teams ask for: MFA registration coverage, SharePoint
// external sharing, and a Secure Score floor. Thresholds come from the `Hub` part of the configuration.
import type { GraphObject } from '../snapshot.js';
import { field, idOf, named, objects, text } from './graph-values.js';
import { verdict, type AssessmentRule } from './rule.js';

// sharingCapability from narrowest to widest: https://learn.microsoft.com/en-us/graph/api/resources/sharepointsettings
const SHARING_LEVELS = ['disabled', 'existingExternalUserSharingOnly', 'externalUserSharingOnly', 'externalUserAndGuestSharing'];

export const hubRules: AssessmentRule[] = [
  {
    id: 'HUB.MFA.1',
    title: 'Every enabled member user SHALL be registered for MFA',
    severity: 'high',
    references: { cis: 'CIS M365 Foundations 5.2.3.4 (all member users are MFA capable)', docs: 'https://learn.microsoft.com/en-us/graph/api/resources/userregistrationdetails' },
    areas: ['authenticationMethods', 'directory'],
    remediation: 'Ask the users listed to register an MFA method (aka.ms/mysecurityinfo), or enforce registration with a conditional access or registration campaign.',
    evaluate: (snapshot, config) => {
      const minimum = config.Hub?.mfaRegistrationMinimumPercent ?? 100;
      const users = new Map(objects(snapshot.areas.directory?.users).map((u) => [idOf(u).toLowerCase(), u]));
      // Disabled accounts cannot sign in; guests register in their home tenant.
      const counted = objects(snapshot.areas.authenticationMethods?.userRegistrationDetails).filter((r) => {
        const user = users.get(idOf(r).toLowerCase());
        return text(r, 'userType') !== 'guest' && field(user, 'accountEnabled') !== false;
      });
      if (counted.length === 0) return verdict('not_applicable', 'No enabled member user in the registration details.');
      const missing = counted.filter((r) => field(r, 'isMfaRegistered') !== true);
      const coverage = Math.floor(((counted.length - missing.length) / counted.length) * 1000) / 10;
      const summary = `${coverage}% of ${counted.length} enabled member users are registered for MFA (minimum ${minimum}%).`;
      if (coverage >= minimum) return verdict('pass', summary);
      const shown = missing.slice(0, 20).map(named).join(', ');
      return verdict('fail', `${summary} Not registered: ${shown}${missing.length > 20 ? ` and ${missing.length - 20} more` : ''}.`, missing.map(idOf));
    },
  },
  {
    id: 'HUB.SPO.1',
    title: 'SharePoint external sharing SHALL be limited to existing guests or people in the organisation',
    severity: 'high',
    references: { scuba: 'MS.SHAREPOINT.1.1v1', cis: 'CIS M365 Foundations 7.2.3 (external content sharing is restricted)', docs: 'https://learn.microsoft.com/en-us/sharepoint/turn-external-sharing-on-or-off' },
    areas: ['sharePoint'],
    remediation: 'In the SharePoint admin center > Policies > Sharing, set external sharing to "Existing guests" or "Only people in your organization".',
    evaluate: (snapshot, config) => {
      const widest = config.Hub?.sharePointMaximumSharing ?? 'existingExternalUserSharingOnly';
      const actual = text(snapshot.areas.sharePoint?.settings, 'sharingCapability');
      const actualLevel = SHARING_LEVELS.indexOf(actual ?? '');
      if (actualLevel < 0) return verdict('error', `SharePoint settings carry no known sharingCapability (${JSON.stringify(actual)}).`);
      const ok = actualLevel <= Math.max(0, SHARING_LEVELS.indexOf(widest));
      return verdict(ok ? 'pass' : 'fail', `SharePoint external sharing is ${actual} (widest accepted: ${widest}).`, ['sharepointSettings']);
    },
  },
  {
    id: 'HUB.SCORE.1',
    title: 'Microsoft Secure Score SHALL stay above the threshold',
    severity: 'medium',
    references: { docs: 'https://learn.microsoft.com/en-us/defender-xdr/microsoft-secure-score' },
    areas: ['secureScore'],
    remediation: 'Work through the improvement actions of Microsoft Secure Score with the highest score impact first.',
    evaluate: (snapshot, config) => {
      const minimum = config.Hub?.secureScoreMinimumPercent ?? 50;
      const latest = objects(snapshot.areas.secureScore?.secureScores)
        .slice()
        .sort((a: GraphObject, b: GraphObject) => (text(b, 'createdDateTime') ?? '').localeCompare(text(a, 'createdDateTime') ?? ''))[0];
      if (!latest) return verdict('not_applicable', 'Microsoft has no Secure Score for this tenant yet.');
      const current = field(latest, 'currentScore');
      const max = field(latest, 'maxScore');
      if (typeof current !== 'number' || typeof max !== 'number' || max <= 0) return verdict('error', `Secure Score ${idOf(latest)} has no usable currentScore / maxScore.`, [idOf(latest)]);
      const percent = Math.round((current / max) * 1000) / 10;
      return verdict(percent >= minimum ? 'pass' : 'fail', `Secure Score ${current} of ${max} (${percent}%, minimum ${minimum}%).`, [idOf(latest)]);
    },
  },
];
