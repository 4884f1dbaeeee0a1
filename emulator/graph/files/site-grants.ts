// Sites.Selected (https://learn.microsoft.com/graph/api/site-post-permissions; sample in
// /work/shared/microsoft/graph/sites-permissions.json): an application token holding Sites.Selected and no tenant-wide
// Files/Sites permission reaches only the sites granted to it through POST /sites/{id}/permissions (which itself needs
// Sites.FullControl.All), with the granted role: `read` for reads, `write` (or `owner`, `fullcontrol`) for writes.
// Grants live in memory and reset clears them.
import { randomUUID } from 'node:crypto';
import { GraphError, graphErrors } from '../graph-errors.js';
import { collection } from '../graph-response.js';
import { GraphReply, type GraphRoute, type GraphRouteRequest } from '../graph-router.js';
import type { GraphObject, ResourceShape } from '../odata-query.js';
import { onEmulatorReset } from '../reset-hooks.js';
import type { DriveOwner, SiteFacts } from '../resources/files-resources.js';
import type { EmulatorContext } from '../../server/emulator-context.js';
import { accessDenied, findSite } from './site-lookup.js';

interface SiteGrant {
  id: string;
  roles: string[];
  application: { id: string; displayName: string };
}

const roleRank: Record<string, number> = { read: 1, write: 2, manage: 3, owner: 3, fullcontrol: 4 };
/** Permissions that reach every site and drive of the tenant (Sites.Selected is then not consulted). */
const tenantWide = ['files.read.all', 'files.readwrite.all', 'sites.read.all', 'sites.readwrite.all', 'sites.manage.all', 'sites.fullcontrol.all', 'group.read.all', 'group.readwrite.all'];

const stores = new WeakMap<EmulatorContext, Map<string, SiteGrant[]>>();

function grantsOf(ctx: EmulatorContext): Map<string, SiteGrant[]> {
  let store = stores.get(ctx);
  if (!store) {
    const created = new Map<string, SiteGrant[]>();
    stores.set(ctx, (store = created));
    onEmulatorReset(ctx, () => created.clear());
  }
  return store;
}

const key = (tenantId: string, siteId: string) => `${tenantId}/${siteId.toLowerCase()}`;

const holdsTenantWide = (req: GraphRouteRequest) => req.caller.permissions.some((p) => tenantWide.includes(p.toLowerCase()));

/** Whether the calling app holds a grant on the site with at least the role the method needs (read for GET, else write). */
function grantedEnough(req: GraphRouteRequest, site: SiteFacts): boolean {
  if (!req.caller.permissions.some((p) => p.toLowerCase() === 'sites.selected')) return false;
  const needed = req.method === 'GET' ? roleRank.read! : roleRank.write!;
  const grants = grantsOf(req.ctx).get(key(req.tenant.id, site.id)) ?? [];
  return grants.some((g) => g.application.id === req.caller.appId && g.roles.some((r) => (roleRank[r.toLowerCase()] ?? 0) >= needed));
}

/** Whether an application caller may use this drive: tenant-wide permissions, or a Sites.Selected grant of the site. */
export function appCanReach(req: GraphRouteRequest, owner: DriveOwner): boolean {
  if (holdsTenantWide(req)) return true;
  return owner.kind === 'site' && grantedEnough(req, owner.site);
}

/**
 * site-get for an application holding Sites.Selected: only a granted site answers, any other one is 403 accessDenied
 * (https://learn.microsoft.com/graph/permissions-selected-overview). Delegated callers and tenant-wide apps pass.
 */
export function assertSiteReadable(req: GraphRouteRequest, site: SiteFacts): SiteFacts {
  if (req.caller.kind !== 'application' || holdsTenantWide(req) || grantedEnough(req, site)) return site;
  throw accessDenied();
}

function findGrant(req: GraphRouteRequest, site: SiteFacts): { grants: SiteGrant[]; index: number } {
  const grants = grantsOf(req.ctx).get(key(req.tenant.id, site.id)) ?? [];
  const index = grants.findIndex((g) => g.id === req.params.permission);
  if (index < 0) throw graphErrors.itemNotFound('The requested permission could not be found.');
  return { grants, index };
}

