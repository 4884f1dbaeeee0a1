// Tenant policies a security assessment reads: domains, authorization policy, security defaults, named locations,
// authentication methods policy, permission grant policies, the default app management policy, group settings,
// Secure Score control profiles, and the audit and sign-in logs (Microsoft Entra ID P1). Shapes in
// resources/policy-resources.ts; the state in state/security-config.ts.
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
