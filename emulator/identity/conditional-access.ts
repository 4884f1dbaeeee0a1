// Conditional access at sign-in: which of the tenant's policies apply to this user, app, client type and network,
// and what they demand. Follows the policy model of https://learn.microsoft.com/entra/identity/conditional-access/
// (concept-conditional-access-users-groups, -cloud-apps, -conditions, -grant) and Graph's conditionalAccessPolicy:
//  - only `enabled` policies are enforced; `enabledForReportingButNotEnforced` (report-only) and `disabled` are not;
//  - users: includeUsers All / GuestsOrExternalUsers / ids, includeGroups (nested groups count), includeRoles
//    (the user's directory roles); any exclusion wins over every inclusion;
//  - applications: includeApplications All or the app id, minus excludeApplications;
//  - client app types: all, or the kind of client signing in;
//  - locations: All, AllTrusted (a trusted IP named location holding the caller's address) or named locations;
//    the emulator's callers are on loopback, which no country location holds;
//  - grant controls: block wins; otherwise `mfa` (or an authentication strength) asks for a second factor, and a
//    custom control (customAuthenticationFactors) is an external challenge the emulator cannot satisfy (50158).
//    Device and app-protection controls are not evaluated (no device state in the emulator).
// Security defaults (https://learn.microsoft.com/entra/fundamentals/security-defaults), when the tenant has them on:
// the administrator roles that page lists must do MFA every time they sign in ("Require administrators to do
// multifactor authentication"). Its other rules are not modelled: the 14-day registration grace, "users when
// necessary" (Microsoft's own risk decision), legacy protocols (the emulator speaks none) and Azure Resource Manager.
import { BlockList, isIPv4, isIPv6 } from 'node:net';
import type { EmulatorContext } from '../server/emulator-context.js';
import type { User } from '../state/directory-types.js';
import { aadsts, type AadstsError } from './aadsts-errors.js';
import { graphAppId } from './graph-resource.js';
import { mfaCapableMethods, type ConditionalAccessPolicyRecord, type ConditionalAccessUsers as UsersCondition, type NamedLocationRecord } from '../state/security-config.js';
import { registeredMethods } from '../graph/resources/compliance-resources.js';
import { roleIds } from '../state/directory-role-catalogue.js';

export type ClientAppType = 'browser' | 'mobileAppsAndDesktopClients';

export interface SignInConditions {
  user: User;
  appId: string;
  clientAppType: ClientAppType;
  /** The caller's address (request.ip). */
  ipAddress: string;
}

export type AccessRequirement =
  | { kind: 'none' }
  | { kind: 'block'; policyIds: string[] }
  | { kind: 'external'; policyIds: string[] }
  | { kind: 'mfa'; policyIds: string[] };

/** Every group the user belongs to, directly or through groups nested in groups. */
function transitiveGroupIds(ctx: EmulatorContext, user: User): Set<string> {
  const nested = ctx.security.of(user.tenantId).nestedGroups;
  const found = new Set(ctx.directory.groupIdsOf(user.id));
  let grew = true;
  while (grew) {
    grew = false;
    for (const [parent, children] of Object.entries(nested)) {
      if (!found.has(parent) && children.some((c) => found.has(c))) {
        found.add(parent);
        grew = true;
      }
    }
  }
  return found;
}

function usersMatch(ctx: EmulatorContext, users: UsersCondition, user: User, groups: () => Set<string>): boolean {
  const isGuest = ctx.security.userFacts(user.tenantId, user.id).userType === 'Guest' || user.userPrincipalName.includes('#ext#');
  const named = (list: string[] | undefined) => (list ?? []).some((v) => v === 'All' || v === user.id || (v === 'GuestsOrExternalUsers' && isGuest));
  const inGroup = (list: string[] | undefined) => (list ?? []).some((g) => groups().has(g));
  const inRole = (list: string[] | undefined) => (list ?? []).some((r) => user.directoryRoles.includes(r));
  if (named(users.excludeUsers) || inGroup(users.excludeGroups) || inRole(users.excludeRoles)) return false;
  return named(users.includeUsers) || inGroup(users.includeGroups) || inRole(users.includeRoles);
}

function addressIn(location: NamedLocationRecord, ip: string): boolean {
  if (location.kind !== 'ip') return false;
  const list = new BlockList();
  for (const range of location.cidrRanges ?? []) {
    const [address, bits] = range.split('/');
    if (!address) continue;
    const family = isIPv4(address) ? 'ipv4' : isIPv6(address) ? 'ipv6' : undefined;
    if (family) list.addSubnet(address, Number(bits ?? (family === 'ipv4' ? 32 : 128)), family);
  }
  const plain = ip.startsWith('::ffff:') ? ip.slice(7) : ip;
  return list.check(plain, isIPv4(plain) ? 'ipv4' : 'ipv6');
}

function locationsMatch(ctx: EmulatorContext, tenantId: string, condition: { includeLocations?: string[]; excludeLocations?: string[] } | null | undefined, ip: string): boolean {
  if (!condition) return true;
  const locations = ctx.security.of(tenantId).namedLocations;
  const holds = (id: string) => {
    if (id === 'All') return true;
    if (id === 'AllTrusted') return locations.some((l) => l.isTrusted && addressIn(l, ip));
    const location = locations.find((l) => l.id === id);
    return location ? addressIn(location, ip) : false;
  };
  if ((condition.excludeLocations ?? []).some(holds)) return false;
  return (condition.includeLocations ?? []).some(holds);
}

