// The one table of what m365hub asks Microsoft for: service × mode → permissions, least privilege first. The setup
// guide, the scopes of the connect flow, Test Connection's "missing permissions" and the consent URLs all read it,
// so a permission is added or justified in exactly one place.
//
// Facts come from Microsoft's Graph permissions reference (https://learn.microsoft.com/en-us/graph/permissions-reference)
// and the "Permissions" table of each API's reference page (linked per entry as `apiDocUrl`): the permission named
// here is the one that page marks "least privileged"; `satisfiedBy` lists the higher-privileged ones the same page
// accepts, so a tenant that already granted more is not told it is missing something.

import { PERMISSION_MODES, SERVICE_NAMES, type PermissionModeName, type ServiceName } from '../../contract/services.js';

/** The services, from the API contract: one list for the catalogue, the API schemas and the console. */
export const SERVICES = SERVICE_NAMES;
export type Service = ServiceName;

export const MODES = PERMISSION_MODES;
export type PermissionMode = PermissionModeName;

export type ResourceName = 'graph' | 'dynamics' | 'manage';

export interface ResourceFacts {
  displayName: string;
  /** The resource's application id URI; Dynamics' has the customer's organisation in it. */
  uri: string;
  /** The resource's well-known first-party application id (what the Entra admin center lists it under). */
  appId: string;
}

export const RESOURCES: Record<ResourceName, ResourceFacts> = {
  graph: { displayName: 'Microsoft Graph', uri: 'https://graph.microsoft.com', appId: '00000003-0000-0000-c000-000000000000' },
  dynamics: { displayName: 'Dynamics CRM', uri: 'https://{org}.crm.dynamics.com', appId: '00000007-0000-0000-c000-000000000000' },
  // The Office 365 Management APIs (https://learn.microsoft.com/office/office-365-management-api/get-started-with-office-365-management-apis):
  // the audit activity feed of the Management Activity API, read through …/proxy/manage.
  manage: { displayName: 'Office 365 Management APIs', uri: 'https://manage.office.com', appId: 'c5393580-f805-4401-95e8-94b7a6ef2fc2' },
};

export interface PermissionFact {
  resource: ResourceName;
  /** As Microsoft spells it (the token's `scp` / `roles` carry the same spelling). */
  name: string;
  /** Scope = delegated permission, Role = application permission (the manifest's `type`). */
  type: 'Scope' | 'Role';
  adminConsentRequired: boolean;
  /** One sentence a workspace admin reads in the setup guide. */
  why: string;
  /** Higher-privileged permissions that also allow the same calls. */
  satisfiedBy: readonly string[];
  referenceUrl: string;
  /** The API reference page of the call that needs it. */
  apiDocUrl: string;
}

export interface ServiceModeEntry {
  permissions: readonly PermissionFact[];
  /** Set when Microsoft offers no way to do this service in this mode; shown instead of permissions. */
  unsupported?: string;
  /** Something to do outside "API permissions" (e.g. a Sites.Selected grant per site). */
  note?: string;
}

export interface ServiceFacts {
  displayName: string;
  delegated: ServiceModeEntry;
  application: ServiceModeEntry;
}

const graphReference = (name: string) => `https://learn.microsoft.com/en-us/graph/permissions-reference#${name.toLowerCase()}`;
const graphApi = (page: string) => `https://learn.microsoft.com/en-us/graph/api/${page}`;
const DYNAMICS_AUTH_DOC = 'https://learn.microsoft.com/en-us/power-apps/developer/data-platform/authenticate-oauth';

function graph(
  type: 'Scope' | 'Role',
  name: string,
  adminConsentRequired: boolean,
  why: string,
  apiPage: string,
  satisfiedBy: readonly string[] = [],
): PermissionFact {
  return { resource: 'graph', name, type, adminConsentRequired, why, satisfiedBy, referenceUrl: graphReference(name), apiDocUrl: graphApi(apiPage) };
}
const delegated = (...args: Parameters<typeof graph> extends [unknown, ...infer R] ? R : never) => graph('Scope', ...args);
const application = (...args: Parameters<typeof graph> extends [unknown, ...infer R] ? R : never) => graph('Role', ...args);

const FILES_READ_ALL_ALTERNATIVES = ['Files.ReadWrite.All', 'Sites.Read.All', 'Sites.ReadWrite.All'];

