// What the SharePoint REST and Management Activity API pass-through tests share: the hub paths, the acting headers
// and the services of a workspace that uses both APIs.
export const asUser = { 'x-m365hub-acting-user': 'sp-user' };
export const asApp = { 'x-m365hub-mode': 'application' };
export const sp = (workspaceId: string, path: string) => `/api/v1/workspaces/${workspaceId}/proxy/sharepoint${path}`;
export const manage = (workspaceId: string, path: string) => `/api/v1/workspaces/${workspaceId}/proxy/manage${path}`;
export const feed = (tenant: string, rest: string) => `/api/v1.0/${tenant}/activity/feed/${rest}`;

/** OneDrive for the connect flow, SharePoint in both modes, the audit feed (compliance) for the app. */
export const SHAREPOINT_AND_AUDIT_SERVICES = [
  { service: 'onedrive', modes: ['delegated'] },
  { service: 'sharepoint', modes: ['delegated', 'application'] },
  { service: 'compliance', modes: ['application'] },
];
