// How the console names and explains each Microsoft 365 service an integration can enable. The permissions behind
// each one come from the hub's permission catalogue (the setup guide shows them); this is only the wording.
import type { PermissionMode, ServiceName } from '../api/m365-types.js';

export interface ServiceInfo {
  label: string;
  description: string;
  /** Modes Microsoft Graph does not offer for this service, with why (the checkbox is disabled). */
  unavailable?: Partial<Record<PermissionMode, string>>;
}

export const SERVICES: Record<ServiceName, ServiceInfo> = {
  onedrive: { label: 'OneDrive files', description: "Pick, link and copy files from users' OneDrive." },
  sharepoint: { label: 'SharePoint sites', description: 'Browse document libraries of SharePoint sites.' },
  'teams-files': { label: 'Teams channel files', description: 'Files shared in Teams channels.' },
  directory: { label: 'Users and groups', description: 'Read users, groups and memberships for access reviews.' },
  compliance: { label: 'Security configuration', description: 'MFA registration, Conditional Access, Secure Score, SharePoint settings.' },
  mail: { label: 'Outlook mail', description: 'Send mail as the user or as a mailbox.' },
  calendar: { label: 'Outlook calendar', description: 'Create calendar events.' },
  'teams-messages': {
    label: 'Teams messages',
    description: 'Post messages to Teams channels and chats.',
    unavailable: { application: 'Microsoft Graph lets apps post Teams messages only as a signed-in user.' },
  },
  dynamics: {
    label: 'Dynamics 365',
    description: 'Call the Dataverse Web API of your Dynamics 365 organisation.',
    unavailable: { delegated: 'Dynamics 365 is available with a service principal (application mode) only.' },
  },
};

export const SERVICE_ORDER = Object.keys(SERVICES) as ServiceName[];

export const MODE_LABELS: Record<PermissionMode, { label: string; hint: string }> = {
  delegated: { label: 'Delegated', hint: 'as the signed-in user' },
  application: { label: 'Application', hint: 'app-only, no user' },
};

/** "service:onedrive" → "OneDrive files"; the fixed steps by their names. */
export function stepLabel(name: string): string {
  if (name === 'credentials') return 'Credentials';
  if (name === 'connection') return 'Your Microsoft 365 connection';
  if (name === 'registration') return 'App registration (redirect URI, user assignment)';
  if (name === 'permissions') return 'Permissions';
  const service = name.startsWith('service:') ? (name.slice('service:'.length) as ServiceName) : undefined;
  return service && SERVICES[service] ? SERVICES[service].label : name;
}
