// The resources besides Microsoft Graph whose access tokens the emulator issues, as a v2.0 `scope` names them:
//  - SharePoint Online: `https://{tenant}.sharepoint.com/.default` (SharePoint's application id is
//    00000003-0000-0ff1-ce00-000000000000; the token's `aud` is the host URI the scope named). A tenant's host only:
//    asking for another tenant's SharePoint host is AADSTS500011, as the resource principal is not in that tenant.
//  - The Office 365 Management APIs: `https://manage.office.com/.default` (application id
//    c5393580-f805-4401-95e8-94b7a6ef2fc2, https://learn.microsoft.com/office/office-365-management-api/get-started-with-office-365-management-apis).
// The emulator keeps one namespace of permission names per app and tenant; a token carries the ones its resource
// defines: ActivityFeed.* and ServiceHealth.Read for the Management APIs, Sites.* / AllSites.* / MyFiles.* for
// SharePoint (the names SharePoint's own permissions have), everything else for Graph.
import { sharePointHost } from '../graph/graph-data.js';
import type { DirectoryStore } from '../state/directory-store.js';
import type { Tenant } from '../state/directory-types.js';
import { aadsts } from './aadsts-errors.js';
import { ProtocolError } from './error-responses.js';

export const managementResourceUri = 'https://manage.office.com';

/** The Office 365 Management APIs' permissions (app role and delegated scope names alike). */
export const managementPermissions = ['ActivityFeed.Read', 'ActivityFeed.ReadDlp', 'ServiceHealth.Read'] as const;

const isManagementPermission = (name: string) => managementPermissions.some((p) => p.toLowerCase() === name.toLowerCase());
const isSharePointPermission = (name: string) => /^(Sites|AllSites|MyFiles)\./i.test(name);

export type HostedResource = { kind: 'sharepoint'; audience: string; host: string } | { kind: 'manage'; audience: string };

/** The tenant whose SharePoint host this is (`contoso.sharepoint.com`), if any. */
export function tenantOfSharePointHost(directory: DirectoryStore, host: string): Tenant | undefined {
  const wanted = host.toLowerCase();
  return directory.listTenants().find((t) => sharePointHost(t) === wanted);
}

/** A non-Graph resource the emulator serves, from the resource part of a scope; undefined for anything else. */
export function hostedResource(resource: string, directory: DirectoryStore): HostedResource | undefined {
  const lower = resource.toLowerCase().replace(/\/+$/, '');
  if (lower === managementResourceUri) return { kind: 'manage', audience: managementResourceUri };
  const match = /^https:\/\/([a-z0-9-]+\.sharepoint\.com)$/.exec(lower);
  if (match && tenantOfSharePointHost(directory, match[1]!)) return { kind: 'sharepoint', audience: `https://${match[1]}`, host: match[1]! };
  return undefined;
}

/** AADSTS500011 when the audience is a SharePoint host of another tenant than the token's. */
export function checkAudienceTenant(directory: DirectoryStore, audience: string, tenant: Tenant): void {
  const hosted = hostedResource(audience, directory);
  if (hosted?.kind === 'sharepoint' && tenantOfSharePointHost(directory, hosted.host)?.id !== tenant.id) {
    throw new ProtocolError(aadsts.resourcePrincipalNotFound(audience, tenant.displayName));
  }
}

/** The permissions of a token for this audience: the ones its resource defines. */
export function permissionsForAudience(audience: string, names: readonly string[], directory: DirectoryStore): string[] {
  const hosted = hostedResource(audience, directory);
  if (hosted?.kind === 'manage') return names.filter(isManagementPermission);
  if (hosted?.kind === 'sharepoint') return names.filter(isSharePointPermission);
  return names.filter((n) => !isManagementPermission(n));
}
