// A tenant's SharePoint sites, and one by its id or its URL: what site routes, drive access and Sites.Selected grants
// all look up (site-get, https://learn.microsoft.com/graph/api/site-get).
import { GraphError, graphErrors } from '../graph-errors.js';
import type { GraphRouteRequest } from '../graph-router.js';
import { tenantSites, type SiteFacts } from '../resources/files-resources.js';

export const sitesOf = (req: GraphRouteRequest): SiteFacts[] => tenantSites(req.tenant, req.ctx.directory.groupsOf(req.tenant.id));

export const accessDenied = () => new GraphError(403, 'accessDenied', 'Access denied. You do not have permission to perform this action or access this resource.');

export const siteNotFound = () => graphErrors.itemNotFound('Requested site could not be found');

export function findSite(req: GraphRouteRequest, id: string): SiteFacts {
  const sites = sitesOf(req);
  const wanted = id.toLowerCase();
  // A site is addressed by its composite id, by `root`, or (the root) by the hostname alone (site-get).
  const site = sites.find((s) => s.id.toLowerCase() === wanted) ?? (wanted === 'root' || wanted === sites[0]!.webUrl.slice(8) ? sites[0] : undefined);
  if (!site) throw siteNotFound();
  return site;
}

/** `GET /sites/{hostname}:/{server-relative-path}` (site-get "Access a site by server-relative URL"); a trailing slash is ignored. */
export function findSiteByPath(req: GraphRouteRequest, host: string, path: string): SiteFacts {
  const url = `https://${host}/${path}`.replace(/\/+$/, '').toLowerCase();
  const site = sitesOf(req).find((s) => s.webUrl.toLowerCase() === url);
  if (!site) throw siteNotFound();
  return site;
}