function policyApplies(ctx: EmulatorContext, policy: ConditionalAccessPolicyRecord, s: SignInConditions, groups: () => Set<string>): boolean {
  if (policy.state !== 'enabled') return false;
  const c = policy.conditions as {
    users?: UsersCondition;
    applications?: { includeApplications?: string[]; excludeApplications?: string[] };
    clientAppTypes?: string[];
    locations?: { includeLocations?: string[]; excludeLocations?: string[] } | null;
  };
  if (!c.users || !usersMatch(ctx, c.users, s.user, groups)) return false;
  const apps = c.applications ?? {};
  if ((apps.excludeApplications ?? []).includes(s.appId)) return false;
  if (!(apps.includeApplications ?? []).some((a) => a === 'All' || a === s.appId)) return false;
  const types = c.clientAppTypes ?? ['all'];
  if (!types.includes('all') && !types.includes(s.clientAppType)) return false;
  return locationsMatch(ctx, s.user.tenantId, c.locations, s.ipAddress);
}

/**
 * The roles security defaults make do MFA at every sign-in: the conditional-access-admin-roles list the page
 * includes, plus Authentication Policy and Identity Governance Administrator (template ids from
 * permissions-reference, in directory-role-catalogue.ts).
 */
const SECURITY_DEFAULTS_ADMIN_ROLES: ReadonlySet<string> = new Set([
  roleIds.globalAdministrator,
  roleIds.applicationAdministrator,
  roleIds.authenticationAdministrator,
  roleIds.billingAdministrator,
  roleIds.cloudApplicationAdministrator,
  roleIds.conditionalAccessAdministrator,
  roleIds.exchangeAdministrator,
  roleIds.helpdeskAdministrator,
  roleIds.passwordAdministrator,
  roleIds.privilegedAuthenticationAdministrator,
  roleIds.privilegedRoleAdministrator,
  roleIds.securityAdministrator,
  roleIds.sharePointAdministrator,
  roleIds.teamsAdministrator,
  roleIds.userAdministrator,
  roleIds.authenticationPolicyAdministrator,
  roleIds.identityGovernanceAdministrator,
]);

const securityDefaultsDemandMfa = (ctx: EmulatorContext, user: User) =>
  ctx.security.of(user.tenantId).securityDefaultsEnabled && user.directoryRoles.some((role) => SECURITY_DEFAULTS_ADMIN_ROLES.has(role.toLowerCase()));

/**
 * What the tenant's enforced conditional access policies (and its security defaults) demand of this sign-in. MFA
 * that only security defaults demand names no policy (`policyIds` empty).
 */
export function accessRequirement(ctx: EmulatorContext, s: SignInConditions): AccessRequirement {
  let groups: Set<string> | undefined;
  const lazyGroups = () => (groups ??= transitiveGroupIds(ctx, s.user));
  const applying = ctx.security.of(s.user.tenantId).conditionalAccessPolicies.filter((p) => policyApplies(ctx, p, s, lazyGroups));
  const controls = (p: ConditionalAccessPolicyRecord) =>
    (p.grantControls ?? {}) as { builtInControls?: string[]; customAuthenticationFactors?: string[]; authenticationStrength?: unknown };
  const blocking = applying.filter((p) => controls(p).builtInControls?.includes('block'));
  if (blocking.length > 0) return { kind: 'block', policyIds: blocking.map((p) => p.id) };
  const external = applying.filter((p) => (controls(p).customAuthenticationFactors ?? []).length > 0 && !controls(p).builtInControls?.includes('mfa'));
  if (external.length > 0) return { kind: 'external', policyIds: external.map((p) => p.id) };
  const mfa = applying.filter((p) => controls(p).builtInControls?.includes('mfa') || controls(p).authenticationStrength);
  if (mfa.length > 0) return { kind: 'mfa', policyIds: mfa.map((p) => p.id) };
  if (securityDefaultsDemandMfa(ctx, s.user)) return { kind: 'mfa', policyIds: [] };
  return { kind: 'none' };
}

/** Whether the user has a method that can serve as a second factor (else Microsoft asks them to register one). */
export function hasSecondFactor(ctx: EmulatorContext, user: User): boolean {
  const methods = registeredMethods(user, ctx.directory.isAdmin(user), ctx.security.userFacts(user.tenantId, user.id).methods);
  return methods.some((m) => mfaCapableMethods.includes(m));
}

/** The `amr` of a sign-in: password, plus mfa once a second factor was given. */
export const amrOf = (mfa: boolean | undefined): string[] => (mfa ? ['pwd', 'mfa'] : ['pwd']);

/**
 * Conditional access at the token endpoint, where no page can ask anything (ROPC, refresh tokens): a block is
 * AADSTS53003, a custom control AADSTS50158, and MFA the grant did not give is AADSTS50076, or AADSTS50079 when the
 * user has no method to give it with and must register one interactively (reference-error-codes).
 */
export function tokenEndpointAccessError(ctx: EmulatorContext, s: SignInConditions, mfaGiven: boolean): AadstsError | undefined {
  const requirement = accessRequirement(ctx, s);
  if (requirement.kind === 'block') return aadsts.blockedByConditionalAccess();
  if (requirement.kind === 'external') return aadsts.externalSecurityChallenge();
  if (requirement.kind === 'mfa' && !mfaGiven) {
    return hasSecondFactor(ctx, s.user) ? aadsts.mfaRequired(graphAppId, requirement.policyIds) : aadsts.mfaRegistrationRequired(graphAppId, requirement.policyIds);
  }
  return undefined;
}
