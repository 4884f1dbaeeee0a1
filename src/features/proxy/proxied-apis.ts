// The Microsoft APIs besides Graph that the pass-through reaches, each with its own token audience:
//  - SharePoint REST, `https://{tenant}.{sharePointSuffix}/…/_api/…` (the token's audience is the tenant's SharePoint
//    host). App-only calls need a token from a certificate: SharePoint answers "Unsupported app only token." to one
//    from a client secret (https://learn.microsoft.com/sharepoint/dev/solution-guidance/security-apponly-azuread,
//    "Using this principal with a client secret is not supported"), so the hub refuses that before asking Microsoft.
//  - The Office 365 Management Activity API, `{managementUrl}/api/v1.0/{tenant}/activity/feed/…` (audience
//    `https://manage.office.com` in the global cloud), app-only with ActivityFeed.Read
//    (https://learn.microsoft.com/office/office-365-management-api/office-365-management-activity-api-reference);
//    the tenant in the path must be the tenant the token is for, so the path's tenant picks the token.
// Policed like Graph: SharePoint REST belongs to the `sharepoint` service, the audit activity feed to `compliance`.
import { isTenantGuid, normaliseTenant } from '../../microsoft/identity/tenant-metadata.js';
import type { ServiceName } from '../../contract/services.js';
import { HttpProblem } from '../../platform/http/http-problem.js';

export type ProxiedApiName = 'sharepoint' | 'manage';

/** A SharePoint Online host of the cloud: one label before the cloud's suffix (`contoso.sharepoint.com`). */
export function isSharePointHost(host: string, sharePointSuffix: string): boolean {
  const suffix = `.${sharePointSuffix.toLowerCase()}`;
  const lower = host.toLowerCase();
  return lower.endsWith(suffix) && /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(lower.slice(0, -suffix.length));
}

/** SharePoint REST paths name the site and then `_api` (`/_api/web`, `/sites/finance/_api/web/lists`). */
export function checkSharePointPath(path: string): void {
  if (!path.split('/').some((segment) => segment.toLowerCase() === '_api')) {
    throw new HttpProblem('proxy_path_invalid', { detail: "Name a SharePoint REST path with an _api segment after …/proxy/sharepoint, e.g. /_api/web or /sites/finance/_api/web/lists." });
  }
}

/** `/api/v1.0/{tenant}/activity/feed/…` → the tenant, which must be a tenant id (GUID). */
export function managementPathTenant(path: string): string {
  const match = /^\/api\/v1\.0\/([^/]+)\/activity\/feed\/[^/]/i.exec(path);
  const tenant = match ? normaliseTenant(decodeURIComponent(match[1]!)) : undefined;
  if (!tenant || !isTenantGuid(tenant)) {
    throw new HttpProblem('proxy_path_invalid', { detail: 'Name a Management Activity API path after …/proxy/manage: /api/v1.0/{tenant id}/activity/feed/subscriptions/list, with the customer tenant id (a GUID).' });
  }
  return tenant;
}

export const PROXIED_API_SERVICE: Record<ProxiedApiName, ServiceName> = { sharepoint: 'sharepoint', manage: 'compliance' };

/**
 * The Management Activity API pages `subscriptions/content` with a `NextPageUri` header naming its own host
 * ("List available content": "…the NextPageUri header…"), which a host backend cannot call without the hub's
 * token: the same page through the hub's pass-through instead. Anything not under the API's root is left as sent.
 */
export function nextPageThroughHub(nextPageUri: string, managementUrl: string, proxyManageBase: string): string {
  const root = managementUrl.replace(/\/+$/, '');
  if (!URL.canParse(nextPageUri)) return nextPageUri;
  const next = new URL(nextPageUri);
  if (next.origin !== new URL(root).origin || !next.pathname.startsWith('/api/v1.0/')) return nextPageUri;
  return `${proxyManageBase}${next.pathname}${next.search}`;
}