export const PERMISSION_CATALOGUE: Record<Service, ServiceFacts> = {
  onedrive: {
    displayName: 'OneDrive files',
    // Copy needs to read the picked file; link needs a sharing link on it (createLink's least privileged delegated
    // permission is Files.ReadWrite); files shared with the user sit in other people's drives, which only the .All
    // permissions reach (drive-sharedwithme: "without one of the All permissions, shared items … will not be
    // accessible").
    delegated: {
      permissions: [
        delegated('Files.Read', false, "Copy: lists and downloads the files the signed-in user picks from their own OneDrive.", 'driveitem-list-children', [
          'Files.ReadWrite',
          'Files.Read.All',
          'Files.ReadWrite.All',
        ]),
        delegated('Files.ReadWrite', false, 'Link: creates a sharing link to the file the user picks, so the entity links to it instead of holding a copy.', 'driveitem-createlink', [
          'Files.ReadWrite.All',
          'Sites.ReadWrite.All',
        ]),
        delegated('Files.Read.All', false, "Shared with me: opens files other people shared with the user, which live in their drives, to link or copy them.", 'drive-sharedwithme', [
          'Files.ReadWrite.All',
          'Sites.Read.All',
          'Sites.ReadWrite.All',
        ]),
      ],
    },
    application: {
      permissions: [
        application('Files.Read.All', true, "Reads files in any user's OneDrive for linking and copying without a signed-in user.", 'driveitem-get', FILES_READ_ALL_ALTERNATIVES),
      ],
    },
  },
  sharepoint: {
    displayName: 'SharePoint sites and libraries',
    delegated: {
      permissions: [
        delegated('Sites.Read.All', false, 'Finds the SharePoint sites the signed-in user can see and reads files in their document libraries.', 'site-search', [
          'Sites.ReadWrite.All',
          'Sites.Manage.All',
          'Sites.FullControl.All',
        ]),
      ],
    },
    application: {
      permissions: [
        application('Sites.Selected', true, 'Reads only the SharePoint sites an administrator grants this app one by one, instead of every site in the tenant.', 'site-get', [
          'Sites.Read.All',
          'Sites.ReadWrite.All',
          'Sites.FullControl.All',
        ]),
      ],
      note: 'Sites.Selected grants nothing until each allowed site is granted to the app (POST /sites/{site-id}/permissions, https://learn.microsoft.com/en-us/graph/api/site-post-permissions).',
    },
  },
  'teams-files': {
    displayName: 'Teams channel files',
    delegated: {
      permissions: [
        delegated('Team.ReadBasic.All', false, 'Lists the teams the signed-in user has joined, to browse their files.', 'user-list-joinedteams', [
          'Team.ReadWrite.All',
          'Directory.Read.All',
        ]),
        delegated('Channel.ReadBasic.All', false, "Lists a team's channels, each of which has its own files folder.", 'channel-list', [
          'ChannelSettings.Read.All',
          'ChannelSettings.ReadWrite.All',
        ]),
        delegated('Files.Read.All', false, "Reads a channel's files folder, which lives in the team's SharePoint site.", 'channel-get-filesfolder', [
          'Files.ReadWrite.All',
          'Sites.Read.All',
          'Sites.ReadWrite.All',
        ]),
      ],
    },
    application: {
      permissions: [
        application('Team.ReadBasic.All', true, 'Lists the teams in the tenant to browse their files without a signed-in user.', 'teams-list', [
          'TeamSettings.Read.All',
          'TeamSettings.ReadWrite.All',
          'Directory.Read.All',
        ]),
        application('Channel.ReadBasic.All', true, "Lists a team's channels, each of which has its own files folder.", 'channel-list', [
          'ChannelSettings.Read.All',
          'ChannelSettings.ReadWrite.All',
        ]),
        application('Files.Read.All', true, "Reads a channel's files folder, which lives in the team's SharePoint site.", 'channel-get-filesfolder', FILES_READ_ALL_ALTERNATIVES),
      ],
    },
  },
  directory: {
    displayName: 'Users and groups',
    delegated: {
      permissions: [
        delegated('User.Read.All', true, 'Reads the full profile of every user (account enabled, sign-in names) for access reviews.', 'user-list', ['User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All']),
        delegated('GroupMember.Read.All', true, 'Reads groups and their members for access reviews.', 'group-list-members', ['Group.Read.All', 'Directory.Read.All']),
      ],
    },
    application: {
      permissions: [
        application('User.Read.All', true, 'Reads the full profile of every user (account enabled, sign-in names) for access reviews.', 'user-list', ['User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All']),
        application('GroupMember.Read.All', true, 'Reads groups and their members for access reviews.', 'group-list-members', ['Group.Read.All', 'Directory.Read.All']),
      ],
    },
  },
  compliance: {
    displayName: 'Security configuration (compliance)',
    delegated: {
      permissions: [
        delegated('User.Read.All', true, 'Reads every user to check accounts against the security baseline.', 'user-list', ['User.ReadWrite.All', 'Directory.Read.All']),
        delegated('GroupMember.Read.All', true, 'Reads groups and memberships used by policies and privileged access.', 'group-list-members', ['Group.Read.All', 'Directory.Read.All']),
        delegated('AuditLog.Read.All', true, 'Reads which users registered multifactor authentication (authentication methods registration details).', 'authenticationmethodsroot-list-userregistrationdetails'),
        delegated('Policy.Read.All', true, 'Reads conditional access and authorization policies.', 'conditionalaccessroot-list-policies', ['Policy.ReadWrite.ConditionalAccess']),
        delegated('RoleManagement.Read.Directory', true, 'Reads who holds privileged directory roles such as Global Administrator.', 'rbacapplication-list-roleassignments', ['RoleManagement.Read.All', 'Directory.Read.All']),
        delegated('SharePointTenantSettings.Read.All', true, 'Reads tenant-wide SharePoint sharing settings.', 'sharepointsettings-get', ['SharePointTenantSettings.ReadWrite.All']),
        delegated('SecurityEvents.Read.All', true, "Reads the tenant's Microsoft Secure Score.", 'security-list-securescores', ['SecurityEvents.ReadWrite.All']),
        delegated('Application.Read.All', true, "Reads which of Microsoft Graph's delegated permissions are classified low impact (what users may consent to).", 'serviceprincipal-list-delegatedpermissionclassifications', ['Directory.Read.All']),
      ],
      note: 'Delegated compliance reads also need the signed-in user to hold a directory role that can read these settings (for example Global Reader or Security Reader).',
    },
    application: {
      permissions: [
        application('User.Read.All', true, 'Reads every user to check accounts against the security baseline.', 'user-list', ['User.ReadWrite.All', 'Directory.Read.All']),
        application('GroupMember.Read.All', true, 'Reads groups and memberships used by policies and privileged access.', 'group-list-members', ['Group.Read.All', 'Directory.Read.All']),
        application('AuditLog.Read.All', true, 'Reads which users registered multifactor authentication (authentication methods registration details).', 'authenticationmethodsroot-list-userregistrationdetails'),
        application('Policy.Read.All', true, 'Reads conditional access and authorization policies.', 'conditionalaccessroot-list-policies', ['Policy.ReadWrite.ConditionalAccess']),
        application('RoleManagement.Read.Directory', true, 'Reads who holds privileged directory roles such as Global Administrator.', 'rbacapplication-list-roleassignments', ['RoleManagement.Read.All', 'Directory.Read.All']),
        application('SharePointTenantSettings.Read.All', true, 'Reads tenant-wide SharePoint sharing settings.', 'sharepointsettings-get', ['SharePointTenantSettings.ReadWrite.All']),
        application('SecurityEvents.Read.All', true, "Reads the tenant's Microsoft Secure Score.", 'security-list-securescores', ['SecurityEvents.ReadWrite.All']),
        application('Application.Read.All', true, "Reads which of Microsoft Graph's delegated permissions are classified low impact (what users may consent to).", 'serviceprincipal-list-delegatedpermissionclassifications', ['Directory.Read.All']),
        {
          resource: 'manage',
          name: 'ActivityFeed.Read',
          type: 'Role',
          adminConsentRequired: true,
          why: "Reads the tenant's audit activity feed (sign-ins, file and directory changes) through the Management Activity API pass-through.",
          satisfiedBy: [],
          referenceUrl: 'https://learn.microsoft.com/en-us/office/office-365-management-api/get-started-with-office-365-management-apis#specify-the-permissions-your-app-requires-to-access-the-office-365-management-apis',
          apiDocUrl: 'https://learn.microsoft.com/en-us/office/office-365-management-api/office-365-management-activity-api-reference',
        },
      ],
    },
  },
  mail: {
    displayName: 'Outlook mail',
    delegated: {
      permissions: [
        delegated('Mail.Send', false, 'Sends mail as the signed-in user when they run a mail action.', 'user-sendmail'),
        delegated('Mail.ReadWrite', false, "Lists and reads the signed-in user's messages and saves drafts when they run a mail action.", 'user-post-messages'),
      ],
    },
    application: {
      permissions: [
        application('Mail.Send', true, 'Sends mail as any user of the tenant; scope it down with an Exchange application access policy.', 'user-sendmail'),
        application('Mail.ReadWrite', true, "Lists and reads any user's messages and saves drafts; scope it down with an Exchange application access policy.", 'user-post-messages'),
      ],
    },
  },
  calendar: {
    displayName: 'Outlook calendar',
    delegated: {
      permissions: [delegated('Calendars.ReadWrite', false, "Creates events in the signed-in user's calendar when they run a calendar action.", 'user-post-events')],
    },
    application: {
      permissions: [application('Calendars.ReadWrite', true, "Creates events in any user's calendar without a signed-in user.", 'user-post-events')],
    },
  },
  'teams-messages': {
    displayName: 'Teams messages',
    delegated: {
      permissions: [
        delegated('ChannelMessage.Send', false, 'Posts a message to a Teams channel as the signed-in user.', 'channel-post-messages', ['Group.ReadWrite.All']),
        delegated('ChatMessage.Send', false, 'Posts a message to a Teams chat as the signed-in user.', 'chat-post-messages', ['Chat.ReadWrite']),
        delegated('Channel.ReadBasic.All', false, "Lists a team's channels (names and descriptions) so the user can choose where to post.", 'channel-list', ['ChannelSettings.Read.All']),
      ],
    },
    application: {
      permissions: [],
      unsupported:
        'Microsoft Graph lets applications post channel or chat messages only when migrating content (Teamwork.Migrate.All); use delegated mode to send Teams messages (https://learn.microsoft.com/en-us/graph/api/channel-post-messages).',
    },
  },
  dynamics: {
    displayName: 'Dynamics 365',
    delegated: {
      permissions: [],
      unsupported:
        'Dynamics 365 is available with a service principal (application mode) only: m365hub calls the Dataverse Web API as an application user with its own security role, not as each signed-in user.',
    },
    application: {
      permissions: [],
      note: 'Dynamics 365 does not use an API permission for applications: create an application user for this app in the Power Platform admin center and give it a security role (https://learn.microsoft.com/en-us/power-platform/admin/manage-application-users).',
    },
  },
};

