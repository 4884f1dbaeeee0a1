// A tenant's SharePoint sites, and one by its id: what drive access and Sites.Selected grants both look up.
import { graphErrors } from '../graph-errors.js';
import type { GraphRouteRequest } from '../graph-router.js';
import { tenantSites, type SiteFacts } from '../resources/files-resources.js';

export const sitesOf = (req: GraphRouteRequest): SiteFacts[] => tenantSites(req.tenant, req.ctx.directory.groupsOf(req.tenant.id));

export const siteNotFound = () => graphErrors.itemNotFound('Requested site could not be found');

export function findSite(req: GraphRouteRequest, id: string): SiteFacts {
  const sites = sitesOf(req);
  const wanted = id.toLowerCase();
  // A site is addressed by its composite id, by `root`, or (the root) by the hostname alone (site-get).
  const site = sites.find((s) => s.id.toLowerCase() === wanted) ?? (wanted === 'root' || wanted === sites[0]!.webUrl.slice(8) ? sites[0] : undefined);
  if (!site) throw siteNotFound();
  return site;
}
