// Directory roles and the unified RBAC and PIM objects as Graph v1.0 returns them:
//  - directoryRole: https://learn.microsoft.com/graph/api/resources/directoryrole (directoryrole-list, directoryrole-list-members)
//  - unifiedRoleDefinition: https://learn.microsoft.com/graph/api/resources/unifiedroledefinition (rbacapplication-list-roledefinitions)
//  - unifiedRoleAssignment: https://learn.microsoft.com/graph/api/resources/unifiedroleassignment (rbacapplication-list-roleassignments)
//  - unifiedRoleEligibilitySchedule / unifiedRoleAssignmentSchedule: .../resources/unifiedroleeligibilityschedule, .../unifiedroleassignmentschedule
//  - unifiedRoleManagementPolicy, its rules and assignments: .../resources/unifiedrolemanagementpolicy,
//    .../unifiedrolemanagementpolicyrule, .../unifiedrolemanagementpolicyassignment
import { deterministicGuid } from '../../state/deterministic-id.js';
import { builtInRoles, findBuiltInRole, type BuiltInRole } from '../../state/directory-role-catalogue.js';
import type { Tenant } from '../../state/directory-types.js';
import type { RoleScheduleRecord, RoleSettingsRecord } from '../../state/security-config.js';
import type { GraphObject, ResourceShape } from '../odata-query.js';
import { tenantCreatedDateTime } from '../graph-data.js';

const shape = (type: string, properties: string[], filterable: string[] = []): ResourceShape => ({ type, properties, defaults: properties, filterable });

export const directoryRoleShape = shape('microsoft.graph.directoryRole', ['id', 'deletedDateTime', 'description', 'displayName', 'roleTemplateId'], ['displayName', 'roleTemplateId']);

/** An activated role's object id is the tenant's own; its roleTemplateId is Microsoft's. */
export const directoryRoleObjectId = (tenant: Tenant, templateId: string) => deterministicGuid(`directory-role/${tenant.id}/${templateId}`);

export function directoryRoleResource(tenant: Tenant, role: BuiltInRole): GraphObject {
  return { id: directoryRoleObjectId(tenant, role.templateId), deletedDateTime: null, description: role.description, displayName: role.displayName, roleTemplateId: role.templateId };
}

export const roleDefinitionShape = shape(
  'microsoft.graph.unifiedRoleDefinition',
  ['id', 'description', 'displayName', 'isBuiltIn', 'isEnabled', 'resourceScopes', 'templateId', 'version', 'rolePermissions', 'inheritsPermissionsFrom'],
  ['displayName', 'isBuiltIn', 'templateId', 'id'],
);

export const roleDefinitions = (): GraphObject[] =>
  builtInRoles.map((role) => ({
    id: role.templateId,
    description: role.description,
    displayName: role.displayName,
    isBuiltIn: true,
    isEnabled: true,
    resourceScopes: ['/'],
    templateId: role.templateId,
    version: '1',
    // Microsoft lists each role's resource actions; the emulator names the role's namespace only.
    rolePermissions: [{ allowedResourceActions: [`microsoft.directory/${role.displayName.replace(/\s+/g, '')}/allTasks`], condition: null }],
    inheritsPermissionsFrom: [],
  }));

export const roleAssignmentShape = shape(
  'microsoft.graph.unifiedRoleAssignment',
  ['id', 'principalId', 'roleDefinitionId', 'directoryScopeId', 'appScopeId', 'condition', 'principal'],
  ['principalId', 'roleDefinitionId', 'directoryScopeId', 'id'],
);

/** Graph's assignment ids are base64url of the role and principal ids with a `-1` suffix, e.g. `lAPpYvVpN0KRkAEhdxReEJC2sEqbR_9Hr48lds9SGHI-1`. */
export function roleAssignmentId(roleDefinitionId: string, principalId: string): string {
  const bytes = (guid: string) => {
    const hex = guid.replace(/-/g, '');
    const b = Buffer.from(hex, 'hex');
    // GUIDs are serialised little-endian in their first three fields, as .NET does.
    return Buffer.concat([b.subarray(0, 4).reverse(), b.subarray(4, 6).reverse(), b.subarray(6, 8).reverse(), b.subarray(8)]);
  };
  return `${bytes(roleDefinitionId).toString('base64url')}${bytes(principalId).toString('base64url')}-1`;
}