export interface RequiredPermission extends PermissionFact {
  /** Every selected service that needs it (one permission can serve several). */
  services: Service[];
}

export class PermissionCatalogueError extends Error {
  constructor(
    readonly code: 'unknown_service' | 'service_mode_not_supported' | 'dynamics_org_required',
    message: string,
  ) {
    super(message);
    this.name = 'PermissionCatalogueError';
  }
}

function checkService(service: string): asserts service is Service {
  if (!(SERVICES as readonly string[]).includes(service)) {
    throw new PermissionCatalogueError('unknown_service', `Unknown service "${service}"; expected one of ${SERVICES.join(', ')}.`);
  }
}

/** The permissions the given services need in one mode, each once, in catalogue order. */
export function requiredPermissions(services: readonly Service[], mode: PermissionMode): RequiredPermission[] {
  const byKey = new Map<string, RequiredPermission>();
  for (const service of SERVICES.filter((s) => services.includes(s))) {
    checkService(service);
    const entry = PERMISSION_CATALOGUE[service][mode];
    if (entry.unsupported) throw new PermissionCatalogueError('service_mode_not_supported', entry.unsupported);
    for (const fact of entry.permissions) {
      const key = `${fact.resource}/${fact.name}`;
      const existing = byKey.get(key);
      if (existing) existing.services.push(service);
      else byKey.set(key, { ...fact, services: [service] });
    }
  }
  for (const service of services) checkService(service);
  return [...byKey.values()];
}

