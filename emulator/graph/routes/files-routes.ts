// OneDrive and SharePoint endpoints: /me/drive, /users/{id}/drive, /sites/root, /sites?search=, /sites/{id}.
// Shapes cited in resources/files-resources.ts. Drive items (children, content, writes, delta) are in ../files/.
import { graphErrors } from '../graph-errors.js';
import { collection, entity } from '../graph-response.js';
import { findUser, signedInUser, type GraphRoute, type GraphRouteRequest } from '../graph-router.js';
import { driveResource, driveShape, siteResource, siteShape, tenantSites } from '../resources/files-resources.js';

const sitesOf = (req: GraphRouteRequest) => tenantSites(req.tenant, req.ctx.directory.groupsOf(req.tenant.id));

function findSite(req: GraphRouteRequest, id: string) {
  const sites = sitesOf(req);
  const wanted = id.toLowerCase();
  // A site is addressed by its composite id, or (the root) by the hostname alone (site-get "Access the root site").
  const site = sites.find((s) => s.id.toLowerCase() === wanted) ?? (wanted === sites[0]!.webUrl.slice(8) ? sites[0] : undefined);
  if (!site) throw graphErrors.itemNotFound('Requested site could not be found');
  return site;
}

export const filesRoutes: GraphRoute[] = [
  { path: '/me/drive', handler: (req) => entity(req, driveShape, driveResource({ kind: 'user', user: signedInUser(req) }, req.tenant), 'drives') },
  { path: '/users/{user}/drive', handler: (req) => entity(req, driveShape, driveResource({ kind: 'user', user: findUser(req, req.params.user!) }, req.tenant), 'drives') },
  // `root` is a site id alias (site-get), so the table's /sites/{id} facts apply.
  { path: '/sites/root', permissionPath: '/sites/{id}', handler: (req) => entity(req, siteShape, siteResource(sitesOf(req)[0]!, req.tenant), 'sites') },
  {
    path: '/sites',
    handler: (req) => {
      const search = (req.search.get('search') ?? '*').trim().toLowerCase();
      const sites = sitesOf(req).filter((s) => search === '*' || search === '' || [s.name, s.displayName, s.description].some((text) => text.toLowerCase().includes(search)));
      return collection(req, { shape: siteShape, items: sites.map((s) => siteResource(s, req.tenant)), context: 'sites' });
    },
  },
  { path: '/sites/{site}', handler: (req) => entity(req, siteShape, siteResource(findSite(req, req.params.site!), req.tenant), 'sites') },
  {
    // A site by host and server-relative path (site-get: GET /sites/{hostname}:/{server-relative-path}).
    path: '/sites/{host}:/{collection}/{name}',
    permissionPath: '/sites/{id}',
    handler: (req) => {
      const url = `https://${req.params.host}/${req.params.collection}/${req.params.name}`.toLowerCase();
      const site = sitesOf(req).find((s) => s.webUrl.toLowerCase() === url);
      if (!site) throw graphErrors.itemNotFound('Requested site could not be found');
      return entity(req, siteShape, siteResource(site, req.tenant), 'sites');
    },
  },
];
