// Directory endpoints: /me, /users, /groups, /organization, /subscribedSkus, /applications(appId='…') and
// /applications/{id}, /servicePrincipals(appId='…') and /servicePrincipals/{id}.
// Each answer's shape follows the "Get"/"List" page of the resource (cited in resources/directory-resources.ts);
// paging of /users and /groups/{id}/members follows https://learn.microsoft.com/graph/paging (default page 100,
// $top up to 999).
import { graphErrors } from '../graph-errors.js';
import { collection, entity } from '../graph-response.js';
import { findUser, PlainText, signedInUser, type GraphRoute, type GraphRouteRequest } from '../graph-router.js';
import { parseQuery, type GraphObject, type ResourceShape } from '../odata-query.js';
import {
  applicationResource,
  applicationShape,
  groupResource,
  groupShape,
  organizationResource,
  organizationShape,
  servicePrincipalResource,
  servicePrincipalShape,
  subscribedSkuResources,
  subscribedSkuShape,
  userShape,
} from '../resources/directory-resources.js';
import { directoryObjectShape, groupMembers, memberObject } from '../resources/group-members.js';
import { userAsGraph, usersAsGraph } from '../resources/user-security.js';

const tenantUsers = (req: GraphRouteRequest) => req.ctx.directory.tenantUsers(req.tenant.id);

export function findGroup(req: GraphRouteRequest, id: string) {
  const group = req.ctx.directory.groupsOf(req.tenant.id).find((g) => g.id === id.toLowerCase());
  if (!group) throw graphErrors.resourceNotFound(id);
  return group;
}

/**
 * `/users/$count`, `/groups/$count`: an advanced query (https://learn.microsoft.com/graph/aad-advanced-queries), so
 * only with `ConsistencyLevel: eventual`; the integer as text/plain (https://learn.microsoft.com/graph/api/user-list
 * "Example 3: Get only a count of users"). Without the header Graph's 400 as captured on 2025-12-10
 * (azurekid/ScEntra#13). $filter narrows the count as it narrows the list.
 */
function rawCount(req: GraphRouteRequest, shape: ResourceShape, items: GraphObject[]): PlainText {
  const level = req.headers.consistencylevel;
  if ((Array.isArray(level) ? level[0] : level)?.toLowerCase() !== 'eventual') {
    throw graphErrors.unsupportedQuery(
      "Raw count (/$count) is not supported because the 'ConsistencyLevel:eventual' header is missing. Refer to https://aka.ms/graph-docs/advanced-queries for more information",
    );
  }
  const query = parseQuery(req.search, shape);
  return new PlainText(String(query.filter ? items.filter(query.filter).length : items.length));
}

export const directoryRoutes: GraphRoute[] = [
  { path: '/me', handler: (req) => entity(req, userShape, usersAsGraph(req, [signedInUser(req)])[0]!, 'users') },
  {
    path: '/users',
    handler: (req) => collection(req, { shape: userShape, items: tenantUsers(req), resource: userAsGraph(req), context: 'users' }),
  },
  {
    path: '/users/$count',
    permissionPath: '/users',
    handler: (req) => rawCount(req, userShape, usersAsGraph(req, tenantUsers(req))),
  },
  {
    path: '/groups/$count',
    permissionPath: '/groups',
    handler: (req) => rawCount(req, groupShape, req.ctx.directory.groupsOf(req.tenant.id).map((g) => groupResource(g, req.tenant))),
  },
  { path: '/users/{user}', handler: (req) => entity(req, userShape, usersAsGraph(req, [findUser(req, req.params.user!)])[0]!, 'users') },
  {
    path: '/groups',
    handler: (req) => collection(req, { shape: groupShape, items: req.ctx.directory.groupsOf(req.tenant.id).map((g) => groupResource(g, req.tenant)), context: 'groups' }),
  },
  {
    path: '/groups/{group}/members',
    handler: (req) => {
      const group = findGroup(req, req.params.group!);
      return collection(req, { shape: directoryObjectShape, items: groupMembers(req, group, false), resource: (m) => memberObject(req, m), context: 'directoryObjects' });
    },
  },
  { path: '/organization', handler: (req) => collection(req, { shape: organizationShape, items: [organizationResource(req.tenant)], context: 'organization' }) },
  // https://learn.microsoft.com/graph/api/organization-get: GET /organization/{organization-id} answers the
  // caller's own organisation; any other id is not found (another tenant's id included).
  {
    path: '/organization/{id}',
    permissionPath: '/organization',
    handler: (req) => {
      if (req.params.id!.toLowerCase() !== req.tenant.id.toLowerCase()) throw graphErrors.resourceNotFound(req.params.id!);
      return entity(req, organizationShape, organizationResource(req.tenant), 'organization');
    },
  },
  {
    path: '/subscribedSkus',
    handler: (req) => collection(req, { shape: subscribedSkuShape, items: subscribedSkuResources(req.tenant, tenantUsers(req), req.ctx.security.of(req.tenant.id).licences), context: 'subscribedSkus' }),
  },
  // The application object lives in its home tenant only; in any other tenant (where only its service principal
  // exists) Graph finds no such application. An app reads its own objects without any permission (ownObject).
  {
    path: "/applications(appId='{appId}')",
    ownObject: (req) => req.caller.appId === req.params.appId!.toLowerCase(),
    handler: (req) => {
      const appId = req.params.appId!;
      const app = req.ctx.directory.getApplication(appId);
      if (!app || app.tenantId !== req.tenant.id) throw graphErrors.resourceNotFound(appId);
      return entity(req, applicationShape, applicationResource(app, req.tenant), 'applications');
    },
  },
  {
    path: '/applications/{id}',
    ownObject: (req) => req.ctx.directory.findApplicationById(req.tenant.id, req.params.id!)?.appId === req.caller.appId,
    handler: (req) => {
      const app = req.ctx.directory.findApplicationById(req.tenant.id, req.params.id!);
      if (!app) throw graphErrors.resourceNotFound(req.params.id!);
      return entity(req, applicationShape, applicationResource(app, req.tenant), 'applications');
    },
  },
  // https://learn.microsoft.com/graph/api/serviceprincipal-get: by appId or object id, in the caller's tenant.
  {
    path: "/servicePrincipals(appId='{appId}')",
    ownObject: (req) => req.caller.appId === req.params.appId!.toLowerCase(),
    handler: (req) => {
      const sp = req.ctx.directory.servicePrincipal(req.tenant.id, req.params.appId!);
      if (!sp) throw graphErrors.resourceNotFound(req.params.appId!);
      return entity(req, servicePrincipalShape, servicePrincipalResource(sp, req.ctx.directory.getApplication(sp.appId), req.tenant), 'servicePrincipals');
    },
  },
  {
    path: '/servicePrincipals/{id}',
    ownObject: (req) => req.ctx.directory.findServicePrincipalById(req.tenant.id, req.params.id!)?.appId === req.caller.appId,
    handler: (req) => {
      const sp = req.ctx.directory.findServicePrincipalById(req.tenant.id, req.params.id!);
      if (!sp) throw graphErrors.resourceNotFound(req.params.id!);
      return entity(req, servicePrincipalShape, servicePrincipalResource(sp, req.ctx.directory.getApplication(sp.appId), req.tenant), 'servicePrincipals');
    },
  },
];