export const OIDC_SCOPES = ['openid', 'profile', 'offline_access'] as const;

const OIDC_DOC = 'https://learn.microsoft.com/en-us/entra/identity-platform/scopes-oidc#openid-connect-scopes';
const oidc = (name: string, why: string): PermissionFact => ({ resource: 'graph', name, type: 'Scope', adminConsentRequired: false, why, satisfiedBy: [], referenceUrl: OIDC_DOC, apiDocUrl: OIDC_DOC });

/**
 * The OpenID Connect permissions every delegated connection asks for besides the services' own, listed under
 * Microsoft Graph → OpenId permissions in the Entra admin center. They are not in Graph access tokens' `scp`, so
 * Test Connection's missing-permission check leaves them out; the setup guide lists them.
 */
export const OIDC_PERMISSIONS: readonly PermissionFact[] = [
  oidc('openid', "Signs the user in: Microsoft returns an ID token naming their account (tenant and object id), which is how m365hub knows whose connection it is."),
  oidc('offline_access', "Gives m365hub a refresh token, so the connection keeps working after the first hour without the user signing in again."),
  oidc('profile', "Adds the user's name and sign-in name to the ID token, shown beside the connection so people can tell accounts apart."),
];

export interface ScopeOptions {
  /** The cloud's Graph resource URI scopes are qualified with (default: the global cloud's, https://graph.microsoft.com). */
  graphResource?: string;
  /** The Dynamics organisation host name prefix (`contoso` of contoso.crm.dynamics.com); required with `dynamics`. */
  dynamicsOrg?: string;
}

