// Delegated permission classifications on the Microsoft Graph service principal (delegatedpermissionclassification):
// records made from permission names, with Microsoft's scope ids from the emulator's permission table.
import { getPermission } from '../permissions/graph-permissions.js';
import { deterministicGuid } from './deterministic-id.js';
import { DirectoryError } from './directory-errors.js';
import type { PermissionClassificationRecord } from './security-config.js';

/**
 * The sign-in permissions Microsoft suggests classifying as low impact
 * (https://learn.microsoft.com/entra/identity/enterprise-apps/configure-permission-classifications).
 */
export const SIGN_IN_PERMISSION_NAMES = ['openid', 'profile', 'email', 'offline_access', 'User.Read'] as const;

/** `low` classifications of the named Graph delegated permissions; an unknown name is the caller's error. */
export function lowClassifications(tenantId: string, permissionNames: readonly string[]): PermissionClassificationRecord[] {
  return permissionNames.map((name) => {
    const permission = getPermission(name, 'delegated');
    if (!permission) throw new DirectoryError(400, `'${name}' is not a Microsoft Graph delegated permission the emulator knows`);
    return { id: deterministicGuid(`permission-classification/${tenantId}/${permission.id}`), classification: 'low', permissionId: permission.id, permissionName: permission.name };
  });
}
