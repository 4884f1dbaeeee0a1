// What a user who may not consent sees, and their "Request approval".
//  - Workflow off (Microsoft's default): "Need admin approval", a dead end but for signing in as an admin or going
//    back to the app (AADSTS90094).
//  - Workflow on (the tenant's adminConsentRequestPolicy.isEnabled): "Approval required" with a justification box;
//    "Request approval" records a userConsentRequest under the app's appConsentRequest and shows "Request sent".
//    A user whose earlier request is still in progress sees "Request pending" instead of the form.
// https://learn.microsoft.com/entra/identity/enterprise-apps/admin-consent-workflow-overview,
// https://learn.microsoft.com/graph/api/resources/appconsentrequest, .../resources/userconsentrequest.
import type { FastifyReply } from 'fastify';
import type { EmulatorContext } from '../server/emulator-context.js';
import type { Application, User } from '../state/directory-types.js';
import { approvalRequestedPage, approvalRequiredPage, maxJustificationLength, needAdminApprovalPage, type PermissionLine } from '../ui/interaction-pages.js';
import { consentPath } from './consent-path.js';
import { applicationPermissionText, consentText, decideConsent, permissionsToGrant, requestedDelegated } from './consent-policy.js';
import type { PendingInteraction } from './interaction-state.js';

/** The permissions a request from this interaction asks for, and whether they were named (Dynamic) or registered (Static). */
export function permissionsToRequest(app: Application, p: PendingInteraction): { scopes: string[]; consentType: 'Static' | 'Dynamic' } {
  if (p.kind === 'adminconsent') return { scopes: permissionsToGrant(app, p).delegated, consentType: 'Static' };
  return { scopes: requestedDelegated(app, p.scopes), consentType: p.scopes.graphDefault ? 'Static' : 'Dynamic' };
}

/** The permissions the page lists: those only an admin can grant (all of them through the admin consent endpoint). */
export function approvalLines(ctx: EmulatorContext, p: PendingInteraction, app: Application, user: User): PermissionLine[] {
  if (p.kind === 'adminconsent') {
    const { delegated, application } = permissionsToGrant(app, p);
    return [...application.map(applicationPermissionText), ...delegated.map((n) => consentText(n, 'user'))];
  }
  return decideConsent(ctx.directory, user.tenantId, app, user, requestedDelegated(app, p.scopes)).adminOnly.map((n) => consentText(n, 'user'));
}

const accountOf = (user: User) => ({ displayName: user.displayName, userPrincipalName: user.userPrincipalName });
const sendPage = (reply: FastifyReply, page: string) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(page);

export function showApprovalNeeded(ctx: EmulatorContext, reply: FastifyReply, pendingId: string, p: PendingInteraction, user: User, app: Application, permissions: PermissionLine[]) {
  const base = { actionUrl: consentPath(p.tenantSegment), ctx: pendingId, appName: app.displayName, account: accountOf(user) };
  const policy = ctx.directory.adminConsentPolicy(user.tenantId);
  if (!policy.isEnabled) return sendPage(reply, needAdminApprovalPage({ ...base, permissions }));
  const pending = ctx.directory.consentRequests.inProgressFor(user.tenantId, app.appId, user.id, ctx.clock.now(), policy.requestDurationInDays);
  if (pending) return sendPage(reply, approvalRequestedPage({ ...base, requestedAt: pending.createdDateTime, alreadyPending: true }));
  return sendPage(reply, approvalRequiredPage({ ...base, permissions }));
}

/** The "Request approval" post; without the workflow on (turned off meanwhile) the page falls back to showApprovalNeeded. */
export function submitApprovalRequest(ctx: EmulatorContext, reply: FastifyReply, pendingId: string, p: PendingInteraction, user: User, justification: string) {
  const app = ctx.directory.getApplication(p.clientId)!;
  const permissions = approvalLines(ctx, p, app, user);
  const policy = ctx.directory.adminConsentPolicy(user.tenantId);
  if (!policy.isEnabled) return showApprovalNeeded(ctx, reply, pendingId, p, user, app, permissions);
  const base = { actionUrl: consentPath(p.tenantSegment), ctx: pendingId, appName: app.displayName, account: accountOf(user) };
  const reason = justification.trim();
  if (!reason || reason.length > maxJustificationLength) {
    const error = reason ? `Keep the justification under ${maxJustificationLength} characters.` : 'Enter a justification so your admin knows why you need this app.';
    return sendPage(reply, approvalRequiredPage({ ...base, permissions, error, justification: reason.slice(0, maxJustificationLength) }));
  }
  const { scopes, consentType } = permissionsToRequest(app, p);
  const { user: recorded, created } = ctx.directory.consentRequests.submit(
    { tenantId: user.tenantId, appId: app.appId, userId: user.id, reason, scopes, consentType, now: ctx.clock.now() },
    policy.requestDurationInDays,
  );
  return sendPage(reply, approvalRequestedPage({ ...base, requestedAt: recorded.createdDateTime, alreadyPending: !created }));
}
