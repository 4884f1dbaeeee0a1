// Which drive a request names and whether the caller may use it. Drives exist per tenant only (another tenant's
// drive id is not found, exactly like a missing one). An application token reaches every drive of its tenant with a
// tenant-wide permission, or the granted sites' libraries with Sites.Selected (site-grants.ts); a delegated call also needs the signed-in user's own access, as
// SharePoint checks it: their own OneDrive, the root site, and the team sites of groups they belong to.
import type { Group, Tenant, User } from '../../state/directory-types.js';
import { graphErrors } from '../graph-errors.js';
import { findUser, signedInUser, type GraphRouteRequest } from '../graph-router.js';
import { driveIdOf, findDrive, tenantSites, type DriveOwner, type SiteFacts } from '../resources/files-resources.js';
import { fileSystemOf } from './file-system.js';
import type { ItemTree } from './item-tree.js';
import { appCanReach } from './site-grants.js';
import { accessDenied, findSite, sitesOf } from './site-lookup.js';

export interface DriveRef {
  owner: DriveOwner;
  driveId: string;
  tree: ItemTree;
}

/** How a route names its drive: `/me/drive`, `/users/{user}/drive`, `/drives/{drive}`, `/groups/{group}/drive`, `/sites/{site}/drive`. */
export type DriveBase = 'me' | 'users' | 'drives' | 'groups' | 'sites';


const driveNotFound = () => graphErrors.itemNotFound('The provided drive id appears to be malformed, or does not represent a valid drive.');

export { accessDenied, findSite, siteNotFound, sitesOf } from './site-lookup.js';

function findGroup(req: GraphRouteRequest, id: string): Group {
  const group = req.ctx.directory.groupsOf(req.tenant.id).find((g) => g.id === id.toLowerCase());
  if (!group) throw graphErrors.resourceNotFound(id);
  return group;
}

/** Whether the signed-in user of a delegated call can open the drive (application callers always can). */
export function userCanReach(req: GraphRouteRequest, owner: DriveOwner): boolean {
  if (req.caller.kind === 'application') return appCanReach(req, owner);
  const me: User = signedInUser(req);
  if (owner.kind === 'user') return owner.user.id === me.id;
  return owner.site.isRoot || (owner.site.group?.memberIds.includes(me.id) ?? false);
}

export function siteOwner(site: SiteFacts): DriveOwner {
  return { kind: 'site', site };
}

/** The drive a request's base names, after the user-access check. */
export function resolveDrive(req: GraphRouteRequest, base: DriveBase): DriveRef {
  const owner = driveOwnerOf(req, base);
  if (!userCanReach(req, owner)) throw accessDenied();
  return driveRefFor(req, owner);
}

/** Whose drive a request's base names, before any access check (a missing drive is not found). */
export function driveOwnerOf(req: GraphRouteRequest, base: DriveBase): DriveOwner {
  let owner: DriveOwner;
  switch (base) {
    case 'me':
      owner = { kind: 'user', user: signedInUser(req) };
      break;
    case 'users':
      owner = { kind: 'user', user: findUser(req, req.params.user!) };
      break;
    case 'groups': {
      const group = findGroup(req, req.params.group!);
      owner = siteOwner(sitesOf(req).find((s) => s.group?.id === group.id)!);
      break;
    }
    case 'sites':
      owner = siteOwner(findSite(req, req.params.site!));
      break;
    case 'drives': {
      const found = findDrive(req.tenant, req.ctx.directory.usersOf(req.tenant.id), sitesOf(req), req.params.drive!);
      if (!found) throw driveNotFound();
      owner = found;
      break;
    }
  }
  return owner;
}

/** The drives of a site (one Documents library each) the caller can reach. */
export function siteDrives(req: GraphRouteRequest, site: SiteFacts): DriveRef[] {
  const owner = siteOwner(site);
  if (!userCanReach(req, owner)) throw accessDenied();
  return [{ owner, driveId: driveIdOf(owner), tree: fileSystemOf(req.ctx).tree(owner, req.tenant) }];
}

export function driveRefFor(req: GraphRouteRequest, owner: DriveOwner, tenant: Tenant = req.tenant): DriveRef {
  return { owner, driveId: driveIdOf(owner), tree: fileSystemOf(req.ctx).tree(owner, tenant) };
}
