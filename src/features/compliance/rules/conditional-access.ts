// Deciding whether a conditional access policy enforces something for everyone, the way ScubaGear's Rego does:
// the policy must be enabled (report-only and disabled policies enforce nothing), include "All" users and "All"
// cloud apps, exclude no roles and no apps, and exclude only the users and groups the operator declared for that
// baseline policy in `CapExclusions`. Guest or external user types excluded fail too unless declared (stricter
// than ScubaGear, which does not look at them: a guest type excluded is a hole all the same).
// Policies that do the policy-specific thing but miss a common condition are reported as near misses with the
// reasons, so a failing result says what to change.
import type { GraphObject, TenantSnapshot } from '../snapshot.js';
import type { AssessmentConfig } from './assessment-config.js';
import { field, idOf, named, objects, strings, text } from './graph-values.js';
import { verdict, type Verdict } from './rule.js';

export interface CaRequirement {
  policyId: string;
  /** What the policy must do beyond the common conditions (e.g. block legacy clients). */
  enforces: (policy: GraphObject) => boolean;
  /** Some baseline policies target roles or user actions rather than all users / all apps. */
  requireAllUsers?: boolean;
  requireAllApps?: boolean;
  /** Extra common conditions (e.g. every privileged role included); each returns a reason when it is not met. */
  alsoRequire?: (policy: GraphObject) => string | undefined;
}

export const caPolicies = (snapshot: TenantSnapshot): GraphObject[] => objects(snapshot.areas.conditionalAccess?.policies);

function undeclared(excluded: string[], declared: string[] | undefined): string[] {
  const allowed = new Set((declared ?? []).map((id) => id.toLowerCase()));
  return excluded.filter((id) => !allowed.has(id.toLowerCase()));
}

function guestTypes(policy: GraphObject): string[] {
  const excluded = field(policy, 'conditions.users.excludeGuestsOrExternalUsers');
  if (typeof excluded !== 'object' || excluded === null) return [];
  const types = text(excluded, 'guestOrExternalUserTypes');
  return types ? types.split(',').map((t) => t.trim()).filter((t) => t.length > 0) : [];
}

/** Why the policy does not count for this baseline policy (empty: it counts). */
export function shortfalls(policy: GraphObject, requirement: CaRequirement, config: AssessmentConfig): string[] {
  const reasons: string[] = [];
  const state = text(policy, 'state');
  if (state === 'enabledForReportingButNotEnforced') reasons.push('is report-only');
  else if (state !== 'enabled') reasons.push(`is ${state ?? 'in no state'}, not enabled`);
  if (requirement.requireAllUsers !== false && !strings(policy, 'conditions.users.includeUsers').includes('All')) {
    reasons.push('does not include all users');
  }
  if (requirement.requireAllApps !== false) {
    if (!strings(policy, 'conditions.applications.includeApplications').includes('All')) reasons.push('does not include all cloud apps');
    const apps = strings(policy, 'conditions.applications.excludeApplications');
    if (apps.length > 0) reasons.push(`excludes applications ${apps.join(', ')}`);
  }
  const roles = strings(policy, 'conditions.users.excludeRoles');
  if (roles.length > 0) reasons.push(`excludes roles ${roles.join(', ')}`);
  const declared = config.Aad?.[requirement.policyId]?.CapExclusions;
  const users = undeclared(strings(policy, 'conditions.users.excludeUsers'), declared?.Users);
  if (users.length > 0) reasons.push(`excludes users not declared in CapExclusions: ${users.join(', ')}`);
  const groups = undeclared(strings(policy, 'conditions.users.excludeGroups'), declared?.Groups);
  if (groups.length > 0) reasons.push(`excludes groups not declared in CapExclusions: ${groups.join(', ')}`);
  const guests = undeclared(guestTypes(policy), declared?.GuestOrExternalUserTypes);
  if (guests.length > 0) reasons.push(`excludes guest or external user types not declared in CapExclusions: ${guests.join(', ')}`);
  const extra = requirement.alsoRequire?.(policy);
  if (extra) reasons.push(extra);
  return reasons;
}

export interface CaMatch {
  matching: GraphObject[];
  nearMisses: { policy: GraphObject; reasons: string[] }[];
}

export function matchPolicies(snapshot: TenantSnapshot, requirement: CaRequirement, config: AssessmentConfig): CaMatch {
  const match: CaMatch = { matching: [], nearMisses: [] };
  for (const policy of caPolicies(snapshot)) {
    if (!requirement.enforces(policy)) continue;
    const reasons = shortfalls(policy, requirement, config);
    if (reasons.length === 0) match.matching.push(policy);
    else match.nearMisses.push({ policy, reasons });
  }
  return match;
}

/** pass when at least one policy counts; otherwise fail, naming the near misses and what each lacks. */
export function caVerdict(match: CaMatch, what: string): Verdict {
  if (match.matching.length > 0) {
    return verdict('pass', `${match.matching.length} conditional access policy(s) ${what}: ${match.matching.map(named).join(', ')}`, match.matching.map(idOf));
  }
  if (match.nearMisses.length === 0) return verdict('fail', `No conditional access policy ${what}.`);
  const misses = match.nearMisses.map(({ policy, reasons }) => `${named(policy)} ${reasons.join('; ')}`);
  return verdict('fail', `No conditional access policy ${what} for everyone. ${misses.join('. ')}.`, match.nearMisses.map(({ policy }) => idOf(policy)));
}

export function requireCaPolicy(snapshot: TenantSnapshot, config: AssessmentConfig, requirement: CaRequirement, what: string): Verdict {
  return caVerdict(matchPolicies(snapshot, requirement, config), what);
}

export const grantControls = (policy: GraphObject): string[] => strings(policy, 'grantControls.builtInControls');
export const blocks = (policy: GraphObject): boolean => grantControls(policy).includes('block');

const PHISHING_RESISTANT = new Set(['windowsHelloForBusiness', 'fido2', 'x509CertificateMultiFactor']);

/** An authentication strength whose every allowed combination is phishing-resistant (and there is at least one). */
export function requiresPhishingResistantMfa(policy: GraphObject): boolean {
  const combinations = strings(policy, 'grantControls.authenticationStrength.allowedCombinations');
  return combinations.length > 0 && combinations.every((c) => PHISHING_RESISTANT.has(c));
}

/** MFA of any kind: the built-in "mfa" control or any authentication strength. */
export function requiresMfa(policy: GraphObject): boolean {
  return grantControls(policy).includes('mfa') || strings(policy, 'grantControls.authenticationStrength.allowedCombinations').length > 0;
}
