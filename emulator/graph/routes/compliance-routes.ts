// Security configuration endpoints a compliance sync reads: conditional access policies, Secure Score,
// SharePoint tenant settings, authentication methods registration. Shapes in resources/compliance-resources.ts.
import { collection, entity } from '../graph-response.js';
import type { GraphRoute, GraphRouteRequest } from '../graph-router.js';
import { conditionalAccessPolicyResource, conditionalAccessPolicyShape } from '../resources/policy-resources.js';
import {
  secureScores,
  secureScoreShape,
  sharePointSettings,
  sharePointSettingsShape,
  userRegistrationDetails,
  userRegistrationDetailsShape,
} from '../resources/compliance-resources.js';

// Not copied: a page of a 100,000-user tenant must not copy the tenant's user list (every page of every walk).
const usersOf = (req: GraphRouteRequest) => req.ctx.directory.tenantUsers(req.tenant.id);

export const complianceRoutes: GraphRoute[] = [
  {
    path: '/identity/conditionalAccess/policies',
    handler: (req) =>
      collection(req, {
        shape: conditionalAccessPolicyShape,
        items: req.ctx.security.of(req.tenant.id).conditionalAccessPolicies.map(conditionalAccessPolicyResource),
        context: 'identity/conditionalAccess/policies',
      }),
  },
  {
    path: '/security/secureScores',
    handler: (req) => collection(req, { shape: secureScoreShape, items: secureScores(req.tenant, usersOf(req), req.ctx.clock.now(), req.ctx.security.of(req.tenant.id).secureScoreOverrides), context: 'security/secureScores' }),
  },
  { path: '/admin/sharepoint/settings', handler: (req) => entity(req, sharePointSettingsShape, sharePointSettings(), 'admin/sharepoint/settings') },
  {
    path: '/reports/authenticationMethods/userRegistrationDetails',
    // Each user's details are made only for the page that shows them: a page costs its own users, not the tenant's.
    handler: (req) => {
      const now = req.ctx.clock.now();
      return collection(req, {
        shape: userRegistrationDetailsShape,
        items: usersOf(req),
        resource: (u) => userRegistrationDetails([u], (user) => req.ctx.directory.isAdmin(user), now, (user) => req.ctx.security.userFacts(req.tenant.id, user.id))[0]!,
        context: 'reports/authenticationMethods/userRegistrationDetails',
      });
    },
  },
];
