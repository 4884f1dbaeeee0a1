// OneDrive and SharePoint endpoints: /me/drive, /users/{id}/drive, /sites/root, /sites?search=, /sites/{id}.
// Shapes cited in resources/files-resources.ts. Drive items (children, content, writes, delta) are in ../files/.
import { collection, entity } from '../graph-response.js';
import { findUser, signedInUser, type GraphRoute, type GraphRouteRequest } from '../graph-router.js';
import { driveResource, driveShape, siteResource, siteShape } from '../resources/files-resources.js';
import { assertSiteReadable } from '../files/site-grants.js';
import { findSite, findSiteByPath, sitesOf } from '../files/site-lookup.js';

export const filesRoutes: GraphRoute[] = [
  { path: '/me/drive', handler: (req) => entity(req, driveShape, driveResource({ kind: 'user', user: signedInUser(req) }, req.tenant), 'drives') },
  { path: '/users/{user}/drive', handler: (req) => entity(req, driveShape, driveResource({ kind: 'user', user: findUser(req, req.params.user!) }, req.tenant), 'drives') },
  // `root` is a site id alias (site-get), so the table's /sites/{id} facts apply.
  { path: '/sites/root', permissionPath: '/sites/{id}', handler: (req) => entity(req, siteShape, siteResource(assertSiteReadable(req, sitesOf(req)[0]!), req.tenant), 'sites') },
  {
    path: '/sites',
    handler: (req) => {
      const search = (req.search.get('search') ?? '*').trim().toLowerCase();
      const sites = sitesOf(req).filter((s) => search === '*' || search === '' || [s.name, s.displayName, s.description].some((text) => text.toLowerCase().includes(search)));
      return collection(req, { shape: siteShape, items: sites.map((s) => siteResource(s, req.tenant)), context: 'sites' });
    },
  },
  { path: '/sites/{site}', handler: (req) => entity(req, siteShape, siteResource(assertSiteReadable(req, findSite(req, req.params.site!)), req.tenant), 'sites') },
  {
    // A site by host and server-relative path (site-get: GET /sites/{hostname}:/{server-relative-path}).
    path: '/sites/{host}:/{collection}/{name}',
    permissionPath: '/sites/{id}',
    handler: (req) => entity(req, siteShape, siteResource(assertSiteReadable(req, findSiteByPath(req, req.params.host!, `${req.params.collection}/${req.params.name}`)), req.tenant), 'sites'),
  },
];
