// A user as Graph returns it with the security configuration's facts: userType (Guest for invited users),
// onPremisesSyncEnabled, and signInActivity, which Graph returns only on $select and only to a caller holding
// AuditLog.Read.All in a tenant with Microsoft Entra ID P1 or P2
// (https://learn.microsoft.com/graph/api/resources/user, signInActivity; .../resources/signinactivity).
import type { Tenant, User } from '../../state/directory-types.js';
import type { UserSecurityFacts } from '../../state/security-config.js';
import { dayStart, isoSeconds, stableNumber } from '../graph-data.js';
import { graphErrors } from '../graph-errors.js';
import type { GraphRouteRequest } from '../graph-router.js';
import { callerHolds, requireEntraP1 } from '../licence-checks.js';
import type { GraphObject } from '../odata-query.js';
import { userResource } from './directory-resources.js';

/** The last sign-in: the configuration's, else within the last 30 days of the emulator clock, fixed per user. */
function lastSignIn(user: User, facts: UserSecurityFacts, nowMs: number): string {
  return facts.lastSignInDateTime ?? isoSeconds(dayStart(nowMs) - stableNumber(`sign-in/${user.id}`, 30) * 86_400_000 + 8 * 3_600_000);
}

export function userWithSecurityFacts(user: User, tenant: Tenant, facts: UserSecurityFacts, nowMs: number, withSignInActivity: boolean): GraphObject {
  const base = userResource(user, tenant);
  const last = withSignInActivity ? lastSignIn(user, facts, nowMs) : undefined;
  return {
    ...base,
    userType: facts.userType ?? 'Member',
    onPremisesSyncEnabled: facts.onPremisesSyncEnabled ?? null,
    // A synced user carries its on-premises anchor (the base64 of the AD objectGUID); cloud-only users have none.
    onPremisesImmutableId: facts.onPremisesSyncEnabled ? Buffer.from(user.id.replace(/-/g, ''), 'hex').toString('base64') : null,
    ...(last ? { signInActivity: { lastSignInDateTime: last, lastSignInRequestId: null, lastNonInteractiveSignInDateTime: last, lastNonInteractiveSignInRequestId: null, lastSuccessfulSignInDateTime: last, lastSuccessfulSignInRequestId: null } } : {}),
  };
}

/** Whether the request selects signInActivity; if so the caller must hold AuditLog.Read.All and the tenant P1. */
export function wantsSignInActivity(req: GraphRouteRequest): boolean {
  const select = req.search.get('$select');
  if (!select || !select.split(',').some((s) => s.trim().toLowerCase() === 'signinactivity')) return false;
  if (!callerHolds(req, 'AuditLog.Read.All')) throw graphErrors.insufficientPrivileges();
  requireEntraP1(req);
  return true;
}

/** Builds users as this request sees them; the query and the caller's rights are read once, not once per user. */
export function userAsGraph(req: GraphRouteRequest): (user: User) => GraphObject {
  const withActivity = wantsSignInActivity(req);
  const now = req.ctx.clock.now();
  const config = req.ctx.security.of(req.tenant.id);
  return (u) => userWithSecurityFacts(u, req.tenant, config.users[u.id] ?? {}, now, withActivity);
}

export function usersAsGraph(req: GraphRouteRequest, users: readonly User[]): GraphObject[] {
  return users.map(userAsGraph(req));
}
