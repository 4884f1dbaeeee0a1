// The site-grants feature's public surface: granting the integration's app its allowed SharePoint sites
// (Sites.Selected) and the route that does it.
export { registerSiteGrantRoutes } from './site-grant-routes.js';
export { grantAllowedSites, type SiteGrantDeps } from './site-grant-service.js';
export { SITE_GRANT_PROBLEMS } from './problems.js';
