// Access-review rows (SecurEnds' job) read from a stored snapshot rather than from Graph at export time: a review is
// of one point in time whose hash is in the tenant's chain, so an auditor can tie every keep/remove decision to the
// exact directory state that was reviewed, the rows of a campaign never shift under the reviewer, and exporting
// costs the tenant no Graph calls (no throttling). Rows are produced one at a time (a generator) so the export
// streams; the memory used is the snapshot's own plus per-user indexes of group and role ids.
import type { GraphObject, TenantSnapshot } from './snapshot.js';

export interface AccessReviewRow {
  userId: string;
  displayName: string;
  userPrincipalName: string;
  accountEnabled: boolean | null;
  userType: 'Member' | 'Guest' | null;
  /** signInActivity.lastSignInDateTime (Graph returns it only with AuditLog.Read.All); null when not collected or never. */
  lastSignInDateTime: string | null;
  /** userRegistrationDetails.methodsRegistered (GET /reports/authenticationMethods/userRegistrationDetails). */
  mfaMethods: string[];
  /** userRegistrationDetails.isMfaRegistered; null when the report was not collected for this user. */
  mfaRegistered: boolean | null;
  /** skuPartNumber of each assignedLicenses[].skuId, resolved through /subscribedSkus. */
  licences: string[];
  /** Display names of the groups the user is a transitive member of. */
  groups: string[];
  /** Display names of the directory roles held (active, or PIM-eligible marked " (eligible)"), directly or through a role-assignable group. */
  directoryRoles: string[];
  privileged: boolean;
}

export interface AccessReviewFilter {
  userType?: 'Member' | 'Guest';
  enabled?: boolean;
  /** true: only users without any MFA method registered. */
  withoutMfa?: boolean;
  /** true: only users holding a directory role. */
  privileged?: boolean;
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const objects = (v: unknown): GraphObject[] => (Array.isArray(v) ? v.filter((x): x is GraphObject => typeof x === 'object' && x !== null) : []);

function push(index: Map<string, string[]>, key: string, value: string): void {
  const list = index.get(key);
  if (list) {
    if (!list.includes(value)) list.push(value);
  } else index.set(key, [value]);
}

/** The snapshot's users as review rows, in the snapshot's (canonical, by id) order, filtered. */
export function* accessReviewRows(snapshot: TenantSnapshot, filter: AccessReviewFilter = {}): Generator<AccessReviewRow> {
  const directory = snapshot.areas.directory ?? {};
  const skuNames = new Map(objects(directory.subscribedSkus).map((s) => [text(s.skuId), text(s.skuPartNumber) || text(s.skuId)]));

  // Graph's group `members` in a snapshot are transitive member ids (docs/compliance.md), so one pass gives each
  // user's transitive groups; groups nested in groups are members too and simply never match a user id.
  const groupsOf = new Map<string, string[]>();
  const groupNames = new Map<string, string>();
  for (const group of objects(directory.groups)) {
    const name = text(group.displayName) || text(group.id);
    groupNames.set(text(group.id), name);
    for (const member of strings(group.members)) push(groupsOf, member, name);
  }

  const roles = snapshot.areas.roles ?? {};
  const roleNames = new Map(objects(roles.roleDefinitions).map((d) => [text(d.id), text(d.displayName) || text(d.id)]));
  const rolesOf = new Map<string, string[]>();
  const groupRoles = new Map<string, string[]>();
  // PIM-eligible holders can activate the role at any moment, so a review lists them too, marked as eligible.
  const held = [
    ...objects(roles.roleAssignments).map((a) => ({ a, suffix: '' })),
    ...objects(roles.roleEligibilitySchedules).map((a) => ({ a, suffix: ' (eligible)' })),
  ];
  for (const { a: assignment, suffix } of held) {
    const principal = text(assignment.principalId);
    const role = `${roleNames.get(text(assignment.roleDefinitionId)) ?? text(assignment.roleDefinitionId)}${suffix}`;
    // A role assigned to a role-assignable group is held by each of its members (Entra ID).
    if (groupNames.has(principal)) push(groupRoles, principal, role);
    else push(rolesOf, principal, role);
  }
  for (const group of objects(directory.groups)) {
    const held = groupRoles.get(text(group.id));
    if (held) for (const member of strings(group.members)) for (const role of held) push(rolesOf, member, role);
  }

  const registration = new Map(objects(snapshot.areas.authenticationMethods?.userRegistrationDetails).map((r) => [text(r.id), r]));

  for (const user of objects(directory.users)) {
    const id = text(user.id);
    const details = registration.get(id);
    const userType = user.userType === 'Guest' ? 'Guest' : user.userType === 'Member' ? 'Member' : null;
    const activity = (user.signInActivity ?? {}) as GraphObject;
    const row: AccessReviewRow = {
      userId: id,
      displayName: text(user.displayName),
      userPrincipalName: text(user.userPrincipalName),
      accountEnabled: typeof user.accountEnabled === 'boolean' ? user.accountEnabled : null,
      userType,
      lastSignInDateTime: text(activity.lastSignInDateTime) || null,
      mfaMethods: strings(details?.methodsRegistered),
      mfaRegistered: typeof details?.isMfaRegistered === 'boolean' ? details.isMfaRegistered : null,
      licences: objects(user.assignedLicenses).map((l) => skuNames.get(text(l.skuId)) ?? text(l.skuId)),
      groups: groupsOf.get(id) ?? [],
      directoryRoles: rolesOf.get(id) ?? [],
      privileged: (rolesOf.get(id)?.length ?? 0) > 0,
    };
    if (matches(row, filter)) yield row;
  }
}

export function matches(row: AccessReviewRow, filter: AccessReviewFilter): boolean {
  if (filter.userType && row.userType !== filter.userType) return false;
  if (filter.enabled !== undefined && row.accountEnabled !== filter.enabled) return false;
  if (filter.withoutMfa !== undefined && (row.mfaRegistered !== true && row.mfaMethods.length === 0) !== filter.withoutMfa) return false;
  if (filter.privileged !== undefined && row.privileged !== filter.privileged) return false;
  return true;
}