const permissionShape: ResourceShape = {
  type: 'microsoft.graph.permission',
  properties: ['id', 'roles', 'grantedToIdentities', 'grantedToIdentitiesV2'],
  defaults: ['id', 'roles', 'grantedToIdentities', 'grantedToIdentitiesV2'],
};

const permissionResource = (grant: SiteGrant): GraphObject => ({
  id: grant.id,
  '@deprecated.GrantedToIdentities': 'GrantedToIdentities has been deprecated. Refer to GrantedToIdentitiesV2',
  roles: grant.roles,
  grantedToIdentities: [{ application: grant.application }],
  grantedToIdentitiesV2: [{ application: grant.application }],
});

function parseGrant(req: GraphRouteRequest): SiteGrant {
  const input = (req.body ?? {}) as { roles?: unknown; grantedToIdentities?: unknown; grantedToIdentitiesV2?: unknown };
  const roles = Array.isArray(input.roles) ? input.roles.filter((r): r is string => typeof r === 'string') : [];
  if (roles.length === 0 || roles.some((r) => roleRank[r.toLowerCase()] === undefined)) {
    throw graphErrors.badRequest('roles must name read, write, manage, owner or fullcontrol.', 'invalidRequest');
  }
  const identities = (Array.isArray(input.grantedToIdentitiesV2) ? input.grantedToIdentitiesV2 : input.grantedToIdentities) as { application?: { id?: unknown; displayName?: unknown } }[] | undefined;
  const application = identities?.[0]?.application;
  if (typeof application?.id !== 'string') throw graphErrors.badRequest('grantedToIdentities must name an application: [{"application": {"id", "displayName"}}].', 'invalidRequest');
  if (!req.ctx.directory.servicePrincipal(req.tenant.id, application.id)) {
    throw new GraphError(400, 'invalidRequest', `The application ${application.id} has no service principal in this tenant.`);
  }
  return { id: randomUUID(), roles, application: { id: application.id.toLowerCase(), displayName: typeof application.displayName === 'string' ? application.displayName : '' } };
}

export const siteGrantRoutes: GraphRoute[] = [
  // site-post-permissions
  {
    path: '/sites/{site}/permissions',
    method: 'POST',
    handler: (req) => {
      const site = findSite(req, req.params.site!);
      const grant = parseGrant(req);
      const store = grantsOf(req.ctx);
      store.set(key(req.tenant.id, site.id), [...(store.get(key(req.tenant.id, site.id)) ?? []), grant]);
      return new GraphReply(201, { '@odata.context': `${req.serviceRoot}/$metadata#sites('${site.id}')/permissions/$entity`, ...permissionResource(grant) });
    },
  },
  // site-list-permissions
  {
    path: '/sites/{site}/permissions',
    handler: (req) => {
      const site = findSite(req, req.params.site!);
      const grants = grantsOf(req.ctx).get(key(req.tenant.id, site.id)) ?? [];
      return collection(req, { shape: permissionShape, items: grants.map(permissionResource), context: `sites('${site.id}')/permissions` });
    },
  },
  // site-get-permission (https://learn.microsoft.com/graph/api/site-get-permission)
  {
    path: '/sites/{site}/permissions/{permission}',
    handler: (req) => {
      const site = findSite(req, req.params.site!);
      const { grants, index } = findGrant(req, site);
      return new GraphReply(200, { '@odata.context': `${req.serviceRoot}/$metadata#sites('${site.id}')/permissions/$entity`, ...permissionResource(grants[index]!) });
    },
  },
  // site-delete-permission (https://learn.microsoft.com/graph/api/site-delete-permission): 204, the app loses the site
  {
    path: '/sites/{site}/permissions/{permission}',
    method: 'DELETE',
    handler: (req) => {
      const { grants, index } = findGrant(req, findSite(req, req.params.site!));
      grants.splice(index, 1);
      return new GraphReply(204, undefined);
    },
  },
];
