// What Graph answers when the tenant lacks the licence a feature needs, or the caller lacks a second permission a
// page requires alongside the first ("AuditLog.Read.All and Directory.Read.All").
//  - Sign-in logs, audit logs and users' signInActivity need Microsoft Entra ID P1: 403
//    Authentication_RequestFromNonPremiumTenantOrB2CTenant "Neither tenant is B2C or tenant doesn't have premium
//    license" (runtime bodies in microsoftgraph/microsoft-graph-docs#12772, #14120, pnp/cli-microsoft365#2910;
//    https://learn.microsoft.com/graph/api/resources/signinactivity notes the P1/P2 licence).
//  - PIM needs Microsoft Entra ID P2 (https://learn.microsoft.com/graph/api/resources/privilegedidentitymanagementv3-overview,
//    "Licensing"): 400 AadPremiumLicenseRequired (code as reported in Galvnyz/M365-Assess#117, status as in
//    CompassSecurity/EntraFalcon#4; the message is the emulator's wording).
import { GraphError, graphErrors } from './graph-errors.js';
import type { GraphRouteRequest } from './graph-router.js';

export function requireEntraP1(req: GraphRouteRequest): void {
  const { licences } = req.ctx.security.of(req.tenant.id);
  if (!licences.entraIdP1 && !licences.entraIdP2) {
    throw new GraphError(403, 'Authentication_RequestFromNonPremiumTenantOrB2CTenant', "Neither tenant is B2C or tenant doesn't have premium license");
  }
}

export function requireEntraP2(req: GraphRouteRequest): void {
  if (!req.ctx.security.of(req.tenant.id).licences.entraIdP2) {
    throw new GraphError(400, 'AadPremiumLicenseRequired', 'The tenant needs an AAD Premium 2 license.');
  }
}

export const callerHolds = (req: GraphRouteRequest, permission: string) => req.caller.permissions.some((p) => p.toLowerCase() === permission.toLowerCase());

/** The second permission of an "X and Y" requirement; the router has checked the first. */
export function requireAlsoPermission(req: GraphRouteRequest, permission: string): void {
  if (!callerHolds(req, permission) && !callerHolds(req, permission.replace('.Read.', '.ReadWrite.'))) throw graphErrors.insufficientPrivileges();
}
