// Who holds which privileged role, from the roles area (active assignments and PIM eligibility) and the directory
// (a role given to a group counts for each of the group's transitive member users).
import type { GraphObject, TenantSnapshot } from '../snapshot.js';
import type { AssessmentConfig } from './assessment-config.js';
import { field, idOf, objects, text } from './graph-values.js';

// Built-in role template ids: https://learn.microsoft.com/en-us/entra/identity/role-based-access-control/permissions-reference
export const GLOBAL_ADMINISTRATOR = '62e90394-69f5-4237-9190-012177145e10';

/** SCuBA's highly privileged roles (its default list in the Entra ID baseline, section 7). */
export const DEFAULT_PRIVILEGED_ROLE_TEMPLATES: readonly string[] = [
  GLOBAL_ADMINISTRATOR,
  'e8611ab8-c189-46e8-94e1-60213ab1f814', // Privileged Role Administrator
  'fe930be7-5e62-47db-91af-98c3a49a38b1', // User Administrator
  'f28a1f50-f6e7-4571-818b-6a12f2af6b6c', // SharePoint Administrator
  '29232cdf-9323-42fd-ade2-1d097af3e4de', // Exchange Administrator
  '8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2', // Hybrid Identity Administrator
  '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3', // Application Administrator
  '158c047a-c907-4556-b7ef-446551a6b5f7', // Cloud Application Administrator
];

export function privilegedRoleTemplates(config: AssessmentConfig): Set<string> {
  return new Set((config.Hub?.privilegedRoleTemplateIds ?? DEFAULT_PRIVILEGED_ROLE_TEMPLATES).map((id) => id.toLowerCase()));
}

/** A role definition's template id (built-in roles: the id itself). */
const templateOf = (definition: GraphObject): string => (text(definition, 'templateId') ?? idOf(definition)).toLowerCase();

export interface PrivilegedRole {
  templateId: string;
  definitionIds: Set<string>;
  displayName: string;
}

export function privilegedRoles(snapshot: TenantSnapshot, config: AssessmentConfig): PrivilegedRole[] {
  const wanted = privilegedRoleTemplates(config);
  const roles = new Map<string, PrivilegedRole>();
  for (const definition of objects(snapshot.areas.roles?.roleDefinitions)) {
    const templateId = templateOf(definition);
    if (!wanted.has(templateId)) continue;
    const role = roles.get(templateId) ?? { templateId, definitionIds: new Set([templateId]), displayName: text(definition, 'displayName') ?? templateId };
    role.definitionIds.add(idOf(definition).toLowerCase());
    roles.set(templateId, role);
  }
  // A role assigned but missing from roleDefinitions still counts, under its template id.
  for (const templateId of wanted) if (!roles.has(templateId)) roles.set(templateId, { templateId, definitionIds: new Set([templateId]), displayName: templateId });
  return [...roles.values()];
}

export const roleOf = (roles: PrivilegedRole[], definitionId: string | undefined): PrivilegedRole | undefined =>
  definitionId === undefined ? undefined : roles.find((r) => r.definitionIds.has(definitionId.toLowerCase()));

export interface PrivilegedUser {
  user: GraphObject;
  roles: Set<string>;
}

/** Users holding a privileged role, actively or eligible, directly or through a group. */
export function privilegedUsers(snapshot: TenantSnapshot, config: AssessmentConfig): PrivilegedUser[] {
  const roles = privilegedRoles(snapshot, config);
  const users = new Map(objects(snapshot.areas.directory?.users).map((u) => [idOf(u).toLowerCase(), u]));
  const groups = new Map(objects(snapshot.areas.directory?.groups).map((g) => [idOf(g).toLowerCase(), g]));
  const holders = new Map<string, PrivilegedUser>();
  const grant = (userId: string, role: PrivilegedRole) => {
    const user = users.get(userId.toLowerCase());
    if (!user) return;
    const holder = holders.get(userId.toLowerCase()) ?? { user, roles: new Set<string>() };
    holder.roles.add(role.templateId);
    holders.set(userId.toLowerCase(), holder);
  };
  const assignments = [...objects(snapshot.areas.roles?.roleAssignments), ...objects(snapshot.areas.roles?.roleEligibilitySchedules)];
  for (const assignment of assignments) {
    const role = roleOf(roles, text(assignment, 'roleDefinitionId'));
    const principalId = text(assignment, 'principalId');
    if (!role || !principalId) continue;
    const group = groups.get(principalId.toLowerCase());
    if (group) {
      const members = field(group, 'members');
      for (const member of Array.isArray(members) ? members : []) if (typeof member === 'string') grant(member, role);
    } else grant(principalId, role);
  }
  return [...holders.values()];
}

export interface ActiveAssignment {
  assignment: GraphObject;
  principalId: string;
  /** PIM schedule start; null when the assignment was made outside PIM. */
  startDateTime: string | null;
  /** null when the assignment never expires. */
  endDateTime: string | null;
}

/** Active assignments of one role with their PIM schedule, when PIM made them. */
export function activeAssignments(snapshot: TenantSnapshot, role: PrivilegedRole): ActiveAssignment[] {
  const schedules = objects(snapshot.areas.roles?.roleAssignmentSchedules);
  return objects(snapshot.areas.roles?.roleAssignments)
    .filter((a) => roleOf([role], text(a, 'roleDefinitionId')))
    .map((assignment) => {
      const principalId = text(assignment, 'principalId') ?? '(no principal)';
      const schedule = schedules.find(
        (s) => text(s, 'principalId')?.toLowerCase() === principalId.toLowerCase() && roleOf([role], text(s, 'roleDefinitionId')),
      );
      if (!schedule) return { assignment, principalId, startDateTime: null, endDateTime: null };
      return {
        assignment,
        principalId,
        startDateTime: text(schedule, 'scheduleInfo.startDateTime') ?? text(schedule, 'createdDateTime') ?? null,
        endDateTime: text(schedule, 'scheduleInfo.expiration.endDateTime') ?? null,
      };
    });
}

/** The PIM rules (unifiedRoleManagementPolicyRule) applying to one role. */
export function pimRules(snapshot: TenantSnapshot, role: PrivilegedRole): GraphObject[] {
  return objects(snapshot.areas.roles?.roleManagementPolicyAssignments)
    .filter((a) => roleOf([role], text(a, 'roleDefinitionId')))
    .flatMap((a) => objects(field(a, 'policy.rules')));
}
