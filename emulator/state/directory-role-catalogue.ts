// Built-in Microsoft Entra roles the emulator knows, by template id, as "Microsoft Entra built-in roles"
// (https://learn.microsoft.com/entra/identity/role-based-access-control/permissions-reference) lists them.
// `privileged` marks the roles that page flags PRIVILEGED; the unified role definition id of a built-in role is
// its template id (https://learn.microsoft.com/graph/api/resources/unifiedroledefinition).
import { globalAdministratorRoleId } from './directory-types.js';

export interface BuiltInRole {
  templateId: string;
  displayName: string;
  description: string;
  privileged: boolean;
}

export const roleIds = {
  globalAdministrator: globalAdministratorRoleId,
  privilegedRoleAdministrator: 'e8611ab8-c189-46e8-94e1-60213ab1f814',
  securityAdministrator: '194ae4cb-b126-40b2-bd5b-6091b380977d',
  userAdministrator: 'fe930be7-5e62-47db-91af-98c3a49a38b1',
  exchangeAdministrator: '29232cdf-9323-42fd-ade2-1d097af3e4de',
  sharePointAdministrator: 'f28a1f50-f6e7-4571-818b-6a12f2af6b6c',
  applicationAdministrator: '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3',
  cloudApplicationAdministrator: '158c047a-c907-4556-b7ef-446551a6b5f7',
  conditionalAccessAdministrator: 'b1be1c3e-b65d-4f19-8427-f6fa0d97feb9',
  authenticationAdministrator: 'c4e39bd9-1100-46d3-8c65-fb160da0071f',
  helpdeskAdministrator: '729827e3-9c14-49f7-bb1b-9608f156bbb8',
  globalReader: 'f2ef992c-3afb-46b9-b7cf-a126ee74c451',
  securityReader: '5d6b6bb7-de71-4623-b4af-96380a352509',
  directoryReaders: '88d8e3e3-8f55-4a1e-953a-9b9898b8876b',
  // Not served as directory roles here; named by security defaults' administrator list (conditional-access.ts).
  billingAdministrator: 'b0f54661-2d74-4c50-afa3-1ec803f12efe',
  passwordAdministrator: '966707d0-3269-4727-9be2-8c3a10f19b9d',
  privilegedAuthenticationAdministrator: '7be44c8a-adaf-4e2a-84d6-ab2649e08a13',
  teamsAdministrator: '69091246-20e8-4a56-aa4d-066075b2a7a8',
  authenticationPolicyAdministrator: '0526716b-113d-4c15-b2c8-68e3c22b9f80',
  identityGovernanceAdministrator: '45d8d3c5-c802-45c6-b32a-1d70b5e1e86e',
} as const;

export const builtInRoles: readonly BuiltInRole[] = [
  { templateId: roleIds.globalAdministrator, displayName: 'Global Administrator', description: 'Can manage all aspects of Microsoft Entra ID and Microsoft services that use Microsoft Entra identities.', privileged: true },
  { templateId: roleIds.privilegedRoleAdministrator, displayName: 'Privileged Role Administrator', description: 'Can manage role assignments in Microsoft Entra ID, and all aspects of Privileged Identity Management.', privileged: true },
  { templateId: roleIds.securityAdministrator, displayName: 'Security Administrator', description: 'Can read security information and reports, and manage configuration in Microsoft Entra ID and Office 365.', privileged: true },
  { templateId: roleIds.userAdministrator, displayName: 'User Administrator', description: 'Can manage all aspects of users and groups, including resetting passwords for limited admins.', privileged: true },
  { templateId: roleIds.exchangeAdministrator, displayName: 'Exchange Administrator', description: 'Can manage all aspects of the Exchange product.', privileged: false },
  { templateId: roleIds.sharePointAdministrator, displayName: 'SharePoint Administrator', description: 'Can manage all aspects of the SharePoint service.', privileged: false },
  { templateId: roleIds.applicationAdministrator, displayName: 'Application Administrator', description: 'Can create and manage all aspects of app registrations and enterprise apps.', privileged: true },
  { templateId: roleIds.cloudApplicationAdministrator, displayName: 'Cloud Application Administrator', description: 'Can create and manage all aspects of app registrations and enterprise apps except App Proxy.', privileged: true },
  { templateId: roleIds.conditionalAccessAdministrator, displayName: 'Conditional Access Administrator', description: 'Can manage Conditional Access capabilities.', privileged: true },
  { templateId: roleIds.authenticationAdministrator, displayName: 'Authentication Administrator', description: 'Can access to view, set and reset authentication method information for any non-admin user.', privileged: true },
  { templateId: roleIds.helpdeskAdministrator, displayName: 'Helpdesk Administrator', description: 'Can reset passwords for non-administrators and Helpdesk Administrators.', privileged: true },
  { templateId: roleIds.globalReader, displayName: 'Global Reader', description: 'Can read everything that a Global Administrator can, but not update anything.', privileged: true },
  { templateId: roleIds.securityReader, displayName: 'Security Reader', description: 'Can read security information and reports in Microsoft Entra ID and Office 365.', privileged: true },
  { templateId: roleIds.directoryReaders, displayName: 'Directory Readers', description: 'Can read basic directory information. Commonly used to grant directory read access to applications and guests.', privileged: false },
];

export const findBuiltInRole = (templateId: string) => builtInRoles.find((r) => r.templateId === templateId.toLowerCase());
