// Directory roles, unified RBAC and PIM (Privileged Identity Management) for Microsoft Entra roles. Shapes in
// resources/roles-resources.ts; PIM routes need Microsoft Entra ID P2 (licence-checks.ts).
import { graphErrors } from '../graph-errors.js';
import { collection } from '../graph-response.js';
import type { GraphRoute, GraphRouteRequest } from '../graph-router.js';
import { requireEntraP2 } from '../licence-checks.js';
import { builtInRoles, findBuiltInRole } from '../../state/directory-role-catalogue.js';
import { userAsDirectoryObject, userShape } from '../resources/directory-resources.js';
import {
  assignmentScheduleShape,
  defaultRoleSettings,
  directoryRoleObjectId,
  directoryRoleResource,
  directoryRoleShape,
  eligibilityScheduleShape,
  permanentAssignmentSchedule,
  roleAssignmentResource,
  roleAssignmentShape,
  roleDefinitions,
  roleDefinitionShape,
  roleManagementPolicyAssignmentResource,
  roleManagementPolicyAssignmentShape,
  roleManagementPolicyId,
  roleManagementPolicyResource,
  roleManagementPolicyRules,
  roleManagementPolicyRuleShape,
  roleManagementPolicyShape,
  scheduleResource,
} from '../resources/roles-resources.js';

/** The tenant's activated roles (those with members), as /directoryRoles lists them. */
const activeRoles = (req: GraphRouteRequest) =>
  req.ctx.roles
    .activeRoles(req.tenant.id)
    .map((id) => findBuiltInRole(id))
    .filter((r) => r !== undefined);

function findDirectoryRole(req: GraphRouteRequest, id: string) {
  const key = id.toLowerCase();
  // By the tenant's object id only: a template id there is not found in Graph either.
  const role = activeRoles(req).find((r) => directoryRoleObjectId(req.tenant, r.templateId) === key);
  if (!role) throw graphErrors.resourceNotFound(id);
  return role;
}

/**
 * PIM lists must be filtered to directory roles: "scopeId eq '/' and scopeType eq 'DirectoryRole'"
 * (https://learn.microsoft.com/graph/api/policyroot-list-rolemanagementpolicies, "Optional query parameters").
 */
function requireDirectoryRoleScope(req: GraphRouteRequest): void {
  const filter = req.search.get('$filter') ?? '';
  if (!/scopeId\s+eq\s+'\/'/i.test(filter) || !/scopeType\s+eq\s+'(DirectoryRole|Directory)'/i.test(filter)) {
    throw graphErrors.badRequest("The query requires a $filter on scopeId and scopeType, e.g. $filter=scopeId eq '/' and scopeType eq 'DirectoryRole'.");
  }
}

/** `$expand=principal` on role assignments (the only expansion the emulator serves); other expansions stay 501. */
function withoutPrincipalExpand(req: GraphRouteRequest): { search: URLSearchParams; expand: boolean } {
  const expand = req.search.get('$expand');
  if (expand === null) return { search: req.search, expand: false };
  if (expand.trim().toLowerCase() !== 'principal') throw graphErrors.emulatorUnsupported(`$expand=${expand} on role assignments (only principal)`);
  const search = new URLSearchParams(req.search);
  search.delete('$expand');
  return { search, expand: true };
}

const settingsFor = (req: GraphRouteRequest, roleDefinitionId: string) =>
  req.ctx.security.of(req.tenant.id).roleSettings.find((s) => s.roleDefinitionId === roleDefinitionId) ?? defaultRoleSettings(roleDefinitionId);

export const rolesRoutes: GraphRoute[] = [
  {
    path: '/directoryRoles',
    handler: (req) => collection(req, { shape: directoryRoleShape, items: activeRoles(req).map((r) => directoryRoleResource(req.tenant, r)), context: 'directoryRoles' }),
  },
  {
    path: '/directoryRoles/{role}/members',
    handler: (req) => {
      const role = findDirectoryRole(req, req.params.role!);
      const members = req.ctx.roles.members(req.tenant.id, role.templateId);
      return collection(req, { shape: userShape, items: members.map((u) => userAsDirectoryObject(u, req.tenant)), context: 'directoryObjects' });
    },
  },
  {
    path: '/roleManagement/directory/roleDefinitions',
    handler: (req) => collection(req, { shape: roleDefinitionShape, items: roleDefinitions(), context: 'roleManagement/directory/roleDefinitions' }),
  },
  {
    path: '/roleManagement/directory/roleAssignments',
    handler: (req) => {
      const { search, expand } = withoutPrincipalExpand(req);
      const items = req.ctx.roles.assignments(req.tenant.id).map((a) => roleAssignmentResource(a.roleTemplateId, a.principal.id, expand ? userAsDirectoryObject(a.principal, req.tenant) : undefined));
      return collection({ ...req, search }, { shape: roleAssignmentShape, items, context: expand ? 'roleManagement/directory/roleAssignments(principal())' : 'roleManagement/directory/roleAssignments' });
    },
  },
  {
    path: '/roleManagement/directory/roleEligibilitySchedules',
    handler: (req) => {
      requireEntraP2(req);
      const items = req.ctx.security.of(req.tenant.id).roleSchedules.filter((s) => s.kind === 'eligible').map((s) => scheduleResource(s, 'eligible'));
      return collection(req, { shape: eligibilityScheduleShape, items, context: 'roleManagement/directory/roleEligibilitySchedules' });
    },
  },
  {
    path: '/roleManagement/directory/roleAssignmentSchedules',
    handler: (req) => {
      requireEntraP2(req);
      const permanent = req.ctx.roles.assignments(req.tenant.id).map((a) => permanentAssignmentSchedule(req.tenant, a.roleTemplateId, a.principal.id));
      const timeBound = req.ctx.security.of(req.tenant.id).roleSchedules.filter((s) => s.kind === 'active').map((s) => scheduleResource(s, 'active'));
      return collection(req, { shape: assignmentScheduleShape, items: [...permanent, ...timeBound], context: 'roleManagement/directory/roleAssignmentSchedules' });
    },
  },
  {
    path: '/policies/roleManagementPolicies',
    handler: (req) => {
      requireEntraP2(req);
      requireDirectoryRoleScope(req);
      const items = builtInRoles.map((r) => roleManagementPolicyResource(req.tenant, settingsFor(req, r.templateId), false));
      return collection(req, { shape: roleManagementPolicyShape, items, context: 'policies/roleManagementPolicies' });
    },
  },
  {
    path: '/policies/roleManagementPolicies/{policy}/rules',
    handler: (req) => {
      requireEntraP2(req);
      const role = builtInRoles.find((r) => roleManagementPolicyId(req.tenant, r.templateId).toLowerCase() === req.params.policy!.toLowerCase());
      if (!role) throw graphErrors.resourceNotFound(req.params.policy!);
      const policyId = roleManagementPolicyId(req.tenant, role.templateId);
      return collection(req, { shape: roleManagementPolicyRuleShape, items: roleManagementPolicyRules(settingsFor(req, role.templateId)), context: `policies/roleManagementPolicies('${policyId}')/rules` });
    },
  },
  {
    path: '/policies/roleManagementPolicyAssignments',
    handler: (req) => {
      requireEntraP2(req);
      requireDirectoryRoleScope(req);
      const items = builtInRoles.map((r) => roleManagementPolicyAssignmentResource(req.tenant, r.templateId));
      return collection(req, { shape: roleManagementPolicyAssignmentShape, items, context: 'policies/roleManagementPolicyAssignments' });
    },
  },
];