function resourceUri(resource: ResourceName, options: ScopeOptions): string {
  if (resource === 'graph') return options.graphResource ?? RESOURCES.graph.uri;
  const org = options.dynamicsOrg?.trim();
  if (!org || !/^[a-z0-9][a-z0-9-]{0,62}$/i.test(org)) {
    throw new PermissionCatalogueError('dynamics_org_required', 'Dynamics 365 needs the organisation name (the "contoso" of contoso.crm.dynamics.com).');
  }
  return RESOURCES.dynamics.uri.replace('{org}', org.toLowerCase());
}

/**
 * The resource-qualified delegated scopes of the given services for one resource, as a token request names them.
 * A token is issued for one resource at a time (AADSTS28000 otherwise), so refreshes ask per resource.
 */
export function resourceScopes(services: readonly Service[], resource: ResourceName, options: ScopeOptions = {}): string[] {
  const wanted = requiredPermissions(services, 'delegated').filter((p) => p.resource === resource);
  if (wanted.length === 0) return [];
  const uri = resourceUri(resource, options);
  return wanted.map((p) => `${uri}/${p.name}`);
}

/**
 * Scopes for the authorization request: sign-in (openid profile), a refresh token (offline_access) and every
 * delegated permission, resource-qualified. The authorize endpoint takes consent for several resources at once.
 */
export function delegatedScopes(services: readonly Service[], options: ScopeOptions = {}): string[] {
  return [...OIDC_SCOPES, ...resourceScopes(services, 'graph', options), ...resourceScopes(services, 'dynamics', options)];
}

/**
 * Client credentials ask for everything granted to the app on Graph, which is how Microsoft's flow works. In a
 * national cloud the scope names that cloud's Graph host (https://learn.microsoft.com/graph/sdks/national-clouds).
 */
export function applicationScope(graphResource: string = RESOURCES.graph.uri): string {
  return `${graphResource}/.default`;
}

export interface GrantedPermissions {
  scp: readonly string[];
  roles: readonly string[];
}

/** The required permissions that the granted ones (from a token's `scp` / `roles`) do not cover. */
export function missingPermissions<T extends PermissionFact>(required: readonly T[], granted: GrantedPermissions): T[] {
  const scp = new Set(granted.scp.map((s) => s.toLowerCase()));
  const roles = new Set(granted.roles.map((r) => r.toLowerCase()));
  return required.filter((permission) => {
    const have = permission.type === 'Scope' ? scp : roles;
    return ![permission.name, ...permission.satisfiedBy].some((name) => have.has(name.toLowerCase()));
  });
}