export function roleAssignmentResource(roleDefinitionId: string, principalId: string, principal?: GraphObject): GraphObject {
  return {
    id: roleAssignmentId(roleDefinitionId, principalId),
    principalId,
    roleDefinitionId,
    directoryScopeId: '/',
    appScopeId: null,
    condition: null,
    ...(principal ? { principal } : {}),
  };
}

const scheduleProperties = ['id', 'principalId', 'roleDefinitionId', 'directoryScopeId', 'appScopeId', 'createdUsing', 'createdDateTime', 'modifiedDateTime', 'status', 'memberType', 'scheduleInfo'];
export const eligibilityScheduleShape = shape('microsoft.graph.unifiedRoleEligibilitySchedule', scheduleProperties, ['principalId', 'roleDefinitionId', 'memberType', 'status']);
export const assignmentScheduleShape = shape('microsoft.graph.unifiedRoleAssignmentSchedule', [...scheduleProperties, 'assignmentType'], ['principalId', 'roleDefinitionId', 'memberType', 'assignmentType', 'status']);

export function scheduleResource(schedule: Pick<RoleScheduleRecord, 'id' | 'principalId' | 'roleDefinitionId' | 'startDateTime' | 'endDateTime' | 'createdDateTime'>, kind: 'eligible' | 'active'): GraphObject {
  return {
    id: schedule.id,
    principalId: schedule.principalId,
    roleDefinitionId: schedule.roleDefinitionId,
    directoryScopeId: '/',
    appScopeId: null,
    createdUsing: schedule.id,
    createdDateTime: schedule.createdDateTime,
    modifiedDateTime: null,
    status: 'Provisioned',
    memberType: 'Direct',
    scheduleInfo: {
      startDateTime: schedule.startDateTime,
      recurrence: null,
      expiration: schedule.endDateTime ? { type: 'afterDateTime', endDateTime: schedule.endDateTime, duration: null } : { type: 'noExpiration', endDateTime: null, duration: null },
    },
    ...(kind === 'active' ? { assignmentType: 'Assigned' } : {}),
  };
}

/** A permanent active assignment (a role in the user's `wids`) as its roleAssignmentSchedule. */
export function permanentAssignmentSchedule(tenant: Tenant, roleDefinitionId: string, principalId: string): GraphObject {
  const created = tenantCreatedDateTime(tenant);
  return scheduleResource({ id: roleAssignmentId(roleDefinitionId, principalId), principalId, roleDefinitionId, startDateTime: created, endDateTime: null, createdDateTime: created }, 'active');
}

export const roleManagementPolicyShape = shape(
  'microsoft.graph.unifiedRoleManagementPolicy',
  ['id', 'displayName', 'description', 'isOrganizationDefault', 'scopeId', 'scopeType', 'lastModifiedDateTime', 'lastModifiedBy', 'rules'],
  ['scopeId', 'scopeType'],
);
export const roleManagementPolicyRuleShape: ResourceShape = { type: 'microsoft.graph.unifiedRoleManagementPolicyRule', properties: ['id', 'target', 'isExpirationRequired', 'maximumDuration', 'enabledRules', 'setting', 'notificationType', 'recipientType', 'notificationLevel', 'isDefaultRecipientsEnabled', 'notificationRecipients', 'claimValue'], defaults: ['id', 'target', 'isExpirationRequired', 'maximumDuration', 'enabledRules', 'setting', 'notificationType', 'recipientType', 'notificationLevel', 'isDefaultRecipientsEnabled', 'notificationRecipients', 'claimValue'] };
export const roleManagementPolicyAssignmentShape = shape('microsoft.graph.unifiedRoleManagementPolicyAssignment', ['id', 'policyId', 'scopeId', 'scopeType', 'roleDefinitionId'], ['scopeId', 'scopeType', 'roleDefinitionId', 'policyId']);

