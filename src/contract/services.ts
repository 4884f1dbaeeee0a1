// The Microsoft 365 services a workspace can enable, and the two modes: the one list. The permission catalogue
// (src/microsoft/identity/permission-catalogue.ts) maps each to Microsoft permissions; the API schemas and the
// console import it from here.
export const SERVICE_NAMES = ['onedrive', 'sharepoint', 'teams-files', 'directory', 'compliance', 'mail', 'calendar', 'teams-messages', 'dynamics'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

export const PERMISSION_MODES = ['delegated', 'application'] as const;
export type PermissionModeName = (typeof PERMISSION_MODES)[number];
