// Tenant policies a security assessment reads: domains, authorization policy, security defaults, named locations,
// authentication methods policy, permission grant policies, the default app management policy, group settings,
// Secure Score control profiles, and the audit and sign-in logs (Microsoft Entra ID P1). Shapes in
// resources/policy-resources.ts; the state in state/security-config.ts.
import { GRAPH_RESOURCE_APP_ID } from '../../permissions/graph-permissions.js';
import { graphErrors } from '../graph-errors.js';
import { collection, entity } from '../graph-response.js';
import type { GraphRoute, GraphRouteRequest } from '../graph-router.js';
import { requireAlsoPermission, requireEntraP1 } from '../licence-checks.js';
import { isoSeconds, tenantCreatedDateTime } from '../graph-data.js';
import { secureScoreControls } from '../resources/compliance-resources.js';
import {
  appManagementPolicyShape,
  authenticationMethodsPolicyShape,
  authenticationMethodsPolicyResource,
  authorizationPolicyResource,
  authorizationPolicyShape,
  defaultAppManagementPolicy,
  directoryAuditResource,
  directoryAuditShape,
  domainResources,
  domainShape,
  groupSettingShape,
  permissionClassificationShape,
  namedLocationResource,
  namedLocationShape,
  permissionGrantPolicies,
  permissionGrantPolicyShape,
  secureScoreControlProfile,
  secureScoreControlProfileShape,
  securityDefaultsResource,
  securityDefaultsShape,
  signInResource,
  signInShape,
} from '../resources/policy-resources.js';

/** Microsoft Graph's own service principal, addressed by its well-known appId (the emulator gives it no object id). */
const isMicrosoftGraphPrincipal = (req: GraphRouteRequest, key: string) => req.params.appId !== undefined && key.toLowerCase() === GRAPH_RESOURCE_APP_ID;

const configOf = (req: GraphRouteRequest) => req.ctx.security.of(req.tenant.id);
const newestFirst = <T, K extends keyof T>(items: T[], key: K) => [...items].sort((a, b) => String(b[key]).localeCompare(String(a[key])));

export const policyRoutes: GraphRoute[] = [
  { path: '/domains', handler: (req) => collection(req, { shape: domainShape, items: domainResources(req.tenant), context: 'domains' }) },
  { path: '/policies/authorizationPolicy', handler: (req) => entity(req, authorizationPolicyShape, authorizationPolicyResource(configOf(req)), 'policies/authorizationPolicy') },
  {
    path: '/policies/identitySecurityDefaultsEnforcementPolicy',
    handler: (req) => entity(req, securityDefaultsShape, securityDefaultsResource(configOf(req)), 'policies/identitySecurityDefaultsEnforcementPolicy'),
  },
  {
    path: '/identity/conditionalAccess/namedLocations',
    handler: (req) => collection(req, { shape: namedLocationShape, items: configOf(req).namedLocations.map(namedLocationResource), context: 'identity/conditionalAccess/namedLocations' }),
  },
  {
    path: '/policies/authenticationMethodsPolicy',
    handler: (req) => entity(req, authenticationMethodsPolicyShape, authenticationMethodsPolicyResource(configOf(req), tenantCreatedDateTime(req.tenant)), 'policies/authenticationMethodsPolicy'),
  },
  { path: '/policies/permissionGrantPolicies', handler: (req) => collection(req, { shape: permissionGrantPolicyShape, items: permissionGrantPolicies(), context: 'policies/permissionGrantPolicies' }) },
  { path: '/policies/defaultAppManagementPolicy', handler: (req) => entity(req, appManagementPolicyShape, defaultAppManagementPolicy(), 'policies/defaultAppManagementPolicy') },
  // serviceprincipal-list-delegatedpermissionclassifications: the classifications live on the API's service principal.
  // The tenant's configuration holds Microsoft Graph's; another API's service principal has none classified here.
  ...(["/servicePrincipals(appId='{appId}')/delegatedPermissionClassifications", '/servicePrincipals/{id}/delegatedPermissionClassifications'] as const).map(
    (path): GraphRoute => ({
      path,
      handler: (req) => {
        const key = req.params.appId ?? req.params.id!;
        const graph = isMicrosoftGraphPrincipal(req, key);
        if (!graph && !req.ctx.directory.servicePrincipal(req.tenant.id, key) && !req.ctx.directory.findServicePrincipalById(req.tenant.id, key)) throw graphErrors.resourceNotFound(key);
        const items = graph ? configOf(req).delegatedPermissionClassifications.map((c) => ({ ...c })) : [];
        return collection(req, { shape: permissionClassificationShape, items, context: `servicePrincipals('${key}')/delegatedPermissionClassifications` });
      },
    }),
  ),
  { path: '/groupSettings', handler: (req) => collection(req, { shape: groupSettingShape, items: configOf(req).groupSettings.map((s) => ({ ...s })), context: 'groupSettings' }) },
  {
    path: '/security/secureScoreControlProfiles',
    handler: (req) => {
      const modified = isoSeconds(Date.parse(tenantCreatedDateTime(req.tenant)));
      const items = secureScoreControls.map((c, i) => secureScoreControlProfile(req.tenant, c, i + 1, modified));
      return collection(req, { shape: secureScoreControlProfileShape, items, context: 'security/secureScoreControlProfiles' });
    },
  },
  {
    path: '/auditLogs/directoryAudits',
    handler: (req) => {
      requireAlsoPermission(req, 'Directory.Read.All');
      requireEntraP1(req);
      const items = newestFirst(configOf(req).directoryAudits, 'activityDateTime').map((a) => directoryAuditResource(a, a.initiatedByUserId ? req.ctx.directory.getUser(a.initiatedByUserId) : undefined));
      return collection(req, { shape: directoryAuditShape, items, context: 'auditLogs/directoryAudits' });
    },
  },
  {
    path: '/auditLogs/signIns',
    handler: (req) => {
      requireAlsoPermission(req, 'Directory.Read.All');
      requireEntraP1(req);
      const items = newestFirst(configOf(req).signIns, 'createdDateTime').map((s) => signInResource(s, req.ctx.directory.getUser(s.userId)));
      return collection(req, { shape: signInShape, items, context: 'auditLogs/signIns' });
    },
  },
];
