// The admin consent endpoint (https://learn.microsoft.com/entra/identity-platform/v2-admin-consent; v1 style
// /{tenant}/adminconsent in v2-oauth2-client-creds-grant-flow.md): an administrator signs in and grants the app's
// permissions for the whole organisation (creating its service principal in a new tenant). Success redirects
// with admin_consent=True&tenant={tid}&scope=…&state=…; Cancel with admin_consent=True&error=access_denied&
// error_subcode=cancel (admin_consent=True leads every answer of this endpoint, errors included).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { EmulatorContext } from '../server/emulator-context.js';
import type { Application, User } from '../state/directory-types.js';
import { adminConsentPage } from '../ui/interaction-pages.js';
import { aadsts } from './aadsts-errors.js';
import { approvalLines, showApprovalNeeded } from './approval-request-flow.js';
import { checkUserMayUseApp, publisherDomain } from './authorize-flow.js';
import { consentPath } from './consent-path.js';
import { applicationPermissionText, consentText, permissionsToGrant } from './consent-policy.js';
import type { AdminConsentInteraction } from './interaction-state.js';
import { redirectError, redirectWith } from './redirect-response.js';

/**
 * Microsoft's admin consent endpoint sends `admin_consent=True` first on its error redirects too (v2-admin-consent
 * "Error response": `?admin_consent=True&error=consent_required&error_description=AADSTS65004…&state=12345`).
 */
export const adminConsentLead = { admin_consent: 'True' } as const;

export function continueAdminConsent(ctx: EmulatorContext, request: FastifyRequest, reply: FastifyReply, pendingId: string, p: AdminConsentInteraction, user: User) {
  const app = checkUserMayUseApp(ctx, request, reply, p, user);
  if (!app) return reply;
  const account = { displayName: user.displayName, userPrincipalName: user.userPrincipalName };
  const { delegated, application } = permissionsToGrant(app, p);
  if (!ctx.directory.isAdmin(user)) return showApprovalNeeded(ctx, reply, pendingId, p, user, app, approvalLines(ctx, p, app, user));
  if (ctx.options.autoConsent) return grantForOrganization(ctx, reply, pendingId, p, user, app);
  return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(
    adminConsentPage({
      actionUrl: consentPath(p.tenantSegment),
      ctx: pendingId,
      appName: app.displayName,
      publisherDomain: publisherDomain(ctx, app),
      account,
      delegated: delegated.map((n) => consentText(n, 'admin')),
      application: application.map(applicationPermissionText),
    }),
  );
}

export function answerAdminConsent(ctx: EmulatorContext, request: FastifyRequest, reply: FastifyReply, pendingId: string, p: AdminConsentInteraction, user: User, action: string) {
  if (action === 'accept' && ctx.directory.isAdmin(user)) {
    const app = ctx.directory.getApplication(p.clientId)!;
    return grantForOrganization(ctx, reply, pendingId, p, user, app);
  }
  ctx.pending.finish(pendingId);
  const err = action === 'return' ? aadsts.adminConsentRequired() : aadsts.userDeclinedConsent();
  return redirectError(request, reply, ctx.origin(request), p.target, err, { error_subcode: 'cancel' }, adminConsentLead);
}

function grantForOrganization(ctx: EmulatorContext, reply: FastifyReply, pendingId: string, p: AdminConsentInteraction, user: User, app: Application) {
  const { delegated, application } = permissionsToGrant(app, p);
  ctx.directory.ensureServicePrincipal(user.tenantId, app);
  if (delegated.length) ctx.directory.grantDelegated(user.tenantId, app.appId, delegated);
  if (application.length) ctx.directory.grantApplication(user.tenantId, app.appId, application);
  ctx.pending.finish(pendingId);
  return redirectWith(reply, p.target, { admin_consent: 'True', tenant: user.tenantId, ...(p.scope !== undefined ? { scope: p.scope } : {}) });
}