/** Microsoft's defaults for a role nobody configured (PIM role settings: 8 hours, MFA on activation, no approval). */
export const defaultRoleSettings = (roleDefinitionId: string): RoleSettingsRecord => ({
  roleDefinitionId,
  requireApprovalOnActivation: false,
  requireMfaOnActivation: true,
  requireJustificationOnActivation: true,
  maximumActivationDuration: 'PT8H',
  eligibilityExpirationRequired: false,
});

/** Policy ids look like `DirectoryRole_{tenantId}_{guid}` in Graph's samples. */
export const roleManagementPolicyId = (tenant: Tenant, roleDefinitionId: string) => `DirectoryRole_${tenant.id}_${deterministicGuid(`pim-policy/${tenant.id}/${roleDefinitionId}`)}`;

const target = (caller: 'EndUser' | 'Admin', level: 'Assignment' | 'Eligibility') => ({ caller, operations: ['All'], level, inheritableSettings: [], enforcedSettings: [] });

export function roleManagementPolicyRules(settings: RoleSettingsRecord): GraphObject[] {
  const enabled = [...(settings.requireMfaOnActivation ? ['MultiFactorAuthentication'] : []), ...(settings.requireJustificationOnActivation ? ['Justification'] : [])];
  return [
    { '@odata.type': '#microsoft.graph.unifiedRoleManagementPolicyExpirationRule', id: 'Expiration_Admin_Eligibility', isExpirationRequired: settings.eligibilityExpirationRequired, maximumDuration: 'P365D', target: target('Admin', 'Eligibility') },
    { '@odata.type': '#microsoft.graph.unifiedRoleManagementPolicyExpirationRule', id: 'Expiration_EndUser_Assignment', isExpirationRequired: true, maximumDuration: settings.maximumActivationDuration, target: target('EndUser', 'Assignment') },
    { '@odata.type': '#microsoft.graph.unifiedRoleManagementPolicyEnablementRule', id: 'Enablement_EndUser_Assignment', enabledRules: enabled, target: target('EndUser', 'Assignment') },
    {
      '@odata.type': '#microsoft.graph.unifiedRoleManagementPolicyApprovalRule',
      id: 'Approval_EndUser_Assignment',
      target: target('EndUser', 'Assignment'),
      setting: {
        isApprovalRequired: settings.requireApprovalOnActivation,
        isApprovalRequiredForExtension: false,
        isRequestorJustificationRequired: true,
        approvalMode: 'SingleStage',
        approvalStages: [{ approvalStageTimeOutInDays: 1, isApproverJustificationRequired: true, escalationTimeInMinutes: 0, isEscalationEnabled: false, primaryApprovers: [], escalationApprovers: [] }],
      },
    },
    {
      '@odata.type': '#microsoft.graph.unifiedRoleManagementPolicyNotificationRule',
      id: 'Notification_Admin_EndUser_Assignment',
      notificationType: 'Email',
      recipientType: 'Admin',
      notificationLevel: 'All',
      isDefaultRecipientsEnabled: true,
      notificationRecipients: [],
      target: target('EndUser', 'Assignment'),
    },
  ];
}

export function roleManagementPolicyResource(tenant: Tenant, settings: RoleSettingsRecord, expandRules: boolean): GraphObject {
  return {
    id: roleManagementPolicyId(tenant, settings.roleDefinitionId),
    displayName: 'DirectoryRole',
    description: 'DirectoryRole',
    isOrganizationDefault: false,
    scopeId: '/',
    scopeType: 'DirectoryRole',
    lastModifiedDateTime: null,
    lastModifiedBy: { displayName: null, id: null },
    ...(expandRules ? { rules: roleManagementPolicyRules(settings) } : {}),
  };
}

export function roleManagementPolicyAssignmentResource(tenant: Tenant, roleDefinitionId: string): GraphObject {
  const policyId = roleManagementPolicyId(tenant, roleDefinitionId);
  return { id: `${policyId}_${roleDefinitionId}`, policyId, scopeId: '/', scopeType: 'DirectoryRole', roleDefinitionId };
}

export { findBuiltInRole };
